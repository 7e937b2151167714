"""Whether int8 kernels saturate on this CPU: 8-bit inputs and weights, or 7 bits of either.

Without VNNI, int8 products sum pairs of u8 x s8 products in 16 bits (AVX2's ``vpmaddubsw``),
which 8-bit inputs and weights can overflow; ``ltmt.model.int8_linear`` kept inputs to 7 bits
there (128 levels) from session 14, and weights to 7 bits (up to 63) since session 19. This
script reads a sample of *training* text (as
``eval/int8_ranges.py`` does; never the dev users' files) through the default model's float32
layers, feeds every linear layer's real inputs to :class:`Int8Linear` in each setting, and
compares the kernel's output with the exact product of the same quantised input
and weight (float64 sums of integers): a saturated pair shows as an error of whole units
of the input scale x the row's weight scale, float rounding as a tiny fraction of one. It also
reports each setting's error against the float32 layer (what quantisation costs).

    python eval/int8_saturation.py --output eval/results/speed/int8-saturation-avx2.json

Untimed. Writes the CPU's flags, and per setting and layer: outputs checked, outputs off the
exact product by half a unit or more, the largest such error in units, and the float error.
"""

from __future__ import annotations

from typing import Any

from int8_ranges import default_model_layers, read_in_batches, sample_arguments, training_pairs
from support import emit_report, use_this_checkout

# (input levels, largest weight): 8-bit inputs and weights (VNNI's), 7-bit inputs (ltmt's
# setting without VNNI until session 19), 7-bit weights (ltmt's since)
SETTINGS = ((256, 127), (128, 127), (256, 63))


def main() -> None:
    args = sample_arguments(__doc__.split("\n\n")[0], per_product=3, general=60)
    use_this_checkout()
    import torch

    from ltmt.model.cpu import cpu_summary
    from ltmt.model.int8_linear import HEADROOM, Int8Linear

    backbone, names, layers, calibration = default_model_layers()
    inputs: dict[int, list[torch.Tensor]] = {key: [] for key in names}

    def keep(module: torch.nn.Module, given: tuple[torch.Tensor, ...]) -> None:
        inputs[id(module)].append(given[0].detach().reshape(-1, given[0].size(-1)).clone())

    pairs = training_pairs(args)
    handles = [layer.register_forward_pre_hook(keep) for layer in layers]
    try:
        for _ in read_in_batches(backbone, layers, pairs):
            pass  # the hooks keep every layer's inputs
    finally:
        for handle in handles:
            handle.remove()

    settings = {}
    for levels, weight_max in SETTINGS:
        rows = []
        for layer in layers:
            states = torch.cat(inputs[id(layer)])
            int8 = Int8Linear(
                layer.weight,
                layer.bias,
                HEADROOM * calibration[id(layer)],
                levels=levels,
                weight_max=weight_max,
            )
            with torch.inference_mode():
                kernel = int8(states).double()
                exact, units = _exact_product(int8, layer, states)
                plain = torch.nn.functional.linear(states, layer.weight, layer.bias).double()
            off = ((kernel - exact) / units).abs()
            rows.append(
                {
                    "layer": names[id(layer)],
                    "outputs": off.numel(),
                    "off_by_half_a_unit_or_more": int((off >= 0.5).sum()),
                    "off_by_128_units_or_more": int((off >= 128).sum()),
                    "largest_off_units": round(float(off.max()), 3),
                    "mean_abs_error_vs_float32": float((kernel - plain).abs().mean()),
                }
            )
        settings[f"inputs {levels} levels, weights up to {weight_max}"] = {
            "outputs": sum(row["outputs"] for row in rows),
            "off_by_half_a_unit_or_more": sum(row["off_by_half_a_unit_or_more"] for row in rows),
            "off_by_128_units_or_more": sum(row["off_by_128_units_or_more"] for row in rows),
            "layers_with_any_off": sum(1 for row in rows if row["off_by_half_a_unit_or_more"]),
            "mean_abs_error_vs_float32": sum(row["mean_abs_error_vs_float32"] for row in rows)
            / len(rows),
            "layers": rows,
        }
    emit_report(
        {"cpu": cpu_summary(), "pairs": len(pairs), "headroom": HEADROOM, "settings": settings},
        args.output,
    )


def _exact_product(int8: Any, layer: Any, states: Any) -> tuple[Any, Any]:
    """The exact product of ``states`` quantised as ``int8`` (an ``Int8Linear``) quantises them
    and its int8 weight (float64, plus ``layer``'s bias), and the size of one unit of each
    output column."""
    import torch

    scale, zero = int8.input_scale, int8.zero_point
    if int8.clamp is not None:
        states = states.clamp(-int8.clamp, int8.clamp)
    # as fbgemm quantises: nearest (ties to even) of the input times the inverse scale, float32
    inverse = torch.tensor(1.0 / scale, dtype=torch.float32)
    quantised = (torch.round(states.float() * inverse).double() + zero).clamp(0, 255) - zero
    packed_weight, _ = torch.ops.quantized.linear_unpack(int8.packed)
    weight_int = packed_weight.int_repr().double()
    weight_scales = packed_weight.q_per_channel_scales().double()
    units = scale * weight_scales
    exact = (quantised @ weight_int.T) * units
    if layer.bias is not None:
        exact = exact + layer.bias.detach().double()
    return exact, units


if __name__ == "__main__":
    main()
