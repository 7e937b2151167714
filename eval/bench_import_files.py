"""What a user waits for: ``ltmt memory import FILE`` on a large file, two checkouts in turn.

Writes ``--segments`` pairs (``bench_retrieval.py``'s memory: general and l10n pairs, perturbed
copies filling it up; the same ``--seed``) as one file per ``--formats`` (by this checkout's
writers, which skip pairs a format cannot hold), then runs the CLI of each checkout on each
file, into a fresh store each time, in turn (ABBA over the rounds). Each run is a process of its
own (``PYTHONPATH`` and working folder = its checkout): its wall time and peak RSS (its own
``VmHWM``, not ``ru_maxrss``, which carries the driver's peak over the exec; printed on exit)
are what the user sees; the report also checks that both
checkouts stored the same number of pairs.

    python eval/bench_import_files.py --base /tmp/main-checkout --segments 200000 \\
        --output eval/results/import-files-200k.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "eval") not in sys.path:
    sys.path.insert(0, str(REPO / "eval"))
from bench_retrieval import machine_info, memory_pairs  # noqa: E402
from support import (  # noqa: E402
    add_comparison_args,
    check_comparison_args,
    emit_report,
    run_in_checkout,
    use_this_checkout,
)

# the CLI, reporting its peak RSS on exit (the CLI ends with sys.exit): VmHWM, its own peak;
# ru_maxrss would carry the driver's over the exec (it holds the benchmark's pairs)
RUN_CLI = """
import atexit, sys
def peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    print("peak_rss_kb", kb, file=sys.stderr)
atexit.register(peak)
from ltmt.cli.main import run
sys.argv[0] = "ltmt"
run()
"""
ADDED = "added"


def write_files(pairs: list[tuple[str, str]], formats: list[str], folder: Path) -> dict[str, Any]:
    """One file of ``pairs`` per format, by this checkout's writers; {format: (path, written)}."""
    import logging

    use_this_checkout()
    from ltmt.formats.pairs import write_pairs
    from ltmt.segments import PairRecord

    logging.disable(logging.WARNING)  # pairs a format cannot hold are skipped with a warning
    files = {}
    for fmt in formats:
        path = folder / f"memory.{fmt}"
        records = (PairRecord(source, target) for source, target in pairs)
        if fmt == "tsv":
            records = (r for r in records if "\t" not in r.source + r.target)
            records = (r for r in records if "\n" not in r.source + r.target)
        written = write_pairs(path, records)
        files[fmt] = {"path": path, "pairs": written, "bytes": path.stat().st_size}
    logging.disable(logging.NOTSET)
    return files


def import_once(checkout: Path, path: Path, store: Path) -> dict[str, Any]:
    """``ltmt memory import path`` by ``checkout`` into the fresh ``store``: wall s, peak RSS."""
    start = time.perf_counter()
    done = run_in_checkout(
        checkout, RUN_CLI, "memory", "import", str(path), "--user", "bench",
        "--memory-dir", str(store), "--json",
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("peak_rss_kb")]
    shutil.rmtree(store)
    return {"seconds": seconds, "peak_rss_kb": int(peak[-1]), **json.loads(done.stdout)}


def summary(rows: list[dict[str, Any]], pairs: int) -> dict[str, Any]:
    """One checkout's runs of one file: times, their median and its rate, peaks, pairs added."""
    median = statistics.median(r["seconds"] for r in rows)
    return {
        "seconds": [round(r["seconds"], 2) for r in rows],
        "median_seconds": round(median, 2),
        "pairs_per_s": round(pairs / median, 1),
        "peak_rss_mb": [round(r["peak_rss_kb"] / 1024) for r in rows],
        ADDED: rows[0][ADDED],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    pairs = memory_pairs(args.data_dir, args.segments, args.seed)
    checkouts = {"base": args.base.resolve(), "this": REPO}
    work = Path(tempfile.mkdtemp(prefix="ltmt-import-files-", dir=args.work_dir))
    results: dict[str, Any] = {}
    try:
        files = write_files(pairs, args.formats, work)
        del pairs
        for fmt, file in files.items():
            runs: dict[str, list[dict[str, Any]]] = {name: [] for name in checkouts}
            for round_number in range(args.rounds):
                order = list(checkouts) if round_number % 2 == 0 else list(reversed(checkouts))
                for name in order:
                    result = import_once(checkouts[name], file["path"], work / f"store-{name}")
                    runs[name].append(result)
                    print(
                        f"{fmt} round {round_number + 1} {name}: {result['seconds']:.1f} s",
                        file=sys.stderr,
                    )
            results[fmt] = {
                "pairs_in_file": file["pairs"],
                "file_mb": round(file["bytes"] / 2**20, 1),
                **{name: summary(rows, file["pairs"]) for name, rows in runs.items()},
            }
            results[fmt]["same_added"] = results[fmt]["base"][ADDED] == results[fmt]["this"][ADDED]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "ltmt memory import FILE, two checkouts in turn",
        "segments": args.segments,
        "rounds": args.rounds,
        "seed": args.seed,
        "base": str(checkouts["base"]),
        "formats": results,
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_comparison_args(parser, segments=200_000, rounds=2)
    parser.add_argument("--formats", default="tmx,jsonl", help="comma-separated extensions")
    args = parser.parse_args(argv)
    check_comparison_args(parser, args)
    args.formats = [fmt.strip().lstrip(".") for fmt in args.formats.split(",") if fmt.strip()]
    if not args.formats:
        parser.error("--formats names no format")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
