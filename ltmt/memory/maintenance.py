"""Keeping a store healthy and private: backup, compact and rekey.

- :func:`backup` writes a consistent copy of a live store (other processes may keep reading and
  writing; writers wait while the copy is taken) into a new directory, compacted.
- :func:`compact` rewrites the store without its free pages and swaps the copy in atomically.
  LMDB never overwrites a page in place: the text of a deleted segment or user stays in
  ``data.mdb`` until its page is reused, and the file never shrinks. After ``compact`` nothing of
  it is left in the store's files. It needs the store to itself (no other process using it).
- :func:`rekey` rewraps every user's data key with a new store key (encrypted stores).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import lmdb

from ltmt.errors import InputError, StoreError
from ltmt.memory import env, files
from ltmt.memory.crypto import KEYRING_NAME, Vault, read_key_file
from ltmt.memory.layout import DATA_FILE, USERS, UserInfo, read_u32
from ltmt.paths import resolved

COMPACT_DIR = ".compact"


@dataclass(frozen=True)
class CompactReport:
    """``data.mdb`` sizes in bytes before and after a compaction."""

    before: int
    after: int


def live_uids(txn: lmdb.Transaction, vault: Vault) -> dict[int, str]:
    """uid → user id of every user row (an encrypted row's uid is read without its key)."""
    found: dict[int, str] = {}
    cursor = txn.cursor()
    if not cursor.set_range(USERS):
        return found
    for key, raw in cursor:
        if bytes(key[:1]) != USERS:
            break
        uid = read_u32(raw[1:5]) if vault.encrypted else UserInfo.decode(raw).uid
        found[uid] = bytes(key[1:]).decode("utf-8", errors="replace")
    return found


PARTIAL_SUFFIX = ".ltmt-partial"  # a backup being written, beside the folder it becomes


def _check_new(directory: Path) -> None:
    """InputError unless ``directory`` is missing or an empty directory."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError(f"{directory} exists and is not an empty directory; choose a new one")


def _new_directory(directory: Path, what: str = "backup directory") -> None:
    _check_new(directory)
    try:
        directory.mkdir(mode=files.DIR_MODE, parents=True, exist_ok=True)
        directory.chmod(files.DIR_MODE)
    except OSError as exc:
        raise files.disk_error(exc, directory) or InputError(
            f"cannot create {what} {directory}: {exc.strerror}"
        ) from exc


def _copy(store: env.Store, directory: Path) -> None:
    """A compacted copy of the store (and its keyring) into ``directory``, made while writers
    wait, so that the copy and the keyring agree. Its files are owner-only from the start (a
    copy a kill stopped midway is no more readable than the store), and a disk that fills up
    is named as ``directory``'s, not the store's."""
    try:
        with store.lock.shared():
            # holds LMDB's writer lock: writers wait (a store opened read-only has none)
            writer = store.env.begin(write=not store.read_only)
            try:
                if store.vault.keyring is not None:
                    _copy_private(store.path / KEYRING_NAME, directory / KEYRING_NAME)
                previous = os.umask(0o077)  # LMDB makes the file itself (O_EXCL)
                try:
                    store.env.copy(str(directory), compact=True)
                except lmdb.Error as exc:
                    raise files.disk_error(exc, directory) or env.lmdb_error(
                        store.path, exc
                    ) from exc
                finally:
                    os.umask(previous)
            finally:
                writer.abort()
        for name in (DATA_FILE, KEYRING_NAME):
            item = directory / name
            if item.exists():
                item.chmod(files.FILE_MODE)
                _fsync(item)
    except lmdb.Error as exc:
        raise env.lmdb_error(store.path, exc) from exc
    except OSError as exc:
        raise files.disk_error(exc, directory) or StoreError(
            f"cannot write {directory}: {exc.strerror}"
        ) from exc


def _copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to the new file ``target``, owner-only (0600) from its creation: a copy
    killed before its mode was set was readable by others (a keyring: every user's data key)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, files.FILE_MODE)
    with open(source, "rb") as data, os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(data, out)


def backup(store: env.Store, directory: Path) -> Path:
    """Write a consistent, compacted copy of ``store`` into the new directory ``directory``.

    The copy is a store of its own (open it with ``--memory-dir``); an encrypted store's copy
    needs the same key file. ``directory``'s parent folder must exist (a typo is not made into
    folders), and ``directory`` must lie outside the store's own folder: a copy
    inside would be part of the store it saves, and outlive its deletions and compaction.
    """
    target, home = resolved(directory), resolved(store.path)
    if target == home or home in target.parents:
        raise InputError(
            f"{directory} is inside the memory store {store.path}; back it up to a directory "
            "outside it"
        )
    if not directory.parent.is_dir():  # a typo in the path, rather than a tree to make
        raise InputError(
            f"cannot back up to {directory}: folder {directory.parent} does not exist; "
            "create it first"
        )
    _check_new(directory)
    # written beside it and renamed into place once whole: a backup killed midway leaves no
    # half a store under the backup's name (the next backup removes what it left)
    partial = directory.with_name(f".{directory.name}{PARTIAL_SUFFIX}")
    shutil.rmtree(partial, ignore_errors=True)
    _new_directory(partial)
    try:
        _copy(store, partial)
        os.replace(partial, directory)
        _fsync(directory.parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return directory


def compact(store: env.Store) -> CompactReport:
    """Rewrite ``store`` without free pages and put the copy in place of ``data.mdb``.

    Crash-safe: the copy is written and synced beside the store first; a crash before the
    rename leaves the old file, after it the new one. Keyring slots of users that no longer
    exist are zeroed too.
    """
    with _alone(store, "compacting"):
        data_file = store.path / DATA_FILE
        before = data_file.stat().st_size
        scratch = store.path / COMPACT_DIR
        shutil.rmtree(scratch, ignore_errors=True)  # what a crashed compaction left
        _new_directory(scratch, "the compacted copy's folder")
        try:
            _copy(store, scratch)
            _scrub_keyring(store)
            env.swap_data_file(store, scratch / DATA_FILE)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return CompactReport(before=before, after=data_file.stat().st_size)


@contextmanager
def _alone(store: env.Store, doing: str) -> Iterator[None]:
    """Hold ``store`` alone while ``doing`` (its exclusive lock): no other process has it open,
    or a StoreError says to stop them (a server holds it while it runs)."""
    if store.refs > 1:
        raise StoreError(
            f"memory store {store.path} is open {store.refs} times in this process; close the "
            f"others before {doing}"
        )
    try:
        fcntl.flock(store.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise StoreError(
            f"memory store {store.path} is in use by another process (a server?); stop it and retry"
        ) from None
    try:
        yield
    finally:
        fcntl.flock(store.lock_fd, fcntl.LOCK_SH)


def _scrub_keyring(store: env.Store) -> None:
    """Zero the keyring slots of uids without a user (a delete interrupted after its commit)."""
    keyring = store.vault.keyring
    if keyring is None:
        return
    live = env.read(store, lambda txn: live_uids(txn, store.vault))
    for uid in keyring.live_uids():
        if uid not in live:
            keyring.destroy(uid)


def rekey(store: env.Store, new_key_file: Path) -> None:
    """Rewrap every user's data key with the key of ``new_key_file`` (it becomes the store key)."""
    keyring = store.vault.keyring
    if keyring is None:
        raise StoreError(
            f"memory store {store.path} is not encrypted; only an encrypted store can be rekeyed"
        )
    new_key = read_key_file(new_key_file)
    if new_key == keyring.key:
        raise InputError(f"{new_key_file} is the store's current key; make a new one with keygen")

    def run(txn: lmdb.Transaction) -> None:  # in a write transaction: writers wait
        keep = set(live_uids(txn, store.vault))
        store.vault.keyring = keyring.rewrap(new_key, str(new_key_file), keep)

    # alone: a process that had the store open (a server) would go on with the old key
    with _alone(store, "rekeying"):
        env.write(store, run)
    store.key = new_key


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
