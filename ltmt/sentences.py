"""Split a long segment into pieces the model can translate whole, without losing a character.

:func:`split_sentences` uses `sentencex <https://pypi.org/project/sentencex/>`_ (Wikimedia's
rule-based sentence segmenter, ~300 languages); :func:`cut_words` is the fallback for a sentence
that is still too long: word-bounded pieces within the model's token limit. Both return pieces
whose concatenation is the input, so the caller can join the translations with the same
whitespace. An abbreviation before a number (``approx. 5 ml``) ends no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD_AND_SPACE = re.compile(r"\S+\s*|\s+")
# an abbreviation that stands before a number and ends no sentence there (``approx. 5 ml``,
# ``pos. 3``, ``fig. 2``); sentencex cut "Dilute approx. | 5 ml of ..." and qa said the
# translation lacked the sentence 'Dilute approx.'
_BEFORE_A_NUMBER = re.compile(
    r"(?<![\w.])(?:approx|ca|no|nos|vol|p|pp|pos|fig|figs|min|max|incl|e\.g|i\.e|vs)\.\s*$",
    re.IGNORECASE,
)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """The sentences of ``text``, each with the whitespace after it; ``"".join`` gives ``text``.
    In a text that starts with a capital, a piece that starts with a lower-case letter goes on
    the sentence before it (:func:`_joined_before_lower_case`)."""
    from sentencex import segment

    pieces = [piece for piece in segment(language, text) if piece]
    if "".join(pieces) != text:
        return [text]
    pieces = _joined_before_numbers(pieces)
    return _joined_before_lower_case(pieces) if _starts_with_capital(text) else pieces


def _joined_before_numbers(pieces: list[str]) -> list[str]:
    """``pieces`` with each one that starts with a digit joined to the one before where that
    ends with an abbreviation of :data:`_BEFORE_A_NUMBER` (``Dilute approx. | 5 ml ...``)."""
    joined: list[str] = []
    for piece in pieces:
        if joined and piece[:1].isdigit() and _BEFORE_A_NUMBER.search(joined[-1]):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def _starts_with_capital(text: str) -> bool:
    """Whether the first letter of ``text`` is a capital: whether it writes its sentences so
    (a text all in lower case, a chat message, starts each sentence in lower case)."""
    first = next((char for char in text if char.isalpha()), "")
    return first.isupper()


def _joined_before_lower_case(pieces: list[str]) -> list[str]:
    """``pieces`` with each one that starts with a lower-case letter joined to the one before:
    a sentence starts with a capital, a digit, a quote or a bracket, so sentencex's split after
    a section number or an abbreviation it does not know (``See section 4.2. | for details.``)
    is none, in the source as in its translation."""
    joined: list[str] = []
    for piece in pieces:
        if joined and piece.lstrip()[:1].islower():
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def cut_words(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """``text`` cut between words into pieces of at most ``limit`` tokens each (as counted by
    ``count_tokens``; a single longer word stays one piece); ``"".join`` gives ``text``."""
    pieces: list[str] = []
    current, used = "", 0
    for match in _WORD_AND_SPACE.finditer(text):
        word = match.group()
        cost = count_tokens(word)
        if current and used + cost > limit:
            pieces.append(current)
            current, used = "", 0
        current += word
        used += cost
    if current:
        pieces.append(current)
    return pieces
