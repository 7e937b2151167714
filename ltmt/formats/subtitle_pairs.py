"""A subtitle file's cues beside those of the source-language file it translates: matched by
their start times, and paired sentence by sentence for a memory.

A translation's cue is the source cue's that starts within :data:`TOLERANCE` of it (the nearest;
cues starting at the same time in their order in the files): a translation re-timed by a frame
or two still lines up; for ``ltmt qa``, where the two files have as many cues, one with no cue
at its time is paired with the cue at its place (a cue re-timed further, which it reports; a
memory import leaves it out). Cues are paired in runs that end where the source and the translation
both end a sentence at the same cue (a German sentence that runs on into the next cue, as
subtitlers write them, goes with the English sentences of both cues), or at a break no sentence
runs over (a pause, a change of speaker) where neither does; a dialogue cue is paired line by
line, its speakers matched by their dashes or voices. A run whose sides do not line up (one
ends a sentence at the break, the other not; a cue with no cue at its time; another number of
speakers) is not paired but reported, with its source text, for the import to count.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.subtitle_markup import OVERRIDE, Wrapper, dialogue_lines, one_span, unmarked

TOLERANCE = 0.1  # seconds between a translation's cue and the source's it is matched with
MAX_PAIRED_CUES = 6  # a run of cues that ends no sentence on both sides by then: not paired
_SENTENCE_END = re.compile(r"[.!?…♪\"»”')\]]\s*$")
# a cue's inline tags and override blocks ({\an8}): no words of it
TAGS = re.compile(rf"<(?!>){TAG_BODY}>|{OVERRIDE.pattern}")


class Timed(Protocol):
    """A cue as :class:`ltmt.formats.subtitle_cues.Cue` is one."""

    start: float
    lines: list[str]

    @property
    def text(self) -> str: ...

    @property
    def wrapper(self) -> Wrapper | None: ...


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``.``, ``?``, ``!``, ``…``, a closing quote; inline
    tags aside: ``.</i>``)."""
    return bool(_SENTENCE_END.search(TAGS.sub("", text)))


def matched_cues(ours: Sequence[Timed], theirs: Sequence[Timed]) -> list[int | None]:
    """For each cue of ``ours`` the index of the cue of ``theirs`` that starts at its time, within
    :data:`TOLERANCE` (the nearest; of cues at the same time, the first not taken), or None."""
    order = sorted(range(len(theirs)), key=lambda i: (theirs[i].start, i))
    starts = [theirs[i].start for i in order]
    taken: set[int] = set()
    matched: list[int | None] = []
    for cue in ours:
        best: int | None = None
        for place in range(bisect_left(starts, cue.start - TOLERANCE - 1e-6), len(order)):
            if starts[place] > cue.start + TOLERANCE + 1e-6:
                break
            index = order[place]
            distance = abs(starts[place] - cue.start)
            if index not in taken and (
                best is None or distance < abs(theirs[best].start - cue.start) - 1e-6
            ):
                best = index
        if best is not None:
            taken.add(best)
        matched.append(best)
    return matched


def paired_cues(ours: Sequence[Timed], theirs: Sequence[Timed]) -> list[int | None]:
    """:func:`matched_cues`, and where the two have as many cues and some line up by time, a
    cue of ``ours`` with none at its time paired with the one of ``theirs`` at its place, not
    taken: a translation with a cue re-timed (:func:`retimed` names it) is still paired cue by
    cue, never left out as untranslated."""
    return _by_place(matched_cues(ours, theirs), len(theirs))


def _by_place(matched: list[int | None], theirs: int) -> list[int | None]:
    """``matched`` (:func:`matched_cues`) with each cue matched by none paired with the
    translation's cue at its place, not taken, where the two have as many cues (``theirs``)
    and some line up by time."""
    if len(matched) != theirs or all(match is None for match in matched):
        return matched
    taken = set(matched)
    return [
        place if match is None and place not in taken else match
        for place, match in enumerate(matched)
    ]


def retimed(ours: Sequence[Timed], theirs: Sequence[Timed]) -> list[int]:
    """The cues of ``ours`` that :func:`paired_cues` pairs by place, as none of ``theirs``
    starts at their time: the translation's cue at their place was re-timed."""
    matched = matched_cues(ours, theirs)
    paired = _by_place(matched, len(theirs))
    return [i for i, (m, p) in enumerate(zip(matched, paired, strict=True)) if m != p]


def unwrapped(cues: Sequence[Timed]) -> tuple[Wrapper | None, list[str]]:
    """The formatting tag around every one of ``cues`` alike (None where there is none), and
    each cue's text without it."""
    wrappers = {cue.wrapper for cue in cues}
    common = wrappers.pop() if len(wrappers) == 1 else None
    return common, [common.strip(c.text) if common else c.text for c in cues]


def group_words(cues: Sequence[Timed], *, wrapped: bool = False, spans: bool = False) -> str:
    """The words of ``cues`` read as one text: a formatting tag around every one of them alike
    (kept where ``wrapped``: the check of a translation compares it; where ``spans`` too, a tag
    closed and opened again over a line break as one span,
    :func:`~ltmt.formats.subtitle_markup.one_span`) and karaoke timestamps and override blocks
    (``{\\an8}``) left out (:mod:`ltmt.formats.subtitle_markup`)."""
    if wrapped:
        texts = [unmarked(one_span(c.lines) if spans else c.text) for c in cues]
    else:
        texts = [unmarked(text) for text in unwrapped(cues)[1]]
    return " ".join(text for text in texts if text)


@dataclass(frozen=True)
class Paired:
    """A sentence pair of cues: the source's first and last cue (indexes) and the
    translation's, ``theirs`` None (and ``target`` empty) where they do not line up;
    ``speaker``: a dialogue cue's line (from 1) the pair is, None for a pair of whole cues."""

    source: str
    target: str
    ours: tuple[int, int]
    theirs: tuple[int, int] | None
    speaker: int | None = None


def sentence_pairs(
    ours: Sequence[Timed],
    theirs: Sequence[Timed],
    breaks: set[int],
    spilled: Collection[int] = frozenset(),
    *,
    checked: bool = False,
) -> list[Paired]:
    """The sentence pairs of ``ours`` (the source's cues) and ``theirs`` (module docstring);
    ``breaks``: the cues of ``ours`` after which no sentence runs on (a pause, a change of
    speaker, a caption, the last cue); ``spilled``: those of them after which the translation's
    sentence runs on all the same (a caption's cue given the start of the next cue's
    sentence): the runs on both sides of each are not paired. ``checked``, for a check of the
    translation: with the formatting tag around all their cues (:func:`group_words`), which it
    compares, and a cue re-timed paired by its place (:func:`paired_cues`, which it reports the
    timing of), not left unpaired."""
    matched = paired_cues(ours, theirs) if checked else matched_cues(ours, theirs)
    wrapped = checked
    found: list[Paired] = []
    run: list[int] = []
    for index, cue in enumerate(ours):
        spoken = dialogue_lines(cue.lines)
        if spoken is not None:
            if run:  # cut short by the dialogue
                found.append(_run_pair(ours, theirs, matched, run, False, wrapped))
                run = []
            found.extend(_dialogue_pairs(index, spoken, matched[index], theirs))
            continue
        run.append(index)
        mine = matched[index]
        ends = (ends_sentence(cue.text), mine is not None and ends_sentence(theirs[mine].text))
        at_break = index in breaks
        if all(ends) or at_break or len(run) >= MAX_PAIRED_CUES:
            lined_up = (all(ends) or (at_break and not any(ends))) and not (
                index in spilled or run[0] - 1 in spilled
            )
            found.append(_run_pair(ours, theirs, matched, run, lined_up, wrapped))
            run = []
    return found


def _run_pair(
    ours: Sequence[Timed],
    theirs: Sequence[Timed],
    matched: list[int | None],
    run: list[int],
    lined_up: bool,
    wrapped: bool,
) -> Paired:
    """The pair of the cues ``run`` of ``ours`` and the cues of ``theirs`` from the first's
    match to the last's (those between, which the source has not, with them)."""
    cues = [ours[i] for i in run]
    mine = [matched[i] for i in run]
    first, last = mine[0], mine[-1]
    ordered = all(a is not None and b is not None and a < b for a, b in itertools.pairwise(mine))
    if not lined_up or first is None or last is None or not ordered:
        return Paired(group_words(cues, wrapped=wrapped), "", (run[0], run[-1]), None)
    translated = theirs[first : last + 1]
    # italics over two lines as one span or a span a line display alike, where both sides have
    # a tag around all their text or neither (one that lost a line's italics is still found)
    spans = (unwrapped(cues)[0] is None) == (unwrapped(translated)[0] is None)
    source = group_words(cues, wrapped=wrapped, spans=spans)
    target = group_words(translated, wrapped=wrapped, spans=spans)
    return Paired(source, target, (run[0], run[-1]), (first, last))


def _dialogue_pairs(
    index: int, spoken: list[str], mine: int | None, theirs: Sequence[Timed]
) -> list[Paired]:
    """A dialogue cue's pairs, speaker by speaker (one not paired where the translation's cue
    has another number of them)."""
    said = dialogue_lines(theirs[mine].lines) if mine is not None else None
    if mine is None or said is None or len(said) != len(spoken):
        return [Paired(" ".join(spoken), "", (index, index), None)]
    return [
        Paired(s, t, (index, index), (mine, mine), number)
        for number, (s, t) in enumerate(zip(spoken, said), 1)
    ]
