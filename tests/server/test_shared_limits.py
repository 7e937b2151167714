"""The store's ``limits`` folder: users and addresses named by a keyed hash that every worker
process shares, and the files named by a plain SHA-256 before it removed."""

from __future__ import annotations

import hashlib
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ltmt.errors import StoreError
from ltmt.server.shared_limits import SECRET_FILE, limit_names, limits_folder

NAMING = "from pathlib import Path; from ltmt.server.shared_limits import limit_names; "


def plain_sha256(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:32]


@pytest.mark.parametrize("name", ["127.0.0.1", "clinic-alpha"])
def test_a_name_is_not_the_plain_sha256_that_a_guess_undoes(tmp_path: Path, name: str) -> None:
    """`auth-failures.json` held sha256("127.0.0.1")[:32]: every IPv4 address can be hashed
    in minutes, and user ids guessed from a list."""
    for store in ("a", "b"):
        (tmp_path / store).mkdir()
    names = limit_names(limits_folder(tmp_path / "a"), None)
    other_store = limit_names(limits_folder(tmp_path / "b"), None)
    assert names.of(name) != plain_sha256(name)
    assert other_store.of(name) != names.of(name)
    assert len(names.of(name)) == 32


def test_the_secret_of_a_plain_store_is_a_private_file(tmp_path: Path) -> None:
    limit_names(limits_folder(tmp_path), None)
    secret = tmp_path / "limits" / SECRET_FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert len(secret.read_bytes()) == 32


def test_every_process_on_a_store_names_alike(tmp_path: Path) -> None:
    """The workers of --workers N each start with no secret file: they must all end up with
    the same names, or the wrong-key and file limits are counted per worker again."""
    folder = limits_folder(tmp_path)
    code = NAMING + f"print(limit_names(Path({str(folder)!r}), None).of('127.0.0.1'))"
    workers = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    named = {worker.communicate(timeout=60)[0].strip() for worker in workers}
    assert named == {limit_names(folder, None).of("127.0.0.1")}


def test_workers_that_make_the_secret_at_once_use_the_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each saw no secret file and made one: the later ones read the first one back."""
    folder = limits_folder(tmp_path)
    monkeypatch.setattr(Path, "exists", lambda self: False)  # none has seen another's file
    first, second = limit_names(folder, None), limit_names(folder, None)
    assert first.of("clinic-alpha") == second.of("clinic-alpha")
    assert sorted(path.name for path in folder.iterdir()) == [SECRET_FILE]  # no file left over


def test_an_encrypted_store_derives_its_names_from_the_store_key(tmp_path: Path) -> None:
    folder = limits_folder(tmp_path)
    names = limit_names(folder, b"k" * 32)
    assert names.of("clinic-alpha") == limit_names(folder, b"k" * 32).of("clinic-alpha")
    assert names.of("clinic-alpha") != limit_names(folder, b"j" * 32).of("clinic-alpha")
    assert not (folder / SECRET_FILE).exists()  # nothing beside the store to steal


def test_a_damaged_secret_file_says_to_delete_it(tmp_path: Path) -> None:
    folder = limits_folder(tmp_path)
    (folder / SECRET_FILE).write_bytes(b"short")
    with pytest.raises(StoreError, match="is not a secret of 32 bytes; delete it"):
        limit_names(folder, None)


def test_the_files_named_by_a_plain_sha256_are_removed(tmp_path: Path) -> None:
    """They only counted the last minutes, nothing reads them, and their names give the
    addresses and users away."""
    folder = limits_folder(tmp_path)
    unkeyed = [folder / "auth-failures.json", folder / f"{plain_sha256('clinic-alpha')}.slot0"]
    for path in unkeyed:
        path.write_text("{}")
    (folder / "auth-locked").mkdir()
    (folder / "auth-locked" / plain_sha256("127.0.0.1")).touch()
    limit_names(folder, None)
    (folder / "key-failures.json").write_text("{}")
    limits_folder(tmp_path)  # the next start
    assert sorted(path.name for path in folder.iterdir()) == ["key-failures.json", SECRET_FILE]


@pytest.mark.parametrize("made_before", [False, True])
def test_a_store_on_a_read_only_file_system_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, made_before: bool
) -> None:
    """``ltmt serve`` on a read-only mount ended in a traceback of the folder's mkdir; where
    the folder was there already, it started, and refused every upload and counted no key."""
    from ltmt.server import shared_limits

    if made_before:
        limits_folder(tmp_path)
    monkeypatch.setattr(shared_limits, "on_read_only_file_system", lambda path: True)
    with pytest.raises(
        StoreError,
        match=r"^memory store .+ is on a read-only file system: it can be read, not changed, "
        r"and a server keeps its limits in it \(limits/\); remount it read-write or serve a "
        r"copy of the store$",
    ):
        limits_folder(tmp_path)
