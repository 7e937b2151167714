"""Translations kept from an existing output whose source changed since they were approved.

A one-language catalog's existing translation is the translation so far (:mod:`ltmt.formats.
keyed_catalog`): a string it has is kept, so a string whose English changed keeps the German of
the old English, and a ``memory import`` of the two files then stores that German for the new
English. The file cannot tell; the user's memory can, where the old pair was imported with the
string's name as its context: a match of the string's current source with the same context and
the kept translation as its target, but another source, says the translation was approved for
that other source. So does a pair whose source is another unit's of the file, word for word,
and whose target is the kept translation, where the memory holds no pair of the unit's own
source and that translation: a translation kept by position that belongs to a block moved
there (a Markdown paragraph inserted or removed before it). (A source changed so far that the
old one is not among its best matches, and is no other unit's, goes unnoticed; a memory that
never held the pair says nothing.) Texts are compared in the segments' one form of ``&``, ``<`` and
``>`` (:func:`~ltmt.formats.markup_characters.from_written`): a web app's ``Save &amp; close``
is the pair of a page's ``Save & close``; and a translation the memory holds for the unit's own
source as well as for another is approved for it.

``ltmt translate`` translates such strings again (as it does those ltmt wrote for another
source: :mod:`ltmt.formats.output_sources`), and ``memory import --source-file`` skips such
pairs (:func:`older_sources_unpaired`, counted under :data:`OLDER_SOURCE`): stored for the new
English, the old English's German would be reused as its 100 % match and hide the change from
every later check. ``memory add`` stores a pair whose old translation a reviewer finds right.
A catalog holding both languages that no tool marks when a source changes (an Xcode string
catalog: :class:`~ltmt.formats.documents.SourceChangesUnmarked`) has such a string marked for
review instead, as msgmerge marks a PO entry (:func:`marked_for_review`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ltmt.formats.documents import SourceChangesUnmarked, Unit
from ltmt.formats.markup_characters import from_written
from ltmt.text import normalize
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from pathlib import Path

    from ltmt.memory.store import Memory
    from ltmt.segments import Match, PairRecord

logger = logging.getLogger(__name__)

MATCHES_READ = 3  # the best matches of each source looked at
OLDER_SOURCE = "target of an older source"  # why an import skips such a pair


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
    approved = _approved_sources(found)
    changed = []
    for (unit, translation), matches in zip(kept, found, strict=True):
        translation = from_written(translation)
        sources = approved.get((unit.context, translation), set())
        if sources and normalize(from_written(unit.source)) not in sources:
            changed.append(unit.key)  # another unit's translation, word for word
            continue
        approved_for = {
            from_written(match.segment.source)
            for match in matches
            if (match.segment.metadata.get("context") or "") == unit.context
            and from_written(match.segment.target) == translation
        }
        if approved_for and from_written(unit.source) not in approved_for:
            changed.append(unit.key)  # approved for another source alone
    return changed


def _approved_sources(found: Sequence[Sequence[Match]]) -> dict[tuple[str, str], set[str]]:
    """The sources (normalised) of the 100 % matches among ``found`` (the kept units' best
    matches), by their context and target: the translations the memory approved for the file's
    sources."""
    approved: dict[tuple[str, str], set[str]] = {}
    for matches in found:
        for match in matches:
            if match.score >= 100:
                segment = match.segment
                context = segment.metadata.get("context") or ""
                approved.setdefault((context, from_written(segment.target)), set()).add(
                    normalize(from_written(segment.source))
                )
    return approved


def older_sources_unpaired(
    memory: Memory, user: str, records: Sequence[PairRecord]
) -> list[PairRecord]:
    """``records`` (the pairs of a one-language file and its source file), those of a named
    string whose target ``user``'s memory holds for another source of that name marked unpaired
    (:data:`OLDER_SOURCE`: an import skips them; module docstring). Pairs without a name (a
    document's blocks, paired by their place) are not looked at: their memory tells less."""
    named = [
        (Unit(str(number), record.source, context=str(record.metadata["context"])), record.target)
        for number, record in enumerate(records)
        if record.metadata.get("context") and not record.unpaired
    ]
    older = set(approved_for_other_sources(memory, user, named))
    return [
        replace(record, unpaired=OLDER_SOURCE) if str(number) in older else record
        for number, record in enumerate(records)
    ]


def marked_for_review(
    document: SourceChangesUnmarked,
    in_path: Path,
    changed_sources: Callable[[Sequence[tuple[Unit, str]]], list[str]],
) -> list[Unit]:
    """Mark for review (Xcode's ``needs_review``) the translations ``document`` holds that the
    memory holds for another source (``changed_sources``: :func:`approved_for_other_sources`
    with the memory and user), and name them in a warning; their units, as suggestions that a
    100 % match of the new source replaces, as a fuzzy PO entry's is (module docstring)."""
    held = document.held_translations()
    units = [unit for unit in document.units() if unit.key in held]
    changed = set(changed_sources([(unit, held[unit.key]) for unit in units]))
    if not changed:
        return []
    document.fill({key: held[key] for key in changed}, mark_fuzzy=True)
    stale = [replace(unit, suggestion=True) for unit in units if unit.key in changed]
    logger.warning(
        "%s: %s translate another source, as the memory holds them (%s): the source changed "
        "since; marked for review (--overwrite translates every string again)",
        in_path,
        counted(len(stale), "string"),
        first_few([unit.key for unit in stale]),
    )
    return stale
