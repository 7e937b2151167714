"""Does a fused translation depend on the sentences batched beside it? Per weight kind.

Translates the dev users' single-line test segments (the ones ``eval/bench_speed.py`` times)
with kNN and each user's memory, once in batches of ``--batch-a`` and once of ``--batch-b``
sentences, and counts the outputs that differ between the two. Plain floating point may move
a tie now and then (oneDNN picks its blocking by the row count); an int8 kernel that quantises
all the rows of a call with one scale makes every row depend on the others.

    flock -x /tmp/ltmt-cpu.lock python eval/batch_dependence.py --weights bfloat16,int8 \\
        --output eval/results/speed/batch-dependence-s14.json

Untimed. Writes per weight kind the segments, how many differ, and a few examples.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from support import DEV_USERS_DIR, emit_report, use_this_checkout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--weights", default="bfloat16,int8", help="--fusion-weights values, comma-separated"
    )
    parser.add_argument("--fusion", default="knn")
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--batch-a", type=int, default=32)
    parser.add_argument("--batch-b", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    use_this_checkout()
    import torch
    from bench_speed import select_segments

    from ltmt.bench.data import find_users
    from ltmt.bench.runner import fresh_memory
    from ltmt.model.backbone import load_backbone
    from ltmt.model.engine import fusion_weight_options
    from ltmt.translator import Translator

    torch.set_num_threads(args.threads)
    segments = select_segments(DEV_USERS_DIR, args.limit)
    contexts = {t.user: fresh_memory(t) for t in find_users(DEV_USERS_DIR, args.limit)}
    memories = {user: context.__enter__() for user, context in contexts.items()}
    backbone = load_backbone(None)
    report: dict[str, object] = {
        "fusion": args.fusion,
        "batches": [args.batch_a, args.batch_b],
        "limit": args.limit,
        "weights": {},
    }
    for weights in args.weights.split(","):
        outputs: dict[int, list[tuple[str, str]]] = {}
        for size in (args.batch_a, args.batch_b):
            outputs[size] = []
            for user, sources, _ in segments:
                translator = Translator(
                    backbone,
                    memories[user],
                    fusion=args.fusion,
                    batch_size=size,
                    threads=args.threads,
                    state_cache=False,
                    **fusion_weight_options(weights),
                )
                texts = [t.text for t in translator.translate(sources, user=user)]
                outputs[size] += list(zip(sources, texts))
        pairs = list(zip(outputs[args.batch_a], outputs[args.batch_b]))
        differing = [(a[0], a[1], b[1]) for a, b in pairs if a[1] != b[1]]
        report["weights"][weights] = {  # type: ignore[index]
            "variant": translator.backbone.variant or "float32",
            "segments": len(pairs),
            "differing": len(differing),
            "examples": [
                {"source": s, f"batch {args.batch_a}": a, f"batch {args.batch_b}": b}
                for s, a, b in differing[:5]
            ],
        }
    for context in contexts.values():
        context.__exit__(None, None, None)
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
