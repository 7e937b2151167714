"""One LMDB environment per store directory per process, and transactions that survive growth.

LMDB forbids opening the same environment twice in one process (locks and the shared map would
clash), so environments are shared through a registry keyed by the directory's real path and
reference-counted: every :class:`~ltmt.memory.store.Memory` on that directory uses the same one,
and the last to close closes it. This is the one piece of process-level state in the store, and
it exists because LMDB requires it.

Writes go through :func:`write`, which grows the map and retries when LMDB reports it full.
Reads go through :func:`read`, which adopts a map another process has grown. LMDB may only
change the map size while the process has no transaction open, so every transaction holds the
store's lock shared and a resize holds it exclusively: threads of one process can share a store.
Transactions here are short (an iterator over segments reads in chunks), so a resize waits little.

A store on a read-only file system (a read-only mount or container volume) is opened read-only,
without LMDB's lock file (``lock=False``: LMDB cannot record its readers in ``lock.mdb``
there): it is read as usual, and a write is a :class:`StoreError` that says why. No process may
write the store meanwhile (through another, writable mount of it): without the reader table, a
writer could reuse the pages being read.
"""

from __future__ import annotations

import fcntl
import functools
import logging
import os
import secrets
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import lmdb

from ltmt.errors import InputError, StoreError
from ltmt.memory import files, page_record, pages, postings, work_folders
from ltmt.memory.crypto import (
    CIPHER_NAME,
    KEYRING_NAME,
    Keyring,
    PlainCipher,
    Vault,
    read_key_file,
    remove_unfinished_rekey,
)
from ltmt.memory.layout import (
    CIPHER_KEY,
    DATA_FILE,
    INDEX_KEY,
    INDEX_KIND,
    NEXT_UID_KEY,
    SCHEMA_KEY,
    SCHEMA_VERSION,
    STORE_ID_KEY,
    DamagedRecord,
)
from ltmt.paths import on_read_only_file_system

logger = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_MAP_SIZE = 1 << 30  # address space only: the file grows as data is written
MAX_GROWTH_RETRIES = 24


class SharedLock:
    """A readers-writer lock: many holders of :meth:`shared`, or one of :meth:`exclusive`."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._shared = 0
        self._exclusive = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._condition:
            while self._exclusive:
                self._condition.wait()
            self._shared += 1
        try:
            yield
        finally:
            with self._condition:
                self._shared -= 1
                if not self._shared:
                    self._condition.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._condition:
            while self._exclusive:
                self._condition.wait()
            self._exclusive = True  # no new shared holder from here on
            while self._shared:
                self._condition.wait()
        try:
            yield
        finally:
            with self._condition:
                self._exclusive = False
                self._condition.notify_all()


@dataclass
class Store:
    """An open environment, how many :class:`~ltmt.memory.store.Memory` objects use it, and the
    lock that keeps map resizes away from open transactions."""

    path: Path
    env: lmdb.Environment
    vault: Vault
    lock_fd: int
    key: bytes | None = None
    refs: int = 0
    lock: SharedLock = field(default_factory=SharedLock)
    waiting_said: bool = False  # a write's wait for another was said (_WaitWatch)
    read_only: bool = False  # on a read-only file system: opened read-only (module docstring)
    # the kind of index an older ltmt wrote ("no" where none is recorded), until it is rebuilt
    # as this ltmt's kind (:func:`bring_index_up_to_date`); None: the index is this ltmt's
    older_index: str | None = None
    reindex_lock: threading.Lock = field(default_factory=threading.Lock)
    # the store's id (:data:`~ltmt.memory.layout.STORE_ID_KEY`) once read or written; None
    # before (a store of before ids has none until its first write: :func:`give_store_id`)
    store_id: str | None = None


_REGISTRY: dict[str, Store] = {}
# reentrant: a Memory dropped unclosed is released by its finalizer, which the garbage collector
# may run inside :func:`acquire` on the same thread (a plain lock hung a test run there)
_REGISTRY_LOCK = threading.RLock()


def check_not_a_file(path: Path) -> None:
    """StoreError when ``path``, given for a store, exists and is not a directory."""
    if path.exists() and not path.is_dir():
        raise StoreError(
            f"memory store {path} is a file, not a directory; give a directory for the store"
        )


# what a store's folder holds of its own (LMDB's files, the keyring, a server's downloads and
# shared limits, a compaction's scratch folder, the record of a page check, the work folders of
# uploads and exports): a folder of only these is a store, or one being made
STORE_FILES = frozenset(
    {
        DATA_FILE,
        "lock.mdb",
        "keyring",
        "downloads",
        "limits",
        ".compact",
        page_record.RECORD_FILE,
        work_folders.FOLDER,
    }
)


def check_store_path(path: Path) -> None:
    """StoreError when ``path`` exists and is not a directory (a store is a directory), or is a
    directory of other files that holds no store (a store would be made among them, and the
    directory made private: ``Memory(".")`` in a project's folder)."""
    check_not_a_file(path)
    if not path.is_dir() or (path / DATA_FILE).exists():
        return
    # a folder of a store's own files only: another process is making the store now
    if any(item.name not in STORE_FILES for item in path.iterdir()):
        raise StoreError(
            f"{path} holds other files and no memory store; give a new or empty directory for "
            "the store"
        )


def check_store_parent(path: Path) -> None:
    """InputError when the folder that would hold store ``path`` does not exist: a store
    named by its caller is made in a folder that exists, as a backup is, so that a typo in
    the path (``typo_parent/store``) is an error, not a tree of new folders with an empty
    store answering every read. (The default store's folders are the tool's own: made.)"""
    if not path.parent.is_dir():
        raise InputError(
            f"memory store {path}: folder {path.parent} does not exist; create it first (a new "
            "store's own folder is made, not the folders above it)"
        )


def make_store_folder(path: Path) -> None:
    """Make the directory of store ``path`` (mode 0700, its parents too) if it is missing: a
    new store's, or one whose work folder is needed before the store is made."""
    try:
        path.mkdir(mode=files.DIR_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise files.disk_error(exc, path) or StoreError(
            f"cannot create memory store directory {path}: {exc.strerror}"
        ) from exc


def acquire(path: Path, *, map_size: int = DEFAULT_MAP_SIZE, key_file: Path | None = None) -> Store:
    """The shared :class:`Store` of directory ``path``, created (with its schema) if new.

    ``key_file``: the store key of an encrypted store, or the key that makes a new store
    encrypted. An encrypted store without its key, or a plain one with a key, is refused.
    """
    check_store_path(path)
    key = read_key_file(key_file) if key_file is not None else None
    make_store_folder(path)
    realpath = os.path.realpath(path)
    with _REGISTRY_LOCK:
        store = _REGISTRY.get(realpath)
        if store is None:
            store = _open(path, map_size, key, key_file)
            _REGISTRY[realpath] = store
        elif store.key != key:
            _refuse_key(path, store.vault.encrypted, key_file)
        store.refs += 1
        return store


def retain(store: Store) -> Store:
    """One more reference to the open ``store`` (for work that may outlive its caller's
    :class:`~ltmt.memory.store.Memory`); give it back with :func:`release`."""
    with _REGISTRY_LOCK:
        store.refs += 1
        return store


def release(store: Store) -> None:
    """Drop one reference to ``store``; the last one closes the environment."""
    with _REGISTRY_LOCK:
        store.refs -= 1
        if store.refs > 0:
            return
        _REGISTRY.pop(os.path.realpath(store.path), None)
        store.env.close()
        os.close(store.lock_fd)


def swap_data_file(store: Store, new_file: Path) -> None:
    """Put ``new_file`` (a compacted copy, synced) in place of the store's ``data.mdb``.

    The caller holds the store to itself (its ``lock_fd`` locked exclusively). The environment
    is closed, the file renamed over ``data.mdb`` (atomic) and the environment opened again.
    """
    with _REGISTRY_LOCK, store.lock.exclusive():
        map_bytes = map_size(store)
        store.env.close()
        try:
            os.replace(new_file, store.path / DATA_FILE)
            files.sync_directory(store.path)
        finally:
            store.env = _open_env(store.path, map_bytes, read_only=store.read_only)


def lmdb_error(store_path: Path, exc: lmdb.Error) -> StoreError:
    """A one-line StoreError for an LMDB failure: disk full, damage, or what LMDB said."""
    full = files.disk_error(exc, store_path)
    if full is not None:
        return full
    if isinstance(exc, (lmdb.CorruptedError, lmdb.PageNotFoundError, lmdb.BadValsizeError)):
        return StoreError(
            f"memory store {store_path} is damaged ({exc}); restore it from a backup (README: "
            "Restoring a backup)"
        )
    return StoreError(f"memory store {store_path}: {exc}")


def _refuse_key(path: Path, encrypted: bool, key_file: Path | None) -> None:
    if encrypted and key_file is None:
        raise StoreError(
            f"memory store {path} is encrypted; pass its key file (--key-file, LTMT_KEY_FILE "
            "or key_file=)"
        )
    if encrypted:
        raise StoreError(
            f"{key_file} is not the key of encrypted memory store {path}; pass the key file "
            "it was created (or last rekeyed) with"
        )
    raise StoreError(
        f"memory store {path} is not encrypted, but key file {key_file} was given; open it "
        "without one (no --key-file, LTMT_KEY_FILE or key_file=; an existing store cannot be "
        "encrypted in place: export it and import it into a new store)"
    )


def _open_env(path: Path, map_size: int, *, read_only: bool) -> lmdb.Environment:
    """LMDB's environment of ``path``; ``read_only``: opened without writes and without
    ``lock.mdb`` (a store on a read-only file system: module docstring)."""
    try:
        return lmdb.open(
            str(path),
            map_size=map_size,
            max_dbs=0,
            max_readers=files.MAX_READERS,
            mode=files.FILE_MODE,
            readonly=read_only,
            lock=not read_only,
        )
    except lmdb.Error as exc:
        raise files.disk_error(exc, path) or _open_error(path, exc, read_only) from exc


def _open_error(path: Path, exc: lmdb.Error, read_only: bool) -> StoreError:
    """Why ``path`` did not open, said once (LMDB's message repeats the path): a file of it you
    may not write, where that is why (on a read-only file system none can be written, and
    none needs to be: ``read_only``)."""
    reason = str(exc).removeprefix(f"{path}: ")
    for name in () if read_only else (DATA_FILE, "lock.mdb"):
        file = path / name
        if file.exists() and not os.access(file, os.R_OK | os.W_OK):
            mode = stat.S_IMODE(file.stat().st_mode)
            return StoreError(
                f"cannot open memory store {path}: {file} is not readable and writable by you "
                f"(mode {mode:04o}); ltmt reads a store with both (LMDB keeps its readers in "
                f"lock.mdb): make it so (chmod u+rw {file}) or work on a copy of the store"
            )
    return StoreError(f"cannot open memory store {path}: {reason}")


def _open(path: Path, map_size: int, key: bytes | None, key_file: Path | None) -> Store:
    read_only = on_read_only_file_system(path)
    if read_only and not (path / DATA_FILE).exists():
        raise StoreError(
            f"memory store {path} is on a read-only file system and holds no store; give "
            "the folder of an existing store, or a writable one to make a new store in"
        )
    with files.checked_data_file(path):
        if not read_only:
            files.prepare_files(path)
        lock_fd = _shared_lock(path, read_only)
        try:
            if not read_only:  # nothing to remove where nothing could have been written
                _remove_leftovers(path)
            env = _open_env(path, map_size, read_only=read_only)
        except BaseException:
            os.close(lock_fd)
            raise
    if not read_only:
        files.tighten_modes(path)
    store = Store(path=path, env=env, vault=Vault(), lock_fd=lock_fd, key=key, read_only=read_only)
    try:
        check_pages(store)
        _check_schema(store, key, key_file)
    except BaseException:
        env.close()
        os.close(lock_fd)
        raise
    return store


def _remove_leftovers(path: Path) -> None:
    """Remove the plaintext that killed processes left in store ``path``: the folders of their
    uploads and exports (:mod:`.work_folders`) and a rekey's unfinished keyring. Done once per
    process, under the shared lock: no rekey, which holds the store alone, is under way."""
    work_folders.remove_leftovers(path)
    remove_unfinished_rekey(path)


def check_pages(store: Store, *, always: bool = False) -> None:
    """Refuse a store whose ``data.mdb`` has a damaged page (:mod:`.pages`): LMDB would stop
    the process that reads it, and a write would go on into a damaged store. Skipped while the
    file is as a passed check left it (:mod:`.page_record`), unless ``always``."""
    for _ in range(3):
        try:
            with store.lock.shared():
                page_record.check_pages(store.env, store.path, always=always)
            return
        except lmdb.MapResizedError:
            _adopt_map_size(store)
        except lmdb.Error as exc:
            raise lmdb_error(store.path, exc) from exc
        except pages.DamagedPage as exc:
            raise StoreError(
                f"memory store {store.path} is damaged: {exc}; restore it from a backup and "
                "run 'ltmt memory check' on it (README: Restoring a backup)"
            ) from None
    raise StoreError(f"memory store {store.path} keeps changing size; try again")


def _shared_lock(path: Path, read_only: bool) -> int:
    """A descriptor of the store's ``lock.mdb`` holding a shared lock: compact needs the store
    to itself. Taken before the data file is mapped, as compact puts a new one in its place
    while it holds the lock: a process that mapped the old one first and then waited wrote its
    changes into the replaced file, and they were lost. (A store on a read-only file system
    may have no ``lock.mdb``, and no compact can run there: its ``data.mdb`` serves.)"""
    lock_file = path / "lock.mdb"
    if read_only and not lock_file.exists():
        lock_file = path / DATA_FILE
    try:
        lock_fd = os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise StoreError(f"cannot open memory store {path}: {lock_file}: {exc.strerror}") from exc
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_SH)
    except BaseException:
        os.close(lock_fd)
        raise
    return lock_fd


def _check_schema(store: Store, key: bytes | None, key_file: Path | None) -> None:
    try:
        with store.env.begin() as txn:
            raw = txn.get(SCHEMA_KEY)
            kind = txn.get(INDEX_KEY)
            cipher = txn.get(CIPHER_KEY)
            empty = txn.stat()["entries"] == 0
    except lmdb.Error as exc:
        raise lmdb_error(store.path, exc) from exc
    keyring_path = store.path / KEYRING_NAME
    if raw is None:
        if not empty:
            raise StoreError(f"{store.path} is an LMDB environment but not an ltmt memory store")
        if key is not None:
            if keyring_path.exists():  # a creation that stopped before the schema was written
                store.vault = Vault(Keyring.open(keyring_path, key, str(key_file)))
            else:
                store.vault = Vault(Keyring.create(keyring_path, key, str(key_file)))
        # _write: the id goes in with the schema (write would give it one first, alone, and a
        # process opening the store meanwhile would find keys without a schema)
        _write(store, functools.partial(_initialise, encrypted=key is not None))
        return
    try:
        version = int(raw)
    except ValueError:
        raise StoreError(
            f"memory store {store.path} has a damaged schema entry ({bytes(raw)[:20]!r}); "
            "restore a backup"
        ) from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"memory store {store.path} has schema version {version}, newer than this ltmt reads "
            f"({SCHEMA_VERSION}); upgrade ltmt to use it"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"memory store {store.path} has schema version {version}, which this ltmt cannot read"
        )
    if cipher is not None and cipher != CIPHER_NAME.encode():
        raise StoreError(
            f"memory store {store.path} is encrypted with {cipher.decode(errors='replace')}, "
            "which this ltmt cannot read; upgrade ltmt"
        )
    if (cipher is not None) != (key is not None):
        _refuse_key(store.path, cipher is not None, key_file)
    if key is not None:
        store.vault = Vault(Keyring.open(keyring_path, key, str(key_file)))
    store.older_index = _older_index(kind)


def store_id(store: Store) -> str | None:
    """The random id of ``store`` (:data:`~ltmt.memory.layout.STORE_ID_KEY`), read once it
    has one; None while it has none (a store written before ids, until its first write)."""
    if store.store_id is None:
        raw = read(store, lambda txn: txn.get(STORE_ID_KEY))
        store.store_id = bytes(raw).decode(errors="replace") if raw is not None else None
    return store.store_id


def give_store_id(store: Store) -> None:
    """Write an id into a store that has none (one written before ids), once, before its first
    write: an extra meta key, which the ltmt of before ids ignores."""
    if store_id(store) is None:
        store.store_id = _write(store, _put_store_id)


def _put_store_id(txn: lmdb.Transaction) -> str:
    """Put a new random id into the store unless it has one (another process wrote it first);
    the id it has."""
    stored = txn.get(STORE_ID_KEY)
    if stored is not None:
        return bytes(stored).decode(errors="replace")
    made = secrets.token_hex(16)
    txn.put(STORE_ID_KEY, made.encode())
    return made


def _older_index(kind: bytes | memoryview | None) -> str | None:
    """The name of stored index kind ``kind`` when it is not this ltmt's (``"no"``: none
    recorded), else None."""
    name = bytes(kind).decode(errors="replace") if kind is not None else "no"
    return None if name == INDEX_KIND else name


def bring_index_up_to_date(store: Store) -> None:
    """Rebuild the index of a store an older ltmt wrote (:attr:`Store.older_index`) as this
    ltmt's kind, once, before the first search or write: not on open, so that the commands
    that only read it (users, stats, export, check, backup) leave the store as that ltmt can
    still read it. The rebuild is one-way, and the warning says so; it is said only where
    this process rebuilds the index (another may have rebuilt it since the store was opened)."""
    if store.older_index is None:
        return
    with store.reindex_lock:
        if store.older_index is None:  # another thread rebuilt it meanwhile
            return
        # once: a full map reruns the transaction
        warn = functools.cache(functools.partial(_warn_of_rebuild, store.path))
        _write(store, functools.partial(_reindex, cipher_of=store.vault.cipher, warn=warn))
        store.older_index = None


def _warn_of_rebuild(path: Path, older: str) -> None:
    """Say that store ``path``'s index of kind ``older`` is being rebuilt, and that this is
    one-way."""
    logger.warning(
        "memory store %s has a %s index; rebuilding it as %s (once, may take a while; older "
        "ltmt releases cannot read the store afterwards: 'ltmt memory backup' first keeps a "
        "copy they can)",
        path,
        older,
        INDEX_KIND,
    )


def _reindex(
    txn: lmdb.Transaction,
    cipher_of: Callable[[int], PlainCipher],
    warn: Callable[[str], None],
) -> None:
    """Rebuild the index as this ltmt's kind, ``warn(older kind)`` first, unless another
    process rebuilt it since this one opened the store: the kind is read here, under LMDB's
    writer lock, so the warning is never of a rebuild that does not happen."""
    older = _older_index(txn.get(INDEX_KEY))
    if older is None:
        return
    warn(older)
    postings.rebuild(txn, cipher_of=cipher_of)
    txn.put(INDEX_KEY, INDEX_KIND.encode())


def _initialise(txn: lmdb.Transaction, *, encrypted: bool) -> None:
    # overwrite=False: a second process initialising at the same moment changes nothing
    txn.put(SCHEMA_KEY, str(SCHEMA_VERSION).encode(), overwrite=False)
    txn.put(NEXT_UID_KEY, b"1", overwrite=False)
    txn.put(INDEX_KEY, INDEX_KIND.encode(), overwrite=False)
    _put_store_id(txn)
    if encrypted:
        txn.put(CIPHER_KEY, CIPHER_NAME.encode(), overwrite=False)


def write(store: Store, fn: Callable[[lmdb.Transaction], T]) -> T:
    """Run ``fn(txn)`` in one write transaction; grow the map and rerun it when full.

    ``fn`` must only depend on what it reads through ``txn`` (it may run more than once).
    A store opened read-only (on a read-only file system) is a StoreError that says so. The
    index of a store an older ltmt wrote is rebuilt first (:func:`bring_index_up_to_date`):
    writes keep this ltmt's index; a store of before ids is given one (:func:`give_store_id`).
    """
    bring_index_up_to_date(store)
    give_store_id(store)
    return _write(store, fn)


def _write(store: Store, fn: Callable[[lmdb.Transaction], T]) -> T:
    """:func:`write` without bringing the index up to date."""
    if store.read_only:
        raise files.read_only(store.path)
    for _ in range(MAX_GROWTH_RETRIES):
        try:
            with store.lock.shared():
                with _WAITS.watched(store):
                    txn = store.env.begin(write=True)  # waits while another write runs
                with txn:
                    return fn(txn)
        except lmdb.MapFullError:
            grow(store)
        except lmdb.MapResizedError:
            _adopt_map_size(store)
        except lmdb.Error as exc:
            raise lmdb_error(store.path, exc) from exc
        except DamagedRecord as exc:
            raise _named(store, exc) from exc
    raise StoreError(
        f"memory store {store.path} is still full after growing it {MAX_GROWTH_RETRIES} times"
    )


WAIT_SAID_AFTER_S = 3.0  # a write waiting longer for another (an import's) is said


class _WaitWatch:
    """One thread that watches every write waiting for LMDB's writer lock (another process's
    or thread's write, a long import's) and says, once a process and store, one that waits
    over :data:`WAIT_SAID_AFTER_S`: a command that waited in silence looked hung. (A timer
    thread a write cost 0.15 ms of a 1.2 ms ``Memory.add``; here a write registers itself, and
    the watcher is woken only when none was waiting.)"""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._waiting: dict[int, tuple[float, Store]] = {}
        self._count = 0
        self._pid = 0  # the process whose watcher runs (a forked child starts its own)

    @contextmanager
    def watched(self, store: Store) -> Iterator[None]:
        if store.waiting_said:
            yield
            return
        with self._condition:
            self._count += 1
            key = self._count
            idle = not self._waiting  # the watcher sleeps until a wait comes
            self._waiting[key] = (time.monotonic(), store)
            if self._pid != os.getpid():
                self._pid = os.getpid()
                threading.Thread(target=self._watch, name="ltmt-write-waits", daemon=True).start()
            elif idle:
                self._condition.notify()
        try:
            yield
        finally:
            with self._condition:
                del self._waiting[key]

    def _watch(self) -> None:
        with self._condition:
            while True:
                if not self._waiting:
                    self._condition.wait()
                    continue
                now = time.monotonic()
                for started, store in list(self._waiting.values()):
                    if now - started >= WAIT_SAID_AFTER_S and not store.waiting_said:
                        store.waiting_said = True
                        logger.warning(
                            "memory store %s: waiting for another write to it to finish (an "
                            "import?)",
                            store.path,
                        )
                oldest = min(started for started, _ in self._waiting.values())
                self._condition.wait(max(0.01, oldest + WAIT_SAID_AFTER_S - now))


_WAITS = _WaitWatch()


def read(store: Store, fn: Callable[[lmdb.Transaction], T], *, buffers: bool = False) -> T:
    """Run ``fn(txn)`` in a read transaction (``buffers``: values are zero-copy views)."""
    for _ in range(3):
        try:
            with store.lock.shared():
                txn = store.env.begin(buffers=True) if buffers else store.env.begin()
                with txn:
                    return fn(txn)
        except lmdb.MapResizedError:
            _adopt_map_size(store)
        except lmdb.Error as exc:
            raise lmdb_error(store.path, exc) from exc
        except DamagedRecord as exc:
            raise _named(store, exc) from exc
    raise StoreError(f"memory store {store.path} keeps changing size; try again")


def _named(store: Store, damage: DamagedRecord) -> StoreError:
    """``damage`` said with the store it is in."""
    return StoreError(f"memory store {store.path} is damaged: {damage}")


def _adopt_map_size(store: Store) -> None:
    """Take the map size another process has grown the store to."""
    with store.lock.exclusive():
        store.env.set_mapsize(0)


def used_bytes(store: Store) -> int:
    info, stat = store.env.info(), store.env.stat()
    return int((info["last_pgno"] + 1) * stat["psize"])


def map_size(store: Store) -> int:
    return int(store.env.info()["map_size"])


def grow(store: Store, at_least: int = 0) -> None:
    """Double the map (or make it ``at_least`` bytes); the file grows only as it is written."""
    with store.lock.exclusive():
        new_size = max(map_size(store) * 2, at_least)
        files.require_free(store.path)
        logger.info("growing memory store %s map to %d MiB", store.path, new_size >> 20)
        try:
            store.env.set_mapsize(new_size)
        except lmdb.Error as exc:
            raise StoreError(
                f"cannot grow memory store {store.path} to {new_size >> 20} MiB: {exc}"
            ) from exc


def reserve(store: Store, extra_bytes: int) -> None:
    """Grow the map ahead of a big write so that it does not have to be redone when full."""
    need = used_bytes(store) + extra_bytes
    files.require_free(store.path, extra_bytes)
    if need > map_size(store):
        grow(store, at_least=need + need // 4)
