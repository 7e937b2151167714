"""Arrays that grow at their end while threads read older views of them: what the shared
tables of large memories are made of (:class:`.source_codes.SourceCodes`,
:class:`.signature_rows.SignatureRows`).

A table is a set of views of the first rows of a buffer's arrays and never changes once made. A
newer table of the same buffer is written past the views' ends, never within them, so a thread
may read the table it got while another makes the next one.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

# a buffer that must grow gets this much room more than it needs
GROWTH = 1.25


@dataclass
class Buffer:
    """Arrays with room to grow, the first ``used[i]`` rows of ``arrays[i]`` written."""

    arrays: list[np.ndarray]
    used: list[int]
    lock: threading.Lock = field(default_factory=threading.Lock)


def appended(
    buffer: Buffer | None, views: Sequence[np.ndarray], parts: Sequence[Sequence[np.ndarray]]
) -> tuple[Buffer, list[np.ndarray]]:
    """Each of ``views`` with the same-index ``parts`` after it, in order: ``(buffer, the new
    views)``. (Parts are written where they go, not joined first: a memory's sources are read
    in chunks, and joining them took one more copy of the whole table.)

    Written into ``buffer`` when ``views`` are its newest (each ends where the buffer's written
    rows end) and it has room; else into a new buffer with :data:`GROWTH` times the room (pages
    never written are never resident: the room costs address space, not memory), so that the
    next few appends do not copy the whole table."""
    ends = [len(view) + sum(map(len, pieces)) for view, pieces in zip(views, parts, strict=True)]
    if buffer is not None:
        with buffer.lock:
            held = zip(buffer.used, views, buffer.arrays, ends, strict=True)
            newest = all(used == len(view) and len(array) >= end for used, view, array, end in held)
            if newest:
                for array, view, pieces in zip(buffer.arrays, views, parts, strict=True):
                    _write(array, len(view), pieces)
                buffer.used = ends
                return buffer, [array[:end] for array, end in zip(buffer.arrays, ends, strict=True)]
    arrays = []
    for view, pieces, end in zip(views, parts, ends, strict=True):
        array = np.empty((int(end * GROWTH), *view.shape[1:]), dtype=view.dtype)
        array[: len(view)] = view
        _write(array, len(view), pieces)
        arrays.append(array)
    grown = Buffer(arrays, ends)
    return grown, [array[:end] for array, end in zip(arrays, ends, strict=True)]


def _write(array: np.ndarray, at: int, pieces: Sequence[np.ndarray]) -> None:
    """Copy ``pieces`` into ``array`` one after another from row ``at``."""
    for piece in pieces:
        array[at : at + len(piece)] = piece
        at += len(piece)
