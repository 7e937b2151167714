from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from ltmt.paths import on_read_only_file_system


@pytest.mark.parametrize(("flags", "expected"), [(0, False), (os.ST_RDONLY, True)])
def test_a_read_only_mount_is_told_for_a_path_or_its_nearest_existing_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: int, expected: bool
) -> None:
    asked = []

    def statvfs(path: str | os.PathLike[str]) -> SimpleNamespace:
        asked.append(Path(path))
        if not Path(path).exists():
            raise FileNotFoundError(path)
        return SimpleNamespace(f_flag=flags)

    monkeypatch.setattr(os, "statvfs", statvfs)
    assert on_read_only_file_system(tmp_path / "cache" / "forced-states") is expected
    assert asked[-1] == tmp_path


def test_a_writable_folder_is_not_read_only(tmp_path: Path) -> None:
    assert not on_read_only_file_system(tmp_path)
