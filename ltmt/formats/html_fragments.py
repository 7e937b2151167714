"""HTML fragments translated as pages are: ``<b>Open</b> the file`` → ``<b>Öffnen</b> Sie die
Datei``, markup kept.

What a client of LibreTranslate's API sends with ``format: html`` (a string of a page, its
markup inline), and what a program with strings of HTML has. Each fragment is read as a page
(:mod:`ltmt.formats.html_segments`: its runs of text with their inline markup, and the
attribute values people read: ``alt``, ``title``, ``aria-label`` ...), the runs of all the
fragments are translated together (the pipeline's units: tags kept in place, placeholders and
edges fitted, :func:`ltmt.formats.unit_translation.translate_units`), and each fragment is written
back as it was but for its translated text (:func:`ltmt.formats.html_writing.written_html`).
A translated run's ``&``, ``<`` and ``>`` are written as references (``&amp;``); scripts, styles
and comments stay as they are. A fragment without text to translate comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.formats.documents import Unit
from ltmt.formats.html_segments import Segments, segments
from ltmt.formats.html_writing import written_html
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.formats.unit_translation import TranslateFn, translate_units

_SEPARATOR = "\t"  # between a fragment's number and its unit's key


def translated_fragments(
    fragments: Sequence[str], translate: TranslateFn, tgt_lang: str | None = None
) -> list[str]:
    """``fragments`` (strings of HTML) translated by ``translate`` (a pipeline translate
    function, :data:`ltmt.formats.unit_translation.TranslateFn`), in order (module docstring);
    ``tgt_lang``: the language a fragment's ``<html>`` element or content-language ``<meta>``
    is marked with, as a page's is."""
    found = [_fragment_segments(number, text) for number, text in enumerate(fragments)]
    units = [
        Unit(f"{number}{_SEPARATOR}{piece.key}", piece.source)
        for number, pieces in enumerate(found)
        for piece in pieces.pieces()
    ]
    translations: list[dict[str, str]] = [{} for _ in fragments]
    for outcome in translate_units(units, translate) if units else ():
        if outcome.ok and outcome.text.strip():
            number, key = outcome.unit.key.split(_SEPARATOR, 1)
            translations[int(number)][key] = outcome.text
    return [
        written_html(text, pieces, done, tgt_lang=tgt_lang)
        for text, pieces, done in zip(fragments, found, translations, strict=True)
    ]


def _fragment_segments(number: int, text: str) -> Segments:
    """The segments of fragment ``number`` (counted from 0), an error naming it where its HTML
    is too broken to read."""
    try:
        return segments(text)
    except UnclosedMarkupError as unreadable:
        raise unreadable.at(f"fragment {number + 1}") from None
