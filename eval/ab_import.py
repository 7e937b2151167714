"""Interleaved A/B of two checkouts' bulk import (``Memory.import_pairs``) of the same pairs.

The pairs are ``bench_retrieval.py``'s 1M-segment memory (general and l10n pairs, the dev users'
memories among them, perturbed copies filling it up; the same ``--seed``), built once and
saved in the work folder. Each import runs in a fresh process of its own (``PYTHONPATH`` = its
checkout) into a fresh store, the two versions in turn (ABBA order over the rounds), so that a
change in the machine's speed affects both alike. The rate counts the pairs read per second of
the whole ``import_pairs`` call (cleaning, storing and indexing), as ``bench_retrieval.py``
does. After each import the worker searches the same queries (the dev users' test sources), and
the driver checks that both versions return the same top-1 segment and score for each.

    python eval/ab_import.py --base /tmp/main-checkout --output eval/results/import-ab.json
    python eval/ab_import.py --base /tmp/main-checkout --segments 100000 --rounds 1   # quick
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "eval") not in sys.path:
    sys.path.insert(0, str(REPO / "eval"))
from bench_retrieval import USER, load_dev_users, machine_info, memory_pairs  # noqa: E402
from support import (  # noqa: E402
    add_comparison_args,
    check_comparison_args,
    emit_report,
    report_in_checkout,
)

# The worker: imports the pickled pairs into a fresh store, searches the queries, prints JSON.
WORKER = """
import json, pickle, sys, time
from pathlib import Path
from ltmt import Memory
pairs, queries = pickle.loads(Path(sys.argv[1]).read_bytes())
memory = Memory(sys.argv[2])
start = time.perf_counter()
report = memory.import_pairs(sys.argv[3], pairs, origin="bench")
seconds = time.perf_counter() - start
found = memory.search_batch(sys.argv[3], queries, k=1)
top = [[m[0].segment.id, round(m[0].score, 4)] if m else None for m in found]
memory.close()
size = (Path(sys.argv[2]) / "data.mdb").stat().st_size
import ltmt
package = str(Path(ltmt.__file__).resolve().parents[1])
print(json.dumps({"package": package, "seconds": seconds, "read": report.read,
                  "added": report.added, "store_bytes": size, "top": top}))
"""


def import_once(checkout: Path, pairs_file: Path, store: Path) -> dict[str, Any]:
    """One import by ``checkout`` in a process of its own, into the fresh ``store``; the worker
    reports which ``ltmt`` it imported, checked against ``checkout``."""
    result = report_in_checkout(checkout, WORKER, str(pairs_file), str(store), USER)
    if Path(result["package"]) != checkout:
        raise SystemExit(f"the worker for {checkout} imported ltmt from {result['package']}")
    shutil.rmtree(store)
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    pairs = memory_pairs(args.data_dir, args.segments, args.seed)
    queries = [source for _, tests in load_dev_users(args.data_dir).values() for source in tests]
    checkouts = {"base": args.base.resolve(), "this": REPO}
    work = Path(tempfile.mkdtemp(prefix="ltmt-ab-import-", dir=args.work_dir))
    try:
        pairs_file = work / "pairs.pickle"
        pairs_file.write_bytes(pickle.dumps((pairs, queries)))
        del pairs
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in checkouts}
        for round_number in range(args.rounds):
            order = list(checkouts) if round_number % 2 == 0 else list(reversed(checkouts))
            for name in order:
                result = import_once(checkouts[name], pairs_file, work / f"store-{name}")
                runs[name].append(result)
                rate = result["read"] / result["seconds"]
                print(f"round {round_number + 1} {name}: {rate:,.0f} pairs/s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    tops = {name: [run["top"] for run in results] for name, results in runs.items()}
    same = all(top == tops["base"][0] for top in tops["base"] + tops["this"])
    summary = {}
    for name, results in runs.items():
        rates = [result["read"] / result["seconds"] for result in results]
        summary[name] = {
            "checkout": str(checkouts[name]),
            "pairs_per_s": [round(rate, 1) for rate in rates],
            "median_pairs_per_s": round(statistics.median(rates), 1),
            "seconds": [round(result["seconds"], 2) for result in results],
            "added": results[0]["added"],
            "store_bytes_per_segment": round(
                results[0]["store_bytes"] / max(1, results[0]["added"]), 1
            ),
        }
    return {
        "benchmark": "bulk import, two checkouts in turn",
        "pairs": runs["base"][0]["read"],
        "rounds": args.rounds,
        "order": "base, this; then this, base; ...",
        "seed": args.seed,
        **summary,
        "speedup_median": round(
            summary["this"]["median_pairs_per_s"] / summary["base"]["median_pairs_per_s"], 3
        ),
        "same_top1_for_all_queries": same,
        "queries_checked": len(queries),
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_comparison_args(parser, segments=1_000_000, rounds=3)
    args = parser.parse_args(argv)
    check_comparison_args(parser, args)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
