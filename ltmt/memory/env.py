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
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import lmdb

from ltmt.errors import StoreError
from ltmt.memory import index
from ltmt.memory.layout import INDEX_KEY, INDEX_KIND, NEXT_UID_KEY, SCHEMA_KEY, SCHEMA_VERSION

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
    refs: int = 0
    lock: SharedLock = field(default_factory=SharedLock)


_REGISTRY: dict[str, Store] = {}
_REGISTRY_LOCK = threading.Lock()


def acquire(path: Path, *, map_size: int = DEFAULT_MAP_SIZE) -> Store:
    """The shared :class:`Store` of directory ``path``, created (with its schema) if new."""
    if path.exists() and not path.is_dir():
        raise StoreError(
            f"memory store {path} is a file, not a directory; pass a directory to --memory-dir"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create memory store directory {path}: {exc.strerror}") from exc
    key = os.path.realpath(path)
    with _REGISTRY_LOCK:
        store = _REGISTRY.get(key)
        if store is None:
            store = _open(path, map_size)
            _REGISTRY[key] = store
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


def _open(path: Path, map_size: int) -> Store:
    try:
        env = lmdb.open(str(path), map_size=map_size, max_dbs=0, max_readers=512)
    except lmdb.Error as exc:
        raise StoreError(f"cannot open memory store {path}: {exc}") from exc
    store = Store(path=path, env=env)
    try:
        _check_schema(store)
    except BaseException:
        env.close()
        raise
    return store


def _check_schema(store: Store) -> None:
    with store.env.begin() as txn:
        raw = txn.get(SCHEMA_KEY)
        kind = txn.get(INDEX_KEY)
        empty = txn.stat()["entries"] == 0
    if raw is None:
        if not empty:
            raise StoreError(f"{store.path} is an LMDB environment but not an ltmt memory store")
        write(store, _initialise)
        return
    version = int(raw)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"memory store {store.path} has schema version {version}, newer than this ltmt reads "
            f"({SCHEMA_VERSION}); upgrade ltmt to use it"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"memory store {store.path} has schema version {version}, which this ltmt cannot read"
        )
    if kind is None or kind.decode() != INDEX_KIND:
        found = kind.decode() if kind is not None else "no"
        logger.warning(
            "memory store %s has a %s index; rebuilding it as %s (once, may take a while)",
            store.path,
            found,
            INDEX_KIND,
        )
        write(store, _reindex)


def _reindex(txn: lmdb.Transaction) -> None:
    kind = txn.get(INDEX_KEY)
    if kind is not None and bytes(kind).decode() == INDEX_KIND:
        return  # another process rebuilt it first
    index.rebuild(txn)
    txn.put(INDEX_KEY, INDEX_KIND.encode())


def _initialise(txn: lmdb.Transaction) -> None:
    # overwrite=False: a second process initialising at the same moment changes nothing
    txn.put(SCHEMA_KEY, str(SCHEMA_VERSION).encode(), overwrite=False)
    txn.put(NEXT_UID_KEY, b"1", overwrite=False)
    txn.put(INDEX_KEY, INDEX_KIND.encode(), overwrite=False)


def write(store: Store, fn: Callable[[lmdb.Transaction], T]) -> T:
    """Run ``fn(txn)`` in one write transaction; grow the map and rerun it when full.

    ``fn`` must only depend on what it reads through ``txn`` (it may run more than once).
    """
    for _ in range(MAX_GROWTH_RETRIES):
        try:
            with store.lock.shared(), store.env.begin(write=True) as txn:
                return fn(txn)
        except lmdb.MapFullError:
            grow(store)
        except lmdb.MapResizedError:
            _adopt_map_size(store)
    raise StoreError(
        f"memory store {store.path} is still full after growing it {MAX_GROWTH_RETRIES} times"
    )


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
    raise StoreError(f"memory store {store.path} keeps changing size; try again")


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
    if need > map_size(store):
        grow(store, at_least=need + need // 4)
