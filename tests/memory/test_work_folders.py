"""The store's private work folders: made under the store, removed after use, and what a
killed process left removed at the store's next opening, never a live process's."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.memory.work_folders import FOLDER, remove_leftovers, work_folder

HOLDS_A_FOLDER = """
import sys, time
from pathlib import Path
from ltmt.memory.work_folders import work_folder

with work_folder(Path(sys.argv[1])) as folder:
    (folder / "customer.docx").write_bytes(b"unpublished text")
    print(folder, flush=True)
    time.sleep(600)
"""


def held_by_a_process(store: Path) -> tuple[subprocess.Popen[str], Path]:
    """A child process holding a work folder of ``store`` (with a file in it), and the folder."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDS_A_FOLDER, str(store)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    return child, Path(child.stdout.readline().strip())


def test_a_work_folder_is_private_under_the_store_and_removed_after_use(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Memory(store).close()
    with work_folder(store) as folder:
        (folder / "upload.po").write_text("msgid")
        assert folder.parent == store / FOLDER
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    assert not folder.exists()


def test_a_work_folder_is_removed_after_an_error_too(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="stopped"), work_folder(tmp_path) as folder:
        (folder / "upload.po").write_text("msgid")
        raise RuntimeError("stopped")
    assert not folder.exists()


def test_a_folder_in_use_is_no_leftover(tmp_path: Path) -> None:
    with work_folder(tmp_path) as folder:
        assert remove_leftovers(tmp_path) == []
        assert folder.is_dir()


def test_a_killed_process_s_folder_is_removed_at_the_store_s_next_opening(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    Memory(store).close()
    child, folder = held_by_a_process(store)
    try:
        Memory(store).close()  # another process opens the store: the folder is in use
        assert (folder / "customer.docx").exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert (folder / "customer.docx").exists()  # a kill -9 leaves it
    Memory(store).close()
    assert not folder.exists()
    assert os.listdir(store / FOLDER) == [".lock"]


def test_only_folders_are_looked_at(tmp_path: Path) -> None:
    root = tmp_path / FOLDER
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "link").symlink_to(elsewhere)
    (root / "file").write_text("kept")
    assert remove_leftovers(tmp_path) == []
    assert elsewhere.is_dir() and (root / "file").exists()


@pytest.mark.parametrize("elsewhere", ["beside", None])
def test_a_read_only_store_s_work_folder_is_private_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, elsewhere: str | None
) -> None:
    """A store on a read-only mount raised EROFS making its work folder (an export, a server's
    upload): the folder is made in ``elsewhere``, or the system's temporary folder."""
    import tempfile

    from ltmt.memory import work_folders

    store, system = tmp_path / "store", tmp_path / "system-tmp"
    store.mkdir()
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    monkeypatch.setattr(work_folders, "on_read_only_file_system", lambda path: True)
    given = tmp_path / elsewhere if elsewhere else None
    if given is not None:
        given.mkdir()
    with work_folder(store, given) as folder:
        assert folder.parent == (given or system)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not folder.exists() and not (store / FOLDER).exists()
