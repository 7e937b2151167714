"""ltmt's own Marian modules against transformers' ``MarianMTModel`` of the same weights."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import torch

from ltmt.errors import ModelError
from ltmt.model.backbone import bfloat16_weights, load_backbone, native_supported
from ltmt.model.decode import DecodeConfig, decode
from ltmt.model.marian import MarianModel

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]
TARGETS = ["öffne die Datei", "die Katze", "hallo Welt", "x y"]


@pytest.fixture(scope="module")
def pair(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    return load_backbone(tiny_model_dir), load_backbone(tiny_model_dir, native=False)


@pytest.mark.parametrize("bfloat16", [False, True])
def test_states_and_logits_equal_transformers_bit_for_bit(pair, bfloat16: bool) -> None:  # type: ignore[no-untyped-def]
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
    for mine, reference in zip(*states, strict=True):
        assert torch.equal(mine, reference)


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


@pytest.mark.parametrize(
    ("change", "native"),
    [
        ({}, True),
        ({"activation_function": "gelu_new"}, False),
        ({"share_encoder_decoder_embeddings": False}, False),
        ({"decoder_vocab_size": 7}, False),
        ({"d_model": None}, False),
    ],
)
def test_configs_it_does_not_reproduce_load_with_transformers(
    tiny_model_dir: Path, change: dict[str, object], native: bool
) -> None:
    from types import SimpleNamespace

    settings = json.loads((tiny_model_dir / "config.json").read_text())
    assert native_supported(SimpleNamespace(**{**settings, **change})) is native
