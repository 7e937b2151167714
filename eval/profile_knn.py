"""Where the time of kNN fusion goes: one cold pass of ``bench_speed``'s ``ltmt-knn`` engine
(or ``--engine``, e.g. ``ltmt-knn-trained``).

Run it under py-spy, then summarise the raw profile into the shares of the parts of a kNN run:

    py-spy record --idle -r 50 -f raw -o knn.raw -- python eval/profile_knn.py --threads 2
    python eval/profile_knn.py --summarise knn.raw --output eval/results/speed/profile-knn.json

``--idle``: CTranslate2 (plain batches, and since session 22 the fused batches' encoder) works
on threads of its own while the Python thread waits, which py-spy counts as idle and leaves out
without it (profiles before session 22 were taken without it: their shares leave out the plain
batches' CTranslate2 time).

Shares are of the samples taken inside the timed translation loop (loading excluded); a part
counts every sample whose stack passes through it, so nested parts overlap.

``--count-forced`` (no py-spy) counts instead what one cold pass force-decodes: the
(source, target) pairs, their distinct texts and their tokens, e.g. knn against knn-trained:

    python eval/profile_knn.py --engine ltmt-knn-trained --count-forced --output forced.json

``--torch-ops`` (no py-spy) profiles instead one pass with torch's profiler: each operator's
share of the CPU time torch records, its calls and mean time, the largest first, e.g. a user's
next kNN run:

    python eval/profile_knn.py --engine ltmt-knn-warm --torch-ops --output ops.json

``--store-time`` (no py-spy) times instead the forced-state disk store's calls in one cold pass
(calls and thread-CPU seconds of each ``StateStore`` method it has: ``put``, ``put_many``,
``get``), beside the pass's own wall and CPU seconds; it runs on older checkouts too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from support import DEV_USERS_DIR, emit_report  # noqa: E402

# part of the run -> frames (function and file) that its py-spy stacks pass through, all of
# them; a frame after "!" must not be on the stack
STEP = "_Stepper.__call__ (ltmt/model/decode.py"
PARTS: dict[str, tuple[str, ...]] = {
    "force-decoding the matches": ("force_decode (ltmt/fusion/datastore.py",),
    "  encoding the matches' sources": ("encode_sources (ltmt/fusion/datastore.py",),
    "  recording the alignment (cross-attention)": ("record (ltmt/fusion/alignment.py",),
    "differing shares of the entries": ("differing_shares (ltmt/fusion/alignment.py",),
    "lacked positions of the matches": ("lacked_positions (ltmt/fusion/alignment.py",),
    "laying out the batch's memory": ("build_batch_memory (ltmt/fusion/datastore.py",),
    "new kNN state (per batch)": ("KnnState.__init__ (ltmt/fusion/knn.py",),
    "beam search (everything below)": ("_beam (ltmt/model/decode.py",),
    "  decoder step (the three below, log-softmax)": (STEP,),
    "    decoder layers": (STEP, "MarianDecoder.forward ("),
    "    decoder layers (incremental)": (
        STEP,
        "IncrementalDecoder.step (ltmt/model/incremental.py",
    ),
    "    output projection": (
        STEP,
        "Linear.forward (",
        "!MarianDecoder.forward (",
        "!IncrementalDecoder.step (",
    ),
    "    kNN search and mixing": (STEP, "KnnState.fuse_log_probs (ltmt/fusion/knn"),
    "      lacked attention of the neighbours": (STEP, "lacked_attention (ltmt/fusion/align"),
    "      trained combiner (features, net, vote)": (STEP, "CombinerState.adjust ("),
    "  cache reordering": ("_Stepper.select (ltmt/model/decode.py",),
    # Backbone.encode since session 22 (torch's encoder or CTranslate2's)
    "encoder of the batch": (
        "decode (ltmt/model/decode.py",
        "Backbone.encode (ltmt/model/backbone",
    ),
    "retrieval": ("Translator._retrieve (ltmt/translator.py",),
}
_LOOP = "translate_all (profile_knn.py"


def translate_all(translate, segments) -> None:  # type: ignore[no-untyped-def]
    for user, sources, _ in segments:
        translate(user, sources)


def _forced_pairs(translate, segments) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The (source, target) pairs one pass of ``translate`` force-decodes."""
    import ltmt.fusion.datastore as datastore

    pairs: list[tuple[str, str]] = []
    decode = datastore.force_decode

    def counted(backbone, given, **options):  # type: ignore[no-untyped-def]
        pairs.extend(given)
        return decode(backbone, given, **options)

    datastore.force_decode = counted  # build_batch_memory calls it by this module's name
    try:
        translate_all(translate, segments)
    finally:
        datastore.force_decode = decode
    return pairs


def _torch_ops(translate, segments, top: int = 25) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One pass of ``translate`` under torch's profiler: the ``top`` operators by self CPU
    time, each with its share of all the self CPU time recorded, calls and mean microseconds."""
    import time

    import torch

    wall = time.perf_counter()
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as profile:
        translate_all(translate, segments)
    wall = time.perf_counter() - wall
    events = profile.key_averages()
    total = sum(event.self_cpu_time_total for event in events)
    busiest = sorted(events, key=lambda event: -event.self_cpu_time_total)[:top]
    return {
        "pass_wall_seconds_profiled": round(wall, 2),
        "self_cpu_seconds_recorded": round(total / 1e6, 2),
        "operators": {
            event.key: {
                "self_cpu_percent": round(100 * event.self_cpu_time_total / max(total, 1), 2),
                "calls": event.count,
                "mean_self_us": round(event.self_cpu_time_total / max(event.count, 1), 1),
            }
            for event in busiest
        },
    }


def _store_times(translate, segments) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One pass of ``translate`` with every ``StateStore`` call timed (thread CPU seconds)."""
    import time

    from ltmt.fusion.state_store import StateStore

    calls: dict[str, list[float]] = {}

    def timed(name, method):  # type: ignore[no-untyped-def]
        def call(*args, **options):  # type: ignore[no-untyped-def]
            start = time.thread_time()
            try:
                return method(*args, **options)
            finally:
                calls.setdefault(name, []).append(time.thread_time() - start)

        return call

    methods = [n for n in ("put", "put_many", "get") if hasattr(StateStore, n)]
    originals = {n: getattr(StateStore, n) for n in methods}
    for name in methods:
        setattr(StateStore, name, timed(name, originals[name]))
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        translate_all(translate, segments)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        for name, method in originals.items():
            setattr(StateStore, name, method)
    return {
        "pass_wall_seconds": round(wall, 2),
        "pass_cpu_seconds": round(cpu, 2),
        "store_calls": {n: len(t) for n, t in calls.items()},
        "store_cpu_seconds": {n: round(sum(t), 3) for n, t in calls.items()},
    }


# functions whose samples are also counted by source line (the step's own tensor work)
LINED = ("_Stepper.__call__ (ltmt/model/decode.py", "IncrementalDecoder.step (ltmt/model/incr")


def summarise(raw: Path) -> dict[str, object]:
    total, shares = 0, dict.fromkeys(PARTS, 0)
    lines: dict[str, int] = {}
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if _LOOP not in stack:
            continue
        total += int(count)
        for part, frames in PARTS.items():
            if all((f[1:] not in stack) if f.startswith("!") else (f in stack) for f in frames):
                shares[part] += int(count)
        for frame in set(stack.split(";")):
            if frame.startswith(LINED):
                lines[frame] = lines.get(frame, 0) + int(count)
    busiest = sorted(lines.items(), key=lambda item: -item[1])[:12]
    return {
        "samples_in_loop": total,
        "share_percent": {p: round(100 * n / max(total, 1), 1) for p, n in shares.items()},
        "step_lines_percent": {f: round(100 * n / max(total, 1), 1) for f, n in busiest},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--engine", default="ltmt-knn", help="a bench_speed ltmt-knn* engine")
    parser.add_argument("--summarise", type=Path, help="a py-spy raw profile of this script")
    parser.add_argument(
        "--count-forced", action="store_true", help="count the pairs force-decoded, untimed"
    )
    parser.add_argument(
        "--store-time", action="store_true", help="time the disk store's calls, untimed else"
    )
    parser.add_argument(
        "--torch-ops", action="store_true", help="one pass under torch's profiler, by operator"
    )
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if args.summarise:
        emit_report(summarise(args.summarise), args.output)
        return
    import bench_speed
    import torch

    torch.set_num_threads(args.threads)
    options = argparse.Namespace(
        model=None, beam=4, batch_size=32, threads=args.threads, limit=args.limit
    )
    segments = bench_speed.select_segments(DEV_USERS_DIR, args.limit)
    translate, opened = bench_speed.build_engine(args.engine, options, DEV_USERS_DIR)
    translate(segments[0][0], segments[0][1][:2])
    translate.forget()  # type: ignore[attr-defined]
    if args.count_forced:
        pairs = _forced_pairs(translate, segments)
        report = {
            "engine": args.engine,
            "segments": sum(len(sources) for _, sources, _ in segments),
            "pairs_force_decoded": len(pairs),
            "distinct_pair_texts": len(set(pairs)),
            "source_characters": sum(len(s) for s, _ in pairs),
            "target_characters": sum(len(t) for _, t in pairs),
        }
        emit_report(report, args.output)
    elif args.torch_ops:
        report = {"engine": args.engine, "limit": args.limit}
        emit_report({**report, **_torch_ops(translate, segments)}, args.output)
    elif args.store_time:
        report = {"engine": args.engine, "limit": args.limit}
        emit_report({**report, **_store_times(translate, segments)}, args.output)
    else:
        translate_all(translate, segments)
    for context in (opened or {}).values():
        context.__exit__(None, None, None)


if __name__ == "__main__":
    main()
