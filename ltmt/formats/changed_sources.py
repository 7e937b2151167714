"""Translations kept from an existing output whose source changed since they were approved.

A one-language catalog's existing translation is the translation so far (:mod:`ltmt.formats.
keyed_catalog`): a string it has is kept, so a string whose English changed keeps the German of
the old English, and a ``memory import`` of the two files then stores that German for the new
English. The file cannot tell; the user's memory can, where the old pair was imported with the
string's name as its context: a match of the string's current source with the same context and
the kept translation as its target, but another source, says the translation was approved for
that other source. (A source changed so far that the old one is not among its best matches
goes unnoticed; a memory that never held the pair says nothing.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ltmt.formats.documents import Unit
    from ltmt.memory.store import Memory

MATCHES_READ = 3  # the best matches of each source looked at


def approved_for_other_sources(
    memory: Memory, user: str, kept: Sequence[tuple[Unit, str]]
) -> list[str]:
    """The keys of ``kept`` (a unit and the translation kept for it) whose translation
    ``user``'s memory holds for another source under the unit's context (module docstring)."""
    if not kept:
        return []
    found = memory.search_batch(
        user,
        [unit.source for unit, _ in kept],
        k=MATCHES_READ,
        prefer=[{"context": unit.context} for unit, _ in kept],
    )
    changed = []
    for (unit, translation), matches in zip(kept, found, strict=True):
        for match in matches:
            segment = match.segment
            context = segment.metadata.get("context") or ""
            if context == unit.context and segment.target == translation:
                if segment.source != unit.source:
                    changed.append(unit.key)
                break  # the best such pair decides: approved for this source or another
    return changed
