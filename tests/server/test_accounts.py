"""Deleting a user: memory, downloads and API keys, one function for the CLI and the admin API."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.memory.crypto import generate_key_file
from ltmt.memory.keys import KeyRing
from ltmt.memory.store import DeletedUser, Memory
from ltmt.server.accounts import DeletedAccount, delete_user
from ltmt.server.downloads import FOLDER, Download, Downloads
from ltmt.server.file_slots import FOLDER as SLOTS
from ltmt.server.file_slots import FileSlots
from ltmt.server.shared_limits import limit_names, limits_folder


def test_a_deleted_users_keys_memory_and_downloads_go_and_others_stay(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.add("ann", "Push", "Pushen")
        keys = KeyRing(memory)
        _, token = keys.create("ann")
        keys.create("bob")
        downloads = Downloads(tmp_path / FOLDER, memory.store.key)
        waiting = downloads.put(Download("ann", "a.txt", "text/plain", b"Pushen\n"))
        deleted = delete_user(memory, "ann")
        assert deleted == DeletedAccount(DeletedUser(segments=1, terms=0), revoked=1, downloads=1)
        assert keys.verify(token) is None and downloads.get(waiting) is None
        assert memory.users() == [] and [key.user for key in keys.list()] == ["bob"]


def test_a_user_with_a_key_and_no_memory_yet(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        KeyRing(memory).create("newcomer")
        deleted = delete_user(memory, "newcomer")
    assert (deleted.memory, deleted.segments, deleted.revoked) == (None, 0, 1)


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_deleted_users_slot_files_go_and_others_stay(tmp_path: Path, encrypted: bool) -> None:
    """A user's file-translation slots stayed in the store's limits folder, named by the
    user's hash, after the user was deleted."""
    key_file = generate_key_file(tmp_path / "store.key") if encrypted else None
    with Memory(tmp_path / "store", key_file=key_file) as memory:
        limits = limits_folder(memory.store.path)
        names = limit_names(limits, memory.store.key)
        slots = FileSlots(2, limits / SLOTS, names)
        with slots.taken("ann"), slots.taken("ann"), slots.taken("bob"):
            pass
        KeyRing(memory).create("ann")
        delete_user(memory, "ann")
    left = sorted(path.name for path in (limits / SLOTS).iterdir())
    assert left == [f"{names.of('bob')}.slot0"]


def test_deleting_a_user_of_a_store_never_served_makes_no_limits_folder(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        KeyRing(memory).create("ann")
        delete_user(memory, "ann")
    assert not (tmp_path / "limits").exists()
