"""Lines the model gets changed (``ltmt.units.LineForms``) against the same lines as written:
keyboard accelerators set aside and placed again (``--form accelerators``:
``Translator(accelerators="auto")`` against ``"none"``), and lines in capitals given in sentence
case and written back in capitals (``--form capitals``: ``Translator(capital_lines=True)``
against ``False``), and the runs of symbols around a line's words set aside (``--form
decorations``: ``--- Menus ---``, ``Translator(decorations=True)`` against ``False``). All three
are the defaults since session 32.

Segments: every test segment of the dev users with such a line (vim's menus and mode names),
translated by the default model without memory (``base``) and with the user's memory (``knn``);
the strings with one of the dev users' memories, translated without memory (new to the model
too: it never trained on the dev users' files); and, with ``--catalog``, the strings with one of
any other JSONL catalog of ``{"source", "target"}`` lines, translated without memory (the GTK
catalog of ``l10n/train``: GTK's ``_`` accelerators, which the dev users hardly have; the
default model was trained on it, so its BLEU there says little). ``accelerators_kept``: outputs
for which translate-toolkit's accelerator check (``pofilter``'s) passes for every marker;
``copied``: outputs identical to their source, left untranslated.

    python eval/line_forms.py --form accelerators \\
        --catalog ../shared/data/en-de/l10n/train/gtk.jsonl \\
        --catalog ../shared/data/en-de/l10n/train/software-properties.jsonl \\
        --output eval/results/accelerators-s32.json
    python eval/line_forms.py --form capitals --output eval/results/capitals-s32.json
    python eval/line_forms.py --form decorations --output eval/results/decorations-s32.json
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
from ltmt.capitals import written_in_capitals  # noqa: E402
from ltmt.units import undecorated  # noqa: E402

# per form: the Translator option, its value as written and its value changed (the default)
FORMS: dict[str, tuple[str, Any, Any]] = {
    "accelerators": ("accelerators", "none", "auto"),
    "capitals": ("capital_lines", False, True),
    "decorations": ("decorations", False, True),
}
FINDS = {
    "accelerators": lambda line: find_accelerator(line, MARKERS)[1] is not None,
    "capitals": written_in_capitals,
    "decorations": lambda line: bool(undecorated(line)[0]),
}


def with_form(rows: list[dict[str, Any]], form: str) -> list[dict[str, Any]]:
    """The rows whose source has a line that ``form`` changes."""
    finds = FINDS[form]
    return [row for row in rows if any(finds(line) for line in row["source"].split("\n"))]


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
    pairs = list(zip(rows, outputs, strict=True))
    return {
        "segments": len(rows),
        "bleu": round(sacrebleu.corpus_bleu(outputs, [references]).score, 2),
        "chrf2": round(sacrebleu.corpus_chrf(outputs, [references]).score, 2),
        "accelerators_kept": sum(kept(r["source"], o) for r, o in pairs),
        "references_keep": sum(kept(r["source"], r["target"]) for r in rows),
        "copied": sum(o.strip() == r["source"].strip() for r, o in pairs),
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
    parser.add_argument("--form", choices=sorted(FORMS), required=True)
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--systems", default="base,knn", help="base (no memory), knn")
    parser.add_argument("--catalog", type=Path, action="append", default=[])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    from ltmt import Memory, Translator

    option, as_written, changed = FORMS[args.form]
    settings = {"as written": as_written, "changed": changed}
    systems = args.systems.split(",")
    report: dict[str, Any] = {
        "form": args.form,
        "settings": {name: {option: value} for name, value in settings.items()},
        "systems": systems,
        "users": {},
    }
    examples: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp, Memory(tmp) as memory:
        translators = {
            (system, name): Translator(
                memory=memory,
                fusion="none" if system == "base" else system,
                threads=args.threads,
                **{option: value},
            )
            for system in systems
            for name, value in settings.items()
        }
        all_rows: list[dict[str, Any]] = []
        memory_rows: list[dict[str, Any]] = []
        all_outputs: dict[tuple[str, str], list[str]] = {key: [] for key in translators}
        for path in sorted(args.users_dir.glob("*.test.jsonl")):
            user = path.name.removesuffix(".test.jsonl")
            history = read_rows(args.users_dir / f"{user}.memory.jsonl")
            memory_rows.extend(with_form(history, args.form))
            rows = with_form(read_rows(path), args.form)
            if not rows:
                continue
            memory.import_pairs(user, [(r["source"], r["target"]) for r in history])
            report["users"][user] = len(rows)
            all_rows.extend(rows)
            for system in systems:
                outputs = translate({n: translators[(system, n)] for n in settings}, rows, user)
                for name in settings:
                    all_outputs[(system, name)].extend(outputs[name])
                if system == systems[-1]:
                    examples.extend(
                        {"source": r["source"], "reference": r["target"]}
                        | {f"{system} {n}": outputs[n][i] for n in settings}
                        for i, r in enumerate(rows)
                    )
        report["dev"] = {
            f"{system} {name}": score(all_rows, all_outputs[(system, name)])
            for system, name in translators
        }
        if "base" in systems:  # the memories' own strings, new to the model: no memory
            base = {n: translators[("base", n)] for n in settings}
            outputs = translate(base, memory_rows, None)
            report["dev memories"] = {f"base {n}": score(memory_rows, outputs[n]) for n in base}
            report["dev memories examples"] = [
                {"source": r["source"], "reference": r["target"]}
                | {f"base {n}": outputs[n][i] for n in base}
                for i, r in enumerate(memory_rows)
            ]
        for catalog in args.catalog:
            rows = with_form(read_rows(catalog), args.form)
            base = {n: translators[("base", n)] for n in settings if ("base", n) in translators}
            outputs = translate(base, rows, None)
            report[catalog.name] = {f"base {n}": score(rows, outputs[n]) for n in base}
    report["examples"] = examples
    report["note"] = (
        f"Session 32: {args.form}; the dev users' test segments with such a line, their "
        "memories' strings and --catalog strings with one; accelerators_kept by "
        "translate-toolkit's accelerator check"
    )
    shown = {k: v for k, v in report.items() if not k.endswith("examples")}
    emit_report(report, args.output, shown=shown)


if __name__ == "__main__":
    main()
