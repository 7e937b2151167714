"""The embedded default model ships inside the package and loads offline."""

from __future__ import annotations

import json

from ltmt.model.backbone import DEFAULT_MODEL_DIR, load_backbone
from ltmt.translator import Translator


def test_default_model_is_small_and_described():
    files = {
        str(p.relative_to(DEFAULT_MODEL_DIR)): p.stat().st_size
        for p in DEFAULT_MODEL_DIR.rglob("*")
        if p.is_file()
    }
    for name in (
        "config.json",
        "model.safetensors",
        "source.spm",
        "target.spm",
        "vocab.json",
        "MODEL_CARD.md",
    ):
        assert name in files, name
    assert "fusion-attention/model.safetensors" in files  # the default ships with its adapter
    assert sum(files.values()) <= 50 * 1024 * 1024  # the adapter included
    training = json.loads((DEFAULT_MODEL_DIR / "ltmt_training.json").read_text("utf-8"))
    assert training["config"]["data"]["l10n_glob"] == "l10n/train/*.jsonl"  # never the dev users


def test_default_model_loads_offline_and_translates(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    backbone = load_backbone(None)
    assert backbone.path == DEFAULT_MODEL_DIR
    [result] = Translator(backbone, beam=1).translate(["The house is small."])
    assert result.method == "model" and isinstance(result.text, str)


def test_beam_search_agrees_with_generate_on_a_trained_model():
    """A trained model ends hypotheses at different lengths: our stopping rule must match
    transformers' ``early_stopping=False`` beam search token for token."""
    from generate_reference import generate_tokens

    from ltmt.model.decode import DecodeConfig, decode

    backbone = load_backbone(None)
    sources = [
        "Could not open file %s.",
        "Two men are playing football in the park.",
        "Delete the selected items?",
        "error: unknown option '%s'",
    ]
    batch = backbone.tokenizer(sources, return_tensors="pt", padding=True)
    ours = decode(
        backbone,
        batch["input_ids"],
        batch["attention_mask"],
        DecodeConfig(beam=4, max_len_a=0, max_len_b=30),
    )
    theirs = generate_tokens(backbone, batch, beams=4, max_new_tokens=30)
    for row, tokens in enumerate(ours):
        assert tokens == theirs[row], sources[row]
