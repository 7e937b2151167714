"""Interleaved A/B of how long two checkouts take to open a saved memory store.

Each open runs in a fresh process (``PYTHONPATH`` = the checkout), so nothing of an earlier
open is cached in Python; the page cache of the operating system is warm after the first round
for both alike. The versions take turns (ABBA per round), so that a change in the machine's
load affects both. The time is that of ``Memory(store)`` alone, measured inside the process.

    python eval/ab_store_open.py --base /tmp/base-checkout --store /tmp/ret1m-keep/store \
        --rounds 5 --output eval/results/store-open-ab.json

The store is opened read-only by neither version's intent, but a version that records its
checks beside ``data.mdb`` (session 60's ``pages-checked``) writes that record on its first
open; the base ignores it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "eval") not in sys.path:
    sys.path.insert(0, str(REPO / "eval"))
from bench_retrieval import machine_info  # noqa: E402
from support import emit_report, report_in_checkout  # noqa: E402

OPEN_ONCE = """
import json, sys, time
import ltmt
from ltmt import Memory
imported = time.perf_counter()
with Memory(sys.argv[1]) as memory:
    opened = time.perf_counter()
print(json.dumps({"ltmt": ltmt.__file__, "open_s": opened - imported}))
"""


def open_once(checkout: Path, store: Path) -> dict[str, Any]:
    """One open of ``store`` by the ``ltmt`` of ``checkout``, in a process of its own."""
    timing = report_in_checkout(checkout, OPEN_ONCE, str(store.resolve()))
    if not Path(timing["ltmt"]).resolve().is_relative_to(checkout):
        raise SystemExit(f"{checkout}: the process imported ltmt from {timing['ltmt']}")
    return timing


def summary(times: list[float]) -> dict[str, Any]:
    """Median, least and most of ``times`` (seconds), and all of them."""
    return {
        "median_s": round(statistics.median(times), 4),
        "min_s": round(min(times), 4),
        "max_s": round(max(times), 4),
        "opens_s": [round(t, 4) for t in times],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the base checkout")
    parser.add_argument("--store", type=Path, required=True, help="a saved memory store")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    versions = {"base": args.base.resolve(), "new": REPO}
    opens: dict[str, list[float]] = {name: [] for name in versions}
    for round_ in range(args.rounds):
        order = list(versions) if round_ % 2 == 0 else list(reversed(versions))
        for name in order:
            opens[name].append(open_once(versions[name], args.store)["open_s"])
    data_mb = (args.store / "data.mdb").stat().st_size / 2**20
    report = {
        "benchmark": "store-open-ab",
        "store": str(args.store.resolve()),
        "data_mdb_mb": round(data_mb, 1),
        "rounds": args.rounds,
        "order": "ABBA by round: base first in even rounds",
        **{name: summary(times) for name, times in opens.items()},
        "machine": machine_info(),
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
