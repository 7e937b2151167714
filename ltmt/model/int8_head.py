"""The output projection alone in int8: the 8,001-way product of every decoding step (CPU).

A beam step of the fused decoder multiplies its 128 rows by the output projection (512 x 8,001
on the default model), the largest single product of the step, then converts the bfloat16
logits to float32 for the log-softmax. :class:`Int8Head` keeps that projection's weight as int8
with one scale per vocabulary row (symmetric, per channel) and multiplies with oneDNN's dynamic
int8 kernel (the rows are quantised per call, one scale for them all), which returns float32
logits directly: at 128 rows, one thread, the projection took 1.16 ms of CPU time against 1.80
for the packed bfloat16 product, and the step's vocabulary side (product, widening, log-softmax)
2.01 against 3.05 ms (``eval/bench_linear.py``, ``eval/results/speed/linear-s11-1thread.json``).
The other layers keep their weights, so the decoder states (and the force-decoded memory) are
those of the weights beneath.

Logits move by up to about 0.1 (int8 rounding), so decoding is no longer bit-identical to the
plain weights: an option (``Translator(fusion_int8_head=True)``, ``--fusion-weights
bfloat16-int8-head``), with its BLEU measured in the README.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from typing import Any

import torch
from torch import nn

# the quantised engine whose dynamic int8 product is fast on AVX-512 VNNI / AMX CPUs (x86's
# default engine, fbgemm underneath, ran slower than packed bfloat16 there)
_ENGINE = "onednn"


def int8_head_supported() -> bool:
    """Whether this torch build has the quantised engine :class:`Int8Head` packs for."""
    return _ENGINE in torch.backends.quantized.supported_engines


class Int8Head(nn.Module):
    """``states @ weight.T`` in int8, float32 out; ``weight (vocab, d)`` is kept as ``weight``
    too (it is the embeddings', tied)."""

    def __init__(self, weight: torch.Tensor) -> None:
        super().__init__()
        self.out_features, self.in_features = weight.shape
        self.weight = weight
        with torch.inference_mode(), warnings.catch_warnings():
            # torch marks its quantised tensors deprecated; these kernels are what it ships
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            plain = weight.detach().float()
            scales = plain.abs().amax(dim=1).clamp_min(1e-12) / 127.0
            zeros = torch.zeros(plain.size(0), dtype=torch.long)
            quantised = torch.quantize_per_channel(plain, scales.double(), zeros, 0, torch.qint8)
            with _engine(_ENGINE):
                self.packed = torch.ops.quantized.linear_prepack(quantised, None)

    def forward(self, states: torch.Tensor) -> torch.Tensor:
        return torch.ops.quantized.linear_dynamic(states.float(), self.packed, False)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, int8"


def quantise_output_projection(model: Any) -> None:
    """Replace ``model.lm_head`` by an :class:`Int8Head` of its weight, in place (CPU)."""
    model.lm_head = Int8Head(model.lm_head.weight)


@contextlib.contextmanager
def _engine(name: str) -> Iterator[None]:
    """Pack under the quantised engine ``name`` (the packed weight keeps it at every call)."""
    before = torch.backends.quantized.engine
    torch.backends.quantized.engine = name
    try:
        yield
    finally:
        torch.backends.quantized.engine = before
