"""A stage direction at the start of a dialogue line: ``[whispering] Mira, stay close.``,
``(sighs) You always say that.``, ``*laughs* And I'm always right.``.

A game's or a film's script writes how a line is said before it, in brackets, parentheses or
stars: one to three words in small letters (``[whispering]``, ``(sighs heavily)``), then the
spoken text. Given whole to the model, the direction was copied and capitalised
(``[Whispering] …``, ``(Sighs) Du sagst das immer.``), moved into the sentence with the
spoken text's first word in small letters (``und ich *lache* immer recht.``), or garbled
(``[shouting] KAEL! OVER HERE!`` → ``[Süd] Kael! OVER HERE!``; a game VO trial's, session 71).
:func:`split_direction` takes it off (:func:`ltmt.units.split_segment`): the model gets its
words as a line of their own and the spoken text as another, and the translation is put back
between the direction's marks, in small letters (:func:`as_direction`: ``[flüstern]``,
``*lacht*``; a direction the model copies stays as written, ``(sighs)``), before the spoken
text's. A capitalised word in the marks (``(Optional) Enter a name``, a UI text), a footnote
(``[1]``), a checkbox (``[x] Done``) or marks before a small letter (``*very* good``) are no
direction. ``ltmt qa`` warns of a translation that lacks the source's direction at its start
(:func:`direction_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

# one to three words of two small letters or more (an apostrophe or a hyphen inside), between
# matching marks, then blanks, then the spoken text (which :func:`split_direction` checks)
_WORDS = r"[a-z][a-z'-]+(?: [a-z][a-z'-]+){0,2}"
_DIRECTION = re.compile(
    rf"(?P<opening>\[)(?P<words>{_WORDS})(?P<closing>\][ \t]+)(?=\S)"
    rf"|(?P<opening2>\()(?P<words2>{_WORDS})(?P<closing2>\)[ \t]+)(?=\S)"
    rf"|(?P<opening3>\*)(?P<words3>{_WORDS})(?P<closing3>\*[ \t]+)(?=\S)"
)
_CLOSING = {"[": "]", "(": ")", "*": "*"}
# what the model may write around a direction's translation: its marks, a full stop
_AROUND = "[]()*.!: \t"


class Direction(NamedTuple):
    """A line's leading stage direction: ``opening + words + closing + spoken`` is the line."""

    opening: str  # ``[``
    words: str  # ``whispering``
    closing: str  # ``] ``, the blanks after the mark included
    spoken: str  # the rest of the line


def split_direction(line: str) -> Direction | None:
    """The stage direction that starts ``line`` (module docstring), or None: marks around one
    to three words in small letters, then blanks and a spoken text that does not start with a
    small letter."""
    found = _DIRECTION.match(line)
    if found is None:
        return None
    opening, words, closing = (part for part in found.groups() if part is not None)
    spoken = line[found.end() :]
    if spoken[:1].islower():
        return None
    return Direction(opening, words, closing, spoken)


def direction_marks(text: str) -> set[int]:
    """Where the two marks of the stage direction that starts ``text`` (after its blanks)
    are, or none: ``*laughs* And …``'s stars are no reST emphasis around ``laughs``
    (:mod:`ltmt.formats.paired_tags`)."""
    lead = len(text) - len(text.lstrip())
    direction = split_direction(text[lead:])
    if direction is None:
        return set()
    return {lead, lead + len(direction.opening) + len(direction.words)}


def as_direction(translation: str, words: str) -> str:
    """``translation`` of a direction's ``words`` as a direction's words: without the marks or
    final full stop the model put around it, its first letter small (German scripts write
    ``(seufzt)``); ``words`` where nothing is left."""
    inner = translation.strip(_AROUND)
    if not inner:
        return words
    return inner[0].lower() + inner[1:]


def direction_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A translation that does not start with the marks of its source's leading stage
    direction around some words (``*laughs* And I'm always right.`` → ``und ich *lache*
    immer recht.``: the direction lost or moved into the sentence)."""
    direction = split_direction(source)
    if direction is None or not target.strip():
        return []
    opening, closing = direction.opening, _CLOSING[direction.opening]
    pattern = rf"\s*{re.escape(opening)}[^\n{re.escape(closing)}]+{re.escape(closing)}"
    if re.match(pattern, target):
        return []
    written = direction.opening + direction.words + direction.closing.rstrip()
    return [
        f"the source starts with the stage direction {written}, the translation does not: "
        "put its translation first, in its marks"
    ]
