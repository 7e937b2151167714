"""A subtitle cue (:class:`Cue`) and which cues run on into one another: the cue groups
``ltmt translate`` translates as one unit (:func:`cue_groups`), and where the sentence pairs of
a memory import and of ``ltmt qa`` must end (:func:`runs_on`, :func:`stands_alone`). Read and
written by :mod:`ltmt.formats.subtitles`."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ltmt.formats.subtitle_captions import is_caption
from ltmt.formats.subtitle_markup import Wrapper, position, speaker, wrapper
from ltmt.formats.subtitle_pairs import ends_sentence, matched_cues, paired_cues

GAP_SECONDS = 2.0  # a pause this long ends a cue group
MAX_CUES = 3  # cues translated together at most


@dataclass
class Cue:
    """One cue: its times (seconds) and text lines (inline tags kept; WebVTT's with classes or
    an annotation as HTML's, :mod:`ltmt.formats.subtitle_markup`); ``index``: its place in
    the source file (cues at the same time are two: cues are known by their place, never by
    their time); ``before`` and ``after``: a WebVTT voice or class span around the whole cue
    (``<v Roger>`` and ``</v>``), which its translation gets around it too; ``as_written``: its
    text as a file holds it, written back so (a translation kept from the existing output: the
    reviewer's line breaks and tags byte for byte, :mod:`ltmt.formats.kept_cues`), None where
    the writer makes it of the other three."""

    start: float
    end: float
    lines: list[str]
    index: int = 0
    before: str = ""
    after: str = ""
    as_written: str | None = None

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())

    @property
    def dialogue(self) -> bool:
        """Two speakers or more, one a line, each after a dash or in a voice span."""
        return len(self.lines) > 1 and all(speaker(line) for line in self.lines)

    @property
    def position(self) -> tuple[str, ...]:
        """The override blocks that place it (``{\\an8}``; none where the player puts it)."""
        return position(self.text)

    @property
    def wrapper(self) -> Wrapper | None:
        """The formatting tag around all its text (:mod:`ltmt.formats.subtitle_markup`)."""
        return wrapper(self.lines)


def runs_on(previous: Cue, cue: Cue) -> bool:
    """Whether a sentence of ``previous`` may run on into ``cue``: neither is dialogue, both are
    placed alike (the same position tags or none: ``{\\an8}HARBOR POLICE DEPARTMENT`` was
    imported and checked as one sentence with the next, unplaced cue's words, while a sentence
    over three cues each at ``{\\an8}`` is one), they do not overlap (two
    cues on screen at once are two texts), the pause between is at most :data:`GAP_SECONDS`,
    and the speaker is the same. The translation's cue groups and the sentence pairs of an
    import and of ``ltmt qa`` both end where this says no."""
    return (
        not cue.dialogue
        and not previous.dialogue
        and cue.position == previous.position
        and 0 <= cue.start - previous.end <= GAP_SECONDS
        and bool(previous.text)
        and cue.before == previous.before
    )


_LEADING_MARKS = re.compile(
    r"(?:<[^<>]*>|\{[^{}]*\}|[\s\"'\u201c\u2018\u201e«»(\[¿¡.…\u2013\u2014-])*"
)
_RUN_ON_MARK = re.compile(r"[,;:\u2013\u2014-](?:<[^<>]*>|\s)*$")


def goes_on(previous: Cue, cue: Cue) -> bool:
    """Whether ``cue`` goes on with the sentence ``previous`` began: it starts with a small
    letter, a digit or the pronoun ``I`` (tags, quote marks, brackets and dots aside), or
    ``previous`` ends with a mark that leaves it open (a comma, a dash, a colon, a
    semicolon)."""
    if _RUN_ON_MARK.search(previous.text):
        return True
    text = _LEADING_MARKS.sub("", cue.text, count=1)
    return bool(text) and (
        text[0].islower() or text[0].isdigit() or re.match(r"I\b", text) is not None
    )


def stands_alone(previous: Cue, cue: Cue) -> bool:
    """Whether ``previous`` is a caption (a name tag, a location card:
    :func:`~ltmt.formats.subtitle_captions.is_caption`) before ``cue``'s new sentence of
    ordinary text (a capital first, tags, quote marks and dots aside, and small letters in it):
    two texts, never one segment or one sentence pair, though ``cue`` starts with ``I``.
    A caption before words in capitals too (``THE WALL`` / ``1961``) or in small letters
    (a sentence going on) is left to :func:`goes_on`."""
    text = _LEADING_MARKS.sub("", cue.text, count=1)
    return (
        bool(text)
        and text[0].isupper()
        and any(c.islower() for c in text)
        and is_caption(previous.lines)
    )


def spilled_captions(
    ours: list[Cue], theirs: list[Cue], captions: Collection[int], *, checked: bool = False
) -> set[int]:
    """The ``captions`` of ``ours`` (indexes of cues that stand alone, :func:`stands_alone`)
    whose cue in the translation ``theirs`` runs on into the next cue's (:func:`goes_on`:
    ``Ich bin Thomas`` / ``Brandt,``, then ``ich war Grenzsoldat.``): the next cue's sentence
    was laid over the caption's time, and the caption's words are lost. Cues are matched by
    time, and with ``checked`` (``ltmt qa``) a re-timed one by its place
    (:func:`~ltmt.formats.subtitle_pairs.paired_cues`)."""
    matched = paired_cues(ours, theirs) if checked else matched_cues(ours, theirs)
    spilled = set()
    for index in captions:
        mine, after = matched[index], matched[index + 1]
        if mine is not None and after == mine + 1 and goes_on(theirs[mine], theirs[after]):
            spilled.add(index)
    return spilled


def cue_groups(cues: list[Cue]) -> list[list[int]]:
    """Consecutive cues translated together (module docstring of
    :mod:`ltmt.formats.subtitles`), by index."""
    groups: list[list[int]] = []
    for index, cue in enumerate(cues):
        last = groups[-1] if groups else None
        joins = (
            last is not None
            and len(last) < MAX_CUES
            and runs_on(cues[last[-1]], cue)
            and not ends_sentence(cues[last[-1]].text)
            and goes_on(cues[last[-1]], cue)
            and not stands_alone(cues[last[-1]], cue)
        )
        if joins and last is not None:
            last.append(index)
        else:
            groups.append([index])
    return groups
