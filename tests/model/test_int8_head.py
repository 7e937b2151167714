"""The output projection alone in int8 (``ltmt.model.int8_head``): close to the plain product,
float32 logits, the decoder states of the weights beneath, an option of the translator."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from ltmt.errors import ConfigError
from ltmt.model.backbone import bfloat16_weights, int8_head_weights, load_backbone
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder, fusion_weight_options
from ltmt.model.int8_head import Int8Head, int8_head_supported

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]

needs_int8 = pytest.mark.skipif(
    not int8_head_supported(), reason="this torch build has no oneDNN quantised engine"
)


@needs_int8
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_int8_product_is_close_to_the_plain_one_in_float32(dtype: torch.dtype) -> None:
    generator = torch.Generator().manual_seed(0)
    weight = torch.randn(300, 64, generator=generator).to(dtype)
    states = torch.randn(128, 64, generator=generator).to(dtype)
    with torch.inference_mode():
        head = Int8Head(weight)
        logits = head(states)
        plain = torch.nn.functional.linear(states.float(), weight.float())
    assert logits.dtype == torch.float32 and logits.shape == (128, 300)
    # int8 rounding of the weight (per row) and of the states (per call): about 1 % of the range
    assert (logits - plain).abs().max() <= 0.02 * plain.abs().max()
    assert head.weight is weight  # the tied embeddings' weight, not a copy


@needs_int8
def test_engine_setting_is_left_as_it_was() -> None:
    before = torch.backends.quantized.engine
    Int8Head(torch.randn(10, 8))
    assert torch.backends.quantized.engine == before


@needs_int8
@pytest.mark.parametrize("half", [True, False])
def test_copies_with_an_int8_head_keep_the_states_and_decode(
    tiny_model_dir: Path, half: bool
) -> None:
    backbone = load_backbone(tiny_model_dir)
    plain = bfloat16_weights(backbone) if half else backbone
    quantised = bfloat16_weights(backbone, True) if half else int8_head_weights(backbone)
    assert isinstance(quantised.model.lm_head, Int8Head)
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


def test_fusion_weight_names_map_to_translator_options() -> None:
    assert fusion_weight_options("bfloat16-int8-head") == {
        "fusion_int8": False,
        "fusion_bf16": True,
        "fusion_int8_head": True,
    }
    assert fusion_weight_options("auto")["fusion_bf16"] is None
    assert fusion_weight_options("float32") == {
        "fusion_int8": False,
        "fusion_bf16": False,
        "fusion_int8_head": False,
    }
    with pytest.raises(ConfigError, match="fusion weights must be one of auto, float32"):
        fusion_weight_options("int4")
