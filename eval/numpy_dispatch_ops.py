"""How fast numpy's calls of a 1M-segment search are with its AVX-512 code and with its AVX2 code.

Runs the first pass's numpy calls at their sizes (140,000 ids read, a 1M-segment length table,
8,192 signature rows) in two child processes: one as numpy loads by default, one with
``NPY_DISABLE_CPU_FEATURES`` set to numpy 2.4's targets above AVX2 (what ltmt's command line
sets on AMD Zen 4: :mod:`ltmt.numpy_dispatch`), taking turns ``--runs`` times (this machine
drifts), and writes for each call the median over the runs of its median microseconds (and
session 30's two-pass radix sort, ltmt's until session 38: ``sort_ids_trial.radix_sorted``).

    python eval/numpy_dispatch_ops.py --output eval/results/retrieval-numpy-ops-s31-zen4.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import REPO, emit_report

CHILD = """
import json, time
import numpy as np
from ltmt.memory.sorting import numpy_sorts_with_avx512
from sort_ids_trial import radix_sorted  # session 30's sort (ltmt's until session 38)

rng = np.random.default_rng(0)
n = 140_000
parts = [np.sort(rng.choice(1_000_000, size, replace=False)).astype(np.uint32)
         for size in rng.multinomial(n, rng.dirichlet(np.ones(16)))]
ids = np.concatenate(parts)
ordered = np.sort(ids)
lens = rng.integers(1, 200, 1_000_000).astype(np.uint16)
estimates = rng.random(n).astype(np.float32)
sigs = rng.integers(0, 2**63, (1_000_000, 8), dtype=np.uint64)
rows = rng.integers(0, 1_000_000, 8192)
calls = {
    "sort of the ids read (np.sort)": lambda: np.sort(ids),
    "the same by two 16-bit radix passes (session 30)": lambda: radix_sorted(ids),
    "run starts (np.not_equal)": lambda: np.not_equal(ordered[1:], ordered[:-1]),
    "their positions (np.flatnonzero)": lambda: np.flatnonzero(ordered[1:] != ordered[:-1]),
    "the lengths read (np.take)": lambda: np.take(lens, ordered),
    "the 8,192 best estimates (np.argpartition)": lambda: np.argpartition(estimates, n - 8192),
    "signature rows (np.take, axis 0)": lambda: np.take(sigs, rows, axis=0),
    "order of 8,192 estimates": lambda: np.argsort(-estimates[:8192], kind="stable"),
}

def median_us(call, repeats=100):
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(sorted(times)[len(times) // 2] * 1e6, 1)

print(json.dumps({"numpy_avx512": numpy_sorts_with_avx512(),
                  "us": {name: median_us(call) for name, call in calls.items()}}))
"""


def measure(disable: str | None) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(REPO / "eval")])
    env["LTMT_NUMPY_AVX512"] = "1"
    if disable is not None:
        env["NPY_DISABLE_CPU_FEATURES"] = disable
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    sys.path.insert(0, str(REPO))
    from ltmt.model.cpu import cpu_summary
    from ltmt.numpy_dispatch import AVX512_TARGETS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--note", default="")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"default": [], "avx2": []}
    for _ in range(args.runs):
        runs["default"].append(measure(None))
        runs["avx2"].append(measure(AVX512_TARGETS))
    report: dict[str, Any] = {
        "benchmark": "numpy calls of a 1M-segment search, by numpy's dispatch",
        "unit": "microseconds: the median over the runs of each run's median of 100 calls",
        "runs": args.runs,
        "cpu": cpu_summary(),
        "avx2_disable": AVX512_TARGETS,
        "note": args.note,
    }
    for name, measured in runs.items():
        calls = measured[0]["us"]
        report[name] = {
            "numpy_avx512": measured[0]["numpy_avx512"],
            "us": {call: statistics.median(run["us"][call] for run in measured) for call in calls},
            "per_run": [run["us"] for run in measured],
        }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
