"""Each source's newest translation in a memory: the one its searches reuse.

A memory keeps every translation of a source it was given, and a search reuses the newest (the
highest id: :mod:`ltmt.memory.approvals`, :mod:`ltmt.memory.dated`); a reviewer's correction
leaves the translation it corrected stored beside it. An export for another tool (a CAT tool
reads every unit of a TMX as an approved 100 % match) may want only the translations ltmt itself
reuses: :func:`newest_of_each_source` yields, of each source (its index text: spaces folded,
case-folded, as a search reads it) in each context (PO ``msgctxt``) and plural form, the segment
of the highest id, in id order, and counts those it leaves out.

It reads the segments twice, keeping an 8-byte digest per source between the passes (some 100
bytes a source in all, not its text), so a large memory is not held in RAM.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ltmt.memory.layout import context_of
from ltmt.segments import Segment
from ltmt.text import index_text


def _digest(segment: Segment) -> bytes:
    """The digest of ``segment``'s source as searches read it, with its context and plural form."""
    key = "\x00".join(
        (
            index_text(segment.source),
            context_of(segment.metadata),
            str(segment.metadata.get("plural", "")) if segment.metadata else "",
        )
    )
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()


@dataclass
class NewestOnly:
    """What :func:`newest_of_each_source` left out: ``older`` translations of a source."""

    older: int = 0


def newest_of_each_source(
    read: Callable[[], Iterable[Segment]], left_out: NewestOnly
) -> Iterator[Segment]:
    """The segments ``read()`` yields (in id order) that are the newest translation of their
    source (module docstring), counting the others in ``left_out``; ``read`` is called twice."""
    newest: dict[bytes, int] = {}
    for segment in read():
        newest[_digest(segment)] = segment.id  # id order: the last is the highest
    for segment in read():
        if newest.get(_digest(segment), segment.id) <= segment.id:  # or stored since
            yield segment
        else:
            left_out.older += 1
