"""Continuous batching against batch-by-batch search on the warm kNN pass, in one process.

``bench_speed``'s ``ltmt-knn-warm`` engine (a user's next run) translates the speed segments
with each mode in turn, round by round (forward, then reverse order), and every
``IncrementalDecoder.step`` is timed with its rows, the positions the longest live sentence has
filled (the self-attention's width) and the cross-attention's width:

* ``batches``: fused batches of ``batch_size`` lines, each searched until its longest ends;
* ``continuous``: fused batches of ``JOINED_BATCHES`` times as many, searched ``batch_size``
  at a time, shortest first, each line joining as another ends
  (``DecodeConfig.live_sentences``);
* ``continuous-longest-first``: the same, longest first.

Reports per mode the median pass wall time, the steps, row-steps and seconds in the decoder's
steps, and per bucket of rows the steps, their mean milliseconds and widths:

    flock -x /tmp/ltmt-cpu.lock python eval/continuous_batching_trial.py --rounds 2 \\
        --output eval/results/speed/s35/continuous-batching.json
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from dataclasses import replace
from typing import Any

from support import add_pass_args, emit_report, use_this_checkout

use_this_checkout()

BUCKETS = ((1, 16), (17, 48), (49, 96), (97, 128))
MODES = ("batches", "continuous", "continuous-longest-first")


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed
    import torch

    import ltmt.translator as translator_module
    from ltmt.model import incremental
    from ltmt.model.cpu import cpu_summary
    from ltmt.translator import JOINED_BATCHES, Translator

    torch.set_num_threads(args.threads)
    options = bench_speed.engine_options(args.users_dir, args.limit, args.threads)
    segments = bench_speed.select_segments(args.users_dir, args.limit)
    made: list[Translator] = []
    original_init = Translator.__init__

    def recording_init(self: Translator, *a: Any, **k: Any) -> None:
        original_init(self, *a, **k)
        made.append(self)

    Translator.__init__ = recording_init  # type: ignore[method-assign]
    translate, opened = bench_speed.build_engine("ltmt-knn-warm", options, args.users_dir)
    Translator.__init__ = original_init  # type: ignore[method-assign]
    longest_first = [False]
    plan = translator_module.plan_batches

    def planned(*a: Any, **k: Any) -> list[tuple[list[int], bool]]:
        batches = plan(*a, **k)
        if longest_first[0]:
            return [(list(reversed(ix)) if fused else ix, fused) for ix, fused in batches]
        return batches

    translator_module.plan_batches = planned  # type: ignore[assignment]

    def set_mode(mode: str) -> None:
        joined = mode != "batches"
        longest_first[0] = mode == "continuous-longest-first"
        for translator in made:
            size = translator.batch_size
            translator.decode_config = replace(
                translator.decode_config, live_sentences=size if joined else 0
            )
            translator.fused_batch_size = size * (JOINED_BATCHES if joined else 1)

    steps: list[tuple[int, float, int, int]] = []
    step = incremental.IncrementalDecoder.step

    def timed_step(self: Any, tokens: Any, keep_attention: bool = False) -> Any:
        started = time.perf_counter()
        try:
            return step(self, tokens, keep_attention)
        finally:
            elapsed = time.perf_counter() - started
            steps.append((tokens.numel(), elapsed, self.position, self.cross_bias.size(-1)))

    incremental.IncrementalDecoder.step = timed_step  # type: ignore[method-assign]
    for user, sources, _ in segments:  # warm-up
        translate(user, sources)
    walls: dict[str, list[float]] = defaultdict(list)
    rounds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    outputs: dict[str, list[str]] = {}
    for number in range(args.rounds):
        for mode in MODES if number % 2 == 0 else reversed(MODES):
            set_mode(mode)
            steps.clear()
            texts: list[str] = []
            started = time.perf_counter()
            for user, sources, _ in segments:
                texts.extend(translate(user, sources))
            walls[mode].append(time.perf_counter() - started)
            outputs[mode] = texts
            rounds[mode].append(_step_summary(steps))
    del opened
    return {
        "benchmark": "continuous batching against batch-by-batch search, warm kNN pass",
        "engine": "ltmt-knn-warm (a user's next run)",
        "segments": sum(len(sources) for _, sources, _ in segments),
        "threads": args.threads,
        "joined_batches": JOINED_BATCHES,
        "cpu": cpu_summary(),
        "rounds": args.rounds,
        "modes": {
            mode: {
                "pass_wall_seconds": [round(w, 3) for w in walls[mode]],
                "median_pass_wall_seconds": round(statistics.median(walls[mode]), 3),
                "outputs_differing_from_batches": sum(
                    a != b for a, b in zip(outputs[mode], outputs["batches"], strict=True)
                ),
                "last_round_steps": rounds[mode][-1],
                "step_seconds_by_round": [r["step_seconds"] for r in rounds[mode]],
            }
            for mode in MODES
        },
    }


def _step_summary(steps: list[tuple[int, float, int, int]]) -> dict[str, Any]:
    """Steps, row-steps and seconds in the steps, and per bucket of rows the steps, their mean
    milliseconds and mean widths (self-attention positions, cross-attention source tokens)."""
    summary: dict[str, Any] = {
        "steps": len(steps),
        "row_steps": sum(rows for rows, *_ in steps),
        "step_seconds": round(sum(seconds for _, seconds, *_ in steps), 3),
        "by_rows": {},
    }
    for low, high in BUCKETS:
        bucket = [s for s in steps if low <= s[0] <= high]
        if bucket:
            summary["by_rows"][f"{low}-{high}"] = {
                "steps": len(bucket),
                "ms_a_step": round(1000 * statistics.mean(s[1] for s in bucket), 2),
                "self_attention_width": round(statistics.mean(s[2] for s in bucket), 1),
                "cross_attention_width": round(statistics.mean(s[3] for s in bucket), 1),
            }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    add_pass_args(parser)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
