"""What names a memory store in the caches of its users: its id, kept in the store."""

from __future__ import annotations

from pathlib import Path

import lmdb

from ltmt.memory.cached_traces import store_identity
from ltmt.memory.layout import STORE_ID_KEY
from ltmt.memory.store import Memory


def test_a_stores_identity_is_the_same_through_a_link_and_after_a_move(tmp_path: Path) -> None:
    with Memory(tmp_path / "p1") as memory:
        made = store_identity(memory.store)
    assert made is not None and len(made) == 32
    (tmp_path / "link").symlink_to(tmp_path / "p1")
    with Memory(tmp_path / "link") as linked:
        assert store_identity(linked.store) == made
    (tmp_path / "p1").rename(tmp_path / "p2")
    with Memory(tmp_path / "p2") as moved:
        assert store_identity(moved.store) == made
    with Memory(tmp_path / "other") as other:
        assert store_identity(other.store) != made


def test_a_store_of_before_ids_is_given_one_at_its_first_write_only(tmp_path: Path) -> None:
    """A store written before ids has none (its caches are named by the user alone, as then)
    until its first write gives it one, kept from then on."""
    with Memory(tmp_path / "old") as memory:
        memory.add("ann", "Hi.", "Hallo.")
    with lmdb.open(str(tmp_path / "old"), max_dbs=0) as old, old.begin(write=True) as txn:
        txn.delete(STORE_ID_KEY)
    with Memory(tmp_path / "old") as memory:
        assert memory.users() and store_identity(memory.store) is None
        memory.add("ann", "Bye.", "Tschüss.")
        given = store_identity(memory.store)
    assert given is not None
    with Memory(tmp_path / "old") as memory:
        assert store_identity(memory.store) == given
