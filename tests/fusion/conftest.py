"""Fixtures for fusion tests: the tiny backbone, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    from ltmt.model.backbone import load_backbone

    return load_backbone(tiny_model_dir)
