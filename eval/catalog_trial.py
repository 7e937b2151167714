"""A real gettext catalog through ``ltmt translate`` as a localisation team would use it.

Every other translated entry of CATALOG stays translated (the team's history, imported into a
fresh memory with ``ltmt memory import``); the others are emptied and filled by ``ltmt translate``
twice: with that memory (``--user``) and without (no user). Both outputs are checked with
``msgfmt -c --use-fuzzy``; each run's report (``--json``) is kept; the filled forms are scored
against the catalog's own translations (BLEU, chrF2; an entry left untranslated scores as an
empty string), overall and by the best fuzzy match in the memory.

    python eval/catalog_trial.py --catalog /tmp/django-de.po --model ltmt/models/default-en-de \
        --output eval/results/catalog/django-de.json

``--via-ts``: the partial catalog is converted to a Qt Linguist file with Qt's ``lconvert`` and
translated as that (the history imported from it too); each output is compiled by ``lrelease``,
converted back to PO by ``lconvert``, and checked and scored as the PO outputs are.

Every command it runs is written into the JSON (``commands``), so a run can be redone by hand;
the work folder (``--work``, default a temporary one) keeps the files, including plain-text
``*.hyp``/``ref``/``src`` for ``ltmt eval``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_json, use_this_checkout

use_this_checkout()

# lrelease's summary: "Generated 5 translation(s) (3 finished and 2 unfinished)"
_GENERATED = re.compile(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)")


def _msgfmt(path: Path, commands: list[str]) -> dict[str, Any]:
    args = ["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(path)]
    commands.append(" ".join(args))
    result = subprocess.run(args, capture_output=True, text=True)
    errors = [line for line in result.stderr.splitlines() if "warning" not in line]
    return {"returncode": result.returncode, "errors": errors[:20]}


def _run(args: list[str], commands: list[str]) -> str:
    commands.append(" ".join(args))
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _lrelease(path: Path, commands: list[str]) -> dict[str, Any]:
    """What Qt's ``lrelease`` says of the ``.ts`` file ``path`` (it compiles it beside)."""
    args = ["lrelease", str(path), "-qm", str(path.with_suffix(".qm"))]
    commands.append(" ".join(args))
    result = subprocess.run(args, capture_output=True, text=True)
    found = _GENERATED.search(result.stdout)
    return {
        "returncode": result.returncode,
        "finished": int(found.group(2)) if found else None,
        "unfinished": int(found.group(3)) if found else None,
        "errors": [line for line in result.stderr.splitlines() if line.strip()][:20],
    }


def _split(
    catalog: Path, partial: Path, limit: int | None, c_format: bool
) -> list[tuple[str, str, list[str]]]:
    """Write ``partial`` (every other translated entry emptied); returns the emptied entries'
    (context, msgid, reference forms). With ``c_format``, entries whose msgid holds C format
    directives get the ``c-format`` flag, as xgettext gives them (a ``.mo`` has no flags)."""
    from translate.storage import pypo

    from ltmt.formats.format_strings import has_directives

    store = pypo.pofile.parsefile(str(catalog))
    if c_format:
        for unit in store.units:
            if not unit.isheader() and has_directives("c-format", str(unit.source)):
                unit.settypecomment("c-format")
    todo = []
    translated = [
        u
        for u in store.units
        if not u.isheader() and not u.isobsolete() and u.istranslated() and not u.isfuzzy()
    ]
    for number, unit in enumerate(translated):
        if number % 2 == 0 or (limit is not None and len(todo) >= limit):
            continue
        forms = [str(s) for s in getattr(unit.target, "strings", [unit.target])]
        todo.append((unit.getcontext() or "", str(unit.source), forms))
        unit.target = [""] * len(forms) if unit.hasplural() else ""
    partial.write_bytes(bytes(store))
    return todo


def _forms(path: Path) -> dict[tuple[str, str], list[str]]:
    from translate.storage import pypo

    store = pypo.pofile.parsefile(str(path))
    return {
        (u.getcontext() or "", str(u.source)): [
            str(s) for s in getattr(u.target, "strings", [u.target])
        ]
        for u in store.units
        if not u.isheader()
    }


def _score(
    todo: list[tuple[str, str, list[str]]],
    outputs: dict[str, Path],
    best: dict[tuple[str, str], float],
    work: Path,
) -> dict[str, Any]:
    from ltmt.evaluate import fuzzy_band, score_corpus

    rows: list[tuple[str, str, str]] = []  # (band, source, reference) per form
    for context, msgid, forms in todo:
        band = fuzzy_band(best.get((context, msgid), 0.0))
        rows.extend((band, msgid, ref) for ref in forms)
    flat = [(src.replace("\n", " "), ref.replace("\n", " ")) for _, src, ref in rows]
    (work / "src").write_text("".join(f"{s}\n" for s, _ in flat), "utf-8")
    (work / "ref").write_text("".join(f"{r}\n" for _, r in flat), "utf-8")
    scores: dict[str, Any] = {}
    for name, path in outputs.items():
        filled = _forms(path)
        hyps = []
        for context, msgid, forms in todo:
            got = filled.get((context, msgid), [])
            hyps.extend(
                (got[i] if i < len(got) else "").replace("\n", " ") for i in range(len(forms))
            )
        (work / f"{name}.hyp").write_text("".join(f"{h}\n" for h in hyps), "utf-8")
        total = score_corpus(hyps, [r for _, r in flat], [s for s, _ in flat])
        by_band = {}
        for band in sorted({b for b, _, _ in rows}):
            picked = [i for i, row in enumerate(rows) if row[0] == band]
            band_scores = score_corpus([hyps[i] for i in picked], [flat[i][1] for i in picked])
            by_band[band] = {"forms": len(picked), "bleu": round(band_scores.bleu, 2)}
        scores[name] = {
            "bleu": round(total.bleu, 2),
            "chrf": round(total.chrf, 2),
            "placeholder_acc": total.placeholder_acc,
            "forms": total.segments,
            "empty": sum(not h.strip() for h in hyps),
            "by_band": by_band,
        }
    return scores


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ltmt.memory.store import Memory

    work = Path(args.work or tempfile.mkdtemp(prefix="ltmt-catalog-"))
    work.mkdir(parents=True, exist_ok=True)
    partial = work / f"partial{args.catalog.suffix}"
    todo = _split(args.catalog, partial, args.limit, args.c_format)
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    commands: list[str] = []
    if args.via_ts:  # the same catalog as Qt's lconvert writes it: a Qt Linguist file
        ts = partial.with_suffix(".ts")
        _run(
            ["lconvert", "-i", str(partial), "-o", str(ts), "-target-language", args.tgt_lang],
            commands,
        )
        partial = ts
    common = ["--model", str(args.model), "--beam", str(args.beam), "--tgt-lang", args.tgt_lang]
    imported = ltmt_json(
        [
            "memory",
            "import",
            str(partial),
            "--user",
            "team",
            "--memory-dir",
            str(store),
            "--tgt-lang",
            args.tgt_lang,
            "--json",
        ],
        commands,
    )
    with Memory(store) as memory:
        found = memory.search_batch(
            "team", [m for _, m, _ in todo], k=1, prefer=[{"context": c} for c, _, _ in todo]
        )
    best = {(c, m): (f[0].score if f else 0.0) for (c, m, _), f in zip(todo, found)}
    reports, outputs, checks, seconds = {}, {}, {}, {}
    releases = {}
    for name, extra in (("memory", ["--user", "team"]), ("base", [])):
        out = work / f"{name}{partial.suffix}"
        started = time.perf_counter()
        reports[name] = ltmt_json(
            [
                "translate",
                str(partial),
                "--output",
                str(out),
                "--memory-dir",
                str(store),
                "--json",
                *common,
                *extra,
                *args.extra,
            ],
            commands,
        )
        seconds[name] = round(time.perf_counter() - started, 1)
        if args.via_ts:  # compiled by Qt's tools, and back to PO to be scored and checked
            releases[name] = _lrelease(out, commands)
            _run(["lconvert", "-i", str(out), "-o", str(out.with_suffix(".po"))], commands)
            out = out.with_suffix(".po")
        outputs[name] = out
        checks[name] = _msgfmt(out, commands)
    scores = _score(todo, outputs, best, work)
    commands.append(f"ltmt eval --hyp {work}/memory.hyp --ref {work}/ref --src {work}/src")
    return {
        "catalog": str(args.catalog),
        "c_format_flags_added": args.c_format,
        "model": str(args.model),
        "entries_emptied": len(todo),
        "forms_emptied": sum(len(forms) for _, _, forms in todo),
        "plural_entries_emptied": sum(len(forms) > 1 for _, _, forms in todo),
        "with_context_emptied": sum(bool(c) for c, _, _ in todo),
        "history": imported,
        "reports": reports,
        "msgfmt": checks,
        **({"via_ts": True, "lrelease": releases} if args.via_ts else {}),
        "scores": scores,
        "seconds_with_model_load": seconds,
        "work": str(work),
        "commands": commands,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, required=True, help="a translated .po catalog")
    parser.add_argument("--model", type=Path, default=REPO / "ltmt/models/default-en-de")
    parser.add_argument("--tgt-lang", default="de")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--limit", type=int, default=None, help="empty at most N entries")
    parser.add_argument(
        "--c-format", action="store_true", help="flag C format strings (for msgunfmt output)"
    )
    parser.add_argument(
        "--via-ts",
        action="store_true",
        help="translate the catalog as a Qt Linguist file (lconvert), checked by lrelease",
    )
    parser.add_argument("--work", type=Path, default=None, help="keep the files here")
    parser.add_argument("--output", type=Path, required=True, help="JSON to write")
    parser.add_argument("extra", nargs="*", help="more ltmt translate options (after --)")
    args = parser.parse_args()
    if shutil.which("msgfmt") is None:
        raise SystemExit("msgfmt is needed: apt-get install gettext")
    result = run(args)
    shown = {k: result[k] for k in ("reports", "msgfmt", "lrelease", "scores") if k in result}
    emit_report(result, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
