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

The record's keys are the places of the output ltmt wrote; a file put at that path since (a
reviewed copy of an earlier delivery, whose blocks are not the last run's) has other blocks at
them, and lined up by those keys each German after an inserted block stood for the English
before it (trial s74: a link inside a link, ``<li>{% if %}</li>``, exit 0). So the keys are used
only where the file's blocks are the record's (:func:`places_recorded`); else a block is lined up
by its text, where the record says which source ltmt wrote that text for, and the rest by their
shapes (:func:`lined_up_by_texts`), where that does not depend on a guess: of blocks alike
(three ``<li>`` beside four), which one was inserted or removed cannot be told, so none of them
is kept, and :func:`warn_of_unplaced` names them. A file with more blocks than both the document
and the record (one a reviewer added) is refused (:func:`refuse_added_blocks`): beside the added
block, which of the blocks alike stands for which English cannot be told either, and a rerun
dropped the added block and translated the reviewer's edit before it again (trial s75).
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import UnalignedTranslationError
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)

Places = list[tuple[int, int]]
# what starts the key in the output of a block lined up by its text or shape, not by the record's
# places (:func:`places_recorded` False): no place of the record is that block's
UNPLACED = "\0unplaced:"


def lined_up_places(
    ours: Sequence[Hashable], theirs: Sequence[Hashable], alike: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """The places in ``ours`` and ``theirs`` (what each side's blocks stand for: their sources'
    digests, or their shapes) that stand for each other: the stretches equal on both sides,
    and a stretch replaced by as many blocks each ``alike`` (of the same kind) by place."""
    opcodes = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_opcodes()
    return _lined_up(opcodes, alike)


def _lined_up(
    opcodes: Sequence[tuple[str, int, int, int, int]], alike: Callable[[int, int], bool]
) -> Places:
    """The places a diff's ``opcodes`` line up (:func:`lined_up_places`)."""
    found: Places = []
    for tag, first, last, their_first, their_last in opcodes:
        places = list(zip(range(first, last), range(their_first, their_last), strict=False))
        same_size = last - first == their_last - their_first
        if tag == "equal" or (
            tag == "replace" and same_size and all(alike(i, j) for i, j in places)
        ):
            found += places
    return found


def surely_lined_up(
    ours: Sequence[Hashable], theirs: Sequence[Hashable], alike: Callable[[int, int], bool]
) -> Places:
    """The places of :func:`lined_up_places` that do not depend on a guess: not those an
    inserted or removed stretch could stand beside as well. Of ``li li li li`` beside ``li li
    li``, which ``li`` is new cannot be told (the diff takes the last), so none lines up. A
    stretch replaced by as many blocks moves nothing; one replaced by more or fewer (two list
    items a translator merged) leaves the blocks beside it as the diff lines them up."""
    opcodes = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_opcodes()
    found = _lined_up(opcodes, alike)
    placed = set(found)
    unsure = {
        place
        for opcode in opcodes
        if opcode[0] in ("insert", "delete")
        for place in _slid_over(ours, theirs, placed, opcode)
    }
    return [place for place in found if place[0] not in unsure]


def _slid_over(
    ours: Sequence[Hashable],
    theirs: Sequence[Hashable],
    placed: set[tuple[int, int]],
    opcode: tuple[str, int, int, int, int],
) -> list[int]:
    """Our places of the blocks ``placed`` (lined up) beside a stretch inserted into ``ours``
    or removed from it (``opcode``: the diff's) that the stretch could slide over, moving by
    one block at a time where the side that holds it repeats its blocks."""
    _, first, last, their_first, their_last = opcode
    side, start, end = (
        (ours, first, last) if their_first == their_last else (theirs, their_first, their_last)
    )
    found: list[int] = []
    t = 0
    while (first - 1 - t, their_first - 1 - t) in placed and side[end - 1 - t] == side[
        start - 1 - t
    ]:
        found.append(first - 1 - t)
        t += 1
    t = 0
    while (last + t, their_last + t) in placed and side[start + t] == side[end + t]:
        found.append(last + t)
        t += 1
    return found


def places_recorded(
    record: Record, theirs: Sequence[tuple[str, str]], ours: int, key_form: re.Pattern[str]
) -> bool:
    """Whether the places ``record`` keeps are the blocks of the file whose blocks (those ltmt
    writes a translation in) are ``theirs`` (key and text, in order), translated into from a
    document of ``ours`` such blocks: the file holds a block at each key of the record's
    ``key_form`` (it is not shorter, nor of other kinds of blocks), no more blocks than the
    record but where the document has as many (a paragraph pasted into both), and no text that
    ltmt wrote at another of its places for another source than this one's. A file put at the
    path since (a reviewed copy of an earlier output, with a block fewer or one more) fails."""
    recorded = {key for key in record.units if key_form.fullmatch(key)}
    keys = {key for key, _ in theirs}
    if not recorded <= keys or len(keys) > max(len(recorded), ours):
        return False
    written = _sources_written(record)
    for key, text in theirs:
        place = record.units.get(key)
        if place is None or record.wrote_at(key, text):
            continue
        sources = {s for d in record.translation_digests(text) for s in written.get(d, ())}
        if sources and place[0] not in sources:
            return False  # ltmt's text of another place: the blocks moved
    return True


def lined_up_by_texts(
    record: Record | None,
    sources: Sequence[str],
    their_texts: Sequence[str],
    shapes: tuple[Sequence[Hashable], Sequence[Hashable]],
    alike: Callable[[int, int], bool],
) -> Places:
    """The places of a document's blocks (their ``sources``) and of its output's (their
    ``their_texts``) that stand for each other, where no record of the output's places tells
    (:func:`places_recorded`): a block whose text ``record`` says ltmt wrote for one source
    alone lines up with that source's block; between two such, the blocks line up by their
    ``shapes`` (ours, theirs) where it does not depend on a guess (:func:`surely_lined_up`)."""
    anchors: Places = []
    if record is not None:
        written = _sources_written(record)
        ours = [record.digest(source) for source in sources]
        theirs = [
            _source_of(record, written, text) or f"\0unknown:{j}"
            for j, text in enumerate(their_texts)
        ]
        anchors = surely_lined_up(ours, theirs, lambda i, j: False)
    found: Places = []
    ends = [(-1, -1), *anchors, (len(sources), len(their_texts))]
    for (first, their_first), (last, their_last) in pairwise(ends):
        found += _between(shapes, alike, (first + 1, last), (their_first + 1, their_last))
        if last < len(sources):
            found.append((last, their_last))
    return found


def _between(
    shapes: tuple[Sequence[Hashable], Sequence[Hashable]],
    alike: Callable[[int, int], bool],
    ours: tuple[int, int],
    theirs: tuple[int, int],
) -> Places:
    """:func:`surely_lined_up` of the blocks from ``ours[0]`` up to ``ours[1]`` and from
    ``theirs[0]`` up to ``theirs[1]`` by their ``shapes``, as places of the whole sequences."""
    mine, other = shapes[0][ours[0] : ours[1]], shapes[1][theirs[0] : theirs[1]]
    return [
        (ours[0] + i, theirs[0] + j)
        for i, j in surely_lined_up(mine, other, lambda i, j: alike(ours[0] + i, theirs[0] + j))
    ]


def _sources_written(record: Record) -> dict[str, set[str]]:
    """The digests of the sources ``record`` says ltmt wrote each translation for (at a place,
    by the translation's digest)."""
    written: dict[str, set[str]] = {}
    for source, translation in record.written_pairs:
        written.setdefault(translation, set()).add(source)
    return written


def _source_of(record: Record, written: dict[str, set[str]], text: str) -> str | None:
    """The digest of the one source ``record`` says ltmt wrote ``text`` for (``written``: its
    :func:`_sources_written`), at a place or in an earlier run; None where it wrote it for none
    or for several (``Weiter`` for Next and Continue)."""
    found = record.earlier_sources(text)
    for digest in record.translation_digests(text):
        found |= written.get(digest, set())
    return next(iter(found)) if len(found) == 1 else None


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


def refuse_added_blocks(where: str, source: Path, blocks: int, written: int, ours: int) -> None:
    """Raise :class:`UnalignedTranslationError` where the output so far (``where``: as named to
    the user, its file and where in it an HTML text is, if not the whole file) has more
    blocks with words (``blocks``) than ``source`` (``ours``) and than those of them the record
    of what ltmt wrote there holds (``written``): someone added one (a note after a paragraph
    they edited), and its blocks' places no longer say which source each was written for. A
    Markdown rerun wrote the note where a heading stood; an HTML one dropped it and translated
    the edited paragraph again. One pasted into both files is no such block."""
    added = blocks - max(written, ours)
    if added > 0:
        raise UnalignedTranslationError(
            f"{where}: it has {counted(added, 'block')} that {source} lacks ({blocks} blocks, "
            f"{ours} in the source, ltmt wrote {written} there: added by hand?), and a rerun "
            "would drop or shift blocks, so nothing was written; add the English of the added "
            f"blocks to {source}, or take them out and put them back after the run, or give "
            "--overwrite to translate it afresh"
        )


def warn_of_unplaced(target: Path, source: Path, dropped: Sequence[str], recorded: bool) -> int:
    """Name the blocks of ``target`` (their keys there, ``dropped``) that stand for none of
    ``source``'s: blocks were inserted or removed since, and neither a record of what ltmt wrote
    there (``recorded``: there is one, of other blocks than the file's) nor their shapes tell
    which German was written for which English, so their translations were not kept and their
    blocks are translated again. Returns how many."""
    if dropped:
        logger.warning(
            "%s: %s of it (%s) matched none of %s's: blocks were inserted or removed there "
            "since, and %s, so %s not kept and the English is translated again rather than "
            "guessed by place; compare with a copy of the file to keep reviewed text",
            target,
            counted(len(dropped), "block"),
            first_few(dropped),
            source,
            "the record of what ltmt wrote there is of other blocks (a reviewed copy of an "
            "earlier output put in its place?)"
            if recorded
            else "no record of what ltmt wrote there tells which English each German was for",
            "its translation was" if len(dropped) == 1 else "their translations were",
        )
    return len(dropped)


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
