"""One form for a segment's ``&``, ``<`` and ``>``, whatever file it came from.

A segment is text with its inline markup as tags (``<b>``, ``<g id="1">``, ``<x id="2"/>``): the
form the model translates and the memory stores. Its text is its characters: ``&`` is ``&``, a
no-break space U+00A0, and a ``<`` or ``>`` that does not read as markup is itself (``if a < b``,
``Press <Enter>``: a metavariable, which :mod:`ltmt.formats.placeholder_syntax` tells from a tag).
Only text that would read as markup is escaped: an ``&`` that would start a character reference
(the text ``&copy;`` is ``&amp;copy;``) and the brackets of text that would read as a tag (a
literal ``<b>`` is ``&lt;b&gt;``). A reference to an invisible character (``&#8203;``) stays a
reference, which the model keeps.

So ``Save &amp; close`` in HTML, ``Save & close`` in Word, Markdown, a text file or a TSV memory
are one string (an exact match of each other), and the model sees ``&``, not ``&amp;``. Plain-text
formats (text, TSV, PO ...) hold this form as written; HTML and EPUB, Word, OpenDocument and
PowerPoint, Markdown and XLIFF (whose markup is its inline codes) read their text into it
(:func:`tagged_text`,
:func:`decoded_references`) and write a translation's text out of it (:func:`plain_text`) before
escaping it their own way, so a stored target is written in each file's escaping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ltmt.folded_characters import NO_BREAK_SPACES
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE, REFERENCE_TAIL, find_placeholders

# stands in plain text for a piece kept as written (a reference to an invisible character)
KEPT = "\0"
_REFERENCE = re.compile(CHARACTER_REFERENCE)
_REFERENCE_START = re.compile(f"&(?={REFERENCE_TAIL})")
_ESCAPED = re.compile("&(lt|gt|amp);")
_CHARACTERS = {"lt": "<", "gt": ">", "amp": "&"}


def tagged_text(plain: str, kept: Sequence[str] = ()) -> str:
    """Plain ``plain`` (no markup) in the tagged form (module docstring); each :data:`KEPT` in it
    is the next of ``kept``, put in as written."""
    parts: list[str] = []
    position = 0
    for tag in find_placeholders(plain):
        if tag.kind == "tag" and tag.text.startswith("<"):
            parts.append(_REFERENCE_START.sub("&amp;", plain[position : tag.start]))
            bracketed = _REFERENCE_START.sub("&amp;", tag.text)
            parts.append(bracketed.replace("<", "&lt;").replace(">", "&gt;"))
            position = tag.end
    parts.append(_REFERENCE_START.sub("&amp;", plain[position:]))
    pieces = iter(kept)
    return re.sub(KEPT, lambda _: next(pieces, ""), "".join(parts))


def decoded_references(written: str) -> str:
    """Text written with character references (HTML's, Markdown's: ``&amp;``, ``&#60;``,
    ``&quot;``, ``&nbsp;``) in the tagged form: each reference as its character, but one to an
    invisible character, which stays as written."""
    kept: list[str] = []

    def decoded(found: re.Match[str]) -> str:
        character = html.unescape(found.group())
        if character.isprintable() or character in NO_BREAK_SPACES or character == found.group():
            return character
        kept.append(found.group())
        return KEPT

    return tagged_text(_REFERENCE.sub(decoded, written.replace(KEPT, "\ufffd")), kept)


def plain_text(tagged: str) -> str:
    """The characters of tagged text (a translation's text between its tags): ``&lt;``,
    ``&gt;`` and ``&amp;`` as ``<``, ``>`` and ``&``, for a writer to escape its own way."""
    return _ESCAPED.sub(lambda found: _CHARACTERS[found.group(1)], tagged)


def characters(tagged: str) -> str:
    """The text of tagged text with every character reference as its character (``&lt;b&gt;``
    as ``<b>``, ``&amp;copy;`` as ``&copy;``, ``&nbsp;`` as a no-break space): for a format
    whose markup is elsewhere (XLIFF's inline codes), which holds characters alone."""
    return _REFERENCE.sub(lambda found: html.unescape(found.group()), tagged)
