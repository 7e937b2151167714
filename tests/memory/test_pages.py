"""The check of data.mdb's pages when a store opens: damage LMDB cannot survive is refused in
one line, and a healthy store (after deletes, encrypted, while another process writes) opens."""

from __future__ import annotations

import multiprocessing
import re
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lmdb
import pytest

from ltmt import Memory
from ltmt.errors import StoreError
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.pages import check_pages

PAGE = 4096


def pairs(n: int, prefix: str = "sentence") -> list[tuple[str, str]]:
    return [(f"{prefix} number {i} of the batch", f"Satz Nummer {i} des Stapels") for i in range(n)]


def main_root(data: bytearray) -> int:
    """The root page of the main tree, as the newest of the two meta pages names it."""
    metas = [struct.unpack_from("<QQ", data, meta + 136) for meta in (0, PAGE)]
    newest = 0 if metas[0][1] > metas[1][1] else PAGE
    return int(struct.unpack_from("<Q", data, newest + 128)[0])


def record_page(data: bytearray) -> int:
    return data.index(b"sentence number 200 of") // PAGE


def zero_leaf(data: bytearray) -> None:
    page = record_page(data)
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)


def zero_root(data: bytearray) -> None:
    page = main_root(data)
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)


def node_outside(data: bytearray) -> None:
    struct.pack_into("<H", data, record_page(data) * PAGE + 16, 0xFFF0)  # its first node


def overflow_headers(data: bytearray) -> None:
    for page in range(2, len(data) // PAGE):
        number, flags = struct.unpack_from("<QxxH", data, page * PAGE)
        if number == page and flags == 0x04:  # an overflow page: lens and sigs blocks
            data[page * PAGE : page * PAGE + 16] = bytes(16)


def truncate(data: bytearray) -> None:
    del data[len(data) // PAGE // 2 * PAGE :]


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (zero_leaf, r"page \d+ of data.mdb is not a leaf page of the main tree"),
        (zero_root, r"page \d+ of data.mdb is not a branch \(height \d\) page of the main tree"),
        (node_outside, r"page \d+ of data.mdb has a node outside it"),
        (overflow_headers, r"page \d+ of data.mdb is not the overflow page that a leaf's value"),
        (truncate, r"data.mdb is truncated: its page \d+, in use, lies beyond its end"),
    ],
)
def test_a_damaged_page_is_refused_when_the_store_opens(
    tmp_path: Path, damage: Callable[[bytearray], None], problem: str
) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("a", pairs(2000))
    data = bytearray((store / "data.mdb").read_bytes())
    damage(data)
    (store / "data.mdb").write_bytes(bytes(data))
    said = (
        rf"memory store {re.escape(str(store))} is damaged: {problem}.*; restore it from a "
        r"backup and run 'ltmt memory check' on it \(README: Restoring a backup\)"
    )
    with pytest.raises(StoreError, match=said):
        Memory(store)
    assert (store / "data.mdb").read_bytes() == data  # nothing written


def test_a_store_whose_last_pages_lmdb_freed_unwritten_opens(tmp_path: Path) -> None:
    """A deleted user left data.mdb shorter than its meta page's last page (LMDB freed the
    pages at its end in the transaction that took them): it was refused as truncated."""
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("w", pairs(300))
        memory.add("w", "one more line", "noch eine Zeile")
        memory.delete_user("w")
        last_page = memory.store.env.info()["last_pgno"]
    assert (store / "data.mdb").stat().st_size < (last_page + 1) * PAGE
    with Memory(store) as memory:
        memory.add("x", "one line", "eine Zeile")
        assert memory.check().segments == 1


def test_an_overflow_run_longer_than_its_value_is_no_damage(tmp_path: Path) -> None:
    """LMDB overwrites a value on overflow pages written in the same transaction in place when
    the run is large enough, keeping the run's page count: a shorter value then spans fewer
    pages than its run (a re-import that moved pairs shrank posting lists so), and the check
    refused the store as damaged ("not the overflow page that a leaf's value needs")."""
    folder = tmp_path / "raw"
    folder.mkdir()
    env = lmdb.open(str(folder), map_size=1 << 24, max_dbs=0)
    with env.begin(write=True) as txn:
        txn.put(b"long", b"x" * (5 * PAGE))
        txn.put(b"long", b"y" * (3 * PAGE))  # the same dirty run of six pages, reused
        txn.put(b"small", b"z")
    with env.begin() as txn:
        assert txn.get(b"long") == b"y" * (3 * PAGE)
    check_pages(env, folder / "data.mdb")
    assert env.stat()["overflow_pages"] == 6
    env.close()


def test_a_store_with_history_and_an_encrypted_one_open(tmp_path: Path) -> None:
    key = generate_key_file(tmp_path / "k")
    for store, key_file in ((tmp_path / "plain", None), (tmp_path / "sealed", key)):
        with Memory(store, key_file=key_file) as memory:
            memory.import_pairs("a", pairs(3000))
            memory.import_pairs("b", pairs(500, "line"))
            for seg_id in range(1, 1500, 3):
                memory.delete("a", seg_id)
            memory.delete_user("b")
        with Memory(store, key_file=key_file) as memory:
            assert memory.check().segments == 2500


def _write_until(store: Path, stop: Any) -> None:
    with Memory(store) as memory:
        round_ = 0
        while not stop.is_set():
            memory.import_pairs("w", pairs(200, f"round {round_}"))
            if round_ % 3 == 2:
                memory.delete_user("w")
            round_ += 1


def test_opening_while_another_process_writes_is_never_refused(tmp_path: Path) -> None:
    """The check reads the pages of its own read transaction's snapshot, which LMDB keeps
    while it reads them, whatever the writer frees and reuses meanwhile."""
    store = tmp_path / "s"
    Memory(store).close()
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    writer = context.Process(target=_write_until, args=(store, stop))
    writer.start()
    try:
        opened, deadline = 0, time.monotonic() + 4.0
        while time.monotonic() < deadline or opened < 20:
            Memory(store).close()
            opened += 1
    finally:
        stop.set()
        writer.join(60)
    assert writer.exitcode == 0


class _GrowsBeforeEachRead:
    """An environment whose every read transaction begins just after a commit that made
    data.mdb longer (another process's import, at the wrong moment)."""

    def __init__(self, environment: lmdb.Environment) -> None:
        self.environment = environment
        self.commits = 0

    def stat(self) -> dict[str, int]:
        return dict(self.environment.stat())

    def begin(self) -> lmdb.Transaction:
        self.commits += 1
        with self.environment.begin(write=True) as txn:
            txn.put(b"grown %d" % self.commits, bytes(64 * PAGE))  # on new overflow pages
        return self.environment.begin()


def test_a_file_grown_between_the_map_and_the_transaction_is_no_truncation(
    tmp_path: Path,
) -> None:
    """The file was mapped before the read transaction began: a commit between the two (a
    process opening a store another was filling) made its pages lie beyond the map's end, and
    the store was refused as truncated."""
    environment = lmdb.open(str(tmp_path), max_dbs=0)
    with environment.begin(write=True) as txn:
        txn.put(b"first", b"value")
    check_pages(_GrowsBeforeEachRead(environment), tmp_path / "data.mdb")  # type: ignore[arg-type]
    environment.close()
