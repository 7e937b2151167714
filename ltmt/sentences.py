"""Split a long segment into pieces the model can translate whole, without losing a character.

:func:`split_sentences` uses `sentencex <https://pypi.org/project/sentencex/>`_ (Wikimedia's
rule-based sentence segmenter, ~300 languages); :func:`cut_words` is the fallback for a sentence
that is still too long: word-bounded pieces within the model's token limit. Both return pieces
whose concatenation is the input, so the caller can join the translations with the same
whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD_AND_SPACE = re.compile(r"\S+\s*|\s+")


def split_sentences(text: str, language: str = "en") -> list[str]:
    """The sentences of ``text``, each with the whitespace after it; ``"".join`` gives ``text``."""
    from sentencex import segment

    pieces = [piece for piece in segment(language, text) if piece]
    return pieces if "".join(pieces) == text else [text]


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
