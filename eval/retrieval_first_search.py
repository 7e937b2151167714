"""What a process's first search of a large memory costs: its wall time and the memory it adds.

Each checkout (``--base`` and this one) opens a saved store (``bench_retrieval.py --keep``) in a
fresh process of its own (``PYTHONPATH`` = the checkout, numpy as ltmt's command line runs it),
searches it once and then ``--searches`` more times (shared by ``--threads`` threads, as a
server's pool shares its requests; the real queries again from the start when there are more
searches than queries), and reports the first search's wall time, the median, p99 and slowest
of the others (at a million segments the sources are packed after some 700 searches: session
39 packed them inside a search, session 40 on a thread of their own), and the process's
resident memory (``VmRSS``) and peak (``VmHWM``) before and after
(the threads still alive), and how much of it is anonymous (the process's own) and file pages
(LMDB's map, which the kernel can drop). The checkouts take turns, ``--rounds`` times.

    python eval/retrieval_first_search.py --base /tmp/base-checkout --store /tmp/ret1m-keep/store \
        --queries /tmp/ret1m-keep/queries.json --output eval/results/retrieval-first-search.json
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from bench_retrieval import USER, machine_info, percentile
from support import (
    CHILD_NUMPY,
    REPO,
    check_base,
    emit_report,
    in_turns,
    kept_store_ab_parser,
    report_in_checkout,
)

# One process: open, search, report.
CHILD = (
    CHILD_NUMPY
    + """
import json, sys, time
from ltmt import Memory

def memory_mb():
    status = open("/proc/self/status").read()
    keys = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
    return {key: int(status.split(key + ":")[1].split()[0]) / 1024 for key in keys}

queries, threads = json.loads(sys.argv[3]), int(sys.argv[4])
before = memory_mb()
memory = Memory(sys.argv[1])
start = time.perf_counter()
memory.search(sys.argv[2], queries[0], k=5)
first = time.perf_counter() - start
times = []

import threading
done, measured = threading.Barrier(threads + 1), threading.Event()

packed = []  # (searches done, seconds since the threads started) when the sources were kept

def search(share):
    for text in share:
        start = time.perf_counter()
        memory.search(sys.argv[2], text, k=5)
        times.append(time.perf_counter() - start)
        if not packed and memory._scratch.codes.cached(sys.argv[2]) is not None:
            packed.append((len(times), time.perf_counter() - started))
    done.wait()
    measured.wait()  # what a thread keeps is let go of when it ends: measured before

shares = [queries[1 + n :: threads] for n in range(threads)]
workers = [threading.Thread(target=search, args=(share,)) for share in shares]
started = time.perf_counter()
for worker in workers:
    worker.start()
done.wait()
wall = time.perf_counter() - started
after = memory_mb()
measured.set()
for worker in workers:
    worker.join()
import ltmt
print(json.dumps({"first_ms": first * 1000, "next_ms": times, "wall_s": wall,
                  "packed": packed[:1], "before": before, "after": after, "ltmt": ltmt.__file__}))
"""
)


def measure(checkout: Path, store: Path, queries: list[str], threads: int) -> dict[str, Any]:
    return report_in_checkout(checkout, CHILD, str(store), USER, json.dumps(queries), str(threads))


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = json.loads(args.queries.read_text("utf-8"))
    real = data["real"]["queries"]
    queries = [real[n % len(real)] for n in range(args.searches + 1)]
    versions = {"base": args.base, "new": REPO}
    rows = in_turns(
        versions, args.rounds, lambda checkout: measure(checkout, args.store, queries, args.threads)
    )

    def summary(found: list[dict[str, Any]]) -> dict[str, Any]:
        nexts = [t * 1000 for row in found for t in row["next_ms"]]
        return {
            "ltmt": sorted({row["ltmt"] for row in found}),
            "first_search_ms": [round(row["first_ms"], 1) for row in found],
            "next_searches_median_ms": round(statistics.median(nexts), 3) if nexts else None,
            "next_searches_p99_ms": round(percentile(nexts, 99), 3) if nexts else None,
            "slowest_next_search_ms": [round(max(row["next_ms"]) * 1000, 3) for row in found],
            "next_searches_over_100_ms": [sum(t > 0.1 for t in row["next_ms"]) for row in found],
            "next_searches_wall_s": [round(row["wall_s"], 3) for row in found],
            # (searches done, wall seconds) when the packed sources were first seen kept
            "sources_packed_after": [
                [row["packed"][0][0], round(row["packed"][0][1], 2)] if row["packed"] else None
                for row in found
            ],
            "rss_mb_before_after": [
                [round(row["before"]["VmRSS"]), round(row["after"]["VmRSS"])] for row in found
            ],
            "peak_rss_mb": [round(row["after"]["VmHWM"]) for row in found],
            "rss_anonymous_and_file_mb_after": [
                [round(row["after"]["RssAnon"]), round(row["after"]["RssFile"])] for row in found
            ],
        }

    return {
        "benchmark": "retrieval-first-search",
        "store": str(args.store),
        "base": str(args.base),
        "rounds": args.rounds,
        "searches_after_the_first": args.searches,
        "threads": args.threads,
        "results": {name: summary(found) for name, found in rows.items()},
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = kept_store_ab_parser(__doc__)
    parser.add_argument("--searches", type=int, default=50)
    parser.add_argument(
        "--threads", type=int, default=1, help="threads that share the searches after the first"
    )
    args = parser.parse_args(argv)
    check_base(parser, args)
    if args.searches < 1 or args.threads < 1:
        parser.error("--searches and --threads must be >= 1")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
