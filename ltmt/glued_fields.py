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
from collections import Counter
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
_SPACES = " \t"  # what the model wrote between a field and a word


@dataclass(frozen=True)
class Glue:
    """The fields of a line given to the model spaced from the word they were glued to: each
    field's text, which of the line's fields of that text it is (0: the first), and
    ``"after"`` (a word follows it: ``%1$sterms``) or ``"before"`` (one precedes it:
    ``service%2$s``)."""

    fields: tuple[tuple[str, int, str], ...] = ()

    def glued_again(self, translation: str) -> str:
        """``translation`` with the spaces between each of these fields (the translation's
        field of that text and number: the model keeps ``%s``'s order) and the word on its
        glued side taken away."""
        if not self.fields:
            return translation
        sides: dict[tuple[str, int], set[str]] = {}
        for text, number, side in self.fields:
            sides.setdefault((text, number), set()).add(side)
        # from the end, so that the places of the fields before stay as found
        for placeholder, number in reversed(_numbered(translation)):
            glued = sides.get((placeholder.text, number), set())
            before, after = translation[: placeholder.start], translation[placeholder.end :]
            if "after" in glued and _is_letter(after.lstrip(_SPACES)[:1]):
                after = after.lstrip(_SPACES)
            if "before" in glued and _is_letter(before.rstrip(_SPACES)[-1:]):
                before = before.rstrip(_SPACES)
            translation = before + placeholder.text + after
        return translation


def spaced_fields(line: str) -> tuple[str, Glue]:
    """``line`` with a space between each field and the word glued to it (module docstring),
    and which fields those are; ``(line, Glue())`` where none is."""
    pieces: list[str] = []
    fields: list[tuple[str, int, str]] = []
    position = 0
    for placeholder, number in _numbered(line):
        before = _glued(line, placeholder, "before")
        after = _glued(line, placeholder, "after")
        fields += [(placeholder.text, number, "before")] if before else []
        fields += [(placeholder.text, number, "after")] if after else []
        pieces += [line[position : placeholder.start], " " if before else "", placeholder.text]
        pieces.append(" " if after else "")
        position = placeholder.end
    if not fields:
        return line, Glue()
    pieces.append(line[position:])
    return "".join(pieces), Glue(tuple(fields))


def _numbered(text: str) -> list[tuple[Placeholder, int]]:
    """The placeholders of ``text``, each with which of the text's placeholders of its text it
    is (0: the first)."""
    seen: Counter[str] = Counter()
    numbered = []
    for placeholder in find_placeholders(text):
        numbered.append((placeholder, seen[placeholder.text]))
        seen[placeholder.text] += 1
    return numbered


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


def _is_letter(character: str) -> bool:
    """Whether ``character`` is a letter (a word's, as the line's glued word was)."""
    return character.isalpha()
