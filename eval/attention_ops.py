"""Attention of whole sequences on the CPU: torch's fused kernel against two products.

ltmt's Marian modules (:mod:`ltmt.model.marian`) run whole sequences: the encoder over a batch's
sources and over its memory matches' sources, and the decoder over the matches' targets when
kNN force-decodes them. Each layer attends once (encoder) or twice (decoder: causal self-attention,
then cross-attention over the padded source). This times, for batch shapes of the speed
segments, ``torch.nn.functional.scaled_dot_product_attention`` against
:func:`ltmt.model.marian.attend` (two products and a softmax), in turn, on ``--threads``
threads, and reports the median milliseconds a call and the largest difference:

    flock -x /tmp/ltmt-cpu.lock python eval/attention_ops.py \\
        --output eval/results/speed/s37/attention-ops.json
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import emit_report, use_this_checkout

use_this_checkout()

# (kind, sentences, query length, key length): a batch of 32 one-line sources, a batch of 64
# shorter matches' sources, 16 longer ones; the decoder's causal self-attention over the matches'
# targets and its cross-attention over their sources
SHAPES = (
    ("encoder, padded", 32, 20, 20),
    ("encoder, padded", 64, 12, 12),
    ("encoder, padded", 16, 40, 40),
    ("decoder, causal", 64, 14, 14),
    ("decoder cross, padded", 64, 14, 12),
)
HEADS, HEAD_DIM = 8, 64


def _time(call: Callable[[], Any], repeats: int) -> float:
    """Median milliseconds of ``call`` over ``repeats`` calls (after a warm-up)."""
    for _ in range(10):
        call()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times)


def _measure(shape: tuple[str, int, int, int], args: argparse.Namespace, generator: Any) -> Any:
    """Both ways on one shape, in turn over the rounds: their medians and largest difference."""
    import torch

    from ltmt.model.marian import attend, padding_mask

    kind, sentences, length, keys = shape
    query = torch.randn(sentences, HEADS, length, HEAD_DIM, generator=generator)
    key = torch.randn(sentences, HEADS, keys, HEAD_DIM, generator=generator)
    value = torch.randn(sentences, HEADS, keys, HEAD_DIM, generator=generator)
    causal = kind.endswith("causal")
    mask = None
    if not causal:
        lengths = torch.randint(max(1, keys // 2), keys + 1, (sentences,), generator=generator)
        mask = padding_mask((torch.arange(keys)[None, :] < lengths[:, None]).long(), length)
    scale = HEAD_DIM**-0.5

    def fused() -> Any:
        return torch.nn.functional.scaled_dot_product_attention(
            query, key, value, attn_mask=mask, scale=scale, is_causal=causal
        )

    def products() -> Any:
        return attend(query, key, value, mask, scale, is_causal=causal)

    timings: dict[str, list[float]] = {"fused": [], "products": []}
    for _ in range(args.rounds):
        timings["fused"].append(_time(fused, args.repeats))
        timings["products"].append(_time(products, args.repeats))
    return {
        "kind": kind,
        "shape": [sentences, HEADS, length, keys, HEAD_DIM],
        "fused_ms": round(statistics.median(timings["fused"]), 3),
        "products_ms": round(statistics.median(timings["products"]), 3),
        "largest_difference": float((fused() - products()).abs().max()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(0)
    settings = {"threads": args.threads, "repeats": args.repeats, "rounds": args.rounds}
    shapes = [_measure(shape, args, generator) for shape in SHAPES]
    title = "scaled_dot_product_attention against two products and a softmax, CPU"
    unit = "median ms a call over the rounds' medians"
    emit_report({"benchmark": title, **settings, "unit": unit, "shapes": shapes}, args.output)


if __name__ == "__main__":
    main()
