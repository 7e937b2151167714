"""``ltmt qa``'s checks on the dev users' translations, and beside translate-toolkit's pofilter.

Two parts, both written to one JSON file:

1. **Systems.** The dev users' 2,000 test segments as a ``ltmt bench`` run translated them
   (``--hypotheses``: its ``hypotheses.jsonl``), and their references (``reference``), checked
   by :func:`ltmt.qa.check_pairs` user by user, with each user's own memory (imported into a
   temporary store) for the ``memory`` check: findings by check and severity per system.
2. **pofilter.** Each dev user's memory (the translators' own work) written as a PO file and
   checked by ``ltmt qa``'s one-entry checks and by pofilter's tests that look for the same
   things (:data:`POFILTER_TESTS`); per pair of checks, the entries each flags and both flag.
   ``--catalog`` adds real PO catalogs (with their format flags) to this part.

    python eval/qa_trial.py --hypotheses eval/results/dev-offline-s49-zen4/hypotheses.jsonl \\
        --catalog /tmp/django-de.po --output eval/results/qa/qa-trial.json
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, read_jsonl, use_this_checkout

use_this_checkout()
from ltmt.formats.pairs import read_translations, write_pairs  # noqa: E402
from ltmt.memory.store import Memory  # noqa: E402
from ltmt.qa import check_pairs  # noqa: E402
from ltmt.segments import PairRecord  # noqa: E402

# ltmt's check -> pofilter's tests that look for the same
POFILTER_TESTS = {
    "placeholders": ("printf", "variables", "xmltags", "pythonbraceformat"),
    "numbers": ("numbers",),
    "accelerator": ("accelerators",),
    "whitespace": ("startwhitespace", "endwhitespace"),
    "doubled": ("doublewords",),
    "punctuation": ("endpunc",),
    "copied": ("unchanged",),
    "addresses": ("urls", "emails"),
}
PAIR_CHECKS = tuple(POFILTER_TESTS)


def system_findings(rows: list[dict[str, Any]], users_dir: Path, work: Path) -> dict[str, Any]:
    """Findings by check and severity of each system's translations (``rows``: a bench run's
    hypotheses) and of the references."""
    by_system: dict[str, dict[str, list[PairRecord]]] = collections.defaultdict(
        lambda: collections.defaultdict(list)
    )
    for n, row in enumerate(rows):
        records = by_system[row["system"]][row["set"]]
        records.append(PairRecord(row["source"], row["hypothesis"], f"{row['set']}:{n}"))
    for row in rows:
        if row["system"] == rows[0]["system"]:
            by_system["reference"][row["set"]].append(
                PairRecord(row["source"], row["reference"], row["set"])
            )
    results: dict[str, Any] = {}
    with Memory(work / "store") as memory:
        for user in sorted({row["set"] for row in rows}):
            pairs = read_jsonl(users_dir / f"{user}.memory.jsonl")
            memory.import_pairs(user, (PairRecord(p["source"], p["target"]) for p in pairs))
        for system, users in by_system.items():
            total: collections.Counter[str] = collections.Counter()
            severity: collections.Counter[str] = collections.Counter()
            entries = 0
            for user, records in users.items():
                report = check_pairs(records, memory=memory, user=user)
                total.update(report.by_check())
                severity.update(report.by_severity())
                entries += report.entries
            results[system] = {
                "entries": entries,
                "by_severity": dict(severity),
                "by_check": dict(sorted(total.items())),
            }
    return results


def pofilter_flags(po: Path, work: Path) -> dict[str, set[str]]:
    """pofilter's failing tests of each entry of ``po`` (by msgid and msgctxt)."""
    from translate.storage import po as po_storage

    tests = sorted({test for group in POFILTER_TESTS.values() for test in group})
    out = work / f"{po.stem}.pofilter.po"
    command = [sys.executable, "-m", "translate.filters.pofilter"]
    command += ["--progress=none", "--nofuzzy", "--gnome"]
    command += [argument for test in tests for argument in ("-t", test)]
    subprocess.run([*command, str(po), str(out)], check=True, capture_output=True)
    found: dict[str, set[str]] = collections.defaultdict(set)
    if not out.exists():
        return found
    for unit in po_storage.pofile.parsefile(str(out)).units:
        if unit.isheader():
            continue
        notes = unit.getnotes("translator")
        key = _key(str(unit.source), unit.getcontext())
        for line in notes.splitlines():
            if line.startswith("(pofilter) "):
                found[key].add(line[len("(pofilter) ") :].split(":", 1)[0].strip())
    return found


def _key(source: str, context: str) -> str:
    return f"{context}\x04{source}"


def compare_with_pofilter(po: Path, work: Path, label: str) -> dict[str, Any]:
    """Entries flagged by each of ltmt's one-entry checks and by pofilter's counterparts."""
    records = list(read_translations(po, include_fuzzy=False))
    report = check_pairs(records, checks=PAIR_CHECKS)
    ours: dict[str, set[str]] = collections.defaultdict(set)
    for finding in report.findings:
        context = str(records[finding.entry].metadata.get("context", ""))
        ours[finding.check].add(_key(finding.source, context))
    theirs = pofilter_flags(po, work)
    pairs = {}
    for check, tests in POFILTER_TESTS.items():
        flagged = {key for key, failed in theirs.items() if failed & set(tests)}
        pairs[check] = {
            "pofilter_tests": list(tests),
            "ltmt": len(ours[check]),
            "pofilter": len(flagged),
            "both": len(ours[check] & flagged),
        }
    return {"file": label, "entries": report.entries, "checks": pairs}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hypotheses", type=Path, required=True)
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--catalog", type=Path, action="append", default=[])
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    rows = read_jsonl(args.hypotheses)
    with tempfile.TemporaryDirectory(prefix="ltmt-qa-trial-") as folder:
        work = Path(folder)
        systems = system_findings(rows, args.users_dir, work)
        catalogs = []
        for user in sorted({row["set"] for row in rows}):
            pairs = read_jsonl(args.users_dir / f"{user}.memory.jsonl")
            po = work / f"{user}.po"
            write_pairs(po, (PairRecord(p["source"], p["target"]) for p in pairs))
            catalogs.append(compare_with_pofilter(po, work, f"{user}.memory.jsonl as PO"))
        catalogs += [compare_with_pofilter(path, work, str(path)) for path in args.catalog]
    report = {"hypotheses": str(args.hypotheses), "systems": systems, "pofilter": catalogs}
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
