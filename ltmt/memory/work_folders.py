"""Private folders for the plaintext files a store's users hand over or take away: a server's
uploads (documents to translate, memory files and glossaries to import) and the scratch copy of
an export are written to files, as the format readers and writers work on paths.

They go under the store's own folder (``tmp``, mode 0700 like the store: never the system's
``$TMPDIR``, which others may read and nothing ever cleans), one new folder per use
(:func:`work_folder`), removed when the use ends. A process killed meanwhile (``kill -9``, a
crash, a power cut) cannot remove its folder, so the next process that opens the store removes
what dead processes left (:func:`remove_leftovers`). A folder is known to be in use by the lock
its owner holds on it (``flock``: the kernel lets it go when the process ends, however it ends,
and it is seen across containers that share the store, where process ids are not). A folder is
made and locked while its maker holds :data:`LOCK_FILE` shared, and leftovers are looked for
while it is held alone, so a folder is never taken for a leftover between its making and its
locking. A store this process may not write has its folders made elsewhere (:func:`work_folder`).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ltmt.memory.files import DIR_MODE, FILE_MODE
from ltmt.paths import on_read_only_file_system

logger = logging.getLogger(__name__)

FOLDER = "tmp"
LOCK_FILE = ".lock"  # in FOLDER
# what making a folder in a store raises where this process may not write it
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


@contextmanager
def work_folder(store: Path, elsewhere: Path | None = None) -> Iterator[Path]:
    """A new, empty folder (mode 0700) under ``store``'s :data:`FOLDER`, held by this process
    and removed with all it holds when the block ends, by an error too.

    A store this process may not write (a read-only mount, a folder of another user's: it may
    still be read, exported, translated with) gets its folder in ``elsewhere`` instead (the
    output's folder), or the system's temporary folder: mode 0700 as well, removed as well, but
    there a killed process's folder is left for its user to remove (a warning says where).
    """
    made = _made_in_store(store)
    if made is None:
        with _outside_store(store, elsewhere) as folder:
            yield folder
        return
    folder, fd = made
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)


def _made_in_store(store: Path) -> tuple[Path, int] | None:
    """A new folder under ``store``'s :data:`FOLDER` and a descriptor holding it locked, or None
    where this process may not write the store."""
    if on_read_only_file_system(store):
        return None
    root = store / FOLDER
    try:
        root.mkdir(mode=DIR_MODE, exist_ok=True)
        with _folders_locked(root, fcntl.LOCK_SH):
            folder = Path(tempfile.mkdtemp(dir=root))  # mode 0700, a name of its own
            fd = _open_folder(folder)
            fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        if exc.errno not in _NOT_WRITABLE:
            raise
        return None
    return folder, fd


@contextmanager
def _outside_store(store: Path, elsewhere: Path | None) -> Iterator[Path]:
    """A new private folder in ``elsewhere``, or the system's temporary folder where it cannot
    be made there (:func:`work_folder`)."""
    for parent in ([elsewhere] if elsewhere is not None else []) + [None]:
        try:
            made = tempfile.TemporaryDirectory(prefix="ltmt-", dir=parent)
        except OSError as exc:
            if parent is None or exc.errno not in _NOT_WRITABLE:
                raise
            continue
        logger.warning(
            "cannot write in memory store %s: working in %s instead (a process killed "
            "meanwhile leaves it behind: remove it then)",
            store,
            made.name,
        )
        with made as folder:
            yield Path(folder)
        return


def remove_leftovers(store: Path) -> list[Path]:
    """Remove the folders of :func:`work_folder` under ``store`` that no process holds (what
    killed processes left); returns them."""
    root = store / FOLDER
    if not root.is_dir():
        return []
    try:
        with _folders_locked(root, fcntl.LOCK_EX):
            return [folder for folder in sorted(root.iterdir()) if _remove_if_left(folder)]
    except OSError as exc:  # a store you may only read: its files are not yours to remove
        logger.warning("cannot look for what killed processes left in %s: %s", root, exc)
        return []


@contextmanager
def _folders_locked(root: Path, how: int) -> Iterator[None]:
    """Hold ``root``'s :data:`LOCK_FILE` (``how``: shared to make a folder, alone to look for
    leftovers)."""
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        fcntl.flock(fd, how)
        yield
    finally:
        os.close(fd)


def _remove_if_left(folder: Path) -> bool:
    """Remove ``folder`` when no process holds it."""
    try:
        fd = _open_folder(folder)
    except OSError:  # not a folder (the lock file), or gone
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its process is alive and holds it (or locks cannot tell here)
            return False
        shutil.rmtree(folder, ignore_errors=True)
        return True
    finally:
        os.close(fd)


def _open_folder(folder: Path) -> int:
    """A descriptor of ``folder`` to lock (a symbolic link is not followed)."""
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
