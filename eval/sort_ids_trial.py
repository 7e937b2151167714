"""How to sort the ids a search's first pass reads: numpy's quicksort, its stable sort (timsort
for 32-bit integers) and two 16-bit radix passes, inside real searches.

On a saved store (``bench_retrieval.py --keep``) and its saved queries, each query's candidates
(``ltmt.memory.index.candidates``, the default settings) are computed once per variant, the
variants in turn (their order alternating per query), with ``sort_ids`` replaced by each; the
candidates must come out the same. Reports each variant's thread CPU per sort and per call of
``candidates``.

    python eval/sort_ids_trial.py --store /tmp/ret1m-keep/store \
        --queries /tmp/ret1m-keep/queries.json --output eval/results/retrieval-s38/sort-ids.json
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from ab_retrieval import saved_query_parser, user_arrays
from bench_retrieval import machine_info, percentile
from support import emit_report, numpy_as_the_command_line_runs_it


def radix_sorted(values: Any) -> Any:
    """Session 30's sort: two stable 16-bit passes (numpy sorts 16-bit keys by counting)."""
    import numpy as np

    order = np.argsort((values & np.uint32(0xFFFF)).astype(np.uint16), kind="stable")
    ordered = np.take(values, order)
    return np.take(ordered, np.argsort((ordered >> 16).astype(np.uint16), kind="stable"))


def run(args: argparse.Namespace) -> dict[str, Any]:
    import lmdb
    import numpy as np

    from ltmt import Memory
    from ltmt.memory import env, index
    from ltmt.memory.sorting import numpy_sorts_with_avx512
    from ltmt.memory.store import DEFAULT_CANDIDATES
    from ltmt.text import normalize

    variants: dict[str, Callable[[Any], Any]] = {
        "quicksort": np.sort,
        "stable": lambda values: np.sort(values, kind="stable"),
        "radix": radix_sorted,
    }
    data = json.loads(args.queries.read_text("utf-8"))
    queries = [normalize(q) for name in args.sets for q in data[name]["queries"]]
    sorts: dict[str, list[float]] = {name: [] for name in variants}
    calls: dict[str, list[float]] = {name: [] for name in variants}
    original = index.sort_ids

    def search_all(txn: lmdb.Transaction) -> None:
        info, _, lens, sigs = user_arrays(memory, txn)

        def timed(name: str) -> Callable[[Any], Any]:
            def sort(values: Any) -> Any:
                start = time.thread_time()
                out = variants[name](values)
                sorts[name].append((time.thread_time() - start) * 1000)
                return out

            return sort

        for number, query in enumerate(queries):
            order = list(variants) if number % 2 else list(variants)[::-1]
            found = {}
            for name in order:
                index.sort_ids = timed(name)
                start = time.thread_time()
                found[name] = index.candidates(
                    txn, info.uid, lens, query, DEFAULT_CANDIDATES, sigs=sigs
                )[0]
                calls[name].append((time.thread_time() - start) * 1000)
            first = found[order[0]]
            assert all(np.array_equal(first, ids) for ids in found.values()), query

    with Memory(args.store, scan_max=0) as memory:
        try:
            env.read(memory.store, search_all, buffers=True)
        finally:
            index.sort_ids = original
    return {
        "benchmark": "sort-ids",
        "store": str(args.store),
        "queries": len(queries),
        "numpy_avx512": numpy_sorts_with_avx512(),
        "unit": "thread CPU ms: mean per sort; candidates() p50 / p95",
        "results": {
            name: {
                "sort_mean_ms": round(sum(sorts[name]) / len(sorts[name]), 3),
                "candidates_p50_ms": round(percentile(calls[name], 50), 3),
                "candidates_p95_ms": round(percentile(calls[name], 95), 3),
            }
            for name in variants
        },
        "same_candidates": True,
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    numpy_as_the_command_line_runs_it()
    args = saved_query_parser(__doc__).parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
