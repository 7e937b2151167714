"""How much force-decoding work a batch could share with itself: counts, not timings.

Runs ``bench_speed``'s ``ltmt-knn`` engine (each dev user's memory, cold) over the same 349
segments and counts, for each batch's force-decoded matches: those whose source equals an input
of the batch (whose encoder states the batch has computed already), those whose source another
match of the batch shares (different targets, one source to encode), and their source tokens:

    nice -n 5 python eval/count_forced_overlap.py --output eval/results/speed/forced-overlap.json

Untimed (one thread); matches are deduplicated per batch and cached across batches already.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import bench_speed
    import torch

    from ltmt.fusion import datastore
    from ltmt.text import collapse_space

    torch.set_num_threads(1)
    counts = dict.fromkeys(
        (
            "batches",
            "inputs",
            "forced segments",
            "forced with a source equal to an input of the batch",
            "forced with a source another forced segment of the batch has",
            "source tokens forced",
            "source tokens of sources equal to an input",
        ),
        0,
    )
    inputs: set[str] = set()
    force_decode, build = datastore.force_decode, datastore.build_batch_memory

    def counted_force_decode(backbone: Any, pairs: Any, **options: Any) -> Any:
        sources = [source for source, _ in pairs]
        counts["forced segments"] += len(sources)
        counts["forced with a source another forced segment of the batch has"] += len(
            sources
        ) - len(set(sources))
        for source in sources:
            tokens = len(backbone.tokenizer(source)["input_ids"])
            counts["source tokens forced"] += tokens
            if source in inputs:
                counts["forced with a source equal to an input of the batch"] += 1
                counts["source tokens of sources equal to an input"] += tokens
        return force_decode(backbone, pairs, **options)

    def counted_build(backbone: Any, matches: Any, cache: Any, **options: Any) -> Any:
        sources = list(options.get("sources") or [])
        inputs.clear()
        inputs.update(collapse_space(s) for s in sources)
        counts["batches"] += 1
        counts["inputs"] += len(sources)
        return build(backbone, matches, cache, **options)

    datastore.force_decode = counted_force_decode  # type: ignore[assignment]
    datastore.build_batch_memory = counted_build  # type: ignore[assignment]
    options = argparse.Namespace(model=None, beam=4, batch_size=32, threads=1, limit=args.limit)
    segments = bench_speed.select_segments(args.users_dir, args.limit)
    translate, _contexts = bench_speed.build_engine("ltmt-knn", options, args.users_dir)
    for user, sources, _ in segments:
        translate(user, sources)
    emit_report({"segments": sum(len(s) for _, s, _ in segments), **counts}, args.output)


if __name__ == "__main__":
    main()
