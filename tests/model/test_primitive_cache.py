from __future__ import annotations

import os
from pathlib import Path

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.model.primitive_cache import CAPACITY, CAPACITY_VARIABLE, widen_primitive_cache


def test_widens_the_cache_where_the_environment_is_silent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CAPACITY_VARIABLE, raising=False)
    widen_primitive_cache()
    assert CAPACITY_VARIABLE in os.environ
    assert int(os.environ[CAPACITY_VARIABLE]) == CAPACITY


def test_keeps_the_capacity_a_user_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CAPACITY_VARIABLE, "256")
    widen_primitive_cache()
    assert os.environ[CAPACITY_VARIABLE] == "256"


def test_loading_weights_widens_it_first(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CAPACITY_VARIABLE, raising=False)
    assert load_backbone(tiny_model_dir).model is not None
    assert os.environ.get(CAPACITY_VARIABLE) == str(CAPACITY)
