"""Keyboard accelerators kept: UI strings with one (``&Open``, ``_Quit``) translated with the
markers set aside and placed again (``Translator(accelerators="auto")``, the default since
session 32) against the markers left to the model as text (``accelerators="none"``).

Segments: every test segment of the dev users with an accelerator that ``auto`` finds (vim's
menus and buttons), translated by the default model without memory (``base``) and with the
user's memory (``knn``); the strings with one of the dev users' memories, translated without
memory (new to the model too: it never trained on the dev users' files); and, with
``--catalog``, the strings with one of any other JSONL
catalog of ``{"source", "target"}`` lines, translated without memory (the GTK catalog of
``l10n/train``: GTK's ``_`` accelerators, which the dev users hardly have; the default model was
trained on it, so its BLEU there says little, the accelerators kept a lot). An output keeps its
accelerators when translate-toolkit's accelerator check (``pofilter``'s) passes for every marker;
``copied``: outputs identical to their source, left untranslated.

    python eval/accelerators.py --catalog ../shared/data/en-de/l10n/train/gtk.jsonl \\
        --output eval/results/accelerators-s32.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

from ltmt.accelerators import MARKERS, find_accelerator  # noqa: E402

SETTINGS = ("none", "auto")


def with_accelerators(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose source has a line with an accelerator that ``auto`` finds."""
    return [
        row
        for row in rows
        if any(find_accelerator(line, MARKERS)[1] for line in row["source"].split("\n"))
    ]


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def kept(source: str, output: str) -> bool:
    """translate-toolkit's accelerator check, for each marker, line by line as the source has
    lines (a segment of menu items has one accelerator a line)."""
    from translate.filters import checks

    source_lines, output_lines = source.split("\n"), output.split("\n")
    if len(source_lines) != len(output_lines):
        source_lines, output_lines = [source], [output]
    for marker in MARKERS:
        checker = checks.StandardChecker(checks.CheckerConfig(accelmarkers=[marker]))
        for source_line, output_line in zip(source_lines, output_lines, strict=True):
            try:
                checker.accelerators(source_line, output_line)
            except checks.FilterFailure:
                return False
    return True


def score(rows: list[dict[str, Any]], outputs: list[str]) -> dict[str, Any]:
    import sacrebleu

    references = [row["target"] for row in rows]
    return {
        "segments": len(rows),
        "bleu": round(sacrebleu.corpus_bleu(outputs, [references]).score, 2),
        "chrf2": round(sacrebleu.corpus_chrf(outputs, [references]).score, 2),
        "accelerators_kept": sum(kept(r["source"], o) for r, o in zip(rows, outputs, strict=True)),
        "references_keep": sum(kept(r["source"], r["target"]) for r in rows),
        "copied": sum(o.strip() == r["source"].strip() for r, o in zip(rows, outputs, strict=True)),
    }


def translate(
    translators: dict[str, Any], rows: list[dict[str, Any]], user: str | None
) -> dict[str, list[str]]:
    return {
        setting: [t.text for t in translator.translate([r["source"] for r in rows], user=user)]
        for setting, translator in translators.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--systems", default="base,knn", help="base (no memory), knn")
    parser.add_argument("--catalog", type=Path, action="append", default=[])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    from ltmt import Memory, Translator

    systems = args.systems.split(",")
    report: dict[str, Any] = {"settings": list(SETTINGS), "systems": systems, "users": {}}
    examples: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp, Memory(tmp) as memory:
        translators = {
            (system, setting): Translator(
                memory=memory,
                fusion="none" if system == "base" else system,
                accelerators=setting,
                threads=args.threads,
            )
            for system in systems
            for setting in SETTINGS
        }
        all_rows: list[dict[str, Any]] = []
        memory_rows: list[dict[str, Any]] = []
        all_outputs: dict[tuple[str, str], list[str]] = {key: [] for key in translators}
        for path in sorted(args.users_dir.glob("*.test.jsonl")):
            user = path.name.removesuffix(".test.jsonl")
            rows = with_accelerators(read_rows(path))
            if not rows:
                continue
            history = read_rows(args.users_dir / f"{user}.memory.jsonl")
            memory_rows.extend(with_accelerators(history))
            memory.import_pairs(user, [(r["source"], r["target"]) for r in history])
            report["users"][user] = len(rows)
            all_rows.extend(rows)
            for system in systems:
                outputs = translate({s: translators[(system, s)] for s in SETTINGS}, rows, user)
                for setting in SETTINGS:
                    all_outputs[(system, setting)].extend(outputs[setting])
                if system == systems[-1]:
                    examples.extend(
                        {"source": r["source"], "reference": r["target"]}
                        | {f"{system} {s}": outputs[s][i] for s in SETTINGS}
                        for i, r in enumerate(rows)
                    )
        report["dev"] = {
            f"{system} {setting}": score(all_rows, all_outputs[(system, setting)])
            for system, setting in translators
        }
        if "base" in systems:  # the memories' own strings, new to the model: no memory
            base = {s: translators[("base", s)] for s in SETTINGS}
            outputs = translate(base, memory_rows, None)
            report["dev memories"] = {f"base {s}": score(memory_rows, outputs[s]) for s in base}
        for catalog in args.catalog:
            rows = with_accelerators(read_rows(catalog))
            base = {s: translators[("base", s)] for s in SETTINGS if ("base", s) in translators}
            outputs = translate(base, rows, None)
            report[catalog.name] = {f"base {s}": score(rows, outputs[s]) for s in base}
    report["examples"] = examples
    report["note"] = (
        "Session 32: the dev users' test segments with an accelerator, and --catalog strings "
        "with one; accelerators_kept by translate-toolkit's accelerator check"
    )
    emit_report(report, args.output, shown={k: v for k, v in report.items() if k != "examples"})


if __name__ == "__main__":
    main()
