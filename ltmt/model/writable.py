"""The characters a model can write: those its target vocabulary has a token for.

A Marian model's SentencePiece vocabulary covers the characters of its training text; any other
is ``<unk>`` (the shipped model's has no ``±``, ``§``, ``≤``, ``π``, Cyrillic or CJK), so the
model can never write it, and drops it or makes a word up in its place (``Value ± 10`` → ``Wert
10``). Nor can it write a character that its normalisation (NFKC) folds into other characters
than ASCII, which nothing turns back: it writes the folded form at best, and ``¯`` (U+00AF, a
space and a combining macron to the model) came out ``Ş``, ``µ`` (micro) would come out ``μ``
(Greek mu). Nor can it write the Greek mu (U+03BC), though the shipped model has a token for
it: it garbled it wherever it stood (``0.2 μm`` → ``0.2 Kopfzeilen``, ``10 μg/kg`` → ``10
Tastenkg/kg``, ``The mean μ is 5.`` → ``Die Bedeutung der Öffentlichkeit ist 5.``), and reads a
µ as that μ. So μ is unwritable as µ is (:data:`READ_AS_FOLDED`), and a unit written with either
goes to the model as a tag and comes back as its source wrote it.
:class:`UnwritableCharacters` tells them apart, for :func:`ltmt.pictographs.set_aside`, which
gives the model a tag in their place and puts them back in the translation.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ltmt.folded_characters import RESTORED

# characters NFKC folds an unwritable one into, which the model reads as that one and garbled
# though it has a token for them: the Greek mu, the micro sign's fold (Word's Symbol font, Greek
# keyboards and NFKC-normalised text write a unit's micro so: ``0.2 μm``)
READ_AS_FOLDED = frozenset({"\u03bc"})


class UnwritableCharacters:
    """``unwritable(character)``: whether ``tokenizer`` encodes ``character`` on its target
    side as ``<unk>`` (one encoding per character, then cached), or NFKC folds it into other
    characters than ASCII (``¯``, ``µ``, ``½``: module docstring), or is one NFKC folds such a
    character into (``μ``: :data:`READ_AS_FOLDED`). ASCII, what NFKC folds into
    ASCII (``™`` into ``TM``, a no-break space into a space) and the folded characters
    :mod:`ltmt.folded_characters` turns back (``…``, the non-breaking hyphen) count as
    written."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._unknown = tokenizer.unk_token_id
        self._found: dict[str, bool] = {}

    def __call__(self, character: str) -> bool:
        found = self._found.get(character)
        if found is None:
            found = self._unwritable(character)
            self._found[character] = found
        return found

    def _unwritable(self, character: str) -> bool:
        folded = unicodedata.normalize("NFKC", character)
        if character in READ_AS_FOLDED:
            return True
        if folded.isascii() or character in RESTORED:
            return False
        if folded != character:  # the model writes the folded form at best, never turned back
            return True
        encoded = self._tokenizer(text_target=character, add_special_tokens=False)
        return self._unknown in encoded["input_ids"]
