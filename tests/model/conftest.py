"""Fixtures of the model tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def text_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read by ``Path.read_text`` from now on in the test, in order."""
    reads: list[str] = []
    read_text = Path.read_text

    def counting(self: Path, *args: object, **kwargs: object) -> str:
        reads.append(self.name)
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", counting)
    return reads
