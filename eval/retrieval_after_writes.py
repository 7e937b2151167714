"""What a write costs the searches of a large memory: adds and deletes with a search after each.

A translator's approvals reach the memory while it is searched: each one is an add (or a
delete), and the next search reads a snapshot that changed. Each checkout (``--base`` and this
one) works on its own copy of a saved store (``bench_retrieval.py --keep``; the copy is made
before its turn and removed after), in a fresh process: it searches once (after
``Memory.preload`` where the checkout has it, so that the user's sources are packed, as a
first search packed them before session 39), then ``--writes`` times adds a pair made from a real
query and searches another query, then deletes those segments one by one, each also followed
by a search, and last searches the same queries with no write between them. It reports each
step's wall time (median, p95, max) in ms. The checkouts take turns, ``--rounds`` times.

    python eval/retrieval_after_writes.py --base /tmp/base-checkout --store /tmp/ret1m-keep/store \
        --queries /tmp/ret1m-keep/queries.json --output eval/results/retrieval-after-writes.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench_retrieval import USER, machine_info
from support import (
    CHILD_NUMPY,
    REPO,
    check_base,
    emit_report,
    in_turns,
    kept_store_ab_parser,
    report_in_checkout,
)

# One process: open a copy, search, then add / delete, each with a search after it.
CHILD = (
    CHILD_NUMPY
    + """
import json, sys, time
from ltmt import Memory

store, user, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
times = {"add": [], "search after an add": [], "delete": [], "search after a delete": [],
         "search, no write": []}

def timed(name, call):
    start = time.perf_counter()
    result = call()
    times[name].append((time.perf_counter() - start) * 1000)
    return result

with Memory(store) as memory:
    if hasattr(memory, "preload"):  # since session 39: the packed sources read now
        memory.preload(user)
    memory.search(user, queries[0], k=5)
    writes, searched = queries[1::2], queries[2::2]
    ids = []
    for number, (text, query) in enumerate(zip(writes, searched)):
        pair = (f"{text} ({number})", f"{text} [{number}]")
        ids.append(timed("add", lambda: memory.add(user, *pair)).id)
        timed("search after an add", lambda: memory.search(user, query, k=5))
    for seg_id, query in zip(ids, searched):
        timed("delete", lambda: memory.delete(user, seg_id))
        timed("search after a delete", lambda: memory.search(user, query, k=5))
    for query in searched:
        timed("search, no write", lambda: memory.search(user, query, k=5))
print(json.dumps(times))
"""
)


def measure(checkout: Path, store: Path, queries: list[str]) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="ltmt-writes-") as work:
        copy = Path(work) / "store"
        shutil.copytree(store, copy)
        return report_in_checkout(checkout, CHILD, str(copy), USER, json.dumps(queries))


def summary(rounds: list[dict[str, list[float]]]) -> dict[str, dict[str, float]]:
    """Median, p95 and max of each step over every round (first searches excluded)."""
    out = {}
    for step in rounds[0]:
        values = sorted(value for found in rounds for value in found[step])
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        out[step] = {
            "median_ms": round(statistics.median(values), 3),
            "p95_ms": round(p95, 3),
            "max_ms": round(values[-1], 3),
        }
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = json.loads(args.queries.read_text("utf-8"))
    queries = data["real"]["queries"][: 2 * args.writes + 1]
    versions = {"base": args.base, "new": REPO}
    found = in_turns(versions, args.rounds, lambda checkout: measure(checkout, args.store, queries))
    return {
        "benchmark": "retrieval-after-writes",
        "store": str(args.store),
        "base": str(args.base),
        "rounds": args.rounds,
        "writes_per_round": args.writes,
        "unit": "wall ms per call, over every round",
        "results": {name: summary(rounds) for name, rounds in found.items()},
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = kept_store_ab_parser(__doc__)
    parser.add_argument("--writes", type=int, default=50)
    args = parser.parse_args(argv)
    check_base(parser, args)
    if args.writes < 1:
        parser.error("--writes must be >= 1")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
