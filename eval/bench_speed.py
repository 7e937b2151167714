"""Speed of memory fusion against the base model, interleaved so host drift cancels out.

``ltmt bench`` times each system over a whole test set, one after the other; on a shared or
virtual machine whose speed drifts by 10-20 % within minutes, the ratio of two such timings
carries that drift. Here every user's test segments are cut into chunks, and each chunk is
translated by every system back to back, the order turning round from chunk to chunk (ABBA), so
each system sees the same moments of the run. The systems are the benchmark's own
(:func:`ltmt.bench.systems.build_systems`: same batch size, beam, retrieval, exact-match reuse).

    python eval/bench_speed.py --model ltmt/models/default-en-de --threads 2 \
        --output eval/results/speed/speed.json

Writes seconds and segments/s per system and user, each system's throughput relative to the
first (``base``), and the spread of the per-chunk ratios (median, quartiles).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a checkout: import this repo's ltmt
    sys.path.insert(0, str(REPO))


def _chunks(sources: tuple[str, ...], size: int) -> list[list[str]]:
    return [list(sources[i : i + size]) for i in range(0, len(sources), size)]


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    from ltmt.bench.data import find_users
    from ltmt.bench.runner import fresh_memory
    from ltmt.bench.systems import DecodeOptions, build_systems
    from ltmt.translator import Translator

    torch.set_num_threads(args.threads)
    users = find_users(args.users_dir, args.limit)
    backbone = Translator(args.model).backbone
    options = DecodeOptions(backbone, beam=args.beam, batch_size=args.batch_size, top_k=4)
    systems, skipped = build_systems(args.systems.split(","), options, 70.0)
    if skipped:
        raise SystemExit(f"cannot run: {skipped}")
    names = [s.name for s in systems]
    seconds: dict[str, dict[str, float]] = {name: {} for name in names}
    chunk_ratios: dict[str, list[float]] = {name: [] for name in names[1:]}
    turn = 0
    Translator(backbone, beam=args.beam).translate(list(users[0].sources[:2]))  # warm-up
    for testset in users:
        with fresh_memory(testset) as memory:
            bound = [system.bind(memory) for system in systems]
            for name in names:
                seconds[name][testset.name] = 0.0
            for chunk in _chunks(testset.sources, args.chunk):
                order = list(range(len(bound)))
                if turn % 2:
                    order.reverse()
                turn += 1
                taken = {}
                for index in order:
                    started = time.perf_counter()
                    bound[index].translate(chunk, testset.user)
                    taken[names[index]] = time.perf_counter() - started
                    seconds[names[index]][testset.name] += taken[names[index]]
                for name in names[1:]:
                    chunk_ratios[name].append(taken[names[0]] / taken[name])
        print(
            testset.name,
            {name: round(seconds[name][testset.name], 1) for name in names},
            flush=True,
        )
    segments = {t.name: len(t.sources) for t in users}
    total = sum(segments.values())
    report: dict[str, Any] = {
        "model": str(args.model),
        "users_dir": str(args.users_dir),
        "beam": args.beam,
        "batch_size": args.batch_size,
        "threads": args.threads,
        "chunk": args.chunk,
        "segments": segments,
        "machine": platform.processor() or platform.machine(),
        "systems": {},
    }
    base_total = sum(seconds[names[0]].values())
    for name in names:
        spent = sum(seconds[name].values())
        entry: dict[str, Any] = {
            "seconds": round(spent, 3),
            "segments_per_second": round(total / spent, 2),
            "per_user_seconds": {u: round(s, 3) for u, s in seconds[name].items()},
        }
        if name != names[0]:
            ratios = sorted(chunk_ratios[name])
            quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
            entry["throughput_vs_" + names[0]] = round(base_total / spent, 3)
            entry["chunk_ratio_median"] = round(statistics.median(ratios), 3)
            entry["chunk_ratio_quartiles"] = [round(quartiles[0], 3), round(quartiles[2], 3)]
        report["systems"][name] = entry
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the embedded one)")
    parser.add_argument(
        "--users-dir", type=Path, default=REPO.parent / "shared/data/en-de/l10n/dev"
    )
    parser.add_argument("--systems", default="base,knn", help="comma-separated, base first")
    parser.add_argument("--limit", type=int, default=None, help="test segments per user")
    parser.add_argument("--chunk", type=int, default=64, help="segments per interleaved chunk")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    report = run(args)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
