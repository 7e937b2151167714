"""How many torch calls a translation pass makes, by the ltmt function that makes them.

A fused step is hundreds of small torch operations, each a call from Python, so their count is
a cost of its own beside what the operations compute. This runs one ``bench_speed`` engine
(default ``ltmt-knn-warm``, a user's next run) over the speed segments once to warm up, then
once more under a :class:`torch.overrides.TorchFunctionMode` that counts every torch function
and tensor method called from Python, keyed by the nearest calling frame outside torch. Writes
the total and the most frequent callers (functions and lines):

    python eval/count_torch_calls.py --output eval/results/speed/s33/torch-calls-knn-warm.json

Untimed (the counting slows the pass). It counts this checkout's ltmt; to count another
commit's, copy this script and ``bench_speed.py`` into that checkout's ``eval/`` and run it there
(session 33 counted ``7a4c9e5`` so, with ``--users-dir`` pointing at the data).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from support import REPO, add_pass_args, emit_report, use_this_checkout

use_this_checkout()


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed
    import torch
    from torch.overrides import TorchFunctionMode

    import ltmt

    torch.set_num_threads(args.threads)
    options = bench_speed.engine_options(args.users_dir, args.limit, args.threads)
    segments = bench_speed.select_segments(args.users_dir, args.limit)
    translate, opened = bench_speed.build_engine(args.engine, options, args.users_dir)
    for user, sources, _ in segments:  # warm-up (and, for -warm engines, states on disk)
        translate(user, sources)
    lines: Counter[str] = Counter()
    torch_dir = os.path.dirname(torch.__file__)

    class Counting(TorchFunctionMode):
        def __torch_function__(  # type: ignore[no-untyped-def]
            self, func, types, args=(), kwargs=None
        ):
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.startswith(torch_dir):
                frame = frame.f_back
            if frame is None:
                lines["?"] += 1
            else:
                name = os.path.relpath(frame.f_code.co_filename, REPO)
                lines[f"{name}:{frame.f_code.co_name}:{frame.f_lineno}"] += 1
            return func(*args, **(kwargs or {}))

    with Counting():
        for user, sources, _ in segments:
            translate(user, sources)
    del opened
    functions: Counter[str] = Counter()
    for line, count in lines.items():
        functions[line.rsplit(":", 1)[0]] += count
    return {
        "benchmark": "torch calls from Python in one translation pass",
        "engine": args.engine,
        "segments": sum(len(sources) for _, sources, _ in segments),
        "ltmt": str(Path(ltmt.__file__).resolve().parents[1]),
        "torch": torch.__version__,
        "total_calls": sum(lines.values()),
        "by_function": dict(functions.most_common(args.top)),
        "by_line": dict(lines.most_common(args.top)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", default="ltmt-knn-warm", help="a bench_speed ltmt engine")
    parser.add_argument("--top", type=int, default=30, help="callers listed")
    add_pass_args(parser)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
