"""The signatures of large memories, held once per Memory and shared by its threads: extended
by the ids added since they were read, untouched by deletes."""

from __future__ import annotations

import threading
from pathlib import Path

import lmdb
import numpy as np
import pytest

from ltmt import Memory
from ltmt.memory import env, postings, rows
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import user_key
from ltmt.memory.signature_rows import SignatureRows


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 8 ids, so that a few dozen segments fill several."""
    monkeypatch.setattr(postings, "BLOCK_BITS", 3)
    monkeypatch.setattr(postings, "BLOCK_SIZE", 8)


def _stored(memory: Memory, user: str = "u") -> np.ndarray:
    """The user's signatures as the store holds them now."""

    def read(txn: lmdb.Transaction) -> np.ndarray:
        info, cipher = rows.decode_user(bytes(txn.get(user_key(user))), memory.store.vault, user)
        lens = postings.load_lens(txn, info.uid, cipher)
        return postings.load_sigs(txn, info.uid, lens.size, cipher)

    return env.read(memory.store, read)


def _searched(memory: Memory, query: str = "Open file") -> SignatureRows:
    """The table after a search (the index's, with its second pass)."""
    memory.search("u", query, k=1)
    table = memory._scratch.signatures.cached("u")
    assert table is not None
    return table


def _memory(path: Path, key_file: Path | None = None) -> Memory:
    return Memory(path, key_file=key_file, scan_max=0)  # every search through the index


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("encrypted", [False, True])
def test_the_table_follows_adds_in_every_block_and_keeps_deleted_rows(
    tmp_path: Path, encrypted: bool
) -> None:
    key = generate_key_file(tmp_path / "store.key") if encrypted else None
    with _memory(tmp_path / "store", key) as memory:
        ids = [memory.add("u", f"Open file {i}", f"Datei {i} öffnen").id for i in range(20)]
        memory.add("v", "Another user", "Ein anderer Nutzer")  # rows after the user's
        first = _searched(memory)
        assert np.array_equal(first.rows, _stored(memory)) and first.end == ids[-1] + 1
        before = _stored(memory)
        memory.delete("u", ids[2])
        memory.delete("u", ids[11])
        assert _searched(memory) is first  # a delete reads nothing
        stored = _stored(memory)
        assert not stored[ids[2]].any() and np.array_equal(first.rows, before)
        memory.import_pairs("u", [(f"Save file {i}", f"Datei {i} speichern") for i in range(30)])
        grown = _searched(memory)
        live = np.ones(grown.end, dtype=bool)
        live[[ids[2], ids[11]]] = False
        assert np.array_equal(grown.rows[live], _stored(memory)[live])
        assert np.array_equal(grown.rows[: first.end], before)
        assert np.array_equal(first.rows, before)  # the older table as it was


@pytest.mark.usefixtures("small_blocks")
def test_a_refresh_writes_past_the_older_tables_view_in_its_buffer(tmp_path: Path) -> None:
    with _memory(tmp_path) as memory:
        for i in range(10):
            memory.add("u", f"Open file {i}", f"Datei {i} öffnen")
        first = _searched(memory)  # read with room to grow
        memory.add("u", "Close the window", "Fenster schließen")
        second = _searched(memory)
        assert np.shares_memory(first.rows, second.rows) and second.end == first.end + 1
        again = first.below(first.end - 3)
        assert not np.shares_memory(again.rows, second.rows) and again.end == first.end - 3
        assert np.array_equal(again.rows, second.rows[: again.end])


def test_threads_share_one_table(tmp_path: Path) -> None:
    with _memory(tmp_path) as memory:
        memory.import_pairs("u", [(f"Open file {i}", f"Datei {i} öffnen") for i in range(50)])
        found: list[SignatureRows] = []

        def search() -> None:
            found.append(_searched(memory, "Open file 7"))

        threads = [threading.Thread(target=search) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert len(found) == 4 and all(table is found[0] for table in found)


@pytest.mark.usefixtures("small_blocks")
def test_rows_are_read_from_the_first_id_on_with_gaps_as_zeros(tmp_path: Path) -> None:
    with _memory(tmp_path) as memory:
        ids = [memory.add("u", f"Open file {i}", f"Datei {i} öffnen").id for i in range(20)]
        stored = _stored(memory)

        def read(txn: lmdb.Transaction, first: int) -> np.ndarray:
            info, cipher = rows.decode_user(bytes(txn.get(user_key("u"))), memory.store.vault, "u")
            return postings.sig_rows_from(txn, info.uid, first, cipher)

        for first in (1, 7, 8, 9, ids[-1], ids[-1] + 1, 99):
            assert np.array_equal(
                env.read(memory.store, lambda t, f=first: read(t, f)), stored[first:]
            )


def test_a_refresh_with_nothing_new_opens_no_block_of_an_encrypted_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.memory.crypto import UserCipher

    with _memory(tmp_path / "store", generate_key_file(tmp_path / "store.key")) as memory:
        memory.import_pairs("u", [(f"Open file {i}", f"Datei {i} öffnen") for i in range(50)])
        table = _searched(memory)
        opened: list[bytes] = []
        real_open = UserCipher.open

        def counting_open(self: UserCipher, data: bytes, aad: bytes) -> bytes:
            opened.append(bytes(aad[:1]))
            return real_open(self, data, aad)

        monkeypatch.setattr(UserCipher, "open", counting_open)
        assert _searched(memory, "Open file 9") is table
        assert b"h" not in opened  # the signatures' blocks (table h): none was opened
        memory.add("u", "Close the window", "Fenster schließen")
        assert _searched(memory).end == table.end + 1 and b"h" in opened
