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
from functools import partial
from typing import Any

from ab_warm_store import counted_pass, interleaved, parse_args, setting
from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()


def warm_all(translate: Any) -> dict[str, Any]:
    """Warm every user's memory for its translator; what each took."""
    from dataclasses import asdict

    return {user: asdict(t.warm(user)) for user, t in translate.translators.items()}


def first_run(
    translate: Any, segments: list[Any], warming: dict[str, Any], warmed: bool
) -> tuple[float, int, list[list[str]]]:
    """One first run: no states in memory or on disk, each memory warmed first (untimed, as an
    import would be: what it took goes to ``warming``) when ``warmed``."""
    translate.forget()
    if warmed:
        warming.update(warm_all(translate))
    return counted_pass(translate, segments)


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed

    options, segments, report = setting(args)
    for engine in args.engines.split(","):
        translate, contexts = bench_speed.build_engine(engine, options, DEV_USERS_DIR)
        warming: dict[str, Any] = {}
        passes = {
            variant: partial(first_run, translate, segments, warming, variant == "warmed")
            for variant in ("cold", "warmed")
        }
        report["engines"][engine] = {
            **interleaved(passes, args.rounds),
            "warming_per_user": warming,
        }
        for context in (contexts or {}).values():
            context.__exit__(None, None, None)
    return report


def main() -> None:
    args = parse_args(__doc__, "ltmt-knn,ltmt-knn-trained", 4)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
