"""Fixtures for fusion tests: the tiny backbone, loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    from ltmt.model.backbone import load_backbone

    return load_backbone(tiny_model_dir)


@pytest.fixture(autouse=True)
def _one_thread() -> Iterator[None]:
    """Tiny matrices: one thread is faster than two fighting over a busy CPU."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
