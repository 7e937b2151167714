"""Memory held by the source tables of small memories when many threads search: this checkout
against another (``--baseline``, e.g. ``/work/main`` before the tables were shared).

Builds one store of ``--users`` memories of ``--segments`` pairs each (the general training
pairs, a slice per user; at most ``SCAN_MAX`` each, so searches scan), then, per checkout in a
child process of its own, has ``--threads`` threads each search every user once and reports the
process's resident memory before and after, while the threads still live as a server pool's
do (``VmRSS``; the growth is what the searches keep).
Untimed: no CPU lock needed.

    nice -n 5 python eval/bench_source_tables.py --baseline /work/main \\
        --output eval/results/source-tables-memory.json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from support import DATA_DIR, REPO, emit_report


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def build(store: Path, users: int, segments: int) -> None:
    from ltmt import Memory

    pairs: list[tuple[str, str]] = []
    with (
        (DATA_DIR / "general" / "train.en").open(encoding="utf-8") as en,
        (DATA_DIR / "general" / "train.de").open(encoding="utf-8") as de,
    ):
        for source, target in zip(en, de):
            if source.strip() and target.strip():
                pairs.append((source.strip(), target.strip()))
            if len(pairs) == users * segments:
                break
    with Memory(store) as memory:
        for user in range(users):
            memory.import_pairs(f"user{user}", pairs[user * segments : (user + 1) * segments])


def search(store: Path, users: int, threads: int) -> dict[str, Any]:
    from ltmt import Memory

    with Memory(store) as memory:
        memory.search("user0", "warm up the imports", k=1)
        memory.search("user0", "warm up the imports", k=1)
        gc.collect()
        before = _rss_mb()

        searched = threading.Barrier(threads + 1)
        release = threading.Event()

        def run(seed: int) -> None:  # a pool's worker: it lives on after its searches
            for user in range(users):
                memory.search(f"user{(user + seed) % users}", "the committee adopted it", k=5)
            searched.wait()
            release.wait()

        workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        searched.wait()
        gc.collect()
        after = _rss_mb()
        release.set()
        for worker in workers:
            worker.join()
    return {
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "kept_by_searches_mb": round(after - before, 1),
    }


def _child(checkout: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, *args]
    return subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="the other checkout (required)")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--segments", type=int, default=10_000, help="per user (<= SCAN_MAX)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--child", choices=("build", "search"), help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        build(args.store, args.users, args.segments)
        return
    if args.child == "search":
        print(json.dumps(search(args.store, args.users, args.threads)))
        return
    if args.baseline is None:
        parser.error("--baseline is required: the checkout to compare with")
    sizes = ["--users", str(args.users), "--segments", str(args.segments)]
    sizes += ["--threads", str(args.threads)]
    report: dict[str, Any] = {
        "users": args.users,
        "segments_per_user": args.segments,
        "threads": args.threads,
        "checkouts": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        _child(REPO, "--child", "build", "--store", str(store), *sizes)
        for name, checkout in (("baseline", args.baseline), ("this", REPO)):
            out = _child(checkout, "--child", "search", "--store", str(store), *sizes)
            report["checkouts"][name] = {"path": str(checkout), **json.loads(out)}
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
