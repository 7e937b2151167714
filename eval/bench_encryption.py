"""Encryption at rest against a plain store: import rate and search latency on the same data.

Builds one user's memory of ``--segments`` pairs exactly as ``bench_retrieval.py`` does (the
en-de pool plus perturbed copies; queries are fresh perturbations), imports it into a fresh
plain store and a fresh encrypted store (one transaction each, timed), then runs every query
against both stores, interleaved (plain, encrypted, encrypted, plain, ...) so that drift of a
shared host falls on both alike. Reports pairs/s, p50/p95 search latency, their ratios, and
whether both stores returned the same matches.

    python eval/bench_encryption.py --segments 200000 --queries 500 \
        --output eval/results/encryption/encryption.json
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import DATA_DIR, emit_report, use_this_checkout

use_this_checkout()
USER = "bench"


def _bench_retrieval() -> Any:
    """``eval/bench_retrieval.py`` as a module: its data pool, perturbations and helpers."""
    spec = importlib.util.spec_from_file_location(
        "bench_retrieval", Path(__file__).with_name("bench_retrieval.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ltmt import Memory
    from ltmt.memory.crypto import generate_key_file

    retrieval = _bench_retrieval()
    pool, heldout = retrieval.load_pool(args.data_dir)
    build_args = argparse.Namespace(
        segments=args.segments, queries=args.queries, heldout_queries=0, seed=args.seed
    )
    pairs, queries, _ = retrieval.build(pool, heldout, build_args)
    work = Path(tempfile.mkdtemp(prefix="ltmt-bench-encryption-"))
    try:
        key = generate_key_file(work / "store.key")
        stores = {"plain": None, "encrypted": key}
        memories: dict[str, Any] = {}
        imports: dict[str, dict[str, float]] = {}
        for name, key_file in stores.items():
            memory = Memory(work / name, key_file=key_file)
            start = time.perf_counter()
            report = memory.import_pairs(USER, pairs)
            seconds = time.perf_counter() - start
            imports[name] = {
                "seconds": round(seconds, 2),
                "pairs_per_s": round(len(pairs) / seconds),
                "added": report.added,
                "data_mdb_bytes": (work / name / "data.mdb").stat().st_size,
            }
            memories[name] = memory
        for memory in memories.values():  # warm both (lens arrays, page cache)
            for text in queries[:20]:
                memory.search(USER, text, k=args.k)
        latencies: dict[str, list[float]] = {name: [] for name in stores}
        same = same_top1 = 0
        for number, text in enumerate(queries):
            order = ["plain", "encrypted"] if number % 2 == 0 else ["encrypted", "plain"]
            found = {}
            for name in order:
                start = time.perf_counter()
                matches = memories[name].search(USER, text, k=args.k)
                latencies[name].append((time.perf_counter() - start) * 1000)
                found[name] = [(m.segment.id, round(m.score, 6)) for m in matches]
            same += found["plain"] == found["encrypted"]
            same_top1 += found["plain"][:1] == found["encrypted"][:1]
        for memory in memories.values():
            memory.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    search = {
        name: {
            "p50_ms": round(retrieval.percentile(values, 50), 3),
            "p95_ms": round(retrieval.percentile(values, 95), 3),
            "mean_ms": round(sum(values) / len(values), 3),
        }
        for name, values in latencies.items()
    }
    return {
        "benchmark": "encryption at rest vs plain store",
        "command": " ".join(["python", *sys.argv]),
        "segments": len(pairs),
        "queries": len(queries),
        "k": args.k,
        "import": imports,
        "import_rate_ratio": round(
            imports["encrypted"]["pairs_per_s"] / imports["plain"]["pairs_per_s"], 3
        ),
        "search": search,
        "search_ratio": {
            "p50": round(search["encrypted"]["p50_ms"] / search["plain"]["p50_ms"], 3),
            "p95": round(search["encrypted"]["p95_ms"] / search["plain"]["p95_ms"], 3),
        },
        "same_matches": round(same / len(queries), 4),
        "same_top1": round(same_top1 / len(queries), 4),
        "same_note": "same_matches: the whole top-k list (ids and scores) equal; the index is "
        "approximate and an encrypted store's terms (a keyed PRF) collide differently, so the "
        "candidates near the k-th score may differ",
        "target": "encrypted search p50 and p95 <= 1.3x plain",
        "machine": retrieval.machine_info(),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--segments", type=int, default=200_000, help="memory size")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=None, help="write the JSON result here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
