"""Linear layers whose bfloat16 weights are packed once into oneDNN's blocked layout (CPU).

torch's bfloat16 ``Linear`` on the CPU passes its weight to oneDNN in plain row-major layout,
and oneDNN reorders it into the layout its AMX / AVX-512 kernels read at *every* call. At the
row counts of decoding (a beam step multiplies 128 rows or fewer) that reorder is a large share
of the product: measured here at 2 threads, 128 x 512 x 1,536 took 0.40 ms plain and 0.28 ms
packed, 128 x 512 x 8,001 (the output projection) 1.89 and 1.32 ms. :func:`pack_linear_layers`
packs a bfloat16 model's linear layers once, when the copy is made; up to a beam step's 128
rows their outputs are bit-identical to the plain layers' (checked by the tests); a product of
more rows runs on rows rounded up (:func:`padded_rows`, since session 74), equal to the last bit
of bfloat16.

The packed weight is opaque (it cannot be read as a matrix), so a packed layer keeps no plain
copy: memory stays as it was. The one exception is a layer whose weight is shared with another
module (the output projection, tied to the embeddings): it keeps that weight, which costs
nothing. The decoder's attention layers also get their self-attention query, key and value
projections, and their cross-attention key and value projections, packed side by side
(:data:`JOINED`), which :mod:`ltmt.model.incremental` reads in one product.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch
from torch import nn

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

# attribute of a decoder attention layer: projection names → those projections packed side by side
JOINED = "packed_joined"
# the row count oneDNN picks the packed layout for: a beam step's (32 sentences x beam 4)
_ROWS = 128


class PackedLinear(nn.Module):
    """``x @ weight.T + bias`` with ``weight`` packed for oneDNN; bfloat16, CPU only.

    ``shared``: keep ``weight`` as the attribute ``weight`` too (it belongs to another module).
    """

    def __init__(
        self, weight: torch.Tensor, bias: torch.Tensor | None, *, shared: bool = False
    ) -> None:
        super().__init__()
        self.out_features, self.in_features = weight.shape
        self.packed = torch.ops.mkldnn._reorder_linear_weight(weight.detach().contiguous(), _ROWS)
        self.bias = None if bias is None else bias.detach().clone()
        if shared:
            self.weight = weight

    def forward(self, states: torch.Tensor) -> torch.Tensor:
        rows = states.numel() // self.in_features
        padded = padded_rows(rows)
        if padded == rows:
            return self._product(states)
        flat = states.new_zeros(padded, self.in_features)
        flat[:rows] = states.reshape(rows, self.in_features)
        return self._product(flat)[:rows].view(*states.shape[:-1], self.out_features)

    def _product(self, states: torch.Tensor) -> torch.Tensor:
        return torch.ops.mkldnn._linear_pointwise(states, self.packed, self.bias, "none", [], "")

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, packed"


def padded_rows(rows: int) -> int:
    """The rows a packed product of ``rows`` rows is computed on: up to :data:`_ROWS` (a beam
    step's) as they are, more rounded up to eight sizes per doubling (129-255 to a multiple of
    16, 256-511 of 32, ...), at most 12.5 % more.

    oneDNN compiles a kernel for every row count it meets, and a kNN pass meets hundreds (each
    batch's source tokens, each force-decoded match's): on an Intel Xeon with AMX a new process's
    first cold pass took 6.1 s against 4.1 s for the next. Rounded, the row counts above 128 of
    one pass fell from about 72 to 24 per layer, and the first pass to 5.4 s, the next unchanged
    (``docs/results/speed.md``, session 74). A padded row is zeros and its output is dropped;
    the other rows' outputs may differ from the unpadded product's in the last bit, where oneDNN
    blocks the sums of another row count otherwise (no output of the speed benchmark's 349
    segments changed, 2 of the dev benchmark's 6,000)."""
    if rows <= _ROWS:
        return rows
    step = 1 << (rows.bit_length() - 4)
    return -(-rows // step) * step


def can_pack(model: Any) -> bool:
    """Whether ``model``'s linear layers can be packed: bfloat16 weights on the CPU, and this
    torch build's oneDNN packs and multiplies them with the same results as ``Linear``."""
    weight = next(model.parameters(), None)
    if weight is None or weight.dtype != torch.bfloat16 or weight.device.type != "cpu":
        return False
    if not torch.backends.mkldnn.is_available():
        return False
    try:
        with torch.inference_mode():
            probe = torch.linspace(-1, 1, 24 * 16).view(24, 16).to(torch.bfloat16)
            bias = torch.linspace(-1, 1, 24).to(torch.bfloat16)
            states = torch.linspace(-2, 2, 3 * 16).view(3, 16).to(torch.bfloat16)
            same = PackedLinear(probe, bias)(states)
            return bool(torch.equal(same, nn.functional.linear(states, probe, bias)))
    except (RuntimeError, AttributeError):  # a build without these oneDNN operators
        return False


def pack_linear_layers(model: Any) -> int:
    """Replace every bfloat16 ``nn.Linear`` of ``model`` by a :class:`PackedLinear`, in place
    (call :func:`can_pack` first); the layers replaced. The decoder's attention layers get their
    joined projections (:data:`JOINED`) first, from the plain weights."""
    with torch.inference_mode():
        join_projections(model, lambda attention, names, weight, bias: PackedLinear(weight, bias))
        return replace_linear_layers(
            model,
            torch.bfloat16,
            lambda layer, tied: PackedLinear(layer.weight, layer.bias, shared=tied),
        )


def replace_linear_layers(
    model: Any, dtype: torch.dtype, make: Callable[[nn.Linear, bool], nn.Module]
) -> int:
    """Replace every ``nn.Linear`` of ``model`` whose weight is ``dtype`` by ``make(layer,
    tied)``, in place (``tied``: its weight is held by another module too, as the output
    projection's is by the embeddings); the layers replaced."""
    tied = _shared_weights(model)
    replaced = 0
    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if type(child) is nn.Linear and child.weight.dtype == dtype:
                setattr(module, name, make(child, id(child.weight) in tied))
                replaced += 1
    return replaced


def side_by_side(attention: Any, names: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor] | None:
    """The weights and biases of the projections ``names`` of ``attention`` stacked (one
    product gives their outputs side by side), or ``None`` unless all are plain ``Linear``
    layers with biases (not once packed or made int8)."""
    projections = [getattr(attention, name) for name in names]
    if any(type(p) is not nn.Linear or p.bias is None for p in projections):
        return None
    weight = torch.cat([p.weight for p in projections])
    return weight, torch.cat([p.bias for p in projections])


def join_projections(
    model: Any,
    make: Callable[[Any, tuple[str, ...], torch.Tensor, torch.Tensor], nn.Module],
) -> None:
    """Give each decoder layer's self-attention (query, key and value projections) and
    cross-attention (key and value projections), where they are plain ``Linear`` layers, one
    product of them all, ``make(attention, names, weight, bias)`` over their stacked weights
    and biases: the product :mod:`ltmt.model.incremental` reads (:data:`JOINED`)."""
    for layer in model.get_decoder().layers:
        for attention, names in (
            (layer.self_attn, ("q_proj", "k_proj", "v_proj")),
            (layer.encoder_attn, ("k_proj", "v_proj")),
        ):
            with torch.inference_mode():
                stacked = side_by_side(attention, names)
            if stacked is None:
                continue
            joined = getattr(attention, JOINED, {})
            joined[names] = make(attention, names, *stacked)
            attention.__dict__[JOINED] = joined  # a plain attribute, not a submodule


def _shared_weights(model: Any) -> set[int]:
    """The ids of the weights held by more than one module (tied embeddings and projection)."""
    seen: dict[int, int] = {}
    for module in model.modules():
        for parameter in module.parameters(recurse=False):
            seen[id(parameter)] = seen.get(id(parameter), 0) + 1
    return {key for key, count in seen.items() if count > 1}
