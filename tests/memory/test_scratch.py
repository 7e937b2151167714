"""What searches keep between calls: a thread's length and signature arrays of a user, brought
up to date after writes by reading only the blocks that changed."""

from __future__ import annotations

from pathlib import Path

import lmdb
import numpy as np
import pytest

from ltmt import Memory
from ltmt.memory import env, postings, rows
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import user_key


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 8 ids, so that a few dozen segments fill several."""
    monkeypatch.setattr(postings, "BLOCK_BITS", 3)
    monkeypatch.setattr(postings, "BLOCK_SIZE", 8)


def _arrays(memory: Memory, txn: lmdb.Transaction, user: str = "u") -> tuple[np.ndarray, ...]:
    """(kept lengths, kept signatures, fresh lengths, fresh signatures) of ``user`` in ``txn``."""
    row = bytes(txn.get(user_key(user)))
    info, cipher = rows.decode_user(row, memory.store.vault, user)
    lens, sigs = memory._scratch.arrays(txn, user, row, cipher, uid=info.uid, signatures=True)
    assert sigs is not None
    fresh_lens = postings.load_lens(txn, info.uid, cipher)
    return lens, sigs, fresh_lens, postings.load_sigs(txn, info.uid, fresh_lens.size, cipher)


def _check(memory: Memory) -> np.ndarray:
    """The kept arrays equal those read afresh; returns the kept signatures."""
    lens, sigs, fresh_lens, fresh_sigs = env.read(memory.store, lambda t: _arrays(memory, t))
    assert np.array_equal(lens, fresh_lens) and np.array_equal(sigs, fresh_sigs)
    return sigs


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("encrypted", [False, True])
def test_a_threads_arrays_follow_adds_and_deletes_in_every_block(
    tmp_path: Path, encrypted: bool
) -> None:
    key = generate_key_file(tmp_path / "store.key") if encrypted else None
    with Memory(tmp_path / "store", key_file=key) as memory:
        ids = [memory.add("u", f"Open file {i}", f"Datei {i} öffnen").id for i in range(20)]
        memory.add("v", "Another user", "Ein anderer Nutzer")
        first = _check(memory)
        memory.add("u", "Close the window", "Fenster schließen")  # read with room for it
        assert np.shares_memory(_check(memory), first)
        for seg_id in (ids[2], ids[11], ids[-1]):  # deleted in the first, second, third block
            memory.delete("u", seg_id)
            assert np.shares_memory(_check(memory), first)  # in place
        memory.import_pairs("u", [(f"Save file {i}", f"Datei {i} speichern") for i in range(40)])
        assert not np.shares_memory(_check(memory), first)  # past the room: a new buffer
        memory.delete_user("u")
        memory.add("u", "Open file 3", "Datei 3 öffnen")  # a new uid: read anew
        _check(memory)


@pytest.mark.usefixtures("small_blocks")
def test_an_older_snapshot_after_a_newer_one_gets_its_own_signatures(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        ids = [memory.add("u", f"Open file {i}", f"Datei {i} öffnen").id for i in range(12)]
        _check(memory)

        def older(txn: lmdb.Transaction) -> None:
            memory.delete("u", ids[3])
            for i in range(20):
                memory.add("u", f"Save file {i}", f"Datei {i} speichern")
            _check(memory)  # the newer snapshot first
            lens, sigs, fresh_lens, fresh_sigs = _arrays(memory, txn)
            assert lens.size == ids[-1] + 1
            assert np.array_equal(lens, fresh_lens) and np.array_equal(sigs, fresh_sigs)
            assert sigs[ids[3]].any()  # deleted after this snapshot began

        env.read(memory.store, older)
        _check(memory)  # and the newer one again


def test_signatures_are_read_again_only_in_blocks_whose_lengths_changed(
    tmp_path: Path, small_blocks: None
) -> None:
    with Memory(tmp_path) as memory:
        ids = [memory.add("u", f"Open file {i}", f"Datei {i} öffnen").id for i in range(20)]

        def update(txn: lmdb.Transaction) -> tuple[np.ndarray, np.ndarray]:
            info, cipher = rows.decode_user(bytes(txn.get(user_key("u"))), memory.store.vault, "u")
            lens = postings.load_lens(txn, info.uid, cipher)
            stale = np.full((lens.size + 4, postings.SIG_BYTES), 7, dtype=np.uint8)
            old_lens = lens.copy()
            old_lens[ids[10]] = 0  # as if that segment of the second block were new
            return postings.updated_sigs(txn, info.uid, stale, old_lens, lens, cipher)

        buffer, sigs = env.read(memory.store, update)
    assert buffer.shape[0] == sigs.shape[0] + 4 and np.shares_memory(buffer, sigs)
    assert (sigs[:8] == 7).all() and (sigs[16:] == 7).all()  # untouched
    assert not (sigs[8:16] == 7).all() and sigs[ids[10]].any()
