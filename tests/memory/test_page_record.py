"""The record of a passed page check: an unchanged store opens without the walk, and any change
to data.mdb (a write, bytes changed with or without its mtime put back, another file) or a
record that does not match makes the next open walk all of it again."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt import Memory, paths
from ltmt.errors import StoreError
from ltmt.memory import page_record, pages
from ltmt.memory.crypto import generate_key_file

PAGE = 4096


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data files whose pages were walked, in order; and every file counts as settled (a
    test's file is seconds old at most)."""
    walked: list[Path] = []
    walk = pages.check_pages

    def counted(environment: object, data_file: Path) -> pages.Snapshot:
        walked.append(data_file)
        return walk(environment, data_file)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "check_pages", counted)
    monkeypatch.setattr(page_record, "SETTLED_NS", 0)
    return walked


def pairs(n: int) -> list[tuple[str, str]]:
    return [(f"sentence number {i} of the batch", f"Satz Nummer {i} des Stapels") for i in range(n)]


def zero_leaf(data: bytearray) -> None:
    page = data.index(b"sentence number 200 of") // PAGE
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)


def stored(store: Path, key_file: Path | None = None) -> Path:
    with Memory(store, key_file=key_file) as memory:
        memory.import_pairs("a", pairs(2000))
    return store


def open_and_close(store: Path, key_file: Path | None = None) -> None:
    Memory(store, key_file=key_file).close()


def new_tick() -> None:
    """Let the file system's clock move on: a change in the tick of the recorded one would
    keep its times (what SETTLED_NS, set to 0 here, guards against)."""
    time.sleep(0.02)


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_second_open_of_an_unchanged_store_does_not_walk_its_pages(
    tmp_path: Path, walks: list[Path], encrypted: bool
) -> None:
    key_file = generate_key_file(tmp_path / "k") if encrypted else None
    store = stored(tmp_path / "s", key_file)
    walks.clear()
    open_and_close(store, key_file)
    open_and_close(store, key_file)
    open_and_close(store, key_file)
    assert walks == [store / "data.mdb"]
    assert (store / page_record.RECORD_FILE).stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in store.iterdir()) == sorted(
        ["data.mdb", "lock.mdb", page_record.RECORD_FILE] + (["keyring"] if encrypted else [])
    )


def write(store: Path) -> None:
    with Memory(store) as memory:
        memory.add("a", "one more line", "noch eine Zeile")


def compact(store: Path) -> None:
    with Memory(store) as memory:
        memory.compact()


def touch(store: Path) -> None:
    os.utime(store / "data.mdb")


@pytest.mark.parametrize("change", [write, compact, touch])
def test_a_changed_store_is_walked_again_at_its_next_open(
    tmp_path: Path, walks: list[Path], change: Callable[[Path], None]
) -> None:
    store = stored(tmp_path / "s")
    open_and_close(store)
    new_tick()
    change(store)
    walks.clear()
    open_and_close(store)
    assert walks, "the changed store opened without a walk"
    walks.clear()
    open_and_close(store)
    assert not walks, "the walk that passed was not recorded"


def damaged(store: Path, *, mtime_put_back: bool) -> None:
    data_file = store / "data.mdb"
    before = data_file.stat()
    data = bytearray(data_file.read_bytes())
    zero_leaf(data)
    with open(data_file, "r+b") as handle:  # in place: the same inode and size
        handle.write(data)
    if mtime_put_back:
        os.utime(data_file, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize("mtime_put_back", [False, True])
def test_bytes_changed_after_a_passed_check_are_found_at_the_next_open(
    tmp_path: Path, walks: list[Path], mtime_put_back: bool
) -> None:
    """Putting the mtime back (os.utime) sets the ctime, which the record holds too."""
    store = stored(tmp_path / "s")
    open_and_close(store)
    assert (store / page_record.RECORD_FILE).exists()
    new_tick()
    damaged(store, mtime_put_back=mtime_put_back)
    with pytest.raises(StoreError, match=r"is damaged: page \d+ of data.mdb is not a leaf page"):
        Memory(store)


def same_but(field: str) -> Callable[[Path], None]:
    def change(record: Path) -> None:
        fields = json.loads(record.read_text())
        fields[field] += 1
        record.write_text(json.dumps(fields))

    return change


@pytest.mark.parametrize(
    "garble",
    [
        lambda record: record.write_bytes(b"\x00\xff not json"),
        lambda record: record.write_bytes(b""),
        lambda record: record.write_text("[1, 2, 3]"),
        lambda record: record.write_text(record.read_text()[:-5]),
        lambda record: record.write_text(" " * 5000 + record.read_text()),
        same_but("txn_id"),
        same_but("inode"),
        same_but("ctime_ns"),
        same_but("format"),
    ],
)
def test_a_record_that_does_not_match_is_walked_past(
    tmp_path: Path, walks: list[Path], garble: Callable[[Path], None]
) -> None:
    store = stored(tmp_path / "s")
    open_and_close(store)
    garble(store / page_record.RECORD_FILE)
    walks.clear()
    open_and_close(store)
    assert walks == [store / "data.mdb"]


def test_a_fresh_data_file_is_not_recorded(tmp_path: Path) -> None:
    """A file written under SETTLED_NS ago might change again within its time's tick."""
    store = stored(tmp_path / "s")
    open_and_close(store)
    assert not (store / page_record.RECORD_FILE).exists()


def test_a_store_whose_folder_cannot_be_written_walks_at_every_open(
    tmp_path: Path, walks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths.tempfile, "mkstemp", refused)  # the record's temporary file
    store = stored(tmp_path / "s")
    walks.clear()
    open_and_close(store)
    open_and_close(store)
    assert len(walks) == 2
    assert not (store / page_record.RECORD_FILE).exists()


def test_a_failed_record_write_leaves_no_file_behind(
    tmp_path: Path, walks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paths.os, "replace", refused)
    store = stored(tmp_path / "s")
    open_and_close(store)
    assert sorted(p.name for p in store.iterdir()) == ["data.mdb", "lock.mdb"]


def test_memory_check_walks_pages_the_record_would_skip(tmp_path: Path, walks: list[Path]) -> None:
    """Damage the file system did not see (a failing disk), faked by a record made to match
    the damaged file: opens skip the walk, and 'ltmt memory check' finds the damage."""
    store = stored(tmp_path / "s")
    open_and_close(store)
    record = store / page_record.RECORD_FILE
    fields = json.loads(record.read_text())
    damaged(store, mtime_put_back=False)
    seen = (store / "data.mdb").stat()
    fields.update(size=seen.st_size, mtime_ns=seen.st_mtime_ns, ctime_ns=seen.st_ctime_ns)
    record.write_text(json.dumps(fields))
    said = (
        rf"memory store {re.escape(str(store))} is damaged: page \d+ of data.mdb is not a leaf "
        r"page of the main tree; restore it from a backup"
    )
    with Memory(store) as memory, pytest.raises(StoreError, match=said):
        memory.check()
