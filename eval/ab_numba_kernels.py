"""A/B of candidate generation's numpy passes against the numba kernels (ltmt/memory/kernels.py),
interleaved in one process on a saved 1M store (bench_retrieval.py's build, seed 1) and its
saved queries: per search, thread CPU time and wall clock, the two versions in turn (the order
alternating per query), p50/p95/p99, and the load average before and after. The numpy version
is the ``ltmt/memory`` of another checkout (``--base``, e.g. ``git archive`` of the commit
before the kernels). An experiment: written for the saved store of one session.

usage: python eval/ab_numba_kernels.py --base DIR --store DIR --queries FILE --output FILE
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import ltmt.memory.index as kernel_index
import ltmt.memory.store as store_module
from ltmt import Memory


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _base_index(base: Path) -> ModuleType:
    """The numpy ``index`` module of ``base``, with its own ``postings``."""
    saved = sys.modules["ltmt.memory.postings"]
    sys.modules["ltmt.memory.postings"] = _load("base_postings", base / "ltmt/memory/postings.py")
    try:
        return _load("base_index", base / "ltmt/memory/index.py")
    finally:
        sys.modules["ltmt.memory.postings"] = saved


def _percentiles(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [
        round(ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))], 2)
        for q in (50, 95, 99)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--user", default="bench")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    data = json.loads(args.queries.read_text())
    queries = [q for s in ("real", "perturbed", "heldout") for q in data[s]["queries"]]
    versions = {"numpy": _base_index(args.base), "numba": kernel_index}
    cpu: dict[str, list[float]] = {v: [] for v in versions}
    wall: dict[str, list[float]] = {v: [] for v in versions}
    load_before = os.getloadavg()
    with Memory(args.store) as memory:
        for module in versions.values():  # warm: kernels loaded, lengths and signatures cached
            store_module.index = module  # type: ignore[attr-defined]
            for query in queries[:100]:
                memory.search(args.user, query, k=5)
        for round_ in range(args.rounds):
            for i, query in enumerate(queries):
                order = list(versions) if (i + round_) % 2 == 0 else list(versions)[::-1]
                for name in order:
                    store_module.index = versions[name]  # type: ignore[attr-defined]
                    start, start_cpu = time.perf_counter(), time.thread_time()
                    memory.search(args.user, query, k=5)
                    cpu[name].append((time.thread_time() - start_cpu) * 1000)
                    wall[name].append((time.perf_counter() - start) * 1000)
    result = {
        "searches_per_version": len(queries) * args.rounds,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        **{
            name: {
                "cpu_ms_p50_p95_p99": _percentiles(cpu[name]),
                "wall_ms_p50_p95_p99": _percentiles(wall[name]),
            }
            for name in versions
        },
    }
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
