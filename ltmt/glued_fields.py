"""Fields glued to a word (``%1$sterms of service%2$s``) given to the model spaced from it, and
glued to the translation's word again.

A WordPress plugin wraps a link's words in two conversions (``%1$s`` is the ``<a href=…>``,
``%2$s`` the ``</a>``), written against the words. The model read the conversion and the word
as one and garbled the word: ``I agree to the %1$sterms of service%2$s.`` came out ``Ich
stimme den %1$stern von Dienst%2$s zu.``, ``%1$sterms and conditions%2$s`` ``%1$ster und
Bedingungen%2$s``, and ``%1$sprivacy policy%2$s`` ``%1$sprivacy-Politik %2$s`` (its English
word kept, a space put inside the link; a WordPress trial, session 76).

:func:`spaced_fields` gives the model a space between each printf conversion or brace field
(``{0}``, ``{name}``) and a word of letters glued to it, and :meth:`Glue.glued_again`
takes the space the model wrote between that field and the word beside it away again, so that
the field keeps touching the first (or last) word of the translation it wraps. A field glued
to a number's unit (``%dpx``, ``%dms``, ``%d%%``) is left as written: the model keeps a unit,
and the narrow rule keeps every other output as it was; so is a field glued to a single letter
(``%dx%d``, a genitive's ``%ss``) and a tag (the model keeps ``<b>`` beside its word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders

# the fields a program fills in that a word may be glued to
_FIELD_KINDS = frozenset({"printf", "brace"})
# a number's conversion: what is glued to it is mostly a unit (``%dpx``, ``%.1fkm``)
_NUMBER_CONVERSIONS = "diouxXeEfFgGaA"
# a word of letters glued after a field, and one glued before (bounded runs: no backtracking)
_WORD_AFTER = re.compile(r"[^\W\d_]{2,}")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}$")
# a word as long as a unit's abbreviation may be (``px``, ``min``, ``sec``): glued to a
# number's conversion, it stays
_UNIT_LENGTH = 3
# the spaces the model wrote between a field and a word, after it and before it
_SPACES_AFTER = re.compile(r"[ \t]+(?=[^\W_])")
_SPACES_BEFORE = re.compile(r"(?<=[^\W_])[ \t]+$")


@dataclass(frozen=True)
class Glue:
    """The fields of a line given to the model spaced from the word they were glued to: each
    field's text with ``"after"`` (a word follows it: ``%1$sterms``) or ``"before"`` (one
    precedes it: ``service%2$s``)."""

    fields: tuple[tuple[str, str], ...] = ()

    def glued_again(self, translation: str) -> str:
        """``translation`` with the spaces between each of these fields and the word on its
        glued side taken away."""
        for text, side in self.fields:
            for placeholder in reversed(find_placeholders(translation)):
                if placeholder.text != text:
                    continue
                before, after = translation[: placeholder.start], translation[placeholder.end :]
                if side == "after":
                    after = _SPACES_AFTER.sub("", after, count=1) if after[:1] in " \t" else after
                else:
                    before = _SPACES_BEFORE.sub("", before)
                translation = before + placeholder.text + after
        return translation


def spaced_fields(line: str) -> tuple[str, Glue]:
    """``line`` with a space between each field and the word glued to it (module docstring),
    and which fields those are; ``(line, Glue())`` where none is."""
    found = find_placeholders(line)
    sides: dict[tuple[str, str], bool] = {}  # glued on that side at each of its places
    for placeholder in found:
        for side in ("after", "before"):
            glued = _glued(line, placeholder, side)
            sides[placeholder.text, side] = sides.get((placeholder.text, side), True) and glued
    fields = tuple(key for key, glued in sides.items() if glued)
    if not fields:
        return line, Glue()
    pieces, position = [], 0
    for placeholder in found:
        before = " " if (placeholder.text, "before") in fields else ""
        after = " " if (placeholder.text, "after") in fields else ""
        pieces += [line[position : placeholder.start], before, placeholder.text, after]
        position = placeholder.end
    pieces.append(line[position:])
    return "".join(pieces), Glue(fields)


def _glued(line: str, placeholder: Placeholder, side: str) -> bool:
    """Whether ``placeholder`` of ``line`` is a field with a word of letters glued to it on
    ``side``, not a number's unit."""
    if placeholder.kind not in _FIELD_KINDS or placeholder.text == "%%":
        return False
    if side == "after":
        word = _WORD_AFTER.match(line, placeholder.end)
    else:
        word = _WORD_BEFORE.search(line, max(0, placeholder.start - 64), placeholder.start)
    if word is None:
        return False
    number = placeholder.kind == "printf" and placeholder.text[-1] in _NUMBER_CONVERSIONS
    return not (number and len(word.group()) <= _UNIT_LENGTH)
