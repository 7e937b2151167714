"""The normalised sources of a large memory, held in memory as UTF-8 in one buffer, by id: what
the exact rerank of index candidates reads (:func:`ltmt.retrieval.exact_best`).

Reading a candidate's source from LMDB costs about 2 µs (a lookup in a B-tree of a few hundred
MB; 1.8 ms per 850, ``eval/results/retrieval-source-reads-s31-zen4.json``), a third of a search
for about a thousand candidates. Read from this buffer and scored by
:mod:`ltmt.memory.lcs_kernel`, 2,048 candidates take less time than that (the rerank is an
eighth of a search, ``eval/results/retrieval-s38/profile-final.json``), and the best match is
found more often (``retrieval-s38/ab-codes-2048.json``). The price is memory and the read: 94 MB
for the benchmark's 1M segments (their bytes and 8 per id), read in 1.8-2.1 s (2.9-3.9 s before
session 39 read them in chunks: ``retrieval-s39/first-search-chunks.json``). So a search reads
its candidates' sources one by one (:class:`.sources.FetchedSources`) until the user's searches
have read as many as the memory holds, and only then packs them
(:meth:`.scratch.SearchScratch.pack_now`), on a thread of their own while the searches go on
(:mod:`.packing`), unless :meth:`ltmt.memory.store.Memory.preload` asked for them: a process
that searches a large memory a few times never reads it whole. The chunks a read encodes are
written into the table's buffer where they go (one copy of the bytes, where joining them first
made two).

Like :class:`.sources.SourceTable`, of which it is the packed form, a table is valid for the
ids it has read: segment ids are never reused and a stored source never changes. It is extended
by the ids added since (:meth:`SourceCodes.refreshed`), a deleted segment is left out by its
zero length in the searching transaction's lengths array, and a table holding many deleted
segments is read anew (:class:`.scratch.SourceTables`). A table never changes once made: its
arrays are views of a buffer with room to grow, which a later table extends past the views'
ends, never within them, so a thread may score with the table it got while another refreshes.
The tables hold plaintext for an encrypted store too, in memory only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

import lmdb
import numpy as np

from ltmt.memory.crypto import PlainCipher
from ltmt.memory.growing import Buffer, appended
from ltmt.memory.sources import scored_form, stored_source_chunks

logger = logging.getLogger(__name__)

# sources read and encoded at a time (a chunk's join and case folding hold the interpreter's lock,
# which a search beside a pack in the background waits for: 65,536 before session 40)
READ_CHUNK = 8192


@dataclass(frozen=True)
class SourceCodes:
    """The normalised sources (:func:`.sources.scored_form`, case-folded when ``casefold``) of
    user ``uid``'s segments with an id below ``end``: the UTF-8 of id ``i`` is
    ``data[starts[i]:starts[i + 1]]`` (empty where no segment was stored). ``size``: the
    segments read."""

    uid: int
    casefold: bool
    data: np.ndarray  # (bytes,) uint8
    starts: np.ndarray  # (end + 1,) int64
    end: int
    size: int
    _buffer: Buffer | None = None

    @classmethod
    def empty(cls, uid: int, casefold: bool) -> SourceCodes:
        starts = np.zeros(2, dtype=np.int64)  # id 0 is never used
        return cls(uid, casefold, np.zeros(0, dtype=np.uint8), starts, 1, 0)

    @classmethod
    def of_texts(cls, uid: int, casefold: bool, texts: Sequence[str]) -> SourceCodes:
        """A table of ``texts`` (as given) under ids 1, 2, ...: for tests and trials."""
        data, sizes = _encode([text.encode("utf-8") for text in texts], casefold=False)
        starts = np.zeros(len(texts) + 2, dtype=np.int64)
        starts[2:] = np.cumsum(sizes)
        return cls(uid, casefold, data, starts, len(texts) + 1, len(texts))

    @property
    def nbytes(self) -> int:
        return int(self.data.nbytes + self.starts.nbytes)

    def spans(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(begins, ends)`` of the sources of ``ids`` (each below ``end``)."""
        return self.starts[ids], self.starts[ids + 1]

    def texts(self, ids: np.ndarray) -> list[str]:
        """The sources of ``ids`` (each below ``end``), in their order."""
        begins, ends = self.spans(ids)
        data = self.data
        return [bytes(data[b:e]).decode("utf-8") for b, e in zip(begins, ends, strict=True)]

    def text(self, seg_id: int) -> str:
        """The source of ``seg_id`` (empty when none was read)."""
        if seg_id >= self.end:
            return ""
        return bytes(self.data[self.starts[seg_id] : self.starts[seg_id + 1]]).decode("utf-8")

    def refreshed(self, txn: lmdb.Transaction, cipher: PlainCipher) -> SourceCodes:
        """This table with the segments stored in ``txn`` with an id of ``end`` or more (itself
        when there are none). Read :data:`READ_CHUNK` sources at a time, so that a large memory
        is never held as Python objects all at once."""
        started = time.perf_counter()
        id_parts: list[np.ndarray] = []
        data_parts: list[np.ndarray] = []
        size_parts: list[np.ndarray] = []
        for ids, values in stored_source_chunks(txn, self.uid, self.end, cipher, READ_CHUNK):
            data, sizes = _encode(values, self.casefold)
            id_parts.append(ids)
            data_parts.append(data)
            size_parts.append(sizes)
        if not id_parts:
            return self
        if len(id_parts) > 1:  # a large read: say what the first search waits for
            logger.info(
                "read %d sources of a memory for the exact rerank in %.1f s",
                sum(part.size for part in id_parts),
                time.perf_counter() - started,
            )
        ids = np.concatenate(id_parts)
        end = int(ids[-1]) + 1
        per_id = np.zeros(end - self.end, dtype=np.int64)
        per_id[ids - self.end] = np.concatenate(size_parts)
        starts = self.starts[-1] + np.cumsum(per_id)
        return self._appended(data_parts, starts, end, ids.size)

    def below(self, end: int) -> SourceCodes:
        """This table without the segments of id ``end`` or more (as if read only up to it), in
        arrays of its own (a refresh of it must not write where this table's views still
        read)."""
        if end >= self.end:
            return self
        starts = self.starts[: end + 1].copy()
        kept = int(np.count_nonzero(np.diff(starts)))
        data = self.data[: int(starts[-1])].copy()
        return replace(self, data=data, starts=starts, end=end, size=kept, _buffer=None)

    def _appended(
        self, data: list[np.ndarray], starts: np.ndarray, end: int, added: int
    ) -> SourceCodes:
        """This table with the bytes of ``data`` after its bytes and ``starts`` after its span
        starts."""
        buffer, (all_data, all_starts) = appended(
            self._buffer, (self.data, self.starts), (data, (starts,))
        )
        return replace(
            self,
            data=all_data,
            starts=all_starts,
            end=end,
            size=self.size + added,
            _buffer=buffer,
        )


def _encode(values: Sequence[bytes], casefold: bool) -> tuple[np.ndarray, np.ndarray]:
    """The UTF-8 of ``values`` (stored normalised sources) in the form a search scores
    (:func:`.sources.scored_form`: without invisible characters, case-folded when ``casefold``)
    joined, and the byte size of each.

    Only the values that are not ASCII are read one by one (few, in most memories); the
    joined bytes' ``lower()`` folds the ASCII letters of all of them, and no byte of a
    multi-byte UTF-8 character is ASCII."""
    values = [value if value.isascii() else _scored(value, casefold) for value in values]
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    joined = b"".join(values)
    return np.frombuffer(joined.lower() if casefold else joined, dtype=np.uint8), sizes


def _scored(text: bytes, casefold: bool) -> bytes:
    """``text`` (UTF-8) in :func:`.sources.scored_form`."""
    return scored_form(text.decode("utf-8"), casefold).encode("utf-8")
