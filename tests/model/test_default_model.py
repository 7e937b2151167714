"""The embedded default model ships inside the package and loads offline."""

from __future__ import annotations

import json

from ltmt.model.backbone import DEFAULT_MODEL_DIR, load_backbone
from ltmt.translator import Translator


def test_default_model_is_small_and_described():
    files = {p.name: p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir() if p.is_file()}
    for name in ("config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json", "MODEL_CARD.md"):
        assert name in files, name
    assert sum(files.values()) <= 50 * 1024 * 1024
    training = json.loads((DEFAULT_MODEL_DIR / "ltmt_training.json").read_text("utf-8"))
    assert training["config"]["data"]["l10n_glob"] == "l10n/train/*.jsonl"  # never the dev users


def test_default_model_loads_offline_and_translates(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    backbone = load_backbone(None)
    assert backbone.path == DEFAULT_MODEL_DIR
    [result] = Translator(backbone, beam=1).translate(["The house is small."])
    assert result.method == "model" and isinstance(result.text, str)
