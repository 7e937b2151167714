"""Interleaved A/B of two checkouts' retrieval on saved stores and queries.

Each version searches in a worker process of its own (``PYTHONPATH`` = its checkout), so two
whole ``ltmt`` packages are compared, whatever module changed. The driver sends every query to
the workers in turn (the order alternating per query), so that a change in the machine's load
affects both alike; each worker reports the search's thread CPU time, its wall clock and the
top-1 score, which is compared with the exhaustive scan's best saved with the queries.

    python eval/ab_retrieval.py --base /tmp/main-checkout --store /tmp/ltmt15/store \
        --queries /tmp/ltmt15/queries.json --output eval/results/retrieval-1m-ab.json

``--queries``: JSON ``{set name: {"queries": [...], "best": [...]}}``. ``--base-store``: the
store the base searches, when the two versions index it differently (a copy of the same
segments: the new version re-indexes its own on open).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "eval") not in sys.path:
    sys.path.insert(0, str(REPO / "eval"))
from bench_retrieval import BANDS, USER, machine_info, percentile  # noqa: E402
from support import CHILD_NUMPY, emit_report  # noqa: E402

# The worker: reads one JSON query per line, answers [cpu ms, wall ms, top-1 score].
WORKER = (
    CHILD_NUMPY
    + """
import json, sys, time
from ltmt import Memory
memory = Memory(sys.argv[1])
if hasattr(memory, "preload"):  # since session 39: the packed sources read now, not after
    memory.preload(sys.argv[2])  # as many searches read as many sources one by one
memory.search(sys.argv[2], "warm up the length cache", k=int(sys.argv[3]))
print("ready", flush=True)
for line in sys.stdin:
    text = json.loads(line)
    start, start_cpu = time.perf_counter(), time.thread_time()
    found = memory.search(sys.argv[2], text, k=int(sys.argv[3]))
    cpu, wall = time.thread_time() - start_cpu, time.perf_counter() - start
    print(json.dumps([cpu * 1000, wall * 1000, found[0].score if found else 0.0]), flush=True)
"""
)


class Worker:
    """A search process of one checkout."""

    def __init__(self, checkout: Path, store: Path, k: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(store), USER, str(k)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=checkout,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"ab_retrieval: the worker of {checkout} did not start")

    def search(self, text: str) -> list[float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(text) + "\n")
        self.proc.stdin.flush()
        return list(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def saved_query_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options of the scripts that search a saved store with saved queries: ``--store``,
    ``--queries``, ``--sets``, ``--k``, ``--output`` and ``--note``."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--sets", nargs="+", default=["real", "perturbed", "heldout"])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--note", default="")
    return parser


def user_arrays(memory: Any, txn: Any) -> tuple[Any, Any, Any, Any]:
    """The benchmark user's row (``info``), cipher, lengths and signatures in ``txn``, a read
    transaction of ``memory``'s store (``buffers=True``)."""
    from ltmt.memory import postings, rows
    from ltmt.memory.layout import user_key

    raw = txn.get(user_key(USER))
    assert raw is not None, f"no user {USER!r} in the store"
    info, cipher = rows.decode_user(bytes(raw), memory.store.vault, USER)
    lens = postings.load_lens(txn, info.uid, cipher)
    return info, cipher, lens, postings.load_sigs(txn, info.uid, lens.size, cipher)


def summarise(rows: list[tuple[str, float, list[float]]]) -> dict[str, Any]:
    """Latency percentiles over all queries, recall@1 per query set and band of the scan."""
    cpu = [row[2][0] for row in rows]
    wall = [row[2][1] for row in rows]
    out: dict[str, Any] = {
        f"{name}_{q}_ms": round(percentile(values, q), 3)
        for name, values in (("cpu", cpu), ("wall", wall))
        for q in (50, 95, 99)
    }
    for name in dict.fromkeys(row[0] for row in rows):
        chosen = [row for row in rows if row[0] == name]
        bands = {}
        for band, (low, high) in BANDS.items():
            inside = [row for row in chosen if low <= row[1] < high]
            hits = sum(row[2][2] >= row[1] - 1e-6 for row in inside)
            bands[band] = {
                "queries": len(inside),
                "found": hits,
                "recall_at_1": round(hits / len(inside), 4) if inside else None,
            }
        out[name] = bands
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = json.loads(args.queries.read_text("utf-8"))
    queries = [
        (name, text, best)
        for name in args.sets
        for text, best in zip(data[name]["queries"], data[name]["best"], strict=True)
    ]
    versions = {"base": (args.base, args.base_store or args.store), "new": (REPO, args.store)}
    workers = {name: Worker(path, store, args.k) for name, (path, store) in versions.items()}
    try:
        for _, text, _ in queries[: args.warm]:
            for worker in workers.values():
                worker.search(text)
        rows: dict[str, list[tuple[str, float, list[float]]]] = {name: [] for name in workers}
        load_before = os.getloadavg()[0]
        start = time.perf_counter()
        for round_ in range(args.rounds):
            for i, (name, text, best) in enumerate(queries):
                order = list(workers) if (i + round_) % 2 == 0 else list(workers)[::-1]
                for version in order:
                    rows[version].append((name, best, workers[version].search(text)))
        seconds = time.perf_counter() - start
        load_after = os.getloadavg()[0]
    finally:
        for worker in workers.values():
            worker.close()
    first = len(queries)  # recall from the first round (the rounds search the same queries)
    changed = sum(
        abs(a[2][2] - b[2][2]) > 1e-9
        for a, b in zip(rows["base"][:first], rows["new"][:first], strict=True)
    )
    return {
        "benchmark": "retrieval-ab",
        "store": str(args.store),
        "base_store": str(args.base_store or args.store),
        "base": str(args.base),
        "queries": len(queries),
        "rounds": args.rounds,
        "k": args.k,
        "seconds": round(seconds, 1),
        "loadavg_1m_before_after": [load_before, load_after],
        "top1_score_changed": changed,
        "unit": "ms per search: thread CPU and wall clock of the worker; recall of round 1",
        "base_result": summarise(rows["base"][:first])
        | {"latency_all_rounds": summarise(rows["base"])},
        "new_result": summarise(rows["new"][:first])
        | {"latency_all_rounds": summarise(rows["new"])},
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = saved_query_parser(__doc__)
    parser.add_argument("--base", type=Path, required=True, help="the base checkout's root")
    parser.add_argument("--base-store", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--warm", type=int, default=200, help="untimed queries first")
    args = parser.parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
