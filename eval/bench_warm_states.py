"""A user's first run with the memory warmed ahead (``ltmt memory warm``) against a cold one.

On ``bench_speed``'s cold engines (``ltmt-knn``, ``ltmt-knn-trained``: each dev user's memory,
the speed segments), every round empties the force-decoded states (in memory and on disk) and
times one pass cold and one pass after warming each user's memory (untimed, as an import
would be), in turns (ABAB..., BABA...). Reports per engine the seconds of each (median), the
pairs a pass force-decodes, whether the outputs agree, and what warming took per user
(segments, seconds, MB):

    flock -x /tmp/ltmt-cpu.lock python eval/bench_warm_states.py --rounds 4 \\
        --output eval/results/speed/warm-states-s18.json
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
from typing import Any

from ab_warm_store import counted_pass
from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

VARIANTS = ("cold", "warmed")


def warm_all(translate: Any) -> dict[str, Any]:
    """Warm every user's memory for its translator; what each took."""
    from dataclasses import asdict

    return {user: asdict(t.warm(user)) for user, t in translate.translators.items()}


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed
    import torch

    torch.set_num_threads(args.threads)
    options = argparse.Namespace(
        model=None, beam=4, batch_size=32, threads=args.threads, limit=args.limit, workers=1
    )
    segments = bench_speed.select_segments(DEV_USERS_DIR, args.limit)
    report: dict[str, Any] = {
        "segments": sum(len(sources) for _, sources, _ in segments),
        "threads": args.threads,
        "rounds": args.rounds,
        "engines": {},
    }
    for engine in args.engines.split(","):
        translate, contexts = bench_speed.build_engine(engine, options, DEV_USERS_DIR)
        seconds: dict[str, list[float]] = {v: [] for v in VARIANTS}
        pairs: dict[str, int] = {}
        outputs: dict[str, list[list[str]]] = {}
        warming: dict[str, Any] = {}
        for number in range(args.rounds):
            order = VARIANTS if number % 2 == 0 else tuple(reversed(VARIANTS))
            for variant in order:
                translate.forget()  # no states in memory or on disk
                if variant == "warmed":
                    warming = warm_all(translate)
                    for translator in translate.translators.values():
                        translator.fusion.cache.clear()  # what the warming held in memory
                took, forced, texts = counted_pass(translate, segments)
                seconds[variant].append(round(took, 3))
                pairs.setdefault(variant, forced)
                outputs.setdefault(variant, texts)
        report["engines"][engine] = {
            **{
                variant: {
                    "seconds_per_round": seconds[variant],
                    "median_seconds": round(statistics.median(seconds[variant]), 3),
                    "pairs_force_decoded_per_pass": pairs[variant],
                }
                for variant in VARIANTS
            },
            "same_outputs": outputs["cold"] == outputs["warmed"],
            "warming_per_user": warming,
        }
        for context in (contexts or {}).values():
            context.__exit__(None, None, None)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="ltmt-knn,ltmt-knn-trained")
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
