"""Which of several records of what ltmt wrote is an output's, where more than one may be.

A cache folder keeps a record per output and user (:mod:`ltmt.formats.output_sources`), so an
output translated for more than one user (or with another memory store, or none: a mistyped
``--memory-dir``) has a record in each of their folders, and the older ones say what ltmt wrote
there before. ``ltmt qa`` without ``--user`` and an import into another user read the file's
record whoever it was written for: the one to read is the record of the run that wrote the
file's bytes, else of ltmt's last write at its path (the file edited since), never the first
found in the folders' order, which the cache's random secret sets (trial s73: ``qa`` named
ltmt's fresh translation ``outdated`` on two caches of three, and missed a real one). Where
that cannot be told (two records that differ, stamped with one time), none is read, and a
warning names ``--user``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FoundRecord:
    """A record read from a cache folder: ``written``, when (nanoseconds since the epoch: the
    stamp the record holds, else its file's modification time, for a record of before session
    73); ``by_content``, whether it was found by the output's bytes (it is the record of the run
    that wrote the file as it is), not by its path."""

    record: Record
    written: int
    by_content: bool = False


def latest_record(found: Sequence[FoundRecord], output: Path) -> Record | None:
    """The record among ``found`` (those of ``output`` in users' folders) of the run that wrote
    ``output``'s bytes, else the last written; None where there is none, or where two that
    differ rank alike (a warning says so)."""
    return _best([((item.by_content, item.written), item.record) for item in found], output)


def copied_record(
    found: Iterable[FoundRecord], pairs: Sequence[tuple[str, str]], output: Path
) -> Record | None:
    """The record among ``found`` (every record of the cache folder) of the output that
    ``pairs`` (``output``'s sources and translations) are a copy of, edited since or written
    anew (a table filled in place copied under another name, a cell or two changed by hand):
    the one that wrote most of ``pairs``, where they are more than half of the pairs it wrote
    and of ``pairs``, word for word, the last written of those that wrote as many; else None (a
    memory of its own that holds a pair or two ltmt wrote somewhere is no copy). The memory's
    translations it copied count as the output's, as they are its text: a copy of an output
    half of whose units are exact matches is a copy still (before, regression trial rege, its
    machine translation was imported as approved). Which of its pairs are ltmt's unreviewed
    machine translation the record says pair by pair
    (:meth:`~ltmt.formats.output_sources.Record.translated`), so a client's TMX that the
    matches came from, taken for one, loses none of its pairs."""
    distinct = set(pairs)
    copies = []
    for item in found:
        wrote = sum(1 for source, text in distinct if item.record.wrote(source, text))
        if 2 * wrote > len(item.record.written_pairs) and 2 * wrote > len(distinct):
            copies.append(((wrote, item.written), item.record))
    return _best(copies, output)


def _best(ranked: Sequence[tuple[tuple[int, int], Record]], output: Path) -> Record | None:
    """The record of the highest rank among ``ranked``; None where there is none, or where
    another of that rank differs from it (which is ``output``'s cannot be told: a warning)."""
    if not ranked:
        return None
    top = max(rank for rank, _ in ranked)
    best = [record for rank, record in ranked if rank == top]
    if any(record != best[0] for record in best[1:]):
        logger.warning(
            "%s: %d records of what ltmt wrote into it, of other users or memory stores, were "
            "written at one time, so which one is the file's cannot be told: none is read; "
            "pass --user with the user ltmt translated it for",
            output,
            len(best),
        )
        return None
    return best[0]
