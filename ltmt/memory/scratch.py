"""What searches keep between calls: each thread its recent users' arrays of lengths
(:mod:`.postings`), and all threads of one :class:`~ltmt.memory.store.Memory` together the
source tables of small memories (:class:`.sources.SourceTable`, one per user) and, of large
ones, the packed sources (:class:`.source_codes.SourceCodes`), which the exact rerank of index
candidates reads once the user's searches have read as many sources one by one
(:meth:`SearchScratch.pack_now`; packed on a thread of their own, :mod:`.packing`), and the
signatures (:class:`.signature_rows.SignatureRows`), which the index's second pass tests.

A thread's lengths are keyed by the user's row as read in the search's own transaction; every
write changes that row (``next_id`` only grows, ``count`` drops on delete), so a stale array is
never used, whichever process wrote (a million segments' lengths are 2 MB). A shared table
(of sources or signatures) is not read again on every write: it is extended by the ids added
since it was read (see :mod:`.sources` and :mod:`.signature_rows`), and read anew when the
user's uid differs (the user was deleted and created again, by any thread or process: uids are
never reused). A table read beyond the searching transaction's ``next_id`` (a thread's older
snapshot, or the store replaced by an older copy) is cut back to it first, so what a later
snapshot stores under those ids is read again.

The source tables hold plaintext for an encrypted store too (in memory only, never on disk):
at most :data:`CACHED_TABLES` small and :data:`CACHED_CODES` large ones per Memory, shared by
its threads, so a server's thread pool keeps one copy of a user's sources (and signatures), not
one per thread. Deleting a user drops them, and a search whose snapshot began before the delete
keeps nothing it reads afterwards (:class:`Generations`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import lmdb
import numpy as np

from ltmt.memory import postings
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.signature_rows import SignatureRows
from ltmt.memory.source_codes import SourceCodes
from ltmt.memory.sources import SourceTable

# Users whose arrays a thread keeps; one more and all are dropped.
CACHED_USERS = 8
# Users whose source tables one Memory keeps; one more and the least recently searched goes.
CACHED_TABLES = 16
# The same for the packed sources of large memories and, apart, for their signatures: at most
# this many users', while their tables hold at most CACHED_BYTES (the least recently searched go
# first). A million segments' sources take about 94 MB, their signatures 64 MB, so 4 of those
# users' sources are kept, or some 40 users' of 100,000 segments: a server of many customers
# should not read a memory's sources again at every search (2 s at a million).
CACHED_CODES = 64
CACHED_BYTES = 384 << 20
# Users whose sources read one by one are counted; one more and all counts start again.
CACHED_FETCH_COUNTS = 4096
# Seconds per source a pack in the background may take before the searches wait for it: 4 s at
# a million segments, twice what a search that packed them took (1.8-2.1 s,
# eval/results/retrieval-s39/first-search-chunks.json).
PACK_PATIENCE = 4e-6
# A source table is read anew when it holds more than twice the user's segments plus this many.
STALE_SLACK = 64


TableT = TypeVar("TableT", bound="_Table")


class _Table(Protocol):
    """What :class:`SourceTables` keeps: :class:`.sources.SourceTable` or
    :class:`.source_codes.SourceCodes`."""

    @property
    def uid(self) -> int: ...
    @property
    def casefold(self) -> bool: ...
    @property
    def end(self) -> int: ...
    @property
    def size(self) -> int: ...
    @property
    def nbytes(self) -> int: ...
    def below(self: TableT, end: int) -> TableT: ...
    def refreshed(self: TableT, txn: lmdb.Transaction, cipher: PlainCipher) -> TableT: ...


@dataclass
class _Slot(Generic[TableT]):
    """One user's table, and the lock its refreshes take (one refresh at a time per user)."""

    table: TableT | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class Generations:
    """How many times each user's kept tables were forgotten (a user deleted, a store
    compacted). A search reads its user's generation before its read transaction begins, and a
    table it reads is kept only while the generation is still that one: a search whose snapshot
    predates a delete must not keep the deleted user's sources (plaintext, for an encrypted store
    too) after the delete forgot them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._everyone = 0
        self._users: dict[str, int] = {}

    def of(self, user: str) -> int:
        """``user``'s generation now (it only grows)."""
        with self._lock:
            return self._everyone + self._users.get(user, 0)

    def forget(self, user: str | None) -> None:
        """A new generation for ``user`` (None: for every user)."""
        with self._lock:
            if user is None:
                self._everyone += 1
            else:
                self._users[user] = self._users.get(user, 0) + 1


class SourceTables(Generic[TableT]):
    """The source tables of one Memory's recently searched memories, shared by threads:
    ``empty(uid, casefold)`` makes a table of the kind kept. At most ``capacity`` users' are
    kept and, with a ``budget``, tables of at most that many bytes in all (the newest is kept
    whatever its size)."""

    def __init__(
        self,
        empty: Callable[[int, bool], TableT],
        capacity: int = CACHED_TABLES,
        budget: int | None = None,
        generations: Generations | None = None,
    ) -> None:
        self.capacity = capacity
        self.budget = budget
        self._empty = empty
        self._generations = generations or Generations()
        self._lock = threading.Lock()
        self._slots: OrderedDict[str, _Slot[TableT]] = OrderedDict()

    def __contains__(self, user: str) -> bool:
        return self.cached(user) is not None

    def cached(self, user: str) -> TableT | None:
        """The table last made for ``user`` (``None``: none kept)."""
        with self._lock:
            slot = self._slots.get(user)
        return None if slot is None else slot.table

    def forget(self, user: str | None = None) -> None:
        """Drop ``user``'s table (None: every table)."""
        with self._lock:
            _drop(self._slots, user)

    def get(
        self,
        txn: lmdb.Transaction,
        user: str,
        cipher: PlainCipher,
        *,
        uid: int,
        next_id: int,
        count: int,
        casefold: bool,
        before_kept: Callable[[], None] | None = None,
        generation: int | None = None,
    ) -> TableT:
        """The user's sources (case-folded when ``casefold``) as stored in the snapshot of
        ``txn``; ``uid``, ``next_id`` and ``count`` are the user's row in it. Ids the table
        read beyond ``next_id`` are dropped and read again by a later snapshot; a table that
        holds more segments deleted since than the user has is read anew (adds and deletes
        between searches would otherwise grow it, and the scan, without end).
        ``before_kept()`` runs once the table is read, before other threads can find it.
        ``generation``: the user's :class:`Generations` count when the caller's transaction
        began; when it is no longer current, the table is read for the caller alone, not kept."""
        with self._lock:
            if generation is not None and generation != self._generations.of(user):
                slot = None
            else:
                slot = self._slots.get(user)
                if slot is None:
                    slot = self._slots[user] = _Slot[TableT]()
                    while len(self._slots) > self.capacity:
                        self._slots.popitem(last=False)
                else:
                    self._slots.move_to_end(user)
        if slot is None:  # the caller's snapshot predates a forget: nothing of it is kept
            return self._empty(uid, casefold).refreshed(txn, cipher)
        with slot.lock:
            table = slot.table
            if (
                table is None
                or table.uid != uid
                or table.casefold != casefold
                or table.size > 2 * count + STALE_SLACK
            ):
                table = self._empty(uid, casefold)
            elif table.end > next_id:
                table = table.below(next_id)
            table = table.refreshed(txn, cipher)
            if before_kept is not None:
                before_kept()
            slot.table = table
        if self.budget is not None:
            self._keep_to_budget(self.budget)
        return table

    def _keep_to_budget(self, budget: int) -> None:
        """Drop the least recently searched users' tables while they all hold more than
        ``budget`` bytes (the most recent stays)."""
        with self._lock:
            tables = [slot.table for slot in self._slots.values()]
            held = sum(table.nbytes for table in tables if table is not None)
            while held > budget and len(self._slots) > 1:
                _, slot = self._slots.popitem(last=False)
                held -= slot.table.nbytes if slot.table is not None else 0


class _ThreadArrays(threading.local):
    def __init__(self) -> None:
        self.lens: dict[str, tuple[bytes, np.ndarray]] = {}


class SearchScratch:
    """Reusable search state of one :class:`~ltmt.memory.store.Memory`: per-thread arrays and
    the shared tables (``tables``: the sources of small memories; ``codes`` and ``signatures``:
    the packed sources and the signatures of large ones)."""

    def __init__(self, pack_later: Callable[[str], threading.Event | None] | None = None) -> None:
        self._arrays = _ThreadArrays()
        self._pack_later = pack_later
        # users whose sources pack_later is packing: (set when it ends, started, patience s)
        self._packs: dict[str, tuple[threading.Event, float, float]] = {}
        self.generations = Generations()
        self.tables = SourceTables(SourceTable.empty, generations=self.generations)
        self.codes = SourceTables(
            SourceCodes.empty, CACHED_CODES, CACHED_BYTES, generations=self.generations
        )
        self.signatures = SourceTables(
            SignatureRows.empty, CACHED_CODES, CACHED_BYTES, generations=self.generations
        )
        # sources read one by one per large memory since its packed table was last read
        self._fetched: dict[str, int] = {}
        self._fetched_lock = threading.Lock()

    def pack_now(self, user: str, count: int, pending: int = 0, *, here: bool = False) -> bool:
        """Whether a search of ``user``'s large memory of ``count`` segments should score from
        its packed sources (:attr:`codes`): they are kept, or its searches have read as many
        sources one by one (``pending`` of them not yet counted) as it holds. A source read
        one by one costs about what one of a whole read does, so a process never spends more
        than twice what it would have had it known how many searches were coming; one that
        searches once reads a few thousand sources, not the memory.

        With ``pack_later`` (what a :class:`~ltmt.memory.store.Memory` gives: :mod:`.packing`),
        the sources are packed by ``pack_later(user)`` instead, on a thread of its own (it
        returns an event set when the pack ends), and this says no until they are kept, unless
        the caller would rather pack ``here`` (a batch whose texts left would read as many
        sources one by one); either way the count starts again (see :meth:`overdue_pack` for a
        pack that takes too long).
        """
        if user in self.codes:
            return True
        with self._fetched_lock:
            under_way = self._packs.get(user)
            if under_way is not None:
                if not under_way[0].is_set():
                    return False
                del self._packs[user]  # ended: kept, or failed and tried again later
                return user in self.codes
        with self._fetched_lock:
            if self._fetched.get(user, 0) + pending < count:
                return False
            self._fetched.pop(user, None)
        if self._pack_later is None or here:
            return True
        pack_ended = self._pack_later(user)
        if pack_ended is not None:
            with self._fetched_lock:
                self._packs[user] = pack_ended, time.monotonic(), count * PACK_PATIENCE
        return False

    def overdue_pack(self, user: str) -> threading.Event | None:
        """The event of ``user``'s pack when it has been under way for more than
        :data:`PACK_PATIENCE` seconds per source: busy searches starve it (:mod:`.packing`),
        and a search should wait for it, outside any read transaction (a map resize waiting
        for that transaction would keep the pack from starting its own)."""
        with self._fetched_lock:
            under_way = self._packs.get(user)
        if under_way is None:
            return None
        ended, started, patience = under_way
        late = not ended.is_set() and time.monotonic() - started > patience
        return ended if late else None

    def fetched(self, user: str, read: int) -> None:
        """Count ``read`` sources of ``user`` read one by one (:meth:`pack_now`)."""
        if not read:
            return
        with self._fetched_lock:
            if user not in self._fetched and len(self._fetched) >= CACHED_FETCH_COUNTS:
                self._fetched.clear()
            self._fetched[user] = self._fetched.get(user, 0) + read

    def forget(self, user: str | None = None) -> None:
        """Drop what is cached of ``user`` (None: of every user): this thread's lengths and the
        shared tables, which searches whose snapshot is older no longer keep
        (:class:`Generations`)."""
        self.generations.forget(user)  # first: a search between the two keeps nothing
        _drop(self._arrays.lens, user)
        self.tables.forget(user)
        self.codes.forget(user)
        self.signatures.forget(user)
        with self._fetched_lock:
            _drop(self._fetched, user)

    def lens(
        self, txn: lmdb.Transaction, user: str, row: bytes, cipher: PlainCipher, *, uid: int
    ) -> np.ndarray:
        """This thread's lengths array of the user (:func:`.postings.load_lens`), as of ``row``."""
        cache = self._arrays.lens
        cached = cache.get(user)
        if cached is not None and cached[0] == row:
            return cached[1]
        lens = postings.load_lens(txn, uid, cipher)
        if cached is None and len(cache) >= CACHED_USERS:
            cache.clear()
        cache[user] = (row, lens)
        return lens


def _drop(cache: MutableMapping[str, Any], user: str | None) -> None:
    """Drop ``user``'s entry of ``cache`` (None: every entry)."""
    if user is None:
        cache.clear()
    else:
        cache.pop(user, None)
