"""How many file translations each user may have running at once on a server (``ltmt serve
--files-per-user``): one user's uploads each take one of the server's threads for as long as
the file takes, so a user who sends many at once left the others waiting behind them. A user
over the limit is answered 429 with ``Retry-After`` at once, the file not translated.

A slot is a lock file in the folder ``file-slots`` of the store's ``limits`` folder
(:mod:`ltmt.server.shared_limits`), so the limit holds across the worker processes of
``--workers N``, not in each. Deleting a user removes its slots' files
(:func:`ltmt.server.accounts.delete_user`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ltmt.memory.files import DIR_MODE
from ltmt.server.shared_limits import LimitNames, try_lock

FOLDER = "file-slots"  # in the store's limits folder

RETRY_AFTER_S = 5  # what a 429 tells a user over the limit to wait


class FileSlots:
    """Per-user slots for file translations, ``per_user`` each, as lock files in ``folder``
    (made if missing; a user's slot ``i``: ``<the user named by names>.slot<i>``)."""

    def __init__(self, per_user: int, folder: Path, names: LimitNames) -> None:
        self.per_user = per_user
        self.folder = folder
        self.names = names
        folder.mkdir(mode=DIR_MODE, exist_ok=True)

    @contextmanager
    def taken(self, user: str) -> Iterator[bool]:
        """Take one of ``user``'s slots for the block: yields True, or False (nothing taken)
        when all of them are in use, in this process or another."""
        name = self.names.of(user)
        held = None
        for slot in range(self.per_user):
            held = try_lock(self.folder / f"{name}.slot{slot}")
            if held is not None:
                break
        try:
            yield held is not None
        finally:
            if held is not None:
                os.close(held)  # closing releases the lock


def remove_slots(folder: Path, names: LimitNames, user: str) -> None:
    """Remove the files of ``user``'s slots in ``folder``: its user is deleted, and they would
    stay for good (a slot given back keeps its file for the next).

    A slot still held by a file translation of the user stays held: its lock is on the open
    file, not on its name."""
    for slot in folder.glob(f"{names.of(user)}.slot*"):
        slot.unlink(missing_ok=True)
