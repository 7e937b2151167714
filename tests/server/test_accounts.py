"""Deleting a user: memory, downloads and API keys, one function for the CLI and the admin API."""

from __future__ import annotations

from pathlib import Path

from ltmt.memory.keys import KeyRing
from ltmt.memory.store import DeletedUser, Memory
from ltmt.server.accounts import DeletedAccount, delete_user
from ltmt.server.downloads import FOLDER, Download, Downloads


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
