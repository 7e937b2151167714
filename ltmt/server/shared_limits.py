"""The limits every worker process of ``ltmt serve --workers N`` enforces together.

The wrong-key limit (:class:`~ltmt.server.auth.FailureLimiter`) and the file translations a
user may run at once (:class:`~ltmt.server.file_slots.FileSlots`) were counted in each process's
memory: with two workers an address had 38 wrong keys a minute before its 429, and a user two
files at once. Their counts now live in the folder ``limits`` of the memory store's directory
(mode 0700, beside ``downloads``), which every worker sees, under ``flock`` locks as the store's
own maintenance locks are: a lock is released by the kernel when its process dies, so a crashed
worker leaves no slot taken.

Users and addresses are named there by a keyed hash (:class:`LimitNames`), not as they are. An
unkeyed SHA-256 named them before, which anyone who could read the folder undid by hashing
every IPv4 address (minutes) or a list of likely user ids. The key is the store's: derived from
the store key for an encrypted store, else a random secret in the file ``names.key`` of the
folder, made once by whichever worker comes first and read by all, so that they all name an
address or a user alike. The files named the unkeyed way are removed when a server starts
(:func:`limits_folder`); they only counted the last minutes.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ltmt.errors import StoreError
from ltmt.memory.crypto import derive_key
from ltmt.memory.files import DIR_MODE, FILE_MODE
from ltmt.paths import link_new_secret, on_read_only_file_system

FOLDER = "limits"
SECRET_FILE = "names.key"  # a plain store's key of the names (an encrypted store derives it)
SECRET_BYTES = 32
UNKEYED = ("auth-failures.json", "auth-locked", "*.slot[0-9]*")  # named by a plain SHA-256


class LimitNames:
    """File names for users and addresses, keyed with ``secret`` so that they cannot be undone
    by hashing guesses: every process with the same secret names a user or address alike."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def of(self, name: str) -> str:
        """The file name of ``name`` (a user, an address): 32 hex digits of keyed BLAKE2b."""
        data = name.encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, key=self._secret, digest_size=16).hexdigest()


def limits_folder(store: Path) -> Path:
    """The folder of the shared limits of the store at ``store``: made if missing, and rid of
    the files an earlier version named by an unkeyed hash.

    A server writes there on every wrong key and every file translation, so a store on a
    read-only file system is refused here, before the server starts, in one line: served, it
    would answer every upload with a 503 and count no wrong key."""
    if on_read_only_file_system(store):
        raise StoreError(
            f"memory store {store} is on a read-only file system: it can be read, not changed, "
            f"and a server keeps its limits in it ({FOLDER}/); remount it read-write or serve "
            "a copy of the store"
        )
    folder = store / FOLDER
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    remove_unkeyed(folder)
    return folder


def remove_unkeyed(folder: Path) -> None:
    """Remove the counts and slots of ``folder`` that name users and addresses by a plain
    SHA-256 (before :class:`LimitNames`): nothing reads them, and their names give them away.
    Several workers may do it at once, so what another removed first is not an error."""
    for pattern in UNKEYED:
        for path in folder.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def limit_names(folder: Path, store_key: bytes | None) -> LimitNames:
    """The names of the limits in ``folder`` (:func:`limits_folder`) of a store whose key is
    ``store_key``: derived from it, or (a plain store, None) from the folder's secret file."""
    if store_key is not None:
        return LimitNames(derive_key(store_key, b"limit names"))
    return LimitNames(_secret(folder / SECRET_FILE))


def _secret(path: Path) -> bytes:
    """The secret in the file ``path``, made (random, mode 0600) if there is none yet.

    Workers starting at once may each make one: each writes its own to a file of its own and
    links it to ``path``, which only the first link does (a link never replaces a file, and the
    secret is whole before it has the name), so every worker reads back the same one."""
    if not path.exists():
        link_new_secret(path, SECRET_BYTES)
    secret = path.read_bytes()
    if len(secret) != SECRET_BYTES:
        raise StoreError(
            f"{path} is not a secret of {SECRET_BYTES} bytes; delete it (the wrong-key and "
            "file limits start their counts over) and start the server again"
        )
    return secret


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
