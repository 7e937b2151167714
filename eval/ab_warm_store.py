"""A user's next run with the disk store of force-decoded states as it is, against the store as
it was before session 18, which kept only matches whose texts the memory holds as stored (a
match repaired with the input's words, or narrowed to one line, was decoded again every run).

Both in one process, interleaved (ABAB..., BABA... by round), on ``bench_speed``'s warm engines
(``ltmt-knn-warm``, ``ltmt-knn-trained-warm``): each variant's store is filled by one untimed
pass over the same segments, then every round empties the in-memory caches and times a pass.
Reports per engine and variant the seconds per round (median), the pairs a warm pass
force-decodes, and whether the outputs agree:

    flock -x /tmp/ltmt-cpu.lock python eval/ab_warm_store.py --rounds 5 \\
        --output eval/results/speed/warm-store-s18.json
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

VARIANTS = ("exact-texts-only", "current")


def exact_texts_store(store: Any, root: Path) -> Any:
    """A store like ``store`` under ``root`` that keeps a match only when the memory holds its
    segment with the match's own texts (the rule before session 18)."""
    from ltmt.errors import LtmtError
    from ltmt.fusion.datastore import segment_texts
    from ltmt.fusion.state_store import StateStore

    class ExactTextsStore(StateStore):
        def _still_stored(self, key: Any) -> bool:
            if self.memory is None:
                return True
            _, user, seg_id, source, target, _ = key
            try:
                segment = self.memory.get(str(user), int(seg_id))
            except LtmtError:
                return False
            return segment is not None and segment_texts(segment) == (source, target)

    return ExactTextsStore(store.folder.name, root, memory=store.memory)


def counted_pass(translate: Any, segments: list[Any]) -> tuple[float, int, list[list[str]]]:
    """Seconds of one pass, the pairs it force-decoded, its outputs."""
    import ltmt.fusion.datastore as datastore

    decode, pairs = datastore.force_decode, [0]

    def counting(backbone: Any, given: Any, **options: Any) -> Any:
        pairs[0] += len(given)
        return decode(backbone, given, **options)

    datastore.force_decode = counting  # build_batch_memory calls it by this module's name
    try:
        started = time.perf_counter()
        outputs = [translate(user, sources) for user, sources, _ in segments]
        return time.perf_counter() - started, pairs[0], outputs
    finally:
        datastore.force_decode = decode


def setting(args: argparse.Namespace) -> tuple[argparse.Namespace, list[Any], dict[str, Any]]:
    """``bench_speed``'s engine options, the segments, and the report's head."""
    import bench_speed
    import torch

    torch.set_num_threads(args.threads)
    options = argparse.Namespace(
        model=None, beam=4, batch_size=32, threads=args.threads, limit=args.limit, workers=1
    )
    segments = bench_speed.select_segments(DEV_USERS_DIR, args.limit)
    head = {
        "segments": sum(len(sources) for _, sources, _ in segments),
        "threads": args.threads,
        "rounds": args.rounds,
        "engines": {},
    }
    return options, segments, head


def interleaved(
    passes: dict[str, Callable[[], tuple[float, int, list[list[str]]]]], rounds: int
) -> dict[str, Any]:
    """Run each variant's pass once a round, in turns (forward, then reversed order); per
    variant its seconds, their median and the pairs its first pass force-decoded, and whether
    every variant's first outputs agree."""
    variants = list(passes)
    seconds: dict[str, list[float]] = {v: [] for v in variants}
    pairs: dict[str, int] = {}
    outputs: dict[str, list[list[str]]] = {}
    for number in range(rounds):
        for variant in variants if number % 2 == 0 else variants[::-1]:
            took, forced, texts = passes[variant]()
            seconds[variant].append(round(took, 3))
            pairs.setdefault(variant, forced)
            outputs.setdefault(variant, texts)
    found: dict[str, Any] = {
        variant: {
            "seconds_per_round": seconds[variant],
            "median_seconds": round(statistics.median(seconds[variant]), 3),
            "pairs_force_decoded_per_pass": pairs[variant],
        }
        for variant in variants
    }
    found["same_outputs"] = all(outputs[v] == outputs[variants[0]] for v in variants)
    return found


def run(args: argparse.Namespace) -> dict[str, Any]:
    import bench_speed

    options, segments, report = setting(args)
    kept, roots = [], []
    for engine in args.engines.split(","):
        built: dict[str, Any] = {}
        for variant in VARIANTS:
            translate, contexts = bench_speed.build_engine(engine, options, DEV_USERS_DIR)
            kept.append(contexts)
            if variant == "exact-texts-only":
                root = Path(tempfile.mkdtemp(prefix="ltmt-ab-warm-"))
                roots.append(root)
                for translator in translate.translators.values():
                    cache = translator.fusion.cache
                    cache.store = exact_texts_store(cache.store, root)
                translate.forget()
                counted_pass(translate, segments)  # the previous run, with this store
            built[variant] = translate

        def next_run(translate: Any) -> Callable[[], tuple[float, int, list[list[str]]]]:
            def run_once() -> tuple[float, int, list[list[str]]]:
                translate.forget()  # the in-memory caches; the store stays
                return counted_pass(translate, segments)

            return run_once

        passes = {variant: next_run(built[variant]) for variant in VARIANTS}
        report["engines"][engine] = interleaved(passes, args.rounds)
    for root in roots:
        shutil.rmtree(root, ignore_errors=True)
    for contexts in kept:
        for context in (contexts or {}).values():
            context.__exit__(None, None, None)
    return report


def parse_args(doc: str, engines: str, rounds: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--engines", default=engines)
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=rounds)
    parser.add_argument("--output", type=Path)
    return parser.parse_args()


def main() -> None:
    args = parse_args(__doc__, "ltmt-knn-warm,ltmt-knn-trained-warm", 5)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
