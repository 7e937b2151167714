"""Cold kNN speed of two engines of this checkout, taking turns user by user in one process.

``eval/ab_knn_speed.py`` alternates whole rounds (about 10 s each) between two checkouts; when
other jobs share the machine, its rounds swing by more than a few per cent. Two options of the
same code (``bench_speed`` engines such as ``ltmt-knn`` and ``ltmt-knn-int8head``) can take
turns far more often: here each user's segments (a second or two of work) go through A then B,
or B then A, alternately, with both engines' force-decoded states emptied before each turn, and
each side's wall and CPU seconds are summed per round. Load that lasts longer than a turn falls
on both sides alike.

    flock -x /tmp/ltmt-cpu.lock python eval/ab_knn_options.py ltmt-knn ltmt-knn-int8head \\
        --rounds 3 --threads 2 --output eval/results/speed/ab-options.json

Writes per engine the seconds of each round, their medians, the decoder rows it stepped (beam
rows times steps, summed over the last round), its BLEU (last round), the ratio B / A of the summed
CPU and wall seconds of all rounds, and how many outputs differ (from the last round).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from support import DEV_USERS_DIR, emit_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("engines", nargs=2, help="two bench_speed ltmt-knn* engines: A B")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import bench_speed
    import torch

    torch.set_num_threads(args.threads)
    options = argparse.Namespace(
        model=None, beam=4, batch_size=32, threads=args.threads, limit=args.limit
    )
    segments = bench_speed.select_segments(DEV_USERS_DIR, args.limit)
    references = [ref for _, _, refs in segments for ref in refs]
    built = [bench_speed.build_engine(name, options, DEV_USERS_DIR) for name in args.engines]
    stepped = _count_rows_stepped()
    for translate, _ in built:  # warm-up: every user's translator loads what it needs
        for user, sources, _ in segments:
            translate(user, sources[:4])
    wall = [[0.0] * args.rounds for _ in built]
    cpu = [[0.0] * args.rounds for _ in built]
    outputs: list[list[str]] = [[], []]
    turn = 0
    rows = [0, 0]
    for round_ in range(args.rounds):
        outputs = [[], []]
        rows = [0, 0]
        for user, sources, _ in segments:
            for side in (0, 1) if turn % 2 == 0 else (1, 0):
                translate = built[side][0]
                translate.forget()  # type: ignore[attr-defined]
                before = stepped[0]
                started, cpu_started = time.perf_counter(), time.process_time()
                outputs[side] += translate(user, sources)
                wall[side][round_] += time.perf_counter() - started
                cpu[side][round_] += time.process_time() - cpu_started
                rows[side] += stepped[0] - before
            turn += 1
    report: dict[str, object] = {
        "rounds": args.rounds,
        "threads": args.threads,
        "order": "per user: A B, then B A, ...",
    }
    import sacrebleu

    for name, engine, w, c, n, out in zip(
        "AB", args.engines, wall, cpu, rows, outputs, strict=True
    ):
        report[name] = {
            "engine": engine,
            "rows_stepped": n,
            "bleu": round(sacrebleu.corpus_bleu(out, [references]).score, 2),
            "wall_seconds": [round(x, 3) for x in w],
            "cpu_seconds": [round(x, 3) for x in c],
            "median_wall": round(statistics.median(w), 3),
            "median_cpu": round(statistics.median(c), 3),
        }
    report["b_over_a_wall"] = round(sum(wall[1]) / sum(wall[0]), 3)
    report["b_over_a_cpu"] = round(sum(cpu[1]) / sum(cpu[0]), 3)
    report["b_over_a_rows_stepped"] = round(rows[1] / max(rows[0], 1), 3)
    report["outputs_differing"] = sum(a != b for a, b in zip(*outputs, strict=True))
    emit_report(report, args.output)


def _count_rows_stepped() -> list[int]:
    """A one-element list that counts the rows of every decoder step from now on (the beam
    search's ``_Stepper`` is wrapped: a row costs a step of the decoder, fusion included)."""
    from ltmt.model import decode

    count = [0]
    step = decode._Stepper.__call__

    def counted(self, prefix, *args):  # type: ignore[no-untyped-def]
        count[0] += prefix.size(0)
        return step(self, prefix, *args)

    decode._Stepper.__call__ = counted  # type: ignore[method-assign]
    return count


if __name__ == "__main__":
    main()
