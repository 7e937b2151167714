"""Fixed costs of the attention of a one-token decoding step: fused kernel against products.

A beam step of the default model's shape (32 sentences x beam 4 = 128 rows, 8 heads of 64, in
the states' dtype: ``--dtype bfloat16``, the packed-bfloat16 copy's, or ``float32``, the int8
copy's and float32's) attends once over its own earlier positions and once over the input.
This times, per call, ``scaled_dot_product_attention`` against plain matrix products for both,
at the lengths given, so the step can use whichever has less fixed cost
(``ltmt/model/incremental.py``); and the same for whole sequences of 32 sentences attending to
themselves, padded or causal, as the encoder and force-decoding do (``ltmt/model/marian.py``):

    flock -x /tmp/ltmt-cpu.lock python eval/bench_step_ops.py --threads 2 \\
        --output eval/results/speed/step-ops.json
    flock -x /tmp/ltmt-cpu.lock python eval/bench_step_ops.py --threads 2 --dtype float32 \\
        --lengths 4,12,24,40 --output eval/results/speed/step-ops-s15-float32.json

Reports the fastest of ``--repeats`` runs of ``--calls`` calls each, in microseconds a call (the
fastest is what other jobs on the machine disturb least), and the largest difference between
each variant's output and the fused kernel's.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from support import emit_report

SENTENCES, BEAM, HEADS, HEAD_DIM = 32, 4, 8, 64
SCALE = HEAD_DIM**-0.5


def per_call_us(function: Callable[[], object], calls: int, repeats: int) -> float:
    for _ in range(10):
        function()
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - started) / calls)
    return round(best * 1e6, 1)


def self_attention(length: int, calls: int, repeats: int, dtype: str) -> dict[str, float]:
    """One query position of 128 rows against ``length`` cached keys and values."""
    import torch

    states_dtype, rows = getattr(torch, dtype), SENTENCES * BEAM
    query = torch.randn(rows, HEADS, 1, HEAD_DIM, dtype=states_dtype)
    keys = torch.randn(rows, HEADS, length, HEAD_DIM, dtype=states_dtype)
    values = torch.randn(rows, HEADS, length, HEAD_DIM, dtype=states_dtype)
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def fused() -> torch.Tensor:
        return sdpa(query, keys, values)

    def products() -> torch.Tensor:
        scores = (query.float() * SCALE) @ keys.float().transpose(2, 3)
        return (torch.softmax(scores, dim=-1) @ values.float()).to(states_dtype)

    return _timed({"sdpa": fused, "float32 products": products}, calls, repeats)


def cross_attention(length: int, calls: int, repeats: int, dtype: str) -> dict[str, float]:
    """The beam rows of each sentence against its ``length`` input positions, with a mask."""
    import torch

    states_dtype = getattr(torch, dtype)
    query = torch.randn(SENTENCES, HEADS, BEAM, HEAD_DIM, dtype=states_dtype)
    keys = torch.randn(SENTENCES, HEADS, length, HEAD_DIM, dtype=states_dtype)
    values = torch.randn(SENTENCES, HEADS, length, HEAD_DIM, dtype=states_dtype)
    allowed = torch.ones(SENTENCES, 1, 1, length, dtype=torch.bool)
    allowed[::3, :, :, length - 3 :] = False  # a third of the sentences are shorter
    bias = torch.zeros(allowed.shape).masked_fill(~allowed, float("-inf"))
    keys_t, values_f = keys.transpose(2, 3).float().contiguous(), values.float()
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def fused() -> torch.Tensor:
        return sdpa(query, keys, values, attn_mask=allowed)

    def products() -> torch.Tensor:  # as IncrementalDecoder.step: keys transposed once
        scores = (query.float() * SCALE) @ keys_t
        return (torch.softmax(scores.add_(bias), dim=-1) @ values_f).to(states_dtype)

    return _timed({"sdpa (bool mask)": fused, "float32 products": products}, calls, repeats)


def whole_attention(length: int, calls: int, repeats: int, dtype: str, causal: bool) -> dict:
    """A whole sequence of 32 sentences attending to itself, as the encoder and force-decoding
    do (``ltmt/model/marian.py``): padding masked (a third of the sentences shorter), or
    ``causal``."""
    import torch

    kind = getattr(torch, dtype)
    shape = (SENTENCES, HEADS, length, HEAD_DIM)
    query, keys, values = (torch.randn(shape, dtype=kind) for _ in range(3))
    allowed = torch.ones(SENTENCES, 1, 1, length, dtype=torch.bool)
    allowed[::3, :, :, length - 3 :] = False
    later = torch.ones(length, length, dtype=torch.bool).triu(1)
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def fused() -> torch.Tensor:
        if causal:
            return sdpa(query, keys, values, is_causal=True)
        return sdpa(query, keys, values, attn_mask=allowed.expand(-1, 1, length, -1))

    def products() -> torch.Tensor:  # tried in ltmt.model.marian.Attention (session 15)
        scores = (query * SCALE) @ keys.transpose(2, 3)
        scores = scores.masked_fill(later if causal else ~allowed, float("-inf"))
        return torch.softmax(scores.float(), dim=-1).to(kind) @ values

    return _timed({"sdpa": fused, "products": products}, calls, repeats)


def _timed(variants: dict[str, Callable[[], object]], calls: int, repeats: int) -> dict[str, float]:
    import torch

    with torch.inference_mode():
        reference = variants[next(iter(variants))]()
        report: dict[str, float] = {}
        for name, function in variants.items():
            report[f"{name} us"] = per_call_us(function, calls, repeats)
            difference = (function() - reference).abs().max()  # type: ignore[operator]
            report[f"{name} max difference"] = float(difference)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lengths", default="8,24", help="cached / input positions")
    parser.add_argument("--dtype", choices=("bfloat16", "float32"), default="bfloat16")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    lengths = [int(x) for x in args.lengths.split(",")]
    report: dict[str, object] = {
        "threads": args.threads,
        "rows": SENTENCES * BEAM,
        "dtype": args.dtype,
    }
    for length in lengths:
        report[f"self-attention, {length} positions"] = self_attention(
            length, args.calls, args.repeats, args.dtype
        )
        report[f"cross-attention, {length} input tokens"] = cross_attention(
            length, args.calls, args.repeats, args.dtype
        )
        for causal in (False, True):
            name = "causal" if causal else "padded"
            report[f"whole-sequence attention, {length} positions, {name}"] = whole_attention(
                length, args.calls, args.repeats, args.dtype, causal
            )
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
