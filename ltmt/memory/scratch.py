"""What a searching thread keeps between searches: recent users' length and signature arrays
(:mod:`.postings`) and the source tables of small memories (:class:`.sources.SourceTable`).

Cached arrays are keyed by the user's row as read in the search's own transaction; every write
changes that row (``next_id`` only grows, ``count`` drops on delete), so a stale array is never
used, whichever process wrote. A source table is not re-read on every write: it is extended by
the ids added since it was read (see :mod:`.sources`), and read anew when the user's uid
differs (the user was deleted and created again, by any thread or process: uids are never
reused) or its ``next_id`` is below what the table read (an older copy of the store).

Each thread keeps its own: a server's worker threads each hold up to :data:`CACHED_USERS`
users' tables, in plaintext for an encrypted store too (in memory only, never on disk).
"""

from __future__ import annotations

import threading

import lmdb
import numpy as np

from ltmt.memory import postings
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.sources import SourceTable

# Users whose arrays a thread keeps; one more and all are dropped.
CACHED_USERS = 8
# A source table is read anew when it holds more than twice the user's segments plus this many.
STALE_SLACK = 64


class SearchScratch(threading.local):
    """Per-thread reusable search state of one :class:`~ltmt.memory.store.Memory`."""

    def __init__(self) -> None:
        self.lens: dict[str, tuple[bytes, np.ndarray, np.ndarray | None]] = {}
        self.sources: dict[str, SourceTable] = {}

    def forget(self, user: str | None = None) -> None:
        """Drop what is cached of ``user`` (None: of every user)."""
        if user is None:
            self.lens.clear()
            self.sources.clear()
        else:
            self.lens.pop(user, None)
            self.sources.pop(user, None)

    def arrays(
        self,
        txn: lmdb.Transaction,
        user: str,
        row: bytes,
        cipher: PlainCipher,
        *,
        uid: int,
        signatures: bool,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """The user's lengths and (when ``signatures``) term signatures, as of ``row``."""
        cached = self.lens.get(user)
        if cached is not None and cached[0] == row:
            return cached[1], cached[2]
        lens = postings.load_lens(txn, uid, cipher)
        sigs = postings.load_sigs(txn, uid, lens.size, cipher) if signatures else None
        if len(self.lens) >= CACHED_USERS:
            self.forget()
        self.lens[user] = (row, lens, sigs)
        return lens, sigs

    def source_table(
        self,
        txn: lmdb.Transaction,
        user: str,
        cipher: PlainCipher,
        *,
        uid: int,
        next_id: int,
        count: int,
        casefold: bool,
    ) -> SourceTable:
        """The user's sources (case-folded when ``casefold``), read up to the snapshot of
        ``txn``; ``uid``, ``next_id`` and ``count`` are the user's row in it. A table read
        beyond ``next_id`` (the store was replaced by an older copy under this process) is read
        again, and so is one that holds more segments deleted since than the user has (adds and
        deletes between searches would otherwise grow it, and the scan, without end)."""
        table = self.sources.get(user)
        if (
            table is None
            or table.uid != uid
            or table.end > next_id
            or len(table.texts) > 2 * count + STALE_SLACK
        ):
            table = SourceTable.empty(uid, casefold)
            self.sources[user] = table
        table.refresh(txn, cipher)
        return table
