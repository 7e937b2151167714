"""Lines written in capitals (``SELECT LINE``, ``VIM - ATTENTION``, ``FAILED``): translated in
sentence case, the translation written back in capitals.

UI strings shout mode names, headings and states. The model saw few such lines in training and
reads them as unknown words: it copies them (``SELECT LINE``, ``FAILED``) or garbles them
(``COMMENT`` came out ``BEFEHENT``, ``CANNOT BE FOUND`` ``CANNOT BE FOUNDEN``). So
:func:`written_in_capitals` finds such a line, :func:`sentence_case` gives it to the model as a
sentence (``Select line``) and :func:`in_capitals` writes the translation back in capitals
(``ZEILE AUSWÄHLEN``; German's ``ß`` as ``SS``). Placeholders are left as written on both ways
(``%S`` is not ``%s``).

A line counts when every word of it (outside placeholders) is in capitals and one of them has at
least :data:`MIN_WORD` letters: ``OK``, ``RSA`` or ``MB 1000`` stay as they are, and so does a
line with an identifier (``GTK_CAN_DEFAULT``).
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import outside_placeholders, without_placeholders
from ltmt.text import LETTERS

# a line in capitals needs a word of this many letters (acronyms are shorter)
MIN_WORD = 4
_IDENTIFIER = re.compile(r"\w_\w")  # GTK_CAN_DEFAULT


def written_in_capitals(line: str) -> bool:
    """Whether ``line`` is written in capitals (module docstring)."""
    text = without_placeholders(line)
    words = LETTERS.findall(text)
    if not words or any(word != word.upper() or word == word.lower() for word in words):
        return False
    return any(len(word) >= MIN_WORD for word in words) and not _IDENTIFIER.search(text)


def sentence_case(line: str) -> str:
    """``line`` in lower case but for its first letter, its placeholders as written."""
    first = True

    def lower(part: str) -> str:
        nonlocal first
        out = []
        for char in part:
            if first and char.isalpha():
                out.append(char)
                first = False
            else:
                out.append(char.lower())
        return "".join(out)

    return outside_placeholders(line, lower)


def in_capitals(text: str) -> str:
    """``text`` in capitals, its placeholders as written."""
    return outside_placeholders(text, str.upper)
