"""How many candidates an exact rerank needs to find the best match: recall by candidate count.

On a saved store (``bench_retrieval.py --keep``) and its saved queries, each query's candidates
are ranked two ways: by the first pass alone (its estimate from the rarest n-grams, no signature
pass: ``recount=0``) and by both passes (ltmt's default ranking, a pool of ``WIDEN`` times the
count). The first N of each are scored exactly (untimed), and a query counts as found at N when
its best score among them equals the exhaustive scan's best saved with the query. This is what
chose session 38's default of 2,048 candidates from a pool of 16,384.

    python eval/retrieval_pool_recall.py --store /tmp/ret1m-keep/store \
        --queries /tmp/ret1m-keep/queries.json --output eval/results/retrieval-s38/pool-recall.json
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ab_retrieval import saved_query_parser, user_arrays
from bench_retrieval import machine_info
from support import emit_report, numpy_as_the_command_line_runs_it

BANDS = (("70-89", 70.0, 90.0), ("50-69", 50.0, 70.0))


def run(args: argparse.Namespace) -> dict[str, Any]:
    import lmdb

    from ltmt import Memory
    from ltmt.memory import env, index
    from ltmt.memory.source_codes import SourceCodes
    from ltmt.retrieval import exact_scores
    from ltmt.text import normalize

    data = json.loads(args.queries.read_text("utf-8"))
    first_counts = [int(n) for n in args.first_pass.split(",")]
    two_counts = [int(n) for n in args.two_passes.split(",")]
    budgets = [int(n) for n in args.budgets.split(",")]
    found: dict[str, dict[str, dict[str, int]]] = {}
    queries: dict[str, dict[str, int]] = {}

    def tally(key: str, name: str, band: str, hit: bool) -> None:
        entry = found.setdefault(key, {}).setdefault(name, {b: 0 for b, _, _ in BANDS})
        entry[band] += hit

    with Memory(args.store, scan_max=0) as memory:

        def search_all(txn: lmdb.Transaction) -> None:
            info, cipher, lens, sigs = user_arrays(memory, txn)
            codes = SourceCodes.empty(info.uid, True).refreshed(txn, cipher)
            for name in args.sets:
                counts = queries.setdefault(name, {b: 0 for b, _, _ in BANDS})
                for text, best in zip(data[name]["queries"], data[name]["best"], strict=True):
                    band = next((b for b, low, high in BANDS if low <= best < high), None)
                    if band is None:
                        continue
                    counts[band] += 1
                    query = normalize(text)

                    def best_of(ids: Any, query: str = query) -> float:
                        return float(exact_scores(query, ids, codes).max()) if ids.size else 0.0

                    for budget in budgets:
                        ids, _ = index.candidates(
                            txn, info.uid, lens, query, max(first_counts), budget=budget, recount=0
                        )
                        for n in first_counts:
                            hit = best_of(ids[:n]) >= best - 1e-9
                            tally(f"{name}: first pass, budget {budget}", f"{n}", band, hit)
                    for n in two_counts:
                        ids, _ = index.candidates(txn, info.uid, lens, query, n, sigs=sigs)
                        hit = best_of(ids) >= best - 1e-9
                        tally(f"{name}: both passes, budget 150000", f"{n}", band, hit)

        env.read(memory.store, search_all, buffers=True)
    return {
        "benchmark": "retrieval-pool-recall",
        "store": str(args.store),
        "sets": args.sets,
        "queries_by_band": queries,
        "found_by_candidates": found,
        "widen": index.WIDEN,
        "hit": "the best exact score among the first N candidates equals the scan's best",
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    numpy_as_the_command_line_runs_it()
    parser = saved_query_parser(__doc__)
    parser.add_argument("--first-pass", default="1024,2048,4096,8192,16384,32768,65536")
    parser.add_argument("--two-passes", default="1024,1536,2048,3072,4096")
    parser.add_argument("--budgets", default="150000,300000")
    args = parser.parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
