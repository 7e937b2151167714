from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from ltmt.paths import on_read_only_file_system, private_folder, write_private_file


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


@pytest.mark.parametrize("modified", [None, 1_234_567_890.5])
def test_a_private_file_is_written_whole_for_its_owner_with_the_time_asked(
    tmp_path: Path, modified: float | None
) -> None:
    path = tmp_path / "record"
    path.write_bytes(b"old")
    path.chmod(0o644)
    old_umask = os.umask(0)
    try:
        write_private_file(path, b"new", modified=modified)
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o600
    if modified is not None:
        assert path.stat().st_mtime == modified
    assert [child.name for child in tmp_path.iterdir()] == ["record"]  # no temporary left


@pytest.fixture
def open_umask():
    """``umask 000`` while the test runs: what is made without an explicit mode is open to all."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_a_private_folder_and_the_folders_made_above_it_are_0700(tmp_path: Path, open_umask):
    """Under ``umask 000`` the folders ``mkdir(parents=True)`` made above the private one (the
    cache folder itself) were 0777."""
    (tmp_path / "there").mkdir(mode=0o755)
    private_folder(tmp_path / "there" / "cache" / "states" / "model")
    made = [tmp_path / "there" / "cache", *(tmp_path / "there" / "cache").rglob("*")]
    assert {str(p.relative_to(tmp_path)): p.stat().st_mode & 0o777 for p in made} == {
        "there/cache": 0o700,
        "there/cache/states": 0o700,
        "there/cache/states/model": 0o700,
    }
    assert (tmp_path / "there").stat().st_mode & 0o777 == 0o755  # not made here: as it was
