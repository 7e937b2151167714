"""``open_output``: standard output, atomic regular files, write-through, one-line errors."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ltmt.outputs import OutputError, open_output, write_output


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_output("-", "hello\n")
    assert capsys.readouterr().out == "hello\n"
    assert not (tmp_path / "-").exists()


def test_dash_binary_is_standard_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    with open_output("-", binary=True) as out:
        out.write(b"\xc3\xa4\n")
    assert capfdbinary.readouterr().out == b"\xc3\xa4\n"


def test_new_file_honours_umask(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.txt"
    write_output(target, "über\n")
    assert target.read_text("utf-8") == "über\n"
    assert mode(target) == 0o644
    os.umask(0o077)
    write_output(tmp_path / "private.txt", b"x")
    assert mode(tmp_path / "private.txt") == 0o600


def test_replaced_file_keeps_its_mode_and_no_temporary_remains(
    tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_output(target, "new")
    assert target.read_text() == "new"
    assert mode(target) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_error_inside_the_block_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(ValueError, match="boom"), open_output(target) as out:
        out.write("half")
        raise ValueError("boom")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_symlink_is_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=10)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_device_is_written_through() -> None:
    write_output("/dev/null", "nothing")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_full_device_says_disk_full() -> None:
    with pytest.raises(
        OutputError,
        match=r"^No space left on device while writing /dev/full: free space and retry$",
    ):
        write_output("/dev/full", "x" * 100_000)


def test_missing_parent_directory(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.txt"
    with pytest.raises(
        OutputError, match=r"^cannot write .*out\.txt: directory .*missing does not exist; create"
    ):
        write_output(target, "x")


def test_directory_as_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"is a directory; give a file name$"):
        write_output(tmp_path, "x")


@pytest.mark.parametrize("name", ["new/", "new/."])
def test_a_name_of_a_directory_that_does_not_exist_is_refused(tmp_path: Path, name: str) -> None:
    """``out/new/`` was written as a file named ``new`` (a path drops its trailing /)."""
    target = f"{tmp_path}/{name}"
    with pytest.raises(
        OutputError,
        match=rf"^cannot write {target}: it names a directory, which does not exist; give a "
        "file name$",
    ):
        write_output(target, "x")
    assert list(tmp_path.iterdir()) == []


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputError, match=r"/file is a file, not a directory$"):
        write_output(tmp_path / "file" / "out.txt", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match=r"permission denied; choose a writable path$"):
            write_output(locked / "out.txt", "x")
    finally:
        locked.chmod(0o700)


def test_full_disk_leaves_old_file_and_no_temporary(tiny_fs: Path) -> None:
    target = tiny_fs / "out.txt"
    target.write_text("old")
    with pytest.raises(
        OutputError, match=r"^No space left on device while writing .*out\.txt: free space"
    ):
        write_output(target, "x" * 8_000_000)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tiny_fs.iterdir()) == ["out.txt"]


def test_read_only_file_system(tiny_fs: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True)
    with pytest.raises(OutputError, match=r"read-only file system; choose another path$"):
        write_output(tiny_fs / "out.txt", "x")


def test_dev_stdout_is_written_at_its_offset_not_truncated(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("before\n")
    code = "from ltmt.outputs import write_output; write_output('/dev/stdout', 'after\\n')"
    with open(log, "a") as stdout:
        subprocess.run([sys.executable, "-c", code], stdout=stdout, check=True, timeout=60)
    assert log.read_text() == "before\nafter\n"
    assert stat.S_ISLNK(os.lstat("/dev/stdout").st_mode)
