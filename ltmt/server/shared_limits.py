"""The limits every worker process of ``ltmt serve --workers N`` enforces together.

The wrong-key limit (:class:`~ltmt.server.auth.FailureLimiter`) and the file translations a
user may run at once (:class:`~ltmt.server.file_slots.FileSlots`) were counted in each process's
memory: with two workers an address had 38 wrong keys a minute before its 429, and a user two
files at once. Their counts now live in the folder ``limits`` of the memory store's directory
(mode 0700, beside ``downloads``), which every worker sees, under ``flock`` locks as the store's
own maintenance locks are: a lock is released by the kernel when its process dies, so a crashed
worker leaves no slot taken. Users and addresses are named there by a hash, not as they are.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ltmt.memory.files import DIR_MODE, FILE_MODE

FOLDER = "limits"


def limits_folder(store: Path) -> Path:
    """The folder of the shared limits of the store at ``store`` (made if missing)."""
    folder = store / FOLDER
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    return folder


def hashed(name: str) -> str:
    """A file name for ``name`` (a user, an address) that does not show it."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def open_lock_file(path: Path) -> int:
    """A descriptor of the file at ``path`` (made, private, if missing), to lock or read."""
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)


@contextmanager
def locked(path: Path) -> Iterator[int]:
    """The file at ``path`` opened and locked (exclusively) for the block, waiting for another
    process's lock: its descriptor."""
    fd = open_lock_file(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def try_lock(path: Path) -> int | None:
    """The descriptor of the file at ``path`` locked exclusively, or None (nothing held) when
    another holds its lock: close the descriptor to release it."""
    fd = open_lock_file(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd
