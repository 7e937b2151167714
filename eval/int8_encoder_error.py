"""How far int8 encoder layers move the default model's encoder states, and which part of the
rounding moves them: what ``--fusion-weights float32-int8-encoder-head`` runs with fixed input
scales, one kind of layer at a time, the weights alone rounded, and inputs quantised over their
measured ``[min, max]`` rather than a symmetric range, or smoothed per input channel first
(SmoothQuant's ``s_j = max|x_j|^a / max|W_j|^(1-a)``: inputs divided by ``s``, weights'
columns multiplied by it, the same product before rounding), or each input row on its own
scale (``Int8Linear(input_range=None)``, what CPUs without VNNI run since session 25).

Reads a sample of *training* sources (as ``eval/int8_ranges.py`` does; never the dev users'
files) through the float32 encoder and through each setting's, in batches of similar length,
and reports each setting's mean relative deviation of a sentence's states,
``|states - float32| / |float32|`` over its real positions (what a kNN key or query moves by,
before the decoder). Input ranges are the product's: the calibration pairs' largest input
times ``HEADROOM`` (:mod:`ltmt.model.int8_linear`); weights keep this CPU's bits
(:func:`ltmt.model.int8_linear.weight_max_for_cpu`).

    python eval/int8_encoder_error.py --output eval/results/speed/s25/int8-encoder-error-avx2.json

Untimed.
"""

from __future__ import annotations

from typing import Any

from int8_ranges import sample_arguments, training_pairs
from support import emit_report, use_this_checkout

KINDS = ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2")


def main() -> None:
    args = sample_arguments(__doc__.split("\n\n")[0], per_product=4, general=100)
    use_this_checkout()
    import torch

    from ltmt.fusion.datastore import encode_sources
    from ltmt.model.backbone import load_backbone
    from ltmt.model.cpu import cpu_summary
    from ltmt.model.int8_calibration import CALIBRATION_PAIRS
    from ltmt.model.int8_linear import HEADROOM, Int8Linear, weight_max_for_cpu

    backbone = load_backbone(None)
    encoder = backbone.model.get_encoder()
    named = [(n, m) for n, m in encoder.named_modules() if type(m) is torch.nn.Linear]
    low = {id(m): 0.0 for _, m in named}
    high = {id(m): 0.0 for _, m in named}

    def record(module: Any, given: tuple[Any, ...]) -> None:
        low[id(module)] = min(low[id(module)], float(given[0].min()))
        high[id(module)] = max(high[id(module)], float(given[0].max()))

    sources = [s for s, _ in training_pairs(args)]
    ids = backbone.tokenizer(sources, truncation=True, max_length=256)["input_ids"]
    calibration = backbone.tokenizer(
        [s for s, _ in CALIBRATION_PAIRS], return_tensors="pt", padding=True
    )
    channels = {id(m): torch.zeros(m.in_features) for _, m in named}

    def record_channels(module: Any, given: tuple[Any, ...]) -> None:
        seen = given[0].reshape(-1, module.in_features).abs().amax(dim=0)
        channels[id(module)] = torch.maximum(channels[id(module)], seen)

    handles = [m.register_forward_pre_hook(record) for _, m in named]
    handles += [m.register_forward_pre_hook(record_channels) for _, m in named]
    with torch.inference_mode():
        encoder(**calibration)
    for handle in handles:
        handle.remove()

    def encode() -> list[Any]:
        with torch.inference_mode():
            return encode_sources(backbone, ids, 64)

    def use(make: Any) -> None:
        for name, module in named:
            parent, _, attribute = name.rpartition(".")
            setattr(encoder.get_submodule(parent), attribute, make(attribute, module))

    def symmetric(module: Any) -> Any:
        reach = max(-low[id(module)], high[id(module)])
        return Int8Linear(module.weight, module.bias, HEADROOM * reach)

    def row_scaled(module: Any) -> Any:
        return Int8Linear(module.weight, module.bias, None)

    def asymmetric(module: Any) -> Any:
        layer = Int8Linear(module.weight, module.bias, 1.0)
        bottom, top = HEADROOM * low[id(module)], HEADROOM * high[id(module)]
        layer.input_scale = (top - bottom) / 255
        layer.zero_point = round(-bottom / layer.input_scale)
        return layer

    def weights_only(module: Any) -> Any:
        weight = module.weight.detach()
        scales = weight.abs().amax(dim=1, keepdim=True) / weight_max_for_cpu()
        rounded = torch.nn.Linear(module.in_features, module.out_features)
        rounded.weight.data = (weight / scales).round() * scales
        rounded.bias.data = module.bias.detach().clone()
        return rounded

    class Smoothed(torch.nn.Module):
        def __init__(self, module: Any, alpha: float) -> None:
            super().__init__()
            reach = channels[id(module)].clamp_min(1e-5)
            weight = module.weight.detach()
            scale = reach**alpha / weight.abs().amax(dim=0).clamp_min(1e-5) ** (1 - alpha)
            self.inverse = 1 / scale.clamp_min(1e-5)
            widest = float((reach * self.inverse).max())
            self.layer = Int8Linear(weight * (1 / self.inverse), module.bias, HEADROOM * widest)

        def forward(self, states: Any) -> Any:
            return self.layer(states * self.inverse)

    reference = encode()

    def deviation() -> float:
        moved = [float((a - b).norm() / b.norm()) for a, b in zip(encode(), reference)]
        return round(sum(moved) / len(moved), 4)

    settings: dict[str, float] = {}
    use(lambda _, m: symmetric(m))
    settings["every layer, fixed scales (float32-int8-encoder-head with VNNI)"] = deviation()
    for kind in KINDS:
        use(lambda attribute, m, kind=kind: symmetric(m) if attribute == kind else m)
        settings[f"{kind} alone"] = deviation()
    use(lambda _, m: weights_only(m))
    settings["weights alone rounded (inputs float32)"] = deviation()
    use(lambda attribute, m: asymmetric(m) if attribute == "fc2" else symmetric(m))
    settings["every layer, fc2's inputs over [min, max]"] = deviation()
    use(lambda _, m: asymmetric(m))
    settings["every layer, inputs over [min, max]"] = deviation()
    for alpha in (0.3, 0.5, 0.7):
        use(lambda _, m, alpha=alpha: Smoothed(m, alpha))
        settings[f"every layer, smoothed with alpha {alpha}"] = deviation()
    use(lambda _, m: row_scaled(m))
    settings["every layer, each input row on its own scale"] = deviation()
    for kind in ("fc1", "fc2"):
        use(lambda attribute, m, kind=kind: row_scaled(m) if attribute == kind else m)
        settings[f"{kind} alone, each input row on its own scale"] = deviation()
    use(lambda _, m: m)
    ranges = {
        name: [round(low[id(m)], 2), round(high[id(m)], 2)]
        for name, m in named
        if name.startswith(("layers.0.", "layers.4."))
    }
    emit_report(
        {
            "cpu": cpu_summary(),
            "sources": len(ids),
            "tokens": sum(len(i) for i in ids),
            "headroom": HEADROOM,
            "weight_max": weight_max_for_cpu(),
            "mean_relative_deviation": settings,
            "calibration_input_ranges": ranges,
        },
        args.output,
    )


if __name__ == "__main__":
    main()
