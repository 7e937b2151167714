"""Characters the model cannot write, given back as the source writes them.

The shipped model, as OPUS-MT's models do, reads and writes text through SentencePiece's NFKC
normalisation, so a character that NFKC folds into others never comes out of it: the ellipsis
``…`` comes out as ``...``, ``™`` as ``TM``, ``m²`` as ``m2``. In user interfaces the ellipsis
is everywhere (a command that asks for more before it acts: ``Settings…``, ``Open File…``), and
German interfaces write it as English ones do, attached (``Einstellungen…``: 27 of the 29 in
AntennaPod's and Thunderbird for Android's German strings, counted by hand). None of Firefox's
362 strings with ``…`` kept it (``eval/folded_characters_trial.py``: ``Settings…`` →
``Setzes ...``).

:func:`restore_folded` gives them back where the source has the character and not its folded
form (then the output's folded form can only be the model's rendering of it): every run of
two or more dots becomes ``…`` (without the space before it, unless the source puts one
there), and ``TM``, ``SM`` and the superscript digits folded after the same character as in
the source (``FirefoxTM`` for ``Firefox™``, ``m2`` for ``m²``), as many times as the source
has it there, become the source's character.
The translator does it for every output it decodes.
"""

from __future__ import annotations

import re
from collections import Counter

ELLIPSIS = "…"
_DOTS = re.compile(r"\.{2,}")  # (the model wrote two once: "Warten Sie bitte..")
_SPACED_DOTS = re.compile(r"[ \t]*\.{2,}")
# characters written after a word or a number, and what NFKC folds them into
ATTACHED = {"™": "TM", "℠": "SM", "¹": "1", "²": "2", "³": "3"}


def restore_folded(source: str, output: str) -> str:
    """``output`` with the characters of ``source`` that the model's normalisation folded
    written as ``source`` writes them (module docstring)."""
    if ELLIPSIS in source and ".." not in source:
        spaced = re.search(r"\s" + ELLIPSIS, source) is not None
        output = (_DOTS if spaced else _SPACED_DOTS).sub(ELLIPSIS, output)
    for character, folded in ATTACHED.items():
        if character not in source:
            continue
        for before, times in Counter(re.findall(r"(\w)" + character, source)).items():
            if before + folded in source:
                continue
            found = re.escape(before + folded) + r"(?![^\W_])"
            output = re.sub(found, before + character, output, count=times)
    return output
