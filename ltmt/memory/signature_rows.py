"""The term signatures of a large memory's segments, held in memory by id and shared by the
threads of one :class:`~ltmt.memory.store.Memory`: what the index's second pass tests
(:func:`ltmt.memory.index.candidates`).

A segment's signature is written when it is added and zeroed in the store when it is deleted;
its id is never reused. A search reads a signature only for a segment its first pass estimated,
and a deleted segment's zero length in the searching transaction's lengths array gives it no
estimate. So a table keeps the rows as first read: a delete changes nothing here (a search in an
older snapshot, where the segment still lives, gets its signature), and a refresh reads only
the blocks holding ids added since (:meth:`SignatureRows.refreshed`). Each thread used to keep
its own copy, read whole again after every write: 64 MB for a million segments per thread, and a
search after an add or a delete took 18 ms at the median where it takes 6-7 now
(``eval/results/retrieval-s39/after-writes.json``).

Like :class:`.source_codes.SourceCodes`, a table never changes once made: its rows are a view of
a buffer with room to grow (:mod:`.growing`), which a later table extends past the view's end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import lmdb
import numpy as np

from ltmt.memory import postings
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.growing import Buffer, appended
from ltmt.memory.layout import SIG_BYTES


@dataclass(frozen=True)
class SignatureRows:
    """The signatures of user ``uid``'s segments with an id below ``end``: row ``i`` is id
    ``i``'s, as stored when it was read (zero where no segment was). ``size``: the ids read.
    ``casefold`` is that of the searches it serves (the index is case-folded either way)."""

    uid: int
    casefold: bool
    rows: np.ndarray  # (end, SIG_BYTES) uint8
    end: int
    size: int
    _buffer: Buffer | None = None

    @classmethod
    def empty(cls, uid: int, casefold: bool) -> SignatureRows:
        return cls(uid, casefold, np.zeros((1, SIG_BYTES), dtype=np.uint8), 1, 0)  # no id 0

    @property
    def nbytes(self) -> int:
        return int(self.rows.nbytes)

    def refreshed(self, txn: lmdb.Transaction, cipher: PlainCipher) -> SignatureRows:
        """This table with the rows of the ids from ``end`` on that ``txn`` stores (itself when
        there are none): only the blocks holding them are read."""
        new = postings.sig_rows_from(txn, self.uid, self.end, cipher)
        if not len(new):
            return self
        buffer, (rows,) = appended(self._buffer, (self.rows,), ((new,),))
        return replace(self, rows=rows, end=len(rows), size=len(rows) - 1, _buffer=buffer)

    def below(self, end: int) -> SignatureRows:
        """This table without the ids of ``end`` or more, in rows of its own (a refresh of it
        must not write where this table's view still reads)."""
        if end >= self.end:
            return self
        return replace(self, rows=self.rows[:end].copy(), end=end, size=end - 1, _buffer=None)
