"""Swiss Standard German writes ``ss`` where Germany's and Austria's German write ``ß``
(``Strassennamen``, ``Grösse``; Liechtenstein's alike): the shipped model, trained on German
German, writes ``ß``.

For a target language of Switzerland or Liechtenstein (``de-CH``, ``de_CH``, ``de-LI``),
:func:`swiss_spelling` writes each ``ß`` of a model's output as ``ss`` (a capital ``ẞ`` as
``SS``), a fused output and a glossary's term placed by the model alike; a memory match reused
as stored is the user's own translation and stays as stored, and nothing in the memory is
changed. qa's language check flags a ``ß`` in a Swiss German translation
(:func:`sharp_s_words`).
"""

from __future__ import annotations

import re

_REGIONS = frozenset({"ch", "li"})
_SHARP_S_WORD = re.compile(r"\w*[ßẞ]\w*")


def writes_ss(language: str) -> bool:
    """Whether ``language`` (``de-CH``, ``de_CH``, ``de-LI``) writes ``ss`` for ``ß``; a code
    that names no such language (``xx``, a model's own label) does not."""
    from ltmt.errors import InputError
    from ltmt.formats.common import language_tag

    try:
        subtags = language_tag(language).casefold().split("-") if language else [""]
    except InputError:
        return False
    return subtags[0] == "de" and any(tag in _REGIONS for tag in subtags[1:3])


def swiss_spelling(text: str, language: str) -> str:
    """``text`` with ``ß`` written ``ss`` (``ẞ``: ``SS``) where ``language`` writes so
    (:func:`writes_ss`); else as it is."""
    if not writes_ss(language) or not _SHARP_S_WORD.search(text):
        return text
    return text.replace("ß", "ss").replace("ẞ", "SS")


def sharp_s_words(text: str, language: str) -> list[str]:
    """The words of ``text`` written with ``ß`` where ``language`` writes ``ss``."""
    return _SHARP_S_WORD.findall(text) if writes_ss(language) else []
