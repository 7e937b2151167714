"""Where a trained fusion layer is kept beside its base model, and the check of its base."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from ltmt.errors import ModelError
from ltmt.fusion.artifact import beside_model, check_trained_on, read_artifact, write_artifact


def _backbone(path: Path | None) -> Any:
    return cast(Any, SimpleNamespace(name="some/model", path=path))


def test_a_trained_layer_lives_in_its_folder_of_the_model_directory(tmp_path: Path) -> None:
    found = beside_model(_backbone(tmp_path), "fusion-combiner", "a trained combiner", "X(DIR)")
    assert found == tmp_path / "fusion-combiner"


def test_a_model_without_a_local_directory_names_what_to_pass_instead() -> None:
    with pytest.raises(
        ModelError,
        match=r"^model some/model has no local directory to hold a trained combiner; "
        r"pass TrainedKnnFusion\(COMBINER_DIR\)$",
    ):
        beside_model(
            _backbone(None),
            "fusion-combiner",
            "a trained combiner",
            "TrainedKnnFusion(COMBINER_DIR)",
        )


def test_an_unknown_base_hash_is_not_checked(tmp_path: Path) -> None:
    check_trained_on(_backbone(tmp_path), "", "anything", tmp_path, "combiner")


def test_written_files_get_the_umask_mode_and_read_back(tmp_path: Path) -> None:
    """safetensors' ``save_file`` left ``model.safetensors`` 0600: unreadable to the other users
    of a shared install."""
    import torch

    previous = os.umask(0o022)
    try:
        write_artifact(tmp_path, "ltmt-test", 1, {"w": torch.ones(2)}, {"k": 1})
    finally:
        os.umask(previous)
    for name in ("model.safetensors", "config.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    meta, state = read_artifact(tmp_path, "ltmt-test", 1, "test layer", "make one")
    assert meta["k"] == 1 and state["w"].tolist() == [1.0, 1.0]


def test_the_shipped_combiner_records_the_shipped_model_it_was_trained_on() -> None:
    """Its ``base`` names the default model's files as they are now (the record is not
    checked at loading, so a stale one would go unnoticed) and its embeddings."""
    from ltmt.fusion.adapter import base_embedding_sha1
    from ltmt.fusion.combiner import Combiner
    from ltmt.model.backbone import load_backbone

    model = Path(__file__).parents[2] / "ltmt/models/default-en-de"
    _, base = Combiner.load(model / "fusion-combiner")
    backbone = load_backbone(model)
    assert base.fingerprint == backbone.weights_fingerprint
    assert base.embedding_sha1 == base_embedding_sha1(backbone)
