"""Deleting a user: its memory, its translated files waiting for their download, its API keys
and the files of its file-translation slots (:mod:`ltmt.server.file_slots`).

``ltmt memory delete --user NAME --yes`` and the admin's ``DELETE /v1/admin/users/NAME`` both
call :func:`delete_user`, so that neither leaves a deleted customer's token valid (the command
line's delete did, and the token could start a new memory). A user's own ``DELETE /v1/memory``
empties its memory and keeps its keys (:meth:`ltmt.server.service.Service.forget`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ltmt.memory.keys import KeyRing
from ltmt.memory.store import DeletedUser, Memory
from ltmt.server import file_slots, shared_limits
from ltmt.server.downloads import FOLDER, Downloads


@dataclass(frozen=True)
class DeletedAccount:
    """What :func:`delete_user` removed: the user's ``memory`` (None: it had none, a key
    only), how many API keys it ``revoked`` and how many ``downloads`` waited."""

    memory: DeletedUser | None
    revoked: int
    downloads: int

    @property
    def segments(self) -> int:
        return self.memory.segments if self.memory is not None else 0

    @property
    def terms(self) -> int:
        return self.memory.terms if self.memory is not None else 0


def delete_user(memory: Memory, user: str, downloads: Downloads | None = None) -> DeletedAccount:
    """Revoke ``user``'s API keys, then delete its memory (:meth:`Memory.delete_user`) and its
    translated files waiting in ``downloads`` (default: the store's download folder), and the
    files of its slots. The keys go first: a token still valid could otherwise store a new
    memory after the delete."""
    revoked = KeyRing(memory).revoke_user(user)
    deleted = memory.delete_user(user)
    if downloads is None:
        downloads = Downloads(memory.store.path / FOLDER, memory.store.key)
    forgotten = downloads.forget_user(user)
    _remove_slots(memory, user)
    return DeletedAccount(deleted, revoked, forgotten)


def _remove_slots(memory: Memory, user: str) -> None:
    """Remove ``user``'s file-translation slots, if a server ever gave the store any."""
    limits = memory.store.path / shared_limits.FOLDER
    slots = limits / file_slots.FOLDER
    if slots.is_dir():
        names = shared_limits.limit_names(limits, memory.store.key)
        file_slots.remove_slots(slots, names, user)
