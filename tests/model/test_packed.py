"""Linear layers packed for oneDNN (``ltmt.model.packed``): the same outputs as plain ones."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import torch

from ltmt.model.backbone import Backbone, bfloat16_weights, load_backbone
from ltmt.model.decode import DecodeConfig, decode
from ltmt.model.packed import JOINED, PackedLinear, can_pack, pack_linear_layers, padded_rows

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]


def _bf16_model(tiny_model_dir: Path, native: bool = True):  # type: ignore[no-untyped-def]
    return copy.deepcopy(load_backbone(tiny_model_dir, native=native).model).to(torch.bfloat16)


needs_packing = pytest.mark.skipif(
    not can_pack(torch.nn.Linear(4, 4).to(torch.bfloat16)),
    reason="this torch build's oneDNN cannot pack bfloat16 linear layers",
)


@needs_packing
@pytest.mark.parametrize("shape", [(128, 64), (7, 64), (5, 1, 64), (3, 11, 64)])
def test_a_packed_layer_equals_the_plain_one_bit_for_bit(shape: tuple[int, ...]) -> None:
    generator = torch.Generator().manual_seed(0)
    plain = torch.nn.Linear(64, 96).to(torch.bfloat16)
    states = torch.randn(*shape, generator=generator).to(torch.bfloat16)
    with torch.inference_mode():
        packed = PackedLinear(plain.weight, plain.bias)
        assert torch.equal(packed(states), plain(states))
    assert not hasattr(packed, "weight")  # no plain copy kept: memory as before


@pytest.mark.parametrize(
    ("rows", "padded"),
    [
        (1, 1),
        (7, 7),
        (128, 128),
        (129, 144),
        (144, 144),
        (255, 256),
        (256, 256),
        (257, 288),
        (600, 640),
        (1025, 1152),
    ],
)
def test_row_counts_above_a_beam_steps_are_rounded_to_eight_sizes_per_doubling(
    rows: int, padded: int
) -> None:
    assert padded_rows(rows) == padded


def test_rounding_adds_at_most_an_eighth_of_the_rows() -> None:
    sizes = [padded_rows(rows) for rows in range(1, 5000)]
    assert all(rows <= size <= rows * 1.125 for rows, size in enumerate(sizes, 1))
    assert sizes == sorted(sizes)
    assert len(set(sizes[128:])) < len(sizes[128:]) / 10  # far fewer shapes to compile


@needs_packing
@pytest.mark.parametrize("shape", [(200, 64), (3, 70, 64), (1, 129, 64)])
def test_a_packed_layer_over_padded_rows_keeps_their_shape_and_values(
    shape: tuple[int, ...],
) -> None:
    generator = torch.Generator().manual_seed(0)
    plain = torch.nn.Linear(64, 96).to(torch.bfloat16)
    states = torch.randn(*shape, generator=generator).to(torch.bfloat16)
    with torch.inference_mode():
        got = PackedLinear(plain.weight, plain.bias)(states)
        expected = plain(states)
    assert got.shape == expected.shape
    # the same products, summed in blocks of another row count: equal to bfloat16's rounding
    torch.testing.assert_close(got, expected, rtol=1e-2, atol=1e-2)


@needs_packing
@pytest.mark.parametrize("native", [True, False])
def test_packing_a_model_replaces_every_linear_layer_and_keeps_the_tied_projection(
    tiny_model_dir: Path, native: bool
) -> None:
    model = _bf16_model(tiny_model_dir, native)
    plain = sum(type(m) is torch.nn.Linear for m in model.modules())
    assert pack_linear_layers(model) == plain
    assert not any(type(m) is torch.nn.Linear for m in model.modules())
    # the output projection shares the embeddings' weight, so it keeps it (shortlists read it)
    assert model.lm_head.weight is model.get_input_embeddings().weight
    for layer in model.get_decoder().layers:
        assert set(getattr(layer.self_attn, JOINED)) == {("q_proj", "k_proj", "v_proj")}
        assert set(getattr(layer.encoder_attn, JOINED)) == {("k_proj", "v_proj")}


@needs_packing
@pytest.mark.parametrize("beam", [1, 4])
def test_a_packed_model_decodes_exactly_as_the_plain_one(tiny_model_dir: Path, beam: int) -> None:
    packed = bfloat16_weights(load_backbone(tiny_model_dir))
    assert any(isinstance(m, PackedLinear) for m in packed.model.modules())
    plain = Backbone(_bf16_model(tiny_model_dir), packed.tokenizer, packed.name, None)
    batch = packed.tokenizer(SOURCES, return_tensors="pt", padding=True)
    config = DecodeConfig(beam=beam)
    expected = decode(plain, batch["input_ids"], batch["attention_mask"], config)
    assert decode(packed, batch["input_ids"], batch["attention_mask"], config) == expected
    assert any(expected)


def test_float32_models_are_not_packed(tiny_model_dir: Path) -> None:
    assert not can_pack(load_backbone(tiny_model_dir).model)
    assert not can_pack(torch.nn.Linear(4, 4))
