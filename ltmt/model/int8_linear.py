"""Linear layers in int8 for the fused decoder on the CPU: every layer, the encoder's and the
output projection, or the output projection alone.

:class:`Int8Linear` keeps a weight as int8 with one scale per output row (symmetric; 7 bits
where the CPU lacks VNNI: :func:`weight_max_for_cpu`). Its input is quantised so that a row's
output depends on that row alone: with torch's dynamic int8 (one scale computed from all the
rows of each call; ``quantize_dynamic``, what ``--fusion-weights int8`` ran before session 14)
a translation changed with the sentences batched beside it (88 of 349 kNN outputs of the default
model differed between batches of 32 and of 7; 1 of 349 on bfloat16 and on these layers:
``eval/results/speed/batch-dependence-s14*.json``). Two ways, by CPU
(:func:`row_scaled_inputs`):

* **each input row on its own scale** (CPUs without VNNI, since session 25): the row is divided
  by its largest magnitude, quantised on 8 bits over [-1, 1], multiplied, and the output
  multiplied back (the bias added after). On the default model's encoder its states move by
  2.9 % from float32's against 8.9 % with fixed scales (``eval/int8_encoder_error.py``), and
  the dev users' kNN and trained-combiner BLEU is float32's (``docs/results/speed.md``,
  session 25);
* **one fixed scale per layer**, measured once on a fixed set of sentence pairs
  (:mod:`ltmt.model.int8_calibration`; inputs beyond it saturate): CPUs with VNNI, where int8
  was measured this way (sessions 14-18).

torch's fused kernel (fbgemm) quantises, multiplies and scales back in one call and returns
float32.

* :func:`quantise_linear_layers` makes every ``Linear`` of a float32 model an
  :class:`Int8Linear`, and joins the decoder's attention projections that
  :mod:`ltmt.model.incremental` reads in one product (:data:`ltmt.model.packed.JOINED`):
  ``Translator(fusion_int8=True)``, ``--fusion-weights int8``, and the default for kNN on CPUs
  that prefer int8 (:func:`ltmt.model.cpu.cpu_prefers_int8`).
* :func:`quantise_output_projection` makes only the 8,001-way output projection int8, over
  weights that stay as they are (the decoder states, and so the force-decoded memory, are
  those of the weights beneath): ``--fusion-weights float32-int8-head`` (the default on CPUs
  with AVX2 alone in sessions 19-24) or ``bfloat16-int8-head``.
* :func:`quantise_encoder_layers` makes the encoder's ``Linear`` layers int8 as well, over a
  float32 decoder (``--fusion-weights float32-int8-encoder-head``): encoding the inputs and the
  matches' sources is a third of a cold knn-trained pass on an AVX2 CPU, and the decoder, whose
  int8 rounding on fixed input scales took the trained combiner below issue 12's bound with an
  unrelated memory there (session 19), keeps float32. Offered, not chosen by ``auto``: 12-19 %
  off a cold pass, 0.1 BLEU less, against session 21's default; no faster than session 22's,
  whose float32 encoder runs in CTranslate2 (:mod:`ltmt.model.fast_encoder`).

Speed and BLEU: ``docs/results/speed.md``. Outputs move by int8 rounding, so decoding is not
bit-identical to the plain weights.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import torch
from torch import nn

from ltmt.errors import ModelError
from ltmt.model.cpu import cpu_has_vnni
from ltmt.model.int8_calibration import input_ranges
from ltmt.model.packed import join_projections, replace_linear_layers

# the quantised engine that packs the weights: the fused static-input kernel is fbgemm's, and
# weights packed by oneDNN (which torch's "x86" engine may choose) do not support it
_ENGINE = "fbgemm"
# an input range is this many times the largest input seen on the calibration pairs: on 414
# other pairs (l10n and general training text) the default model's layers saw inputs up to
# 1.42x theirs, median 1.03x (``eval/int8_ranges.py``, ``eval/results/speed/int8-ranges-s14.json``)
HEADROOM = 1.5


def int8_supported() -> bool:
    """Whether this torch build has the quantised engine :class:`Int8Linear` packs for."""
    return _ENGINE in torch.backends.quantized.supported_engines


def check_int8_supported() -> None:
    """Raise :class:`ModelError` unless this torch build can run :class:`Int8Linear`."""
    if not int8_supported():
        raise ModelError(
            f"this torch build has no {_ENGINE} int8 kernels; "
            "use --fusion-weights bfloat16 or float32 (Translator(fusion_int8=False))"
        )


def row_scaled_inputs() -> bool:
    """Whether :class:`Int8Linear` layers made here quantise each input row on its own scale
    (CPUs without VNNI) rather than on a fixed scale per layer (with VNNI: module doc)."""
    return not cpu_has_vnni()


def weight_max_for_cpu() -> int:
    """The largest magnitude of an int8 weight here: 127 where the CPU has VNNI; 63 without.

    Without VNNI the kernels sum each pair of u8 input x s8 weight products in 16 bits
    (AVX2's ``vpmaddubsw``), which saturates beyond 32,767: 255 x 127 x 2 can reach it,
    255 x 63 x 2 = 32,130 cannot. Weights on 7 bits rather than inputs (torch's
    ``reduce_range``, which ltmt used until session 19): on an AVX2 CPU 8-bit inputs and
    weights put 0.21 % of the default model's outputs 128 or more units off the exact product
    (up to 12,657), and 7-bit inputs doubled the mean error and cost 0.9 / 0.8 BLEU (knn /
    knn-trained, dev users) (``eval/int8_saturation.py``, ``docs/results/speed.md``).
    """
    return 127 if cpu_has_vnni() else 63


class Int8Linear(nn.Module):
    """``states @ weight.T + bias`` in int8, float32 out (input of any float dtype).

    ``input_range``: the largest absolute input it represents (larger ones saturate), or
    ``None``: each input row is quantised on its own scale (its largest magnitude);
    ``levels``: quantisation levels of a fixed-range input (256; fewer only to measure them);
    ``weight_max``: the largest magnitude of a quantised weight (``None``: this CPU's,
    :func:`weight_max_for_cpu`, which never overflows its kernels). ``shared``: keep
    ``weight`` as the attribute ``weight`` too (it belongs to another module: the output
    projection's, tied to the embeddings).
    """

    def __init__(
        self,
        weight: torch.Tensor,
        bias: torch.Tensor | None,
        input_range: float | None,
        *,
        levels: int = 256,
        weight_max: int | None = None,
        shared: bool = False,
    ) -> None:
        super().__init__()
        self.out_features, self.in_features = weight.shape
        self.row_scaled = input_range is None
        if input_range is None:  # rows divided by their largest magnitude: a range of 1
            input_range, levels = 1.0, 256
        self.input_scale = max(input_range, 1e-6) / (levels / 2 - 1)
        self.zero_point = levels // 2
        # the kernel quantises into 8 bits whatever the scale: 7-bit inputs need a clamp first
        self.clamp = None if levels >= 256 else self.input_scale * (levels / 2 - 1)
        plain_bias = None if bias is None else bias.detach().float().contiguous()
        # scaled rows get their bias after the product is scaled back; a fixed scale, in it
        self.bias = plain_bias if self.row_scaled else None
        with torch.inference_mode(), warnings.catch_warnings():
            # torch marks its quantised tensors deprecated; these kernels are what it ships
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            plain = weight.detach().float()
            largest = float(weight_max_for_cpu() if weight_max is None else weight_max)
            scales = plain.abs().amax(dim=1).clamp_min(1e-12) / largest
            zeros = torch.zeros(plain.size(0), dtype=torch.long)
            quantised = torch.quantize_per_channel(plain, scales.double(), zeros, 0, torch.qint8)
            packed_bias = None if self.row_scaled else plain_bias
            with _engine(_ENGINE):
                self.packed = torch.ops.quantized.linear_prepack(quantised, packed_bias)
        if shared:
            self.weight = weight

    def forward(self, states: torch.Tensor) -> torch.Tensor:
        states = states.float()
        if self.row_scaled:
            return self._row_scaled(states)
        if self.clamp is not None:
            states = states.clamp(-self.clamp, self.clamp)
        return torch.ops.quantized.linear_with_input_q_dq_qweight_dq_output_fp32(
            states, self.input_scale, self.zero_point, self.packed
        )

    def _row_scaled(self, states: torch.Tensor) -> torch.Tensor:
        """Each row divided by its largest magnitude, multiplied in int8, scaled back."""
        norms = states.abs().amax(dim=-1, keepdim=True).clamp_min_(1e-12)
        out = torch.ops.quantized.linear_with_input_q_dq_qweight_dq_output_fp32(
            states / norms, self.input_scale, self.zero_point, self.packed
        )
        out.mul_(norms)
        return out if self.bias is None else out.add_(self.bias)

    def extra_repr(self) -> str:
        inputs = "row-scaled inputs" if self.row_scaled else f"input_scale={self.input_scale:.4g}"
        return f"in_features={self.in_features}, out_features={self.out_features}, int8, {inputs}"


def quantise_output_projection(model: Any, tokenizer: Any, start_id: int) -> None:
    """Replace ``model.lm_head`` by an :class:`Int8Linear` of its weight, in place (CPU); its
    input range is measured on the calibration pairs (unless :func:`row_scaled_inputs`)."""
    check_int8_supported()
    head = model.lm_head
    ranges = _input_ranges_for(model, [head], tokenizer, start_id)
    model.lm_head = Int8Linear(head.weight, None, _range_of(ranges, head), shared=True)


def quantise_linear_layers(model: Any, tokenizer: Any, start_id: int) -> int:
    """Replace every float32 ``nn.Linear`` of ``model`` by an :class:`Int8Linear`, in place,
    the decoder's attention projections joined first (as :mod:`ltmt.model.packed` does), each
    with the input range measured on the calibration pairs, or row-scaled inputs
    (:func:`row_scaled_inputs`); the layers replaced."""
    check_int8_supported()
    ranges = _measured_ranges(model, model, tokenizer, start_id)

    def joined(attention: Any, names: tuple[str, ...], weight: Any, bias: Any) -> Int8Linear:
        # the joined product reads the one input its projections share
        if ranges is None:
            return Int8Linear(weight, bias, None)
        return Int8Linear(weight, bias, max(ranges[id(getattr(attention, name))] for name in names))

    join_projections(model, joined)
    return _replace_measured(model, ranges)


def quantise_encoder_layers(model: Any, tokenizer: Any, start_id: int) -> int:
    """Replace every float32 ``nn.Linear`` of ``model``'s encoder by an :class:`Int8Linear`, in
    place, each with the input range measured on the calibration pairs, or row-scaled inputs
    (:func:`row_scaled_inputs`); the layers replaced."""
    check_int8_supported()
    encoder = model.get_encoder()
    return _replace_measured(encoder, _measured_ranges(model, encoder, tokenizer, start_id))


def _measured_ranges(
    model: Any, part: Any, tokenizer: Any, start_id: int
) -> dict[int, float] | None:
    """``HEADROOM`` times the largest input each float32 ``nn.Linear`` of ``part`` (``model``
    or one of its modules) saw while ``model`` read the calibration pairs, by ``id``; ``None``
    where :func:`row_scaled_inputs` (each row is then quantised on its own scale)."""
    linear = [m for m in part.modules() if type(m) is nn.Linear and m.weight.dtype == torch.float32]
    return _input_ranges_for(model, linear, tokenizer, start_id)


def _input_ranges_for(
    model: Any, layers: Iterable[nn.Module], tokenizer: Any, start_id: int
) -> dict[int, float] | None:
    """``HEADROOM`` times the largest input each of ``layers`` saw while ``model`` read the
    calibration pairs, by ``id``; ``None`` where :func:`row_scaled_inputs` (nothing to
    measure: each row is quantised on its own scale)."""
    if row_scaled_inputs():
        return None
    seen = input_ranges(model, layers, tokenizer, start_id)
    return {key: HEADROOM * largest for key, largest in seen.items()}


def _range_of(ranges: dict[int, float] | None, layer: nn.Module) -> float | None:
    """The input range :class:`Int8Linear` gets for ``layer``: its measured one, or ``None``
    (row-scaled inputs) when ``ranges`` is."""
    return None if ranges is None else ranges[id(layer)]


def _replace_measured(part: Any, ranges: dict[int, float] | None) -> int:
    """Replace each float32 ``nn.Linear`` of ``part`` by an :class:`Int8Linear` of its
    measured input range (``ranges``; ``None``: row-scaled inputs); the layers replaced."""
    return replace_linear_layers(
        part,
        torch.float32,
        lambda layer, tied: Int8Linear(
            layer.weight, layer.bias, _range_of(ranges, layer), shared=tied
        ),
    )


@contextlib.contextmanager
def _engine(name: str) -> Iterator[None]:
    """Pack under the quantised engine ``name`` (the packed weight keeps it at every call)."""
    before = torch.backends.quantized.engine
    torch.backends.quantized.engine = name
    try:
        yield
    finally:
        torch.backends.quantized.engine = before
