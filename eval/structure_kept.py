"""How often a bench run's outputs keep their source's layout: its tabs, its line breaks and an
option table's help column.

SacreBLEU's tokenisation folds every whitespace, so a translation that turns an option table's
tabs into spaces scores as well as one that keeps them; this counts what BLEU cannot see. For
each ``ltmt bench`` run folder given (its ``hypotheses.jsonl``) and each system: the segments
whose source holds a tab (a line break), and how many of their outputs, and of the references,
hold as many as the source; and (``help_columns``, since session 41) the segments with rows of
an option table whose help the source aligns with spaces (:func:`ltmt.help_columns.help_column`),
and how many outputs (references) have every such row's help at the source's column, line for
line. For each run after the first, ``outputs_changed`` counts per system the outputs that differ
from the run before it, and how many of them in their whitespace alone.

    python eval/structure_kept.py eval/results/dev-offline-s28-avx2-copy-guard-joined \
        eval/results/dev-offline-s29-avx2-tab-columns --output eval/results/structure-kept-s29.json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
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
    for row in _rows(hypotheses):
        system = counts.setdefault(row["system"], {})
        source = row["source"]
        for name, mark in MARKS.items():
            if mark in source:
                _tally(system, name, row, _as_often(mark))
        if any(column is not None for column in help_columns(source)):
            _tally(system, "help_columns", row, columns_kept)
    return counts


def _as_often(mark: str) -> Callable[[str, str], bool]:
    """Whether a text holds ``mark`` as often as its source."""
    return lambda source, text: text.count(mark) == source.count(mark)


def _tally(
    system: dict[str, dict[str, int]],
    name: str,
    row: dict[str, Any],
    kept: Callable[[str, str], bool],
) -> None:
    """Count ``row`` under ``name``: one segment, and whether its output (reference) is
    ``kept(source, text)``."""
    entry = system.setdefault(name, {"segments": 0, "output": 0, "reference": 0})
    entry["segments"] += 1
    entry["output"] += kept(row["source"], row["hypothesis"])
    entry["reference"] += kept(row["source"], row["reference"])


def changed_outputs(before: Path, after: Path) -> dict[str, dict[str, int]]:
    """Per system: the outputs of run ``after`` that differ from run ``before``'s for the same
    user and source, and how many of them in their whitespace alone."""
    earlier = {(r["system"], r["set"], r["source"]): r["hypothesis"] for r in _rows(before)}
    changes: dict[str, dict[str, int]] = {}
    for row in _rows(after):
        was = earlier.get((row["system"], row["set"], row["source"]))
        entry = changes.setdefault(row["system"], {"changed": 0, "whitespace_only": 0})
        if was is not None and was != row["hypothesis"]:
            entry["changed"] += 1
            entry["whitespace_only"] += was.split() == row["hypothesis"].split()
    return changes


def _rows(hypotheses: Path) -> list[dict[str, Any]]:
    """The rows of a run's ``hypotheses.jsonl``."""
    with hypotheses.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


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
        # each run after the first against the one before it
        "outputs_changed": {
            str(after): changed_outputs(before / "hypotheses.jsonl", after / "hypotheses.jsonl")
            for before, after in zip(args.runs, args.runs[1:])
        },
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
