"""Linear layers in int8 (``ltmt.model.int8_linear``): close to the plain product, float32
outputs; the output projection alone keeps the decoder states of the weights beneath; every
layer, joined projections included, decodes as the plain model up to int8 rounding."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from ltmt.errors import ConfigError
from ltmt.model import int8_linear
from ltmt.model.backbone import bfloat16_weights, int8_head_weights, load_backbone
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder, fusion_weight_options
from ltmt.model.int8_linear import Int8Linear, int8_supported

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]

needs_int8 = pytest.mark.skipif(
    not int8_supported(), reason="this torch build lacks the quantised engines"
)


@needs_int8
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_int8_product_is_close_to_the_plain_one_in_float32(dtype: torch.dtype) -> None:
    generator = torch.Generator().manual_seed(0)
    weight = torch.randn(300, 64, generator=generator).to(dtype)
    states = torch.randn(128, 64, generator=generator).to(dtype)
    with torch.inference_mode():
        head = Int8Linear(weight, None, float(states.float().abs().max()), shared=True)
        logits = head(states)
        plain = torch.nn.functional.linear(states.float(), weight.float())
    assert logits.dtype == torch.float32 and logits.shape == (128, 300)
    # int8 rounding of the weight (per row) and of the states (one scale): about 1 % of the range
    assert (logits - plain).abs().max() <= 0.02 * plain.abs().max()
    assert head.weight is weight  # the tied embeddings' weight, not a copy


@needs_int8
@pytest.mark.parametrize("half", [True, False])
def test_copies_with_an_int8_head_keep_the_states_and_decode(
    tiny_model_dir: Path, half: bool
) -> None:
    backbone = load_backbone(tiny_model_dir)
    plain = bfloat16_weights(backbone) if half else backbone
    quantised = bfloat16_weights(backbone, True) if half else int8_head_weights(backbone)
    assert isinstance(quantised.model.lm_head, Int8Linear)
    assert quantised.fingerprint not in (plain.fingerprint, backbone.fingerprint)
    again = bfloat16_weights(backbone, True) if half else int8_head_weights(backbone)
    assert again is quantised  # made once per backbone
    ids = backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)
    with torch.inference_mode():
        states = [b.model.get_encoder()(**ids).last_hidden_state for b in (plain, quantised)]
    assert torch.equal(states[0], states[1])  # only the projection changed
    outputs = Decoder(quantised, engine="torch").decode(
        backbone.tokenizer(SOURCES)["input_ids"], DecodeConfig(beam=2)
    )
    assert len(outputs) == len(SOURCES) and all(isinstance(t, int) for o in outputs for t in o)


@needs_int8
def test_translator_option_and_its_conflicts(tiny_model_dir: Path) -> None:
    from ltmt.translator import Translator

    backbone = load_backbone(tiny_model_dir)
    half = Translator(backbone, fusion="knn", fusion_bf16=True, fusion_int8_head=True)
    assert half.backbone.variant == "bfloat16+int8-head"
    full = Translator(backbone, fusion="knn", fusion_bf16=False, fusion_int8_head=True)
    assert full.backbone.variant == "int8-head"
    assert Translator(backbone, fusion="knn", fusion_bf16=True).backbone.variant == "bfloat16"
    with pytest.raises(ConfigError, match="fusion_int8 and fusion_int8_head exclude each other"):
        Translator(backbone, fusion_int8=True, fusion_int8_head=True)
    encoder = Translator(backbone, fusion="knn", fusion_int8_encoder=True)
    assert encoder.backbone.variant == "int8-encoder+int8-head"
    for other, name in (
        ({"fusion_int8": True}, "int8 linear layers"),
        ({"fusion_bf16": True}, "bfloat16 weights"),
    ):
        with pytest.raises(
            ConfigError, match=f"an int8 encoder runs over float32 weights, not {name}: pick one"
        ):
            Translator(backbone, fusion="knn", fusion_int8_encoder=True, **other)


@needs_int8
def test_an_int8_encoder_copy_keeps_the_decoder_float32_and_encodes_close_to_it(
    tiny_model_dir: Path,
) -> None:
    backbone = load_backbone(tiny_model_dir)
    quantised = int8_head_weights(backbone, int8_encoder=True)
    assert quantised.variant == "int8-encoder+int8-head"
    assert int8_head_weights(backbone, int8_encoder=True) is quantised  # made once
    head_only = int8_head_weights(backbone)
    assert len({quantised.fingerprint, head_only.fingerprint, backbone.fingerprint}) == 3
    model = quantised.model
    assert isinstance(model.lm_head, Int8Linear)
    encoder_layers = [m for m in model.get_encoder().modules() if isinstance(m, Int8Linear)]
    assert encoder_layers and not any(
        type(m) is torch.nn.Linear for m in model.get_encoder().modules()
    )
    assert not any(isinstance(m, Int8Linear) for m in model.get_decoder().modules())
    ids = backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)
    with torch.inference_mode():
        plain = backbone.model.get_encoder()(**ids).last_hidden_state
        rounded = model.get_encoder()(**ids).last_hidden_state
    mask = ids["attention_mask"].bool()
    deviation = (rounded - plain)[mask].norm() / plain[mask].norm()
    assert 0 < deviation < 0.1  # int8 rounding, not another encoder
    outputs = Decoder(quantised, engine="torch").decode(
        backbone.tokenizer(SOURCES)["input_ids"], DecodeConfig(beam=2)
    )
    assert len(outputs) == len(SOURCES) and all(isinstance(t, int) for o in outputs for t in o)


def test_fusion_weight_names_map_to_translator_options() -> None:
    assert fusion_weight_options("bfloat16-int8-head") == {
        "fusion_int8": False,
        "fusion_bf16": True,
        "fusion_int8_head": True,
        "fusion_int8_encoder": False,
    }
    assert fusion_weight_options("float32-int8-head") == {
        "fusion_int8": False,
        "fusion_bf16": False,
        "fusion_int8_head": True,
        "fusion_int8_encoder": False,
    }
    assert fusion_weight_options("float32-int8-encoder-head") == {
        "fusion_int8": False,
        "fusion_bf16": False,
        "fusion_int8_head": True,
        "fusion_int8_encoder": True,
    }
    assert fusion_weight_options("auto")["fusion_bf16"] is None
    assert fusion_weight_options("auto")["fusion_int8"] is None  # the CPU decides
    assert fusion_weight_options("int8")["fusion_int8"] is True
    assert fusion_weight_options("float32") == {
        "fusion_int8": False,
        "fusion_bf16": False,
        "fusion_int8_head": False,
        "fusion_int8_encoder": False,
    }
    with pytest.raises(ConfigError, match="fusion weights must be one of auto, float32"):
        fusion_weight_options("int4")


def _layer_and_rows(seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A (48, 32) weight, its bias and (2, 10, 32) input rows."""
    generator = torch.Generator().manual_seed(seed)
    weight = torch.randn(48, 32, generator=generator)
    bias = torch.randn(48, generator=generator)
    return weight, bias, torch.randn(2, 10, 32, generator=generator)


def _each_row_alone(layer: Int8Linear, states: torch.Tensor) -> torch.Tensor:
    """``layer(states)``, checked to equal each row's output computed alone (float32)."""
    with torch.inference_mode():
        out = layer(states)
        alone = torch.stack([layer(row[None])[0] for row in states.reshape(-1, states.size(-1))])
    assert out.shape == (*states.shape[:-1], layer.out_features) and out.dtype == torch.float32
    assert torch.equal(out, alone.view(out.shape))  # the same with or without the other rows
    return out


@needs_int8
@pytest.mark.parametrize("levels", [256, 128])
def test_int8_layer_adds_its_bias_and_each_row_depends_on_itself_alone(levels: int) -> None:
    weight, bias, states = _layer_and_rows(seed=1)
    layer = Int8Linear(weight, bias, 4.0, levels=levels)
    states[1, 3] *= 50  # one row far beyond the range: it saturates, the others do not move
    out = _each_row_alone(layer, states)
    plain = torch.nn.functional.linear(states, weight, bias)
    error = (out - plain).abs().amax(dim=-1) / plain.abs().amax(dim=-1)
    error[1, 3] = 0.0
    assert error.max() <= (0.03 if levels == 256 else 0.06)  # 7 bits round twice as coarsely
    # the saturated row reads as the input clamped to the range, on 7 bits as on 8
    clamped = torch.nn.functional.linear(states[1, 3].clamp(-4.0, 4.0), weight, bias)
    assert (out[1, 3] - clamped).abs().max() <= 0.06 * clamped.abs().max()
    assert not hasattr(layer, "weight")  # only a tied weight is kept


@needs_int8
def test_row_scaled_inputs_fit_every_row_and_add_the_bias_after_scaling_back() -> None:
    weight, bias, states = _layer_and_rows(seed=4)
    states[1, 3] *= 50  # far beyond the others: on its own scale it does not saturate
    states[0, 0] = 0.0  # nothing to scale: the bias alone
    layer = Int8Linear(weight, bias, None, weight_max=63)
    assert layer.row_scaled and "row-scaled inputs" in repr(layer)
    out = _each_row_alone(layer, states)
    plain = torch.nn.functional.linear(states, weight, bias)
    product = plain - bias  # the error scales with the product, not with the bias
    error = (out - plain).abs().amax(dim=-1) / product.abs().amax(dim=-1).clamp_min(1e-6)
    assert error.max() <= 0.05  # 7-bit weights and 8-bit inputs, the outlier row included
    assert torch.allclose(out[0, 0], bias)


@needs_int8
def test_row_scaled_inputs_give_the_exact_integer_product_of_each_scaled_row() -> None:
    # each row reaches its own largest magnitude with its weight's sign: 127 x 63 pairs, which
    # never overflow the 16-bit pair sums of CPUs without VNNI
    generator = torch.Generator().manual_seed(6)
    weight = torch.randn(16, 64, generator=generator)
    weight[:, ::2] = weight[:, ::2].abs() + 1.0
    weight[:, 1::2] = weight[:, ::2]
    states = torch.sign(weight) * torch.arange(1, 17).float()[:, None]  # rows of other sizes
    layer = Int8Linear(weight, None, None, weight_max=63)
    packed, _ = torch.ops.quantized.linear_unpack(layer.packed)
    integers = packed.int_repr().double()
    with torch.inference_mode():
        out = layer(states).double()
    row_size = torch.arange(1, 17).double()
    units = layer.input_scale * packed.q_per_channel_scales().double() * row_size
    exact = (127.0 * torch.sign(weight).double() * integers).sum(dim=1)
    assert (out.diagonal() / units - exact).abs().max() < 0.5


@needs_int8
def test_seven_bit_weights_give_the_exact_integer_product_even_at_the_extremes() -> None:
    # every input at the edge of its range with its weight's sign: each pair of u8 x s8
    # products is as large as it gets, which 8-bit weights overflow in 16 bits without VNNI
    generator = torch.Generator().manual_seed(2)
    weight = torch.randn(16, 64, generator=generator)
    weight[:, ::2] = weight[:, ::2].abs() + 1.0  # pairs of large weights of one sign
    weight[:, 1::2] = weight[:, ::2]
    states = 4.0 * torch.sign(weight)
    layer = Int8Linear(weight, None, 4.0, weight_max=63)
    packed, _ = torch.ops.quantized.linear_unpack(layer.packed)
    integers = packed.int_repr().double()
    assert integers.abs().max() == 63  # the largest weight of each row on 7 bits
    with torch.inference_mode():
        out = layer(states).double()
    units = layer.input_scale * packed.q_per_channel_scales().double()
    exact = (127.0 * torch.sign(weight).double() * integers).sum(dim=1)
    assert (out.diagonal() / units - exact).abs().max() < 0.5


@pytest.mark.parametrize(("flags", "largest"), [("avx2 avx512_vnni", 127), ("avx2", 63)])
def test_weights_keep_to_seven_bits_where_the_cpu_lacks_vnni(
    monkeypatch: pytest.MonkeyPatch, flags: str, largest: int
) -> None:
    monkeypatch.setattr(int8_linear, "cpu_has_vnni", lambda: "avx512_vnni" in flags.split())
    assert int8_linear.weight_max_for_cpu() == largest


def test_calibration_reads_every_layer_and_the_output_projection(tiny_model_dir: Path) -> None:
    from ltmt.model.int8_calibration import CALIBRATION_PAIRS, input_ranges

    backbone = load_backbone(tiny_model_dir)
    model = backbone.model
    layers = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    ranges = input_ranges(model, layers, backbone.tokenizer, backbone.start_id)
    assert set(ranges) == {id(layer) for layer in layers} and all(r > 0 for r in ranges.values())
    assert len(CALIBRATION_PAIRS) >= 32
    assert all(m._forward_pre_hooks == {} for m in layers)  # the hooks are gone


@needs_int8
@pytest.mark.parametrize("row_scaled", [True, False])
def test_every_layer_in_int8_joins_the_projections_and_decodes_close_to_float32(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch, row_scaled: bool
) -> None:
    from ltmt.model.backbone import quantized_int8
    from ltmt.model.packed import JOINED

    monkeypatch.setattr(int8_linear, "row_scaled_inputs", lambda: row_scaled)
    backbone = load_backbone(tiny_model_dir)
    quantised = quantized_int8(backbone)
    model = quantised.model
    layers = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    assert layers == []  # every Linear replaced
    quantised_layers = [m for m in model.modules() if isinstance(m, Int8Linear)]
    assert {m.row_scaled for m in quantised_layers} == {row_scaled}
    assert model.lm_head.weight is model.get_input_embeddings().weight  # still tied
    attention = model.get_decoder().layers[0].self_attn
    assert isinstance(getattr(attention, JOINED)[("q_proj", "k_proj", "v_proj")], Int8Linear)
    ids = backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)
    with torch.inference_mode():
        states = [b.model.get_encoder()(**ids).last_hidden_state for b in (backbone, quantised)]
    assert not torch.equal(states[0], states[1])
    assert (states[0] - states[1]).abs().max() <= 0.1 * states[0].abs().max()
    outputs = Decoder(quantised, engine="torch").decode(
        backbone.tokenizer(SOURCES)["input_ids"], DecodeConfig(beam=2)
    )
    assert len(outputs) == len(SOURCES) and all(isinstance(t, int) for o in outputs for t in o)


@needs_int8
@pytest.mark.parametrize("row_scaled", [True, False])
def test_an_int8_sentence_does_not_depend_on_the_batch_beside_it(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch, row_scaled: bool
) -> None:
    """What the fixed or per-row input scales are for: torch's dynamic int8 quantised all the
    rows of a call with one scale, so a sentence's states (and translation) changed with its
    batch (on this model, by about 2e-4; checked when the layer was written)."""
    from ltmt.model.backbone import quantized_int8

    monkeypatch.setattr(int8_linear, "row_scaled_inputs", lambda: row_scaled)
    backbone = load_backbone(tiny_model_dir)
    encoder = quantized_int8(backbone).model.get_encoder()
    first, other = backbone.tokenizer(["open the file", "ZZ QQ 99 %s"])["input_ids"]
    width = min(len(first), len(other))  # one length: no padding, whose masks could differ
    with torch.inference_mode():
        alone = encoder(input_ids=torch.tensor([first[:width]])).last_hidden_state[0]
        batched = encoder(input_ids=torch.tensor([first[:width], other[:width]]))
    assert torch.equal(alone, batched.last_hidden_state[0])


def test_a_torch_build_without_the_int8_kernels_says_what_to_use(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ltmt.model.int8_linear as int8_linear
    from ltmt.errors import ModelError
    from ltmt.model.backbone import quantized_int8

    monkeypatch.setattr(int8_linear, "int8_supported", lambda: False)
    quantised = quantized_int8(load_backbone(tiny_model_dir))  # lazy: nothing loads yet
    with pytest.raises(ModelError, match="no fbgemm int8 kernels; use --fusion-weights bfloat16"):
        _ = quantised.model
