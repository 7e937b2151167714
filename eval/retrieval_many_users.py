"""Many large memories searched in turn, as a server of many customers searches them.

Builds ``--users`` memories of ``--segments`` pairs each in one store (each as
``bench_retrieval.py`` builds its memory, with its own seed), then each checkout (``--base``
and this one), in a fresh process of its own, searches them round-robin: ``--passes`` times,
one real query (the dev users' test sources) per user per pass. A ``Memory`` keeps the packed
sources and signatures of a few users only; a user whose sources were let go of is read again
at its next search. Reports each checkout's wall ms per search (median, p95, max) over the
passes after the first, the process's own memory after them, and how many times, in all the
passes, a user's sources were read whole (since session 39 a search reads its candidates'
sources one by one until the user's searches have read as many as the memory holds). The
checkouts take turns, ``--rounds`` times.

    python eval/retrieval_many_users.py --base /tmp/base-checkout --users 8 --segments 100000 \
        --work-dir /tmp --output eval/results/retrieval-many-users.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench_retrieval import load_dev_users, machine_info, memory_pairs, percentile
from support import (
    CHILD_NUMPY,
    DATA_DIR,
    REPO,
    emit_report,
    in_turns,
    numpy_as_the_command_line_runs_it,
    report_in_checkout,
)

# One process: search every user in turn, several passes.
CHILD = (
    CHILD_NUMPY
    + """
import json, sys, time
from ltmt import Memory
from ltmt.memory import source_codes

store, passes, options = sys.argv[1], int(sys.argv[4]), json.loads(sys.argv[5])
users, queries = json.loads(sys.argv[2]), json.loads(sys.argv[3])
reads = []
refreshed = source_codes.SourceCodes.refreshed

def counted(self, txn, cipher):  # a read from id 1: the user's sources read whole
    if self.end <= 1:
        reads.append(1)
    return refreshed(self, txn, cipher)

source_codes.SourceCodes.refreshed = counted
times = []
with Memory(store, **options) as memory:
    for number in range(passes):
        for user, query in zip(users, queries[number * len(users):]):
            start = time.perf_counter()
            memory.search(user, query, k=5)
            if number:
                times.append((time.perf_counter() - start) * 1000)
    status = open("/proc/self/status").read()
    anonymous = int(status.split("RssAnon:")[1].split()[0]) / 1024
print(json.dumps({"ms": times, "whole_reads": len(reads), "anonymous_mb": anonymous}))
"""
)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ltmt import Memory

    users = [f"customer{n}" for n in range(args.users)]
    real = [source for _, tests in load_dev_users(args.data_dir).values() for source in tests]
    queries = real[: args.users * args.passes]
    work = Path(tempfile.mkdtemp(prefix="ltmt-many-", dir=args.work_dir))
    try:
        store = work / "store"
        with Memory(store) as memory:
            for number, user in enumerate(users):
                memory.import_pairs(user, memory_pairs(args.data_dir, args.segments, number + 1))

        def measure(checkout: Path) -> dict[str, Any]:
            lists = json.dumps(users), json.dumps(queries)
            options = json.dumps({} if args.scan_max is None else {"scan_max": args.scan_max})
            return report_in_checkout(
                checkout, CHILD, str(store), *lists, str(args.passes), options
            )

        found = in_turns({"base": args.base, "new": REPO}, args.rounds, measure)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def summary(rounds: list[dict[str, Any]]) -> dict[str, Any]:
        ms = [value for found in rounds for value in found["ms"]]
        return {
            "searches": len(ms),
            "median_ms": round(statistics.median(ms), 3),
            "p95_ms": round(percentile(ms, 95), 3),
            "max_ms": round(max(ms), 3),
            "sources_read_whole": [found["whole_reads"] for found in rounds],
            "anonymous_mb": [round(found["anonymous_mb"]) for found in rounds],
        }

    return {
        "benchmark": "retrieval-many-users",
        "users": args.users,
        "segments_per_user": args.segments,
        "passes": args.passes,
        "scan_max": args.scan_max,
        "base": str(args.base),
        "rounds": args.rounds,
        "unit": "wall ms per search, over the passes after the first",
        "results": {name: summary(rounds) for name, rounds in found.items()},
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    numpy_as_the_command_line_runs_it()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--segments", type=int, default=100_000, help="pairs per user")
    parser.add_argument("--passes", type=int, default=6)
    parser.add_argument(
        "--scan-max", type=int, default=None, help="Memory(scan_max=...); default: ltmt's"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--work-dir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--note", default="")
    args = parser.parse_args(argv)
    if not (args.base / "ltmt" / "__init__.py").is_file():
        parser.error(f"--base {args.base} is not an ltmt checkout (no ltmt/__init__.py)")
    if min(args.users, args.segments, args.rounds) < 1 or args.passes < 2:
        parser.error("--users, --segments and --rounds must be >= 1, --passes >= 2")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
