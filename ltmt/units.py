"""The pieces the model translates: a segment's lines, split further when too long, and joined back.

A segment's newlines and the whitespace around its lines are structure the model would lose
(SentencePiece folds whitespace): :func:`split_segment` keeps them aside. Each line becomes one
:class:`Unit`, or several when it is longer than the model can translate whole
(:func:`plan_units`: sentences, then word-bounded cuts). :func:`join_pieces` and the rebuild
function put the translations back in the same frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from ltmt.text import split_lines

_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


@dataclass(frozen=True)
class Unit:
    """One piece of one input segment that the model translates: a line, or a sentence (or a
    word-bounded cut) of a line too long for the model. ``joiner``: the whitespace that followed
    it in its line; ``line_end``: the last piece of its line."""

    segment: int
    text: str
    joiner: str = ""
    line_end: bool = True
    cut: bool = False


class LineLimits(Protocol):
    """How long a line the model takes whole (a :class:`~ltmt.translator.Translator` is one)."""

    split_tokens: int  # a line with more source tokens is split
    source_language: str  # the language its sentences are split by

    def source_tokens(self, text: str) -> int:
        """Source tokens of ``text``, ``</s>`` included."""
        ...

    def count_words(self, text: str) -> int:
        """Source tokens of ``text``, without ``</s>``."""
        ...


def split_segment(text: str) -> tuple[list[str], Callable[[list[str]], str]]:
    """Split ``text`` into the stripped lines the model sees and a function that rebuilds it.

    Newlines, and the whitespace around each line, are structure the model would lose
    (SentencePiece folds whitespace): they are kept here and put back around the translations.
    """
    parts, breaks = split_lines(text)
    lines, frames = [], []
    for index, part in enumerate(parts):
        if index:
            frames.append(("break", breaks[index - 1], ""))
        match = _EDGE_SPACE.match(part)
        assert match is not None
        lead, body, trail = match.groups()
        if body:
            lines.append(body)
            frames.append(("line", lead, trail))
        else:
            frames.append(("blank", part, ""))

    def rebuild(translations: list[str]) -> str:
        out, position = [], 0
        for kind, first, second in frames:
            if kind == "line":
                out.append(first + translations[position] + second)
                position += 1
            else:
                out.append(first)
        return "".join(out)

    return lines, rebuild


def plan_units(segment: int, lines: list[str], limits: LineLimits) -> list[Unit]:
    """The pieces the model translates for ``lines`` of one segment: each line whole, or
    split into sentences when it has more than ``limits.split_tokens`` tokens, and a sentence
    still too long cut between words (``cut``)."""
    units: list[Unit] = []
    for line in lines:
        line_units: list[Unit] = []
        for piece, cut in _line_pieces(line, limits):
            body = piece.rstrip()
            if body:
                line_units.append(Unit(segment, body, piece[len(body) :], False, cut))
            elif line_units:  # whitespace between sentences stays between them
                previous = line_units[-1]
                line_units[-1] = replace(previous, joiner=previous.joiner + piece)
        # lines come stripped: the last piece has no whitespace after it
        line_units[-1] = replace(line_units[-1], joiner="", line_end=True)
        units.extend(line_units)
    return units


def _line_pieces(line: str, limits: LineLimits) -> list[tuple[str, bool]]:
    """``(piece, cut)`` of one stripped line; the pieces join back to the line."""
    from ltmt.sentences import cut_words, split_sentences

    if limits.source_tokens(line) <= limits.split_tokens:
        return [(line, False)]
    pieces: list[tuple[str, bool]] = []
    for sentence in split_sentences(line, limits.source_language):
        if limits.source_tokens(sentence) <= limits.split_tokens:
            pieces.append((sentence, False))
        else:
            cuts = cut_words(sentence, limits.count_words, limits.split_tokens - 1)  # + </s>
            pieces.extend((piece, True) for piece in cuts)
    return pieces


def join_pieces(units: list[Unit], outputs: list[str]) -> dict[int, list[str]]:
    """Each segment's line translations, its pieces joined with the whitespace between them."""
    grouped: dict[int, list[str]] = {}
    line = ""
    for unit, output in zip(units, outputs):
        line += output + (unit.joiner if not unit.line_end else "")
        if unit.line_end:
            grouped.setdefault(unit.segment, []).append(line)
            line = ""
    return grouped
