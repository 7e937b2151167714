"""How long the decoder steps of a kNN pass take by their number of rows, with steps of up to N
rows on one intra-op thread (``ltmt.model.decode.SINGLE_THREAD_ROWS``), for several N in turn.

A batch's rows shrink as its sentences finish, so a pass has many steps of few rows (the tails
of batches, where a few long sentences remain). This runs ``bench_speed``'s ``ltmt-knn-warm``
engine (a user's next run) over the speed segments with each ``--single-thread-rows`` setting
in turn, round by round (forward, then reverse order), and times every
``IncrementalDecoder.step`` (the decoder layers: not the output projection or kNN's mixing)
by its rows. Reports per setting the median pass wall time and, per bucket of rows, the steps
and their median milliseconds a step over the rounds:

    flock -x /tmp/ltmt-cpu.lock python eval/step_time_by_rows.py --settings 0,16,48,96 \\
        --rounds 3 --output eval/results/speed/s33/step-time-by-rows.json

Setting 0 is every step on ``--threads`` threads (the code before session 33).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from typing import Any

from support import add_pass_args, emit_report, use_this_checkout

use_this_checkout()

BUCKETS = ((1, 16), (17, 48), (49, 96), (97, 128))


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed
    import torch

    from ltmt.model import decode, incremental
    from ltmt.model.cpu import cpu_summary

    torch.set_num_threads(args.threads)
    options = bench_speed.engine_options(args.users_dir, args.limit, args.threads)
    segments = bench_speed.select_segments(args.users_dir, args.limit)
    translate, opened = bench_speed.build_engine("ltmt-knn-warm", options, args.users_dir)
    steps: list[tuple[int, float]] = []
    step = incremental.IncrementalDecoder.step

    def timed_step(self: Any, tokens: Any, keep_attention: bool = False) -> Any:
        started = time.perf_counter()
        try:
            return step(self, tokens, keep_attention)
        finally:
            steps.append((tokens.numel(), time.perf_counter() - started))

    incremental.IncrementalDecoder.step = timed_step  # type: ignore[method-assign]
    settings = [int(value) for value in args.settings.split(",")]
    for user, sources, _ in segments:  # warm-up
        translate(user, sources)
    walls: dict[int, list[float]] = defaultdict(list)
    per_bucket: dict[int, dict[str, list[float]]] = {s: defaultdict(list) for s in settings}
    counts: dict[int, dict[str, int]] = {s: {} for s in settings}
    for number in range(args.rounds):
        for setting in settings if number % 2 == 0 else reversed(settings):
            decode.SINGLE_THREAD_ROWS = setting  # type: ignore[misc]
            steps.clear()
            started = time.perf_counter()
            for user, sources, _ in segments:
                translate(user, sources)
            walls[setting].append(time.perf_counter() - started)
            for low, high in BUCKETS:
                times = [t for rows, t in steps if low <= rows <= high]
                name = f"{low}-{high}"
                counts[setting][name] = len(times)
                if times:
                    per_bucket[setting][name].append(1000 * sum(times) / len(times))
    del opened
    return {
        "benchmark": "decoder step time by rows, steps of few rows on one thread",
        "engine": "ltmt-knn-warm (a user's next run)",
        "segments": sum(len(sources) for _, sources, _ in segments),
        "threads": args.threads,
        "cpu": cpu_summary(),
        "rounds": args.rounds,
        "unit": "median over rounds of each round's mean ms a step (IncrementalDecoder.step)",
        "settings": {
            str(setting): {
                "single_thread_rows": setting,
                "pass_wall_seconds": [round(w, 3) for w in walls[setting]],
                "median_pass_wall_seconds": round(statistics.median(walls[setting]), 3),
                "steps_by_rows": counts[setting],
                "ms_per_step_by_rows": {
                    name: round(statistics.median(values), 2)
                    for name, values in per_bucket[setting].items()
                },
            }
            for setting in settings
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--settings", default="0,16,48,96", help="SINGLE_THREAD_ROWS values")
    parser.add_argument("--rounds", type=int, default=3)
    add_pass_args(parser)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
