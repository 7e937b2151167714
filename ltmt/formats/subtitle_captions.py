"""Caption cues: the text on screen that no one says, a name tag, a location or date card, a
title (``THOMAS BRANDT`` / ``Former Border Guard``, ``BERLIN, 1989``). A caption has no
sentence punctuation, so a cue after it that starts with ``I`` read as its sentence going on:
the two were translated as one segment, a memory match of the speech replaced both and the
caption's words were lost, and an import stored ``BERLIN, 1989 The train left ...`` as one
sentence, which neither the card nor the speech matched again. :func:`is_caption` tells one
(:func:`~ltmt.formats.subtitle_cues.stands_alone` keeps it apart from the sentence after it).
"""

from __future__ import annotations

import re

from ltmt.formats.subtitle_pairs import TAGS

# a word of letters (an apostrophe's inside it: I'm), digits and marks aside
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# the small words a title-cased label keeps small: Head of Security, Minister for the Interior
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "del", "der", "des", "di", "du", "for", "in", "la", "le"}
    | {"of", "on", "the", "to", "van", "von", "y", "zu"}
)
_SHOUTED_WORD = 3  # letters of a capitals-only word that makes a card (not OK, NO, TV)


def is_caption(lines: list[str]) -> bool:
    """Whether a cue of ``lines`` reads as a caption: it ends in a letter or a digit (no
    sentence or clause punctuation: tags and override blocks aside) and either has no small
    letters and a word of :data:`_SHOUTED_WORD` capitals or more (``BERLIN, 1989``, ``THE
    WALL``), or has two lines or more, each a label: every word capitalised but the small words
    of a title (``THOMAS BRANDT`` / ``Former Border Guard``, ``Anna Weber`` / ``Head of
    Security``)."""
    shown = [TAGS.sub("", line).strip() for line in lines]
    shown = [line for line in shown if line]
    if not shown or not all(line[-1].isalnum() for line in shown):
        return False
    text = " ".join(shown)
    words = _WORD.findall(text)
    if not words:
        return False
    if not any(c.islower() for c in text):
        return any(len(word) >= _SHOUTED_WORD for word in words)
    return len(shown) > 1 and all(_label(line) for line in shown)


def _label(line: str) -> bool:
    """Whether ``line`` is title-cased: its first word capitalised, and every other word but
    the small words of a title."""
    words = _WORD.findall(line)
    return all(
        word[0].isupper() or (place > 0 and word in _SMALL_WORDS)
        for place, word in enumerate(words)
    )
