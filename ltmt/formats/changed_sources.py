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
there (a Markdown paragraph inserted or removed before it). A string with a key has the pairs
of its key looked at whatever their source (session 71: an English rewritten so far that the
old one was not among its best matches went unnoticed). (A block without a key whose source
changed that far, and is no other unit's, goes unnoticed; a memory that never held the pair
says nothing.) Texts are compared in the segments' one form of ``&``, ``<`` and
``>`` (:func:`~ltmt.formats.markup_characters.from_written`): a web app's ``Save &amp; close``
is the pair of a page's ``Save & close``; a translation the memory holds for the unit's own
source as well as for another is approved for it; and one that another unit of the file, whose
source the memory holds it for, keeps too is a translation the two share (``All right.`` and
``Okay.``, both ``Alles klar.``), no evidence of a change.

The memory alone is weak evidence: a user's memory holds the strings of every project, whose
keys are generic (``title``, ``button.ok``), and a translator may keep a German on purpose
after an English edit. So ``ltmt translate`` keeps such strings and names them in a warning
(:func:`~ltmt.formats.existing_output.warn_of_changed_sources`; a document's block kept by its
place, a Markdown paragraph, an HTML run, a subtitle cue, which an edit or an insertion before
it moves, is translated again), and ``memory import
--source-file`` stores such pairs and names them (:func:`held_for_other_sources`). The record of
what ltmt wrote into the output (:mod:`ltmt.formats.output_sources`) is strong evidence: a
translation it holds for other sources only was ltmt's for an English changed since, and is
translated again, and its pair skipped by an import (:func:`recorded_for_older_sources`,
counted under :data:`OLDER_SOURCE`): stored for the new English, the old English's German
would be reused as its 100 % match and hide the change from every later check. A translation it
holds for the unit's own source is ltmt's machine translation that nobody changed: an import
stores it and names it in a warning (:func:`written_unreviewed`). A catalog
holding both languages that no tool marks when a source changes (an Xcode string catalog:
:class:`~ltmt.formats.documents.SourceChangesUnmarked`) has such a string marked for review,
as msgmerge marks a PO entry, and kept (:func:`mark_for_review`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ltmt.formats.documents import MarksKept, NamesUnits, SourceChangesUnmarked, Unit
from ltmt.formats.key_contexts import key_context, same_context
from ltmt.formats.markup_characters import from_written
from ltmt.formats.output_sources import outdated
from ltmt.formats.table_record_keys import emptied_again
from ltmt.text import normalize
from ltmt.wording import counted, first_few, them

if TYPE_CHECKING:
    from pathlib import Path

    from ltmt.formats.output_sources import Record
    from ltmt.memory.store import Memory
    from ltmt.segments import Match, PairRecord

logger = logging.getLogger(__name__)

# a spreadsheet cell's place at the end of a pair's position: a sheet's name (quoted where it
# is not one word), "!", the cell, and how many more cells show its shared string
_CELL_PLACE = re.compile(
    r": ((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)![A-Z]+\d+(?: and \d+ more cells?)?)$"
)

# a text file's pair's line at the end of its position (``de.txt:2``)
_LINE_PLACE = re.compile(r"\S:(\d+)$")

MATCHES_READ = 3  # the best matches of each source looked at
# the most segments a user's memory has for its pairs to be read by key (:func:`_pairs_by_key`)
KEY_PASS_MAX = 100_000
OLDER_SOURCE = "target of an older source"  # why an import skips such a pair
# why an import skips a translator's translation whose source changed since it was written
# (worded of several, as the JSON's key; a summary says it of one by ltmt.wording.agreeing)
CHANGED_SOURCE = "whose source changed since they were translated"
# why ``memory import --reviewed-only`` skips a translation the memory holds for another source
# of the pair's key (:func:`held_left_out`), worded of several
HELD_FOR_OTHER_SOURCE = "whose translation the memory holds for another source of their key"
# why ``memory import --reviewed-only`` skips ltmt's translation that nobody changed since
UNREVIEWED = "written by ltmt and not reviewed"
# why it skips, in a one-language file, a translation that a run kept without a record of the
# file and that nobody edited since (:data:`~ltmt.formats.output_sources.UNKNOWN`)
UNRECORDED = "kept without a record: cannot tell whether reviewed"


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
    shared = _kept_by_sources(kept)
    by_key = _pairs_by_key(memory, user, {key_context(u.context) for u, _ in kept if u.context})
    changed = []
    for (unit, translation), matches in zip(kept, found, strict=True):
        translation = from_written(translation)
        place = (key_context(unit.context), translation)
        sources = approved.get(place, set())
        kept_too = shared.get(place, set())  # by the file's units
        if sources and normalize(from_written(unit.source)) not in sources:
            if not sources & kept_too:
                changed.append(unit.key)  # another unit's translation, word for word
            continue
        approved_for = {
            from_written(match.segment.source)
            for match in matches
            if same_context(match.segment.metadata.get("context"), unit.context)
            and from_written(match.segment.target) == translation
        }
        # a key's pair whatever its source: one rewritten is no best match of today's
        approved_for |= by_key.get((key_context(unit.context), translation), set())
        sharing = {normalize(source) for source in approved_for} & kept_too
        if approved_for and from_written(unit.source) not in approved_for and not sharing:
            changed.append(unit.key)  # approved for another source alone
    return changed


def _pairs_by_key(memory: Memory, user: str, contexts: set[str]) -> dict[tuple[str, str], set[str]]:
    """The sources ``user``'s memory holds a translation for under one of ``contexts`` (keys,
    in :func:`~ltmt.formats.key_contexts.key_context`'s spelling), by context and target: the
    pair of a string's key, found whatever its source (a search by today's source missed
    ``confirm_delete``'s, whose English was rewritten, behind three other keys' matches). One
    pass over the user's memory, made only for a file keeping translations under keys and a
    memory of at most :data:`KEY_PASS_MAX` segments (a larger one's pass would cost each run
    seconds: about 1.1 s per 50,000 segments on a 2-core machine, by hand); a larger memory's
    rewritten strings are found by their best matches alone."""
    found: dict[tuple[str, str], set[str]] = {}
    if not contexts or user not in memory.users() or memory.count(user) > KEY_PASS_MAX:
        return found
    for segment in memory.segments(user):
        context = key_context(str(segment.metadata.get("context") or ""))
        if context in contexts:
            place = (context, from_written(segment.target))
            found.setdefault(place, set()).add(from_written(segment.source))
    return found


def _kept_by_sources(kept: Sequence[tuple[Unit, str]]) -> dict[tuple[str, str], set[str]]:
    """The sources (normalised) of ``kept``'s units by their context (in :func:`~ltmt.formats.
    key_contexts.key_context`'s spelling) and kept translation. A translation the memory
    approved for another unit of the file that keeps it too is a translation two sources share
    (``All right.`` and ``Okay.``, both ``Alles klar.``), not a block moved or a source edited:
    it is no evidence of a change."""
    sources: dict[tuple[str, str], set[str]] = {}
    for unit, translation in kept:
        key = (key_context(unit.context), from_written(translation))
        sources.setdefault(key, set()).add(normalize(from_written(unit.source)))
    return sources


def _approved_sources(found: Sequence[Sequence[Match]]) -> dict[tuple[str, str], set[str]]:
    """The sources (normalised) of the 100 % matches among ``found`` (the kept units' best
    matches), by their context (:func:`~ltmt.formats.key_contexts.key_context`) and target: the
    translations the memory approved for the file's sources."""
    approved: dict[tuple[str, str], set[str]] = {}
    for matches in found:
        for match in matches:
            if match.score >= 100:
                segment = match.segment
                context = key_context(str(segment.metadata.get("context") or ""))
                approved.setdefault((context, from_written(segment.target)), set()).add(
                    normalize(from_written(segment.source))
                )
    return approved


def held_for_other_sources(memory: Memory, user: str, records: Sequence[PairRecord]) -> list[str]:
    """The names of those of ``records`` (the pairs of a one-language file and its source
    file) whose target ``user``'s memory holds for another source of that name: stored by an
    import, but named for a person to check (module docstring; ``--reviewed-only`` leaves them
    out: :func:`held_left_out`). Pairs without a name (a document's blocks, paired by their
    place) are not looked at: their memory tells less."""
    held = _held_places(memory, user, records)
    return [str(records[place].metadata["context"]) for place in held]


def _held_places(
    memory: Memory,
    user: str,
    records: Sequence[PairRecord],
    among: Callable[[PairRecord], bool] | None = None,
) -> list[int]:
    """The places (from 0) of those of ``records`` (``among``: those it is true of)
    :func:`held_for_other_sources` names."""
    named = [
        (Unit(str(number), record.source, context=str(record.metadata["context"])), record.target)
        for number, record in enumerate(records)
        if record.metadata.get("context")
        and not record.unpaired
        and (among is None or among(record))
    ]
    held = set(approved_for_other_sources(memory, user, named))
    return [int(unit.key) for unit, _ in named if unit.key in held]


def held_left_out(
    memory: Memory,
    user: str,
    records: Sequence[PairRecord],
    among: Callable[[PairRecord], bool] | None = None,
) -> list[PairRecord]:
    """``records``, those :func:`held_for_other_sources` finds (``among``: of those it is true
    of; their translation the memory holds for another source of their name: the German of an
    English changed since, which ``translate`` kept and named) marked unpaired
    (:data:`HELD_FOR_OTHER_SOURCE`): ``memory import --reviewed-only`` leaves them out, as
    stored they would be reused as 100 % matches of the new English (trial s73)."""
    held = set(_held_places(memory, user, records, among))
    return [
        replace(pair, unpaired=HELD_FOR_OTHER_SOURCE) if place in held else pair
        for place, pair in enumerate(records)
    ]


def stale_names(records: Sequence[PairRecord]) -> dict[str, list[str]]:
    """The names (:func:`_name`, else the pair's position) of those of ``records`` left out
    as of an older source that someone else translated (:data:`CHANGED_SOURCE`,
    :data:`HELD_FOR_OTHER_SOURCE`), by that reason: an import names them in a warning, as a
    count alone cannot be looked up."""
    found: dict[str, list[str]] = {}
    for pair in records:
        if pair.unpaired in (CHANGED_SOURCE, HELD_FOR_OTHER_SOURCE):
            name = _name(pair) or pair.position
            shown = f"{pair.origin}: {name}" if pair.origin else name
            found.setdefault(pair.unpaired, []).append(shown)
    return found


def stored_under_other_keys(
    memory: Memory, user: str, records: Sequence[PairRecord]
) -> list[tuple[str, str]]:
    """The names of those of ``records`` (the pairs of a one-language file and its source
    file) whose very pair, source and target, ``user``'s memory holds under other names only
    (a name's spellings are one name: :func:`~ltmt.formats.key_contexts.same_context`), each
    with the name it is stored under (``("/settings.cancel/defaultMessage",
    "/settings.cancel/message")``): an import stores them under their own name (a match stored
    under a string's own name wins a tie, so names keep their pairs apart), and says so, as
    they are no new translations. A pair whose context is not its key (a Transifex string's,
    :attr:`~ltmt.segments.PairRecord.key`) is stored under its context and named by its key
    (``/status/open/string``, not ``task status``, which names no string)."""
    named = [
        (record.source, record.target, str(record.metadata["context"]), record.key)
        for record in records
        if record.metadata.get("context") and not record.unpaired
    ]
    if not named:
        return []
    found = memory.search_batch(user, [source for source, *_ in named], k=MATCHES_READ)
    names = []
    for (source, target, context, key), matches in zip(named, found, strict=True):
        contexts = [
            match.segment.metadata.get("context") or ""
            for match in matches
            if match.score >= 100
            and from_written(match.segment.target) == from_written(target)
            and normalize(from_written(match.segment.source)) == normalize(from_written(source))
        ]
        if contexts and not any(same_context(context, stored) for stored in contexts):
            names.append((key or context, contexts[0]))
    return names


def _matches_at(
    memory: Memory, user: str, records: Sequence[PairRecord], places: Sequence[int]
) -> list[tuple[int, Sequence[Match]]]:
    """Each of ``places`` (from 0, in ``records``) with the best matches (:data:`MATCHES_READ`)
    ``user``'s memory holds for its source; none for no places or a user the memory lacks."""
    if not places or user not in memory.users():
        return []
    found = memory.search_batch(user, [records[place].source for place in places], k=MATCHES_READ)
    return list(zip(places, found, strict=True))


def stored_already(memory: Memory, user: str, records: Sequence[PairRecord]) -> set[int]:
    """The places (from 0) of those of ``records`` whose very pair, source, target and context,
    ``user``'s memory holds already: an import stores nothing for them (a duplicate), so a
    warning must not say it stored them (the same file imported again said that it stored
    ltmt's translations as approved). None for a user the memory lacks."""
    from ltmt.memory.layout import context_of

    places = [place for place, record in enumerate(records) if not record.unpaired]
    return {
        place
        for place, matches in _matches_at(memory, user, records, places)
        for match in matches
        if (match.segment.source, match.segment.target, context_of(match.segment.metadata))
        == (records[place].source, records[place].target, context_of(records[place].metadata))
    }


def recorded_for_older_sources(
    record: Record, records: Sequence[PairRecord], *, by_place: bool = True
) -> list[PairRecord]:
    """``records`` (the pairs of a one-language file ltmt wrote and its source file), those
    whose target ``record`` (:mod:`ltmt.formats.output_sources`) says ltmt wrote into the file
    for other sources only marked unpaired (:data:`OLDER_SOURCE`: an import skips them), as
    ``ltmt translate`` would translate them again (:func:`~ltmt.formats.output_sources.
    outdated`); so are those ltmt did not write whose string's source changed since ltmt last
    wrote the file (:data:`CHANGED_SOURCE`: a translator's German of the old English, which
    ``ltmt translate`` keeps and names in a warning, and records as unchecked until it is
    edited: :meth:`~ltmt.formats.output_sources.Record.still_unchecked`). A pair is found in
    the record by its name (``metadata["context"]``, a keyed catalog's key); one without a
    name by its target. Not ``by_place`` (a PO catalog or a Qt file, whose record is by entry
    number, which an update moves, and whose changed sources msgmerge marks fuzzy, lupdate
    unfinished: :attr:`~ltmt.formats.registry.FileFormat.entries_move`): by the place the
    record holds its source at, else by its target alone.

    A named pair (or a PO entry) whose own place the record holds for its source is judged by
    that place (:func:`~ltmt.formats.output_sources.outdated` ``by_name``), not by its target
    alone: a reviewer's ``Quiz masters`` → ``Master``, ltmt's German of ``Quiz master`` in
    the entry before, is no older source's and is stored (session 72: it was skipped as
    "target of an older source"); so is one of a name added since whose target ltmt wrote
    only for other pairs' sources of the file."""
    if by_place:
        keys = [_record_key(number, pair) for number, pair in enumerate(records)]
    else:  # the place ltmt wrote the source at, else one no place has: not the pair's context,
        # which other entries share (a Qt message's class: one's older source skipped them all)
        entries = _places_by_source(record)
        keys = [
            entries.get(record.digest(pair.source), f"\n{number}")
            for number, pair in enumerate(records)
        ]
    named: list[tuple[Unit, str]] = []
    unnamed: list[tuple[Unit, str]] = []
    for number, pair in enumerate(records):
        if not pair.unpaired:
            has_place = not by_place or pair.metadata.get("context") or pair.record_key
            (named if has_place else unnamed).append((Unit(keys[number], pair.source), pair.target))
    found = [outdated(record, named, by_name=True), outdated(record, unnamed)]
    older = {key for each in found for key in each.again}
    changed = {key for each in found for key in each.edited} if by_place else set()
    return [
        replace(pair, unpaired=OLDER_SOURCE)
        if keys[number] in older
        else replace(pair, unpaired=CHANGED_SOURCE)
        if _changed_source(record, keys[number] in changed, _record_key(number, pair), pair)
        else pair
        for number, pair in enumerate(records)
    ]


def _changed_source(record: Record, edited: bool, key: str, pair: PairRecord) -> bool:
    """Whether ``pair`` (at ``key`` in ``record``) is someone else's translation of a source
    changed since: ``edited`` (:func:`~ltmt.formats.output_sources.outdated` says so) or still
    unchecked for an older source than the pair's, where ``record`` can tell it of this file
    (:meth:`~ltmt.formats.output_sources.Record.tells_changed_source`)."""
    unchecked = record.still_unchecked(key, pair.target, pair.source)
    return (edited or unchecked) and record.tells_changed_source(key, pair.target)


def _places_by_source(record: Record) -> dict[str, str]:
    """The key of a place ``record`` holds for each source (by the source's digest), a PO
    catalog's: its record is by entry number, which an update moves, and a msgid is its
    entry's (with its msgctxt), so the place ltmt wrote for a msgid is that entry's own."""
    places: dict[str, str] = {}
    for key, (source, _) in record.units.items():
        if not key.startswith("\0"):  # the header's, a front matter's, a value's: no entry
            places.setdefault(source, key)
    return places


def _record_key(number: int, pair: PairRecord) -> str:
    """The key under which the record of an output holds ``pair``'s place: its name, or its
    form's place under its name where the place names one (an Xcode string catalog's
    ``items#one`` or ``tap#mac``: the forms share the name, so one form's older source had them
    all skipped), or (without a name) a key no place has (a line break and its number). A
    pair its reader gives the key of (:attr:`~ltmt.segments.PairRecord.record_key`: a CSV
    table's row, recorded by its key cell or its place; a keyed catalog's plural form or array
    item, ``days_left#one`` or ``prio[1]``, whose place an Android resource gives as its line:
    found by its name, which the record does not hold, its English changed since was not
    seen, trial s75) is found by that key."""
    from ltmt.formats.keyed_catalog import FORM

    if pair.record_key is not None:
        return pair.record_key
    if pair.key is not None:  # a Transifex string's, whose context is no key
        return pair.key
    context = pair.metadata.get("context")
    place = _place(pair)
    if context and place and place.startswith(f"{context}{FORM}"):
        return place
    return str(context or f"\n{number}")


def _under_name(key: str | None, name: str) -> bool:
    """Whether ``key`` (a pair's record key) is one of several keys under the string ``name``:
    a plural form's (``name#one``) or an array item's (``name[1]``)."""
    from ltmt.formats.keyed_catalog import FORM

    return key is not None and key.startswith((f"{name}{FORM}", f"{name}["))


def _own_place(record: Record, number: int, pair: PairRecord) -> Record:
    """What ``record`` holds at ``pair``'s own place (:func:`_record_key`; ``number``: its place
    in the file, from 0), where it holds one for the pair's source, else all of it: a named
    pair is judged by its name, not by another name's same source and translation (a reviewer's
    edit equal to another key's pair kept without a record was skipped as unrecorded)."""
    return record.at(_record_key(number, pair), pair.source)


def written_unreviewed(
    record: Record, records: Sequence[PairRecord], approved: Collection[int] = ()
) -> list[str]:
    """The names (:func:`_name`; a pair without one: its number in the file, from 1) of
    those of ``records``
    (the pairs of a one-language file ltmt wrote and its source file) whose target ``record``
    says ltmt wrote for that very source, unmarked: its machine translation, which nobody
    changed since (an import stores it as approved all the same, and names it in a warning);
    one ltmt wrote marked for review (a PO entry's fuzzy flag) that is read now was approved
    by the reviewer who removed the mark. Those at the
    places ``approved`` (from 0: :func:`approved_already`) are not ltmt's to name: it reused
    the memory's approved translation."""
    return [
        _name(pair) or str(number)
        for number, pair in enumerate(records, start=1)
        if not pair.unpaired
        and number - 1 not in approved
        and _own_place(record, number - 1, pair).wrote(pair.source, pair.target, marked=False)
    ]


def _name(pair: PairRecord) -> str | None:
    """What a warning calls ``pair``: its key where its context is none
    (:attr:`~ltmt.segments.PairRecord.key`), its context (a key), a plural form's place where that
    names the form under its key (``files.count#files#one``, as ``ltmt qa`` names it: the
    forms share the key's context, which named one string twice), or the key its reader gives
    a form's or an item's record where that is under its key (an Android ``<plurals>`` form's
    ``days_left#one``, a ``<string-array>`` item's ``prio[1]``, whose place is a line), else
    its place (:func:`_place`); None where it has neither."""
    from ltmt.formats.keyed_catalog import FORM

    if pair.key is not None:  # a Transifex string's, whose context is no key
        return pair.key
    context = pair.metadata.get("context")
    if context and _under_name(pair.record_key, str(context)):
        return pair.record_key
    place = _place(pair)
    if context and "plural" in pair.metadata and place and place.startswith(f"{context}{FORM}"):
        return place
    return str(context) if context else place


def _place(pair: PairRecord) -> str | None:
    """Where ``pair`` is in its file, as ``ltmt qa`` names it after the file's name: a
    spreadsheet's cell (``strings.de.xlsx: UI!B5``, as :func:`ltmt.formats.xlsx.cell_places`
    writes it: ``UI!B5``), its line (a PO entry's ``msgid`` line, a text file's ``de.txt:2``:
    ``line 2``), else the place its position names (a Markdown file's ``x.md: block3``:
    ``block3``); None where its position names none. (Before, a pair's number in the file,
    which read as a memory id: ``(1, 2, 3, ...)``.)"""
    cell = _CELL_PLACE.search(pair.position)
    if cell:
        return cell.group(1)
    if pair.line is not None:
        return f"line {pair.line}"
    if line := _LINE_PLACE.search(pair.position):
        return f"line {line.group(1)}"
    _, mark, place = pair.position.partition(": ")
    return place if mark and place else None


def unreviewed_left_out(
    record: Record, records: Sequence[PairRecord], approved: Collection[int] = ()
) -> list[PairRecord]:
    """``records``, those :func:`written_unreviewed` names (ltmt's machine translation, which
    nobody changed since) marked unpaired (:data:`UNREVIEWED`): ``memory import
    --reviewed-only`` leaves them out; those at the places ``approved`` stay (duplicates)."""
    return [
        replace(pair, unpaired=UNREVIEWED)
        if not pair.unpaired
        and place not in approved
        and _own_place(record, place, pair).wrote(pair.source, pair.target, marked=False)
        else pair
        for place, pair in enumerate(records)
    ]


def unrecorded_left_out(
    record: Record, records: Sequence[PairRecord], approved: Collection[int] = ()
) -> list[PairRecord]:
    """``records`` (a one-language file's pairs), those whose target ``record`` holds for their
    source as of unknown origin (kept by a run without a record, unedited since) marked
    unpaired (:data:`UNRECORDED`): as a file without a record, they mark nothing reviewed, so
    ``memory import --reviewed-only`` leaves them out; those at the places ``approved`` stay."""
    return [
        replace(pair, unpaired=UNRECORDED)
        if not pair.unpaired
        and place not in approved
        and _own_place(record, place, pair).unknown(pair.source, pair.target)
        else pair
        for place, pair in enumerate(records)
    ]


def approved_already(
    memory: Memory,
    user: str,
    records: Sequence[PairRecord],
    origin: str,
    record: Record,
    record_of: Callable[[Path], Record | None] | None = None,
) -> set[int]:
    """The places (from 0) of those of ``records`` that ``record`` says ltmt wrote, unmarked
    (:func:`written_unreviewed`'s, the only ones it matters for: the memory is searched for
    them alone), whose target ``user``'s memory holds for their very source (a 100 % match)
    from another origin than ``origin`` (the import's: a pair an earlier import of the file
    stored may be ltmt's own): a translation ltmt wrote by reusing an approved match, which
    an import counts as a duplicate, not as ltmt's unreviewed machine translation. None for a
    user the memory lacks. ``record_of``: the record of what ltmt wrote into another origin's
    file (:meth:`~ltmt.formats.output_sources.OutputSources.read_for_import`), where it wrote
    the pair unmarked too: its same machine translation, imported from that file (a JSON file
    ltmt filled, then the CSV table it filled alike), approves nothing."""
    from pathlib import Path

    from ltmt.memory.layout import other_origins
    from ltmt.memory.origins import is_of_origin

    read: dict[str, Record | None] = {}

    def approves(name: str, pair: PairRecord) -> bool:
        if is_of_origin(name, origin):
            return False
        if record_of is not None and name not in read:
            read[name] = record_of(Path(name))
        other = read.get(name)
        return other is None or not other.wrote(pair.source, pair.target, marked=False)

    places = [
        place
        for place, pair in enumerate(records)
        if not pair.unpaired
        and _own_place(record, place, pair).wrote(pair.source, pair.target, marked=False)
    ]
    return {
        place
        for place, matches in _matches_at(memory, user, records, places)
        for match in matches
        if match.score >= 100
        and from_written(match.segment.target) == from_written(records[place].target)
        and normalize(from_written(match.segment.source))
        == normalize(from_written(records[place].source))
        and any(
            approves(name, records[place])
            for name in (match.segment.origin, *other_origins(match.segment.metadata))
        )
    }


def mark_for_review(
    document: SourceChangesUnmarked,
    in_path: Path,
    changed_sources: Callable[[Sequence[tuple[Unit, str]]], list[str]],
    named: Collection[str] = (),
) -> list[str]:
    """Mark for review (an XLIFF target ``needs-review-translation``, a PO entry ``fuzzy``,
    Xcode's ``needs_review``: :class:`~ltmt.formats.documents.MarksKept`) the translations
    ``document`` holds that the memory holds for another source (``changed_sources``:
    :func:`approved_for_other_sources` with the memory and user), and name them in a warning
    (as ``ltmt qa`` names them where the document says: an XLIFF unit's ``line 6``, else by
    their context or key); their keys. They are kept as they are, not replaced by a memory
    match of the new source: the memory alone is weak evidence (module docstring), and the
    German may be a translator's on purpose. A document with no review state (a CSV table)
    keeps them unmarked, and says so, as it says those a reviewer signed off (an XLIFF
    ``final`` target), left as they are; a translation ltmt translates again (its own, for an
    older source) is not named, nor, in a document that keeps no mark, are those ``named``
    (keys: a warning named them already, as the record of what ltmt wrote says their source
    changed; trial s73 had a CSV table's row named twice). Where no mark is kept and emptying
    a unit's translation has it translated again (``cell_emptied``: a CSV table's row), the
    warning says so, not --overwrite, which translates every reviewed row again."""
    held = document.held_translations()
    again = {unit.key for unit in document.pending()}  # translated again: no German to judge
    # (a document that marks them marks those named too: the record's warning marks none)
    said = () if isinstance(document, MarksKept) else named
    units = [
        unit
        for unit in document.units()
        if unit.key in held and unit.key not in again and unit.key not in said
    ]
    changed = changed_sources([(unit, held[unit.key]) for unit in units])
    if not changed:
        return []
    marks, marked = isinstance(document, MarksKept), set()
    if isinstance(document, MarksKept):
        marked = set(document.mark_kept_for_review(changed))
    contexts = {unit.key: unit.context or unit.key for unit in units}  # a row by its key cell
    name = document.unit_name if isinstance(document, NamesUnits) else contexts.__getitem__
    signed_off = [name(key) for key in changed if key not in marked]
    if not marks:
        done = "kept as written (the file has no review mark): check"
    elif not signed_off:
        done = "marked for review"
    elif not marked:
        done = "kept as a reviewer signed off: check"
    else:
        done = (
            f"marked for review, but {first_few(signed_off)} kept as a reviewer signed off: check"
        )
    if not marks and getattr(document, "cell_emptied", False):  # (a CSV table's rows)
        done += f" {them(len(changed))}, or {emptied_again(len(changed))}"
    else:
        done += " (--overwrite translates every string again)"
    logger.warning(
        "%s: the memory holds the translation of %s (%s) for another source: the source "
        "changed since, or the translation was kept on purpose; %s",
        in_path,
        counted(len(changed), "string"),
        first_few(name(key) for key in changed),
        done,
    )
    return changed
