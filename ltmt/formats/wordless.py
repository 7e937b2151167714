"""Whether a translation lost every word of its source (``Hi %{first_name},`` →
``%{first_name},``): it keeps only placeholders or punctuation.

``ltmt qa``'s ``wordless`` check and translate's summary ("N lost every word of their source")
both ask :func:`lost_every_word`. A sign that stands for a word is not lost words: ``%{p} %``
for ``%{p} percent``, a minus sign for ``minus``, a multiplication sign for ``times``,
``%{n}/%{total}`` for ``Step %{n} of %{total}``; nor is a source whose only words are function
words (``%d of %d`` → ``%d/%d``: :func:`has_content_words`).
"""

from __future__ import annotations

import unicodedata

from ltmt.formats.placeholder_syntax import find_placeholders, has_words, without_placeholders
from ltmt.terminology.function_words import has_content_words

# math, currency and other symbols (minus, times, division, euro, degree signs); and the
# punctuation by Unicode that is read as a word: percent, per mille, slash ("per"),
# ampersand, at, number and section signs
_SYMBOLS = frozenset({"Sm", "Sc", "So"})
_WORD_SIGNS = frozenset("%‰‱/&@#§")


def writes_a_sign(text: str) -> bool:
    """Whether ``text`` has a sign that stands for a word outside its placeholders (a printf
    ``%%`` is a percent sign)."""
    if any(placeholder.text == "%%" for placeholder in find_placeholders(text)):
        return True
    return any(
        char in _WORD_SIGNS or unicodedata.category(char) in _SYMBOLS
        for char in without_placeholders(text)
    )


def lost_every_word(source: str, target: str) -> bool:
    """Whether ``target`` keeps none of ``source``'s words: no letter nor sign outside its
    placeholders, where ``source`` has a word that is no function word (module docstring)."""
    if not target.strip() or has_words(target) or writes_a_sign(target):
        return False
    return has_content_words(source)
