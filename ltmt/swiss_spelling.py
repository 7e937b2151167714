"""Swiss Standard German writes ``ss`` where Germany's and Austria's German write ``ß``
(``Strassennamen``, ``Grösse``; Liechtenstein's alike): the shipped model, trained on German
German, writes ``ß``.

For a target language of Switzerland or Liechtenstein (``de-CH``, ``de_CH``, ``de-LI``),
:func:`swiss_spelling` writes each ``ß`` of a model's output as ``ss`` (a capital ``ẞ`` as
``SS``), a fused output and a glossary's term placed by the model alike; a memory match reused
as stored is the user's own translation and stays as stored, and nothing in the memory is
changed. Only words of running text are respelt, names among them (Swiss German writes
``Herr Gross``, ``Giessen``): a placeholder (``%(straße)s``, ``{straße}``), a URL, an e-mail
address or code span (:func:`~ltmt.formats.placeholder_syntax.find_placeholders`), a file
name (``größe.pdf``) and a glossary target the caller names (``kept``: ``Weißbräu`` kept as
written) stay as they are, since the program, the link or the user reads them so. qa's language
check flags a ``ß`` in a Swiss German translation outside them (:func:`sharp_s_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ltmt.formats.placeholder_syntax import find_placeholders

_REGIONS = frozenset({"ch", "li"})
_SHARP_S_WORD = re.compile(r"\w*[ßẞ]\w*")
# a file's name with its extension (größe.pdf, Maße_2024.xlsx), not a sentence's end (Straße. Die)
_FILE_NAME = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{1,4}(?![\w.-])")


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


def swiss_spelling(text: str, language: str, kept: Iterable[str] = ()) -> str:
    """``text`` with ``ß`` written ``ss`` (``ẞ``: ``SS``) where ``language`` writes so
    (:func:`writes_ss`), outside its placeholders, URLs, e-mail addresses, code spans, file
    names and the occurrences of ``kept`` (glossary targets, as whole words); else as it is."""
    if not writes_ss(language) or not _SHARP_S_WORD.search(text):
        return text
    pieces, end = [], 0
    for start, stop in _kept_spans(text, kept):
        pieces += [_respelt(text[end:start]), text[start:stop]]
        end = stop
    return "".join(pieces) + _respelt(text[end:])


def sharp_s_words(text: str, language: str) -> list[str]:
    """The words of ``text`` written with ``ß`` where ``language`` writes ``ss``, outside the
    spans :func:`swiss_spelling` keeps."""
    if not writes_ss(language):
        return []
    spans = _kept_spans(text, ())
    return [
        m.group()
        for m in _SHARP_S_WORD.finditer(text)
        if not any(start < m.end() and m.start() < stop for start, stop in spans)
    ]


def _respelt(text: str) -> str:
    return text.replace("ß", "ss").replace("ẞ", "SS")


def _kept_spans(text: str, kept: Iterable[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` written as they are, left to right, none
    overlapping another."""
    spans = [(p.start, p.end) for p in find_placeholders(text)]
    spans += [m.span() for m in _FILE_NAME.finditer(text)]
    for term in kept:
        if _SHARP_S_WORD.search(term):
            pattern = rf"(?<!\w){re.escape(term.strip())}(?!\w)"
            spans += [m.span() for m in re.finditer(pattern, text)]
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged
