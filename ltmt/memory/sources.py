"""The normalised sources of a small memory, all of them, for an exhaustive scan (a large
memory's index candidates are scored from its sources packed by id: :mod:`.source_codes`).

A memory of at most ``SCAN_MAX`` segments is searched by scoring every stored source with
rapidfuzz's batch scorer. It finds the best match by construction (n-gram candidates can miss
one that shares no n-gram with the query, e.g. ``child exited`` → ``invalid pid``), and on the
project's 2-core machines it is faster than the index at 10,000 segments or fewer: 0.5-1.3 ms
at p50 on the dev users' own memories (1,400-5,100 segments) against 2.4-4.5 ms, 2.8 against
3.6 ms CPU at 10,000, and slower at 20,000 (``eval/results/retrieval-{10k,20k}-scan.json``).
The threads searching through one :class:`~ltmt.memory.store.Memory` share one
:class:`SourceTable` per recently searched small memory (:class:`.scratch.SourceTables`). Segment
ids are never reused and a stored segment's source never changes, so a table stays valid as the
memory changes: it is extended by the ids added since it was read, and a deleted segment is left
out by its zero length in the lengths array of the searching transaction (a table holding more
deleted segments than live ones is read anew). A table never changes once made: a refresh makes
a new one, so a thread may scan the table it got while another thread refreshes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import lmdb
import numpy as np
from rapidfuzz import process

from ltmt.errors import StoreError
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.layout import NORM, DamagedRecord, seg_key, u32
from ltmt.text import SCORER, without_invisible

# Memories of at most this many segments are searched by an exhaustive scan.
SCAN_MAX = 10_000
# Sources a small memory's table reads at a time (:func:`stored_source_chunks`).
READ_CHUNK = 16_384
# Rows a read of stored sources copies between checks that they are still the user's.
_CHECK_EVERY = 4_096


@dataclass(frozen=True)
class SourceTable:
    """The normalised sources (:func:`scored_form`, case-folded when ``casefold``) of user
    ``uid``'s segments with an id below ``end``, as read by some earlier transaction:
    ``ids[i]`` names ``texts[i]``."""

    uid: int
    casefold: bool
    ids: np.ndarray  # (n,) int64, ascending
    texts: tuple[str, ...]
    end: int

    @classmethod
    def empty(cls, uid: int, casefold: bool) -> SourceTable:
        return cls(uid, casefold, np.zeros(0, dtype=np.int64), (), 1)

    @property
    def size(self) -> int:
        """The segments read."""
        return len(self.texts)

    @property
    def nbytes(self) -> int:
        """About what the table holds: its ids, and a byte per character (more for text that
        is not Latin-1, and Python's object headers besides)."""
        return int(self.ids.nbytes) + sum(map(len, self.texts))

    def refreshed(self, txn: lmdb.Transaction, cipher: PlainCipher) -> SourceTable:
        """This table with the segments stored in ``txn`` with an id of ``end`` or more (itself
        when there are none)."""
        id_parts = [self.ids]
        new_texts: list[str] = []
        for ids, values in stored_source_chunks(txn, self.uid, self.end, cipher, READ_CHUNK):
            id_parts.append(ids)
            new_texts.extend(scored_form(_text(value), self.casefold) for value in values)
        if len(id_parts) == 1:
            return self
        ids = np.concatenate(id_parts)
        return replace(self, ids=ids, texts=self.texts + tuple(new_texts), end=int(ids[-1]) + 1)

    def below(self, end: int) -> SourceTable:
        """This table without the segments of id ``end`` or more (as if read only up to it)."""
        kept = int(np.searchsorted(self.ids, end))
        return replace(self, ids=self.ids[:kept], texts=self.texts[:kept], end=end)


class FetchedSources:
    """The normalised sources of a large memory's candidates, read from LMDB one by one in a
    search's read transaction: what a search scores until the user's packed sources
    (:class:`.source_codes.SourceCodes`) are worth reading whole (:mod:`.scratch`). A read costs
    about 2 µs, as one of a whole read does, and a search reads a few thousand; a process that
    searches a memory of a million segments once (``ltmt memory search``) reads those, not a
    million. ``read``: the rows read so far."""

    def __init__(
        self, txn: lmdb.Transaction, uid: int, cipher: PlainCipher, casefold: bool
    ) -> None:
        self.txn, self.uid, self.cipher, self.casefold = txn, uid, cipher, casefold
        self.read = 0

    def texts(self, ids: np.ndarray) -> list[str]:
        """The sources of ``ids`` (:func:`scored_form`, case-folded when ``casefold``), in
        their order."""
        texts = []
        for seg_id in ids.tolist():
            key = seg_key(self.uid, seg_id, NORM)
            value = self.txn.get(key)
            if value is None:
                raise StoreError(
                    f"the memory index names segment {seg_id}, which the store lacks; run ltmt "
                    "memory check"
                )
            texts.append(scored_form(str(self.cipher.open(value, key), "utf-8"), self.casefold))
        self.read += len(texts)
        return texts


def stored_source_chunks(
    txn: lmdb.Transaction, uid: int, first: int, cipher: PlainCipher, size: int
) -> Iterator[tuple[np.ndarray, list[bytes]]]:
    """User ``uid``'s stored normalised sources with an id of ``first`` or more, in id order, at
    most ``size`` at a time: ``(ids, sources)``, the ids int64, the sources UTF-8 in plaintext
    (what :class:`SourceTable` and :class:`.source_codes.SourceCodes` read).

    The loop only copies each row; whether it is still in the user's rows is checked after 1,
    2, 4, ... rows, then every ``_CHECK_EVERY``, and at the end of a chunk, and the rows read
    past them are dropped: a read of a few new rows reads at most as many more, and a large
    read skips a check and a generator step per row."""
    prefix = NORM + u32(uid)
    mine = len(prefix)
    cursor = txn.cursor()
    if not cursor.set_range(seg_key(uid, first, NORM)):
        return
    rows = iter(cursor)
    while True:
        keys: list[bytes] = []
        values: list[bytes] = []
        last = True
        check = 1  # after 1, 2, 4, ... rows, then every _CHECK_EVERY: a refresh reads few
        for key, value in rows:
            keys.append(bytes(key))
            values.append(bytes(value))
            if len(keys) >= size:
                last = False
                break
            if len(keys) == check:
                if keys[-1][:mine] != prefix:
                    break
                check += min(check, _CHECK_EVERY)
        if keys and keys[-1][:mine] != prefix:  # read past the user's rows
            theirs = next(i for i, key in enumerate(keys) if key[:mine] != prefix)
            del keys[theirs:], values[theirs:]
            last = True
        if keys:
            if any(len(key) != len(keys[0]) for key in keys):
                raise DamagedRecord("a key of a segment's source has another length than its own")
            raw = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), -1)
            ids = np.ascontiguousarray(raw[:, mine:]).view(">u4").ravel().astype(np.int64)
            if cipher.encrypted:
                values = [bytes(cipher.open(v, k)) for k, v in zip(keys, values, strict=True)]
            yield ids, values
        if last:
            return


def scan(query: str, table: SourceTable, lens: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` of every segment of ``table`` still stored (a non-zero
    length in ``lens``, the user's :func:`.postings.load_lens`) that shares a character with
    ``query`` (a score above 0), best first; ties go to the newest id, as
    :func:`ltmt.retrieval.exact_best` breaks them."""
    if not table.texts:
        return []
    scores = process.cdist([query], table.texts, scorer=SCORER, dtype=np.float64)[0]
    known = table.ids < lens.size
    alive = np.zeros(table.ids.size, dtype=bool)
    alive[known] = lens[table.ids[known]] > 0
    live = np.flatnonzero(alive & (scores > 0))
    if not live.size:
        return []
    scores, ids = scores[live], table.ids[live]
    if ids.size > k:  # those that can enter the k best: at least the k-th best score
        kth = np.partition(scores, ids.size - k)[ids.size - k]
        chosen = np.flatnonzero(scores >= kth)
        scores, ids = scores[chosen], ids[chosen]
    order = np.lexsort((-ids, -scores))[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]


def scored_form(stored: str, casefold: bool) -> str:
    """A stored normalised source (:func:`ltmt.text.fold_space` form) as a search scores it:
    :func:`ltmt.text.normalize`'s form, without invisible characters (a store keeps them:
    :mod:`ltmt.text`), case-folded when ``casefold``."""
    scored = without_invisible(stored)
    return scored.casefold() if casefold else scored


def _text(value: bytes) -> str:
    """A stored source as text; a :class:`DamagedRecord` where it is no UTF-8."""
    try:
        return str(value, "utf-8")
    except UnicodeDecodeError:
        raise DamagedRecord("a segment's source is no UTF-8 text") from None
