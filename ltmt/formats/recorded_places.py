"""Which block of an existing output stands for which block of a document (a Markdown page's,
an HTML page's), where blocks were inserted or removed since the output was written.

A document's blocks are keyed by their place, so an insertion moves every block after it. The
record of what ltmt wrote into the output (:mod:`ltmt.formats.output_sources`) says, per key of
the output's blocks, the digest of the source each was translated from: the sequence of the
output's sources is diffed with the document's (:class:`difflib.SequenceMatcher`), so that a
block whose source is still there keeps its translation (a reviewer's edit too) wherever it
moved, an inserted block is translated and a removed one dropped. A stretch whose sources all
changed lines up by place where both sides have as many blocks of the same kinds (each block
then checked against the record as any kept one). A translation someone edited in a stretch that
does not line up is lost: :func:`warn_of_replaced` says so.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)


def lined_up_places(
    ours: Sequence[Hashable], theirs: Sequence[Hashable], alike: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """The places in ``ours`` and ``theirs`` (what each side's blocks stand for: their sources'
    digests, or their shapes) that stand for each other: the stretches equal on both sides,
    and a stretch replaced by as many blocks each ``alike`` (of the same kind) by place."""
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    found: list[tuple[int, int]] = []
    for tag, first, last, their_first, their_last in matcher.get_opcodes():
        places = list(zip(range(first, last), range(their_first, their_last), strict=False))
        same_size = last - first == their_last - their_first
        if tag == "equal" or (
            tag == "replace" and same_size and all(alike(i, j) for i, j in places)
        ):
            found += places
    return found


def recorded_sources(
    record: Record, sources: Sequence[str], their_keys: Sequence[str]
) -> tuple[list[str], list[str]]:
    """What to line up (:func:`lined_up_places`) a document's blocks (their ``sources``) and
    its output's (their keys there, ``their_keys``) by: the digests of our sources, and those
    ``record`` holds of the sources ltmt wrote the output's blocks for (a block it holds none
    of, one a reviewer added, stands for none of ours)."""
    ours = [record.digest(source) for source in sources]
    theirs = [
        record.units[key][0] if key in record.units else f"not recorded: {key}"
        for key in their_keys
    ]
    return ours, theirs


def warn_of_replaced(target: Path, record: Record, dropped: Sequence[tuple[str, str]]) -> int:
    """Name those of ``dropped`` (keys in ``target`` and texts of the output's blocks that
    stand for none of the document's) that someone edited there: ``record`` holds neither
    their text as ltmt's translation nor as the untranslated source of their place. Their
    source changed where blocks were inserted or removed around them, so the run translates
    their blocks again. Returns how many."""
    written = {translation for _, translation in record.units.values()}
    edited = [
        key
        for key, text in dropped
        if not written.intersection(record.translation_digests(text))
        and record.units.get(key, ("", ""))[0] != record.digest(text)
    ]
    if edited:
        logger.warning(
            "%s: %s replaced (%s): their source changed where blocks were inserted or "
            "removed around them; compare with a copy of the file to keep the edits",
            target,
            counted(len(edited), "edited translation"),
            first_few(edited),
        )
    return len(edited)
