"""How often a bench run's outputs keep their source's layout: its tabs and its line breaks.

SacreBLEU's tokenisation folds every whitespace, so a translation that turns an option table's
tabs into spaces scores as well as one that keeps them; this counts what BLEU cannot see. For
each ``ltmt bench`` run folder given (its ``hypotheses.jsonl``) and each system: the segments
whose source holds a tab (a line break), and how many of their outputs, and of the references,
hold as many as the source.

    python eval/structure_kept.py eval/results/dev-offline-s28-avx2-copy-guard-joined \
        eval/results/dev-offline-s29-avx2-tab-columns --output eval/results/structure-kept-s29.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from support import emit_report

MARKS = {"tabs": "\t", "line_breaks": "\n"}


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
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", type=Path, nargs="+", help="ltmt bench output folders")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    report: dict[str, Any] = {
        "note": "outputs (and references) holding as many tabs / line breaks as their source",
        "runs": {str(run): count_kept(run / "hypotheses.jsonl") for run in args.runs},
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
