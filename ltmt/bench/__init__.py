"""Benchmarks over per-user test sets: systems with and without memory, scored and timed.

    from ltmt.bench import BenchConfig, run_bench, summarize, write_report
    bench = run_bench(BenchConfig(users_dir=Path("users"), systems=("base", "tm", "knn")))
    results = summarize(bench)
    write_report(bench, results, Path("runs/bench"))

Modules: :mod:`~ltmt.bench.config` (what to run), :mod:`~ltmt.bench.data` (test sets),
:mod:`~ltmt.bench.systems` (the registry of systems), :mod:`~ltmt.bench.runner` (translate and
time), :mod:`~ltmt.bench.results` (score), :mod:`~ltmt.bench.report` and
:mod:`~ltmt.bench.plot` (write the files).
"""

from __future__ import annotations

from ltmt.bench.config import BenchConfig, load_config
from ltmt.bench.report import write_report
from ltmt.bench.results import summarize
from ltmt.bench.runner import BenchRun, run_bench

__all__ = ["BenchConfig", "BenchRun", "load_config", "run_bench", "summarize", "write_report"]
