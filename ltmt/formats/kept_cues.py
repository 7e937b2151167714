"""The translation so far that an existing subtitle output holds, as a rerun takes it over
(:meth:`ltmt.formats.subtitles.SubtitleDocument.adopt_recorded`): each unit's cues as the
output has them, and which of those that read as their source a person kept so.

A kept cue is written back byte for byte, its times the source's (a re-timed cue takes its new
times): a rerun laid a kept translation out anew, and joined the reviewer's ``Wir müssen`` /
``vor Morgengrauen weg.`` into one line (trial s76), though line breaks in subtitles are
deliberate (a shot change, the speakers' balance, a client's style guide).

A cue group (or a dialogue line) that reads as its source is untranslated where nothing tells
otherwise (a copy of the English file being filled in). Where ltmt's record of the output
(:mod:`ltmt.formats.output_sources`) says it last wrote that place for the same source, the
text there is a person's choice (song lyrics or a card kept in English, which a rerun
translated again while its summary said the cue was kept, trial s76) or ltmt's own copy (a
name, ``OK``): a translation, kept. An output whose every cue taken over reads as its source
again is the source copied over it, to start afresh: translated again, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import Record
from ltmt.formats.subtitle_cues import Cue


@dataclass(frozen=True)
class KeptCues:
    """A unit's translation taken over from the existing output: ``text``, as the unit holds
    it; ``cues``, the output's cues that hold it, as read (each with its
    :attr:`~ltmt.formats.subtitle_cues.Cue.as_written`); ``as_source``: it reads as the unit's
    source, a translation by ltmt's record (:func:`kept_as_source`)."""

    text: str
    cues: tuple[Cue, ...]
    as_source: bool = False


def kept_cue(cue: Cue, theirs: Cue) -> Cue:
    """The source's ``cue`` (its times, number and settings) with the text of ``theirs``, the
    output's cue kept, as the output writes it."""
    return replace(
        cue,
        lines=list(theirs.lines),
        before=theirs.before,
        after=theirs.after,
        as_written=theirs.as_written,
    )


def kept_as_source(record: Record | None, unit: Unit, place: str) -> bool:
    """Whether the output's text at ``place`` (the key of its unit in ltmt's ``record`` of the
    output), which reads as ``unit``'s source, is its translation: the record says ltmt last
    wrote that place for the same source (module docstring)."""
    return written_for(record, replace(unit, key=place))


def written_for(record: Record | None, unit: Unit) -> bool:
    """Whether ``record`` says ltmt last wrote ``unit``'s place in the output for its source."""
    return record is not None and record.written_for(unit)


def without_source_copy(found: dict[str, KeptCues]) -> dict[str, KeptCues]:
    """``found`` (the units' translations taken over, by key), or none where every one reads
    as its source: the source file copied over the output, to be translated afresh."""
    if found and all(kept.as_source for kept in found.values()):
        return {}
    return found
