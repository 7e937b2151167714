"""The store's files on disk: private modes, free space, and an intact ``data.mdb``.

LMDB maps its files into memory, and a mapped file that is shorter than LMDB expects, or whose
blocks cannot be allocated on a full disk, ends the process with SIGBUS instead of an error.
So before LMDB opens a store: a ``data.mdb`` without its two meta pages is refused (the pages
in use, :mod:`.pages` checks once it is open), a new store needs free space, and ``lock.mdb``
is allocated for real.

A new store's ``data.mdb`` is empty, then short, until LMDB has written its meta pages, and
that happens inside LMDB's open, after the check: a process that opens a store while another
makes it checks under the store's creation lock (:func:`checked_data_file`), so that it never
refuses a file another process is still writing.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import lmdb

from ltmt.errors import StoreError
from ltmt.memory.layout import DATA_FILE

MIN_FREE_BYTES = 1 << 20  # a store is not created, nor its map grown, with less free disk
MAX_READERS = 512
LOCK_FILE_BYTES = 192 + 64 * (MAX_READERS - 1)  # what LMDB makes lock.mdb for MAX_READERS
DIR_MODE, FILE_MODE = 0o700, 0o600  # private data, like ~/.ssh
LMDB_MAGIC = 0xBEEFC0DE  # mm_magic, after page 0's 16-byte header
LMDB_HEAD = struct.Struct("<16xI20xI")  # page 0: mm_magic; the free-page tree's md_pad (page size)


def sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def disk_error(exc: OSError | lmdb.Error, path: Path) -> StoreError | None:
    """The "disk full" StoreError when ``exc`` came from a full disk, else None.

    LMDB reports a failed write at commit as EIO on some file systems, so a write error on a
    disk with less than :data:`MIN_FREE_BYTES` free counts as a full disk too.
    """
    code = getattr(exc, "errno", None)
    full = code in (errno.ENOSPC, errno.EDQUOT) or "No space left" in str(exc)
    if not full and (code == errno.EIO or "Input/output error" in str(exc)):
        full = free_bytes(path) < MIN_FREE_BYTES
    return disk_full(path) if full else None


def disk_full(path: Path, needed: int = 0) -> StoreError:
    """The one-line error for a full disk under memory store ``path``."""
    about = f"about {needed >> 20} MiB are needed; " if needed else ""
    return StoreError(
        f"No space left on device while writing memory store {path}: {about}free space and "
        "retry (nothing of the failed write was stored)"
    )


def read_only(path: Path) -> StoreError:
    """The one-line error for a write to memory store ``path`` on a read-only file system."""
    return StoreError(
        f"memory store {path} is on a read-only file system: it can be read, not changed; "
        "remount it read-write or work on a copy of the store"
    )


def refused_write(exc: OSError, path: Path) -> StoreError | None:
    """The StoreError for a write under memory store ``path`` that its disk refused: full
    (:func:`disk_error`) or read-only (:func:`read_only`); None for any other error."""
    if exc.errno == errno.EROFS:
        return read_only(path)
    return disk_error(exc, path)


def require_free(path: Path, needed: int = MIN_FREE_BYTES) -> None:
    """Raise :func:`disk_full` unless ``needed`` bytes are free where ``path`` is."""
    if free_bytes(path) < needed:
        raise disk_full(path, needed if needed > MIN_FREE_BYTES else 0)


def free_bytes(path: Path) -> int:
    """Free bytes on the file system of ``path`` (or of its nearest existing parent)."""
    for candidate in (path, *path.parents):
        try:
            return int(shutil.disk_usage(candidate).free)
        except OSError:
            continue
    return 0


def check_data_file(path: Path) -> None:
    """Refuse a ``data.mdb`` that is empty, is not LMDB's, or is too short for its two meta
    pages (LMDB reads them through its map: a file without them is a SIGBUS).

    Its other pages are not compared with the meta page's last page: LMDB may free pages at
    the end of the file in the transaction that took them, and never write them (a deleted
    user left such a file, refused as truncated). Whether the pages in use lie inside the file
    is checked when the store opens (:mod:`.pages`).
    """
    data_file = path / DATA_FILE
    try:
        size = data_file.stat().st_size
        with open(data_file, "rb") as handle:
            head = handle.read(LMDB_HEAD.size)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot read memory store {data_file}: {exc.strerror}") from exc
    if not head:
        raise StoreError(f"{data_file} is empty: restore the store from a backup")
    magic, page_size = LMDB_HEAD.unpack(head) if len(head) == LMDB_HEAD.size else (0, 0)
    if magic != LMDB_MAGIC:
        raise StoreError(f"{data_file} is not an LMDB file (bad header): restore a backup")
    if size < 2 * page_size:
        raise StoreError(
            f"{data_file} is truncated ({size} bytes, shorter than its two {page_size}-byte "
            "meta pages): restore the store from a backup"
        )


@contextmanager
def checked_data_file(path: Path) -> Iterator[None]:
    """Check ``data.mdb`` (:func:`check_data_file`) for the open that follows, in the ``with``
    block. A store without one, or whose check fails, is (or may be being) made: its check
    and its open then hold the store's creation lock, which a maker holds until LMDB has
    written the file's meta pages. (Six processes adding to one new store at once: one was
    refused as "data.mdb is empty" while another's LMDB was making it.)"""
    if _passes_check(path):
        yield
        return
    with _creation_lock(path):
        check_data_file(path)
        yield


def _passes_check(path: Path) -> bool:
    """Whether ``path`` has a ``data.mdb`` that :func:`check_data_file` passes."""
    if not (path / DATA_FILE).exists():
        return False
    try:
        check_data_file(path)
    except StoreError:
        return False
    return True


@contextmanager
def _creation_lock(path: Path) -> Iterator[None]:
    """The store directory ``path`` held exclusively (``flock``; released when the process
    ends, however it ends)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise StoreError(f"cannot open memory store {path}: {exc.strerror}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def prepare_files(path: Path) -> None:
    """Check the disk before a store is created, and allocate a new ``lock.mdb`` for real.

    LMDB maps a sparse lock file and writes into the map: on a full disk that is a SIGBUS,
    so the file's blocks are allocated first, where a full disk is an error.
    """
    if not (path / DATA_FILE).exists():
        require_free(path)
    lock_file = path / "lock.mdb"
    if lock_file.exists():
        return
    try:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise StoreError(f"cannot create {lock_file}: {exc.strerror}") from exc
    try:
        os.posix_fallocate(fd, 0, LOCK_FILE_BYTES)
    except OSError as exc:
        os.close(fd)
        lock_file.unlink(missing_ok=True)
        raise disk_error(exc, path) or StoreError(
            f"cannot create {lock_file}: {exc.strerror}"
        ) from exc
    os.close(fd)


def tighten_modes(path: Path) -> None:
    """Best effort: the store directory 0700 and its files 0600 (a store of an older ltmt)."""
    for item, mode in (
        (path, DIR_MODE),
        *((path / n, FILE_MODE) for n in (DATA_FILE, "lock.mdb")),
    ):
        try:
            if item.stat().st_mode & 0o077:
                item.chmod(mode)
        except OSError:
            continue
