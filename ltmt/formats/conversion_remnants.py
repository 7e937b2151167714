"""What the model leaves of a printf conversion whose start it lost.

The model dropped the ``%`` of a positional conversion with the text before it, or its argument
number too: ``%2$@ (%3$.1f mg)`` came back ``%2$@3$.1f mg)`` or ``%2$@.1f mg)`` (a healthcare
trial, session 73). What is left reads as no placeholder, so the repair put a new ``%3$.1f`` at
the end and the app showed ``3$.1f mg)`` as text, and ``ltmt qa`` took the ``3`` for a word
glued to ``%2$@``. A remnant (:class:`RemnantPattern`) is:

- a positional conversion without its ``%`` (``3$.1f`` for ``%3$.1f``), not inside a word: its
  argument number and ``$`` make it a conversion's, not a word's or an amount's;
- what follows a conversion's ``%`` and argument number (``.1f`` of ``%.1f`` or ``%3$.1f``),
  glued to the placeholder that the source writes before the conversion with only spaces or
  signs between them, where it has a flag, a width or a precision: a lone ``d`` or ``s``
  glued to a field may be a word's start.

Each pattern is a literal with lookarounds, which cannot backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders

# a positional conversion's start: its "%", argument number and "$" (``%3$``)
_NUMBERED = re.compile(r"%[1-9]\d*\$")
# what follows it in a C or Apple conversion with a flag, a width or a precision (``.1f``,
# ``-5d``, ``,d``), or an Apple .stringsdict variable (``#@items@``)
# (a width starts with 1 to 9: a 0 is a flag, so the two cannot backtrack into each other)
_SIZED_TAIL = re.compile(r"[-+ #0',]*(?:[1-9]\d*)?(?:\.\d+)?(?:hh|ll|[hlLqjzt])?[a-zA-Z@]|#@\w+@")
# brackets the source writes between two placeholders, kept where the line closes them
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class Remnant:
    """What is left of ``conversion`` (the source's) at ``text[start:end]``; ``after``: the
    placeholder it is glued to (``""``: none)."""

    text: str
    conversion: str
    start: int
    end: int
    after: str


@dataclass(frozen=True)
class RemnantPattern:
    """How a remnant of the source's ``conversion`` reads (module docstring): ``unmarked``,
    without its ``%`` (``3$.1f``), for a positional one; ``tail``, what follows its ``%`` and
    argument number (``.1f``), glued to ``before``, the placeholder the source writes before
    it with only spaces or signs between them."""

    conversion: Placeholder
    unmarked: re.Pattern[str] | None
    tail: re.Pattern[str] | None
    before: str

    def find(self, text: str, after: str = "") -> re.Match[str] | None:
        """The first remnant in ``text``, a stretch of a line between placeholders;
        ``after``: the placeholder ``text`` comes right after (``""``: none)."""
        found = self.unmarked.search(text) if self.unmarked is not None else None
        if found is None and self.tail is not None and after and after == self.before:
            found = self.tail.match(text)
        return found


def remnant_pattern(source: str, conversion: Placeholder) -> RemnantPattern | None:
    """The :class:`RemnantPattern` of ``conversion``, a placeholder of ``source``; ``None``
    for one that is no printf conversion, or whose remnant would be no more than a letter."""
    if conversion.kind != "printf" or conversion.text == "%%":
        return None
    end = r"(?!\w)" if conversion.text[-1].isalnum() else ""
    numbered = _NUMBERED.match(conversion.text)
    unmarked = None
    if numbered is not None:
        unmarked = re.compile(rf"(?<![\w%$]){re.escape(conversion.text[1:])}{end}")
    tail = conversion.text[numbered.end() if numbered else 1 :]
    before = _written_before(source, conversion)
    tail_pattern = None
    if before and len(tail) >= 2 and _SIZED_TAIL.fullmatch(tail):
        tail_pattern = re.compile(rf"{re.escape(tail)}{end}")
    if unmarked is None and tail_pattern is None:
        return None
    return RemnantPattern(conversion, unmarked, tail_pattern, before)


def separator(source: str, conversion: Placeholder, rest: str) -> str:
    """What ``source`` writes between ``conversion`` and the placeholder before it, where it
    is spaces and signs alone (``" ("`` of ``%2$@ (%3$.1f mg)``), else ``""``: what a remnant
    glued to that placeholder lost with the ``%``. An opening bracket is left out where
    ``rest``, the line after the remnant, does not close it."""
    before = _before(source, conversion)
    if before is None:
        return ""
    between = source[before.end : conversion.start]
    if any(char.isalnum() for char in between):
        return ""
    return "".join(c for c in between if c not in _CLOSERS or _CLOSERS[c] in rest)


def broken_conversions(source: str, target: str) -> list[Remnant]:
    """The remnants in ``target``, outside its placeholders, of ``source``'s printf
    conversions (module docstring): ``3$.1f`` of ``%3$.1f`` in ``%2$@3$.1f mg)``."""
    written = {p.text: p for p in find_placeholders(source) if p.kind == "printf"}
    patterns = [found for p in written.values() if (found := remnant_pattern(source, p))]
    if not patterns:
        return []
    remnants: list[Remnant] = []
    position, after = 0, ""
    for placeholder in [*find_placeholders(target), None]:
        stop = placeholder.start if placeholder is not None else len(target)
        stretch = target[position:stop]
        for pattern in patterns:
            match = pattern.find(stretch, after)
            if match is not None:
                glued = after if match.start() == 0 else ""
                remnants.append(
                    Remnant(
                        match.group(),
                        pattern.conversion.text,
                        position + match.start(),
                        position + match.end(),
                        glued,
                    )
                )
        if placeholder is not None:
            position, after = placeholder.end, placeholder.text
    return sorted(remnants, key=lambda remnant: remnant.start)


def without_remnants(source: str, target: str) -> str:
    """``target`` with a space for each remnant (:func:`broken_conversions`): its digits are
    a placeholder's (``3`` and ``1`` of ``3$.1f``), which the placeholder check names."""
    return _replaced(source, target, lambda remnant: " ")


def with_conversions(source: str, target: str) -> str:
    """``target`` with each remnant (:func:`broken_conversions`) written as its conversion
    (``%2$@%3$.1f mg)`` for ``%2$@3$.1f mg)``), as the placeholder repair writes it back: the
    numbers it holds are kept."""
    return _replaced(source, target, lambda remnant: remnant.conversion)


def _replaced(source: str, target: str, written: Callable[[Remnant], str]) -> str:
    pieces, position = [], 0
    for remnant in broken_conversions(source, target):
        if remnant.start >= position:
            pieces += [target[position : remnant.start], written(remnant)]
            position = remnant.end
    return "".join(pieces) + target[position:]


def _before(source: str, conversion: Placeholder) -> Placeholder | None:
    """The placeholder ``source`` writes last before ``conversion`` (one of its own)."""
    earlier = [p for p in find_placeholders(source) if p.end <= conversion.start]
    return earlier[-1] if earlier else None


def _written_before(source: str, conversion: Placeholder) -> str:
    """The text of the placeholder right before ``conversion`` in ``source``, with only spaces
    and signs between them; ``""`` for none."""
    before = _before(source, conversion)
    if before is None or any(c.isalnum() for c in source[before.end : conversion.start]):
        return ""
    return before.text
