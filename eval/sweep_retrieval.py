"""The index's knobs against recall and latency: one process searches a saved store with saved
queries under several settings, interleaved per query, and reports for each setting the thread
CPU percentiles and recall@1 by query set and band (as :mod:`ab_retrieval` does).

    python eval/sweep_retrieval.py --store /tmp/ltmt15/store --queries /tmp/ltmt15/queries.json \
        --settings '[{}, {"budget": 75000}, {"widen": 16}, {"candidates": 1536}]' \
        --output eval/results/retrieval-1m-sweep.json

A setting names any of ``budget`` (:data:`ltmt.memory.index.POSTINGS_BUDGET`), ``widen``
(:data:`~ltmt.memory.index.WIDEN`), ``candidates`` and ``recount`` (``Memory`` options); what
it leaves out keeps ltmt's default. (Until session 38 a trial knob, ``sources_in_memory``, read
the rerank's sources from a dict instead of LMDB; ltmt now always scores them from memory,
:mod:`ltmt.memory.source_codes`.) Every setting has a ``Memory`` of its own (its own cached
arrays); the module constants are set before each of its searches. The store is searched by its
index whatever its size (``scan_max=0``). ``--queries``: JSON ``{set name: {"queries": [...],
"best": [...]}}``, the exhaustive scan's best score of each query.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from typing import Any

from ab_retrieval import saved_query_parser, summarise
from bench_retrieval import USER, machine_info
from support import emit_report, use_this_checkout

KNOBS = ("budget", "widen", "candidates", "recount")


def run(args: argparse.Namespace) -> dict[str, Any]:
    use_this_checkout()
    from ltmt import Memory
    from ltmt.memory import index

    settings: list[dict[str, int]] = json.loads(args.settings)
    for setting in settings:
        unknown = set(setting) - set(KNOBS)
        if unknown:
            raise SystemExit(f"sweep_retrieval: unknown knob(s) {sorted(unknown)}; use {KNOBS}")
    defaults = {"budget": index.POSTINGS_BUDGET, "widen": index.WIDEN}

    def apply(setting: dict[str, int]) -> None:
        index.WIDEN = setting.get("widen", defaults["widen"])
        # candidates() binds its budget default when defined: set that default
        index.candidates.__kwdefaults__["budget"] = setting.get("budget", defaults["budget"])

    memories = []
    for setting in settings:
        options = {key: setting[key] for key in ("candidates", "recount") if key in setting}
        memories.append(Memory(args.store, scan_max=0, **options))
    data = json.loads(args.queries.read_text("utf-8"))
    queries = [
        (name, text, best)
        for name in args.sets
        for text, best in zip(data[name]["queries"], data[name]["best"], strict=True)
    ]
    rows: list[list[tuple[str, float, list[float]]]] = [[] for _ in settings]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    try:
        for number, memory in enumerate(memories):
            apply(settings[number])
            for _, text, _ in queries[: args.warm]:
                memory.search(USER, text, k=args.k)
        for i, (name, text, best) in enumerate(queries):
            order = range(len(settings)) if i % 2 == 0 else reversed(range(len(settings)))
            for number in order:
                apply(settings[number])
                wall, cpu = time.perf_counter(), time.thread_time()
                found = memories[number].search(USER, text, k=args.k)
                cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
                top = found[0].score if found else 0.0
                rows[number].append((name, best, [cpu * 1000, wall * 1000, top]))
    finally:
        apply({})
        for memory in memories:
            memory.close()
    return {
        "benchmark": "retrieval-sweep",
        "store": str(args.store),
        "queries": len(queries),
        "k": args.k,
        "seconds": round(time.perf_counter() - start, 1),
        "loadavg_1m_before_after": [load_before, os.getloadavg()[0]],
        "defaults": defaults,
        "unit": "ms per search: thread CPU and wall clock; recall@1 against the scan's best",
        "results": [
            {"setting": setting} | summarise(found)
            for setting, found in zip(settings, rows, strict=True)
        ],
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = saved_query_parser(__doc__)
    parser.add_argument("--settings", default="[{}]", help="JSON list of knob settings")
    parser.add_argument("--warm", type=int, default=100, help="untimed queries per setting first")
    args = parser.parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
