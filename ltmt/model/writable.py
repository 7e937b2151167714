"""The characters a model can write: those its target vocabulary has a token for.

A Marian model's SentencePiece vocabulary covers the characters of its training text; any other
is ``<unk>`` (the shipped model's has no ``±``, ``§``, ``≤``, ``π``, Cyrillic or CJK), so the
model can never write it, and drops it or makes a word up in its place (``Value ± 10`` → ``Wert
10``). :class:`UnwritableCharacters` tells them apart, for :func:`ltmt.pictographs.set_aside`,
which gives the model a tag in their place and puts them back in the translation.
"""

from __future__ import annotations

import unicodedata
from typing import Any


class UnwritableCharacters:
    """``unwritable(character)``: whether ``tokenizer`` encodes ``character`` on its target
    side as ``<unk>`` (one encoding per character, then cached). ASCII, and what NFKC folds
    into ASCII (``…`` into ``...``, ``™`` into ``TM``, a no-break space into a space), count as
    written: the model writes the folded form, which :mod:`ltmt.folded_characters` turns back."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._unknown = tokenizer.unk_token_id
        self._found: dict[str, bool] = {}

    def __call__(self, character: str) -> bool:
        found = self._found.get(character)
        if found is None:
            if unicodedata.normalize("NFKC", character).isascii():
                found = False
            else:
                encoded = self._tokenizer(text_target=character, add_special_tokens=False)
                found = self._unknown in encoded["input_ids"]
            self._found[character] = found
        return found
