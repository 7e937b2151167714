"""What the glossary's agreement step costs: the terminology speed test with and without it.

Runs ``eval/terminology.py --parts speed`` (the plain model on the dev users' test lines,
without a glossary and with a 1,000-term one) in child processes, taking turns between the
code as it is and the same code with
:meth:`ltmt.terminology.decoding.GlossaryDecoding.in_agreement` switched off, and writes each
run's seconds per pass and the medians.

    python eval/ab_glossary_agreement.py --runs 3 \
        --output eval/results/terminology/ab-agreement-s31.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from support import REPO, emit_report

CHILD = """
import runpy, sys
sys.path.insert(0, {eval!r}); sys.path.insert(0, {repo!r})
if sys.argv[1] == "off":
    from ltmt.terminology.decoding import GlossaryDecoding
    GlossaryDecoding.in_agreement = lambda *args, **kwargs: None
out, rounds = sys.argv[2], sys.argv[3]
sys.argv = ["terminology.py", "--per-user", "20", "--parts", "speed", "--rounds", rounds,
            "--out", out]
runpy.run_path({script!r}, run_name="__main__")
"""


def one_run(step: str, rounds: int) -> dict[str, Any]:
    code = CHILD.format(
        eval=str(REPO / "eval"), repo=str(REPO), script=str(REPO / "eval" / "terminology.py")
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "speed.json"
        subprocess.run(
            [sys.executable, "-c", code, step, str(out), str(rounds)],
            check=True,
            capture_output=True,
        )
        seconds: dict[str, Any] = json.loads(out.read_text())["speed"]["seconds"]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--note", default="")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"off": [], "on": []}
    for _ in range(args.runs):
        for step in ("off", "on"):
            runs[step].append(one_run(step, args.rounds))
    report: dict[str, Any] = {
        "benchmark": "terminology speed with the agreement step off and on, in turn",
        "runs": args.runs,
        "rounds": args.rounds,
        "note": args.note,
    }
    for step, measured in runs.items():
        with_glossary = [s for run in measured for s in run["with"]]
        without = [s for run in measured for s in run["without"]]
        report[step] = {
            "median_with_seconds": round(statistics.median(with_glossary), 3),
            "median_without_seconds": round(statistics.median(without), 3),
            "ratio_of_medians": round(
                statistics.median(without) / statistics.median(with_glossary), 3
            ),
            "per_run": measured,
        }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
