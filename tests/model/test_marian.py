"""ltmt's own Marian modules against transformers' ``MarianMTModel`` of the same weights."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import torch

from ltmt.errors import ModelError
from ltmt.model.backbone import bfloat16_weights, load_backbone
from ltmt.model.decode import DecodeConfig, decode
from ltmt.model.marian import MarianModel

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]
TARGETS = ["öffne die Datei", "die Katze", "hallo Welt", "x y"]


@pytest.fixture(scope="module")
def pair(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    return load_backbone(tiny_model_dir), load_backbone(tiny_model_dir, native=False)


@pytest.mark.parametrize("bfloat16", [False, True])
def test_states_and_logits_equal_transformers(pair, bfloat16: bool) -> None:  # type: ignore[no-untyped-def]
    """The same operations as transformers', but the attention on the CPU as two products and a
    softmax where transformers calls torch's fused kernel (ltmt.model.marian.attend): equal up to
    the rounding of the dtype's sums."""
    ours, theirs = (bfloat16_weights(b) if bfloat16 else b for b in pair)
    assert isinstance(ours.model, MarianModel)
    assert type(theirs.model).__name__ == "MarianMTModel"
    assert ours.model.state_dict().keys() == theirs.model.state_dict().keys()
    for key, value in ours.model.state_dict().items():
        assert torch.equal(value, theirs.model.state_dict()[key]), key
    source = ours.tokenizer(SOURCES, return_tensors="pt", padding=True)
    target = ours.tokenizer(text_target=TARGETS, return_tensors="pt", padding=True)["input_ids"]
    with torch.inference_mode():
        states = []
        for model in (ours.model, theirs.model):
            memory = model.get_encoder()(**source).last_hidden_state
            hidden = model.get_decoder()(
                input_ids=target,
                encoder_hidden_states=memory,
                encoder_attention_mask=source["attention_mask"],
                use_cache=False,
            ).last_hidden_state
            states.append((memory, hidden, model.lm_head(hidden) + model.final_logits_bias))
    tolerance = 2e-2 if bfloat16 else 1e-5
    for mine, reference in zip(*states, strict=True):
        torch.testing.assert_close(mine, reference, atol=tolerance, rtol=tolerance)


@pytest.mark.parametrize("causal", [False, True])
def test_attend_is_torchs_scaled_dot_product_attention(causal: bool) -> None:
    from ltmt.model.marian import attend, padding_mask

    generator = torch.Generator().manual_seed(0)
    query, key, value = (torch.randn(3, 4, 5, 8, generator=generator) for _ in range(3))
    mask = (
        None if causal else padding_mask(torch.tensor([[1] * 5, [1, 1, 1, 0, 0], [1] + [0] * 4]), 5)
    )
    expected = torch.nn.functional.scaled_dot_product_attention(
        query, key, value, attn_mask=mask, scale=0.3, is_causal=causal
    )
    got = attend(query, key, value, mask, 0.3, is_causal=causal)
    torch.testing.assert_close(got, expected, atol=1e-6, rtol=1e-5)


def test_search_outputs_equal_transformers(pair) -> None:  # type: ignore[no-untyped-def]
    ours = pair[0]
    batch = ours.tokenizer(SOURCES, return_tensors="pt", padding=True)
    config = DecodeConfig(beam=3, max_len_a=1.0, max_len_b=5)
    outputs = [decode(b, batch["input_ids"], batch["attention_mask"], config) for b in pair]
    assert outputs[0] == outputs[1]
    assert any(outputs[0])


def test_the_fused_path_imports_no_transformers_model_code(tiny_model_dir: Path) -> None:
    import subprocess

    script = (
        "import sys; from ltmt.model.backbone import load_backbone; "
        f"b = load_backbone({str(tiny_model_dir)!r}); b.model; "
        "print(sorted(m for m in ('transformers.modeling_utils', 'torch._dynamo', 'sympy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stepping_with_a_cache_asks_for_transformers(pair) -> None:  # type: ignore[no-untyped-def]
    ours = pair[0]
    with pytest.raises(ModelError, match="keeps no cache"):
        ours.model.get_decoder()(
            input_ids=torch.tensor([[ours.start_id]]),
            encoder_hidden_states=torch.zeros((1, 1, ours.d_model)),
            use_cache=True,
        )


def _copy(model_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(model_dir, copy)
    return copy


def test_bin_weights_load_as_safetensors_do(tiny_model_dir: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    copy = _copy(tiny_model_dir, tmp_path)
    torch.save(load_file(copy / "model.safetensors"), copy / "pytorch_model.bin")
    (copy / "model.safetensors").unlink()
    ours = load_backbone(copy).model
    assert isinstance(ours, MarianModel)
    reference = load_backbone(tiny_model_dir).model.state_dict()
    for key, value in ours.state_dict().items():
        assert torch.equal(value, reference[key]), key


@pytest.mark.parametrize("name", ["model.safetensors", "pytorch_model.bin"])
def test_a_damaged_weight_file_is_a_one_line_error(
    tiny_model_dir: Path, tmp_path: Path, name: str
) -> None:
    copy = _copy(tiny_model_dir, tmp_path)
    (copy / "model.safetensors").unlink()
    (copy / name).write_bytes(b"not a checkpoint " * 8)
    message = rf"cannot load model .*model: {name} is unreadable \([^\n]+\); copy it again$"
    with pytest.raises(ModelError, match=message):
        load_backbone(copy).model  # noqa: B018 (the weights load on first use)


def test_weights_of_another_shape_are_a_one_line_error(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    copy = _copy(tiny_model_dir, tmp_path)
    config = json.loads((copy / "config.json").read_text())
    config["decoder_ffn_dim"] *= 2
    (copy / "config.json").write_text(json.dumps(config))
    message = (
        r"its weight model\.decoder\.layers\.\d\.fc[12]\.\w+ has shape \([\d, ]+\) "
        r"where config\.json asks for \([\d, ]+\)$"
    )
    with pytest.raises(ModelError, match=message):
        load_backbone(copy).model  # noqa: B018


def test_weights_lacking_a_layer_are_a_one_line_error(tiny_model_dir: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file, save_file

    copy = _copy(tiny_model_dir, tmp_path)
    weights = load_file(copy / "model.safetensors")
    save_file(
        {k: v for k, v in weights.items() if ".layers.1." not in k}, copy / "model.safetensors"
    )
    message = (
        r"its weights lack model\.\w+\.layers\.1\.\S+, .* and more \(is it a Marian checkpoint\?\)$"
    )
    with pytest.raises(ModelError, match=message):
        load_backbone(copy).model  # noqa: B018
