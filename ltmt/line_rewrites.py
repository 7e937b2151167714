"""Rewrites of a translation's line outputs after decoding, segment by segment.

:meth:`ltmt.translator.Translator.translate_retrieved` groups the model's outputs by segment
(one translation per source line, :func:`ltmt.units.join_pieces`) and then, in place: writes
once the words said twice across a line break or in a row where the source does not
(:func:`write_once`, :mod:`ltmt.line_seams`), writes a short label as the model's label lexicon
says (:func:`write_labels`), gives a line its capital where its source starts a sentence
with one, or its small letter where its source starts with one and its first word is no noun
(:func:`capitalise_starts`), and writes the source's en and em dashes the model wrote as
hyphens, spaced or in a number range (:func:`write_dashes`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ltmt.capitals import (
    capitalised_from_small,
    capitalised_starts,
    lower_case_starts,
    small_starts,
)
from ltmt.dashes import em_dashes_in_lines, en_dashes_in_lines
from ltmt.line_seams import drop_doubled_words

if TYPE_CHECKING:
    from ltmt.label_lexicon import LabelLexicon
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermMatcher
    from ltmt.units import SplitSegment

logger = logging.getLogger(__name__)

# each segment's line translations, by segment index
GroupedLines = dict[int, list[str]]


def write_labels(
    lexicon: LabelLexicon,
    splits: Mapping[int, SplitSegment],
    grouped: GroupedLines,
    used_fusion: Mapping[int, bool],
    matchers: Sequence[TermMatcher | None],
) -> None:
    """Each line translation of a segment decoded without memory whose line is a label of
    ``lexicon`` written as it says, in place, unless a glossary term is found in the line
    (:mod:`ltmt.label_lexicon`)."""
    changed = 0
    for index, split in splits.items():
        lines = grouped.get(index)
        if not lines or used_fusion.get(index):
            continue
        matcher = matchers[index]
        written = [
            found
            if (found := lexicon.translate(line)) is not None
            and (matcher is None or not matcher.find(line))
            else text
            for line, text in zip(split.as_labels, lines, strict=True)
        ]
        if written != lines:
            grouped[index] = written
            changed += 1
    if changed:
        logger.info("labels: %d translations written as the label lexicon says", changed)


def capitalise_starts(
    splits: Mapping[int, SplitSegment],
    grouped: GroupedLines,
    matches: Sequence[tuple[Match, ...]],
    language: str,
) -> None:
    """Each segment's line translations that start a sentence with a small letter where their
    sources start with a capital written with one, in place, unless the segment's matches write
    such lines with a small letter (:func:`ltmt.capitals.capitalised_starts`); and those whose
    sources start with a small letter with one, where their first word is no noun
    (:func:`ltmt.capitals.small_starts`), unless the segment's matches write such lines with a
    capital (a catalog that writes ``could not …`` as ``Konnte …``: fused outputs follow it)."""
    for index, split in splits.items():
        lines = grouped.get(index)
        if not lines:
            continue
        if not any(
            capitalised_from_small(m.segment.source, m.segment.target) for m in matches[index]
        ):
            lines = small_starts(split.lines, lines, language)
        grouped[index] = lines
        if any(lower_case_starts(m.segment.source, m.segment.target) for m in matches[index]):
            continue
        grouped[index] = capitalised_starts(split.lines, lines, language)


def write_dashes(
    splits: Mapping[int, SplitSegment], grouped: GroupedLines, used_fusion: Mapping[int, bool]
) -> None:
    """Each line translation of a segment decoded without memory with the en and em dashes of
    its source that the model wrote as hyphens, spaced or in a number range (``39\u201342``:
    :mod:`ltmt.dashes`), in place; a fused one writes dashes as the user's memory does, but for
    a double hyphen (``--``) in an em dash's place, which no German text writes for a dash."""
    for index, split in splits.items():
        lines = grouped.get(index)
        if not lines:
            continue
        fused = bool(used_fusion.get(index))
        if not fused:
            lines = en_dashes_in_lines(split.lines, lines)
        grouped[index] = em_dashes_in_lines(split.lines, lines, fused=fused)


def write_once(
    splits: Mapping[int, SplitSegment],
    grouped: GroupedLines,
    repair: Callable[[list[str], list[str]], list[str]],
    said: str,
) -> set[int]:
    """Each segment's line translations in ``grouped`` (its source lines in ``splits``) with
    ``repair(source lines, translations)`` applied, in place; returns the segments it changed
    (logged as ``said``)."""
    changed: set[int] = set()
    for index, split in splits.items():
        lines = grouped.get(index, [])
        once = repair(split.lines, lines)
        if once != lines:
            grouped[index] = once
            changed.add(index)
    if changed:
        logger.info("%s: %d translations; written once", said, len(changed))
    return changed


def doubled_once(sources: list[str], lines: list[str]) -> list[str]:
    """Each line's words said twice in a row written once
    (:func:`ltmt.line_seams.drop_doubled_words`)."""
    return [drop_doubled_words(line, text) for line, text in zip(sources, lines, strict=True)]
