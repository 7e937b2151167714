"""Which checkpoints load into ltmt's own Marian modules, and which into ``MarianMTModel``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.model.marian import MarianModel
from ltmt.model.weights import native_supported, weight_files


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
def test_configs_the_native_modules_reproduce(
    tiny_model_dir: Path, change: dict[str, object], native: bool
) -> None:
    settings = json.loads((tiny_model_dir / "config.json").read_text())
    assert native_supported(SimpleNamespace(**{**settings, **change})) is native


def test_another_activation_loads_with_transformers(tiny_model_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(tiny_model_dir, copy)
    config = json.loads((copy / "config.json").read_text())
    (copy / "config.json").write_text(json.dumps({**config, "activation_function": "gelu_new"}))
    backbone = load_backbone(copy)
    assert not backbone.native
    assert type(backbone.model).__name__ == "MarianMTModel"
    assert isinstance(load_backbone(tiny_model_dir).model, MarianModel)


def test_weight_files_leave_the_shortlist_out(tmp_path: Path) -> None:
    for name in ("model.safetensors", "shortlist.safetensors", "pytorch_model.bin"):
        (tmp_path / name).write_bytes(b"")
    assert weight_files(tmp_path) == [tmp_path / "model.safetensors"]
    (tmp_path / "model.safetensors").unlink()
    assert weight_files(tmp_path) == [tmp_path / "pytorch_model.bin"]
