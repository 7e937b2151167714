"""How often a bench run's outputs keep their source's layout: its tabs, its line breaks and an
option table's help column.

SacreBLEU's tokenisation folds every whitespace, so a translation that turns an option table's
tabs into spaces scores as well as one that keeps them; this counts what BLEU cannot see. For
each ``ltmt bench`` run folder given (its ``hypotheses.jsonl``) and each system: the segments
whose source holds a tab (a line break), and how many of their outputs, and of the references,
hold as many as the source; and (``help_columns``, since session 41) the segments with rows of
an option table whose help the source aligns with spaces (:func:`ltmt.help_columns.help_column`),
and how many outputs (references) have every such row's help at the source's column, line for
line.

    python eval/structure_kept.py eval/results/dev-offline-s28-avx2-copy-guard-joined \
        eval/results/dev-offline-s29-avx2-tab-columns --output eval/results/structure-kept-s29.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from support import emit_report, use_this_checkout

MARKS = {"tabs": "\t", "line_breaks": "\n"}


def help_columns(text: str) -> list[int | None]:
    """The column of each line's help in ``text``, None for a line that is not an option
    table's row."""
    from ltmt.help_columns import help_column

    columns: list[int | None] = []
    for line in text.split("\n"):
        body = line.lstrip()
        found = help_column(body.rstrip())
        columns.append(None if found is None else len(line) - len(body) + found[1])
    return columns


def columns_kept(source: str, text: str) -> bool:
    """Whether ``text`` has, line for line, the help of each of ``source``'s option-table rows
    at the same column."""
    wanted, got = help_columns(source), help_columns(text)
    return len(wanted) == len(got) and all(
        column is None or column == found for column, found in zip(wanted, got, strict=True)
    )


def count_kept(hypotheses: Path) -> dict[str, dict[str, dict[str, int]]]:
    """Per system and mark: segments whose source holds it, outputs and references that hold it
    as many times as the source."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    with hypotheses.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            system = counts.setdefault(row["system"], {})
            for name, mark in MARKS.items():
                wanted = row["source"].count(mark)
                if not wanted:
                    continue
                kept = system.setdefault(name, {"segments": 0, "output": 0, "reference": 0})
                kept["segments"] += 1
                kept["output"] += row["hypothesis"].count(mark) == wanted
                kept["reference"] += row["reference"].count(mark) == wanted
            if any(column is not None for column in help_columns(row["source"])):
                kept = system.setdefault(
                    "help_columns", {"segments": 0, "output": 0, "reference": 0}
                )
                kept["segments"] += 1
                kept["output"] += columns_kept(row["source"], row["hypothesis"])
                kept["reference"] += columns_kept(row["source"], row["reference"])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", type=Path, nargs="+", help="ltmt bench output folders")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    use_this_checkout()
    report: dict[str, Any] = {
        "note": "outputs (and references) holding as many tabs / line breaks as their source, "
        "and their option tables' help at the source's columns",
        "runs": {str(run): count_kept(run / "hypotheses.jsonl") for run in args.runs},
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
