"""One form for a segment's ``&``, ``<`` and ``>``, whatever file it came from.

A segment is text with its inline markup as tags (``<b>``, ``<g id="1">``, ``<x id="2"/>``): the
form the model translates and the memory stores. Its text is its characters: ``&`` is ``&``, a
no-break space U+00A0, and a ``<`` or ``>`` that does not read as markup is itself (``if a < b``,
``Press <Enter>``: a metavariable, which :mod:`ltmt.formats.placeholder_syntax` tells from a tag).
Only text that would read as markup is escaped: an ``&`` that would start a character reference
(the text ``&copy;`` is ``&amp;copy;``) and the brackets of text that would read as a tag (a
literal ``<b>`` is ``&lt;b&gt;``). A reference to an invisible character (``&#8203;``) stays a
reference, which the model keeps, and so does an entity reference of a name HTML does not define
(a DITA topic's ``&product;``).

So ``Save &amp; close`` in HTML, ``Save & close`` in Word, Markdown, a text file or a TSV memory
are one string (an exact match of each other), and the model sees ``&``, not ``&amp;``. Plain-text
formats (text, TSV, PO, XLIFF ...) hold this form as written; HTML and EPUB, Word, OpenDocument
and PowerPoint, and Markdown read their text into it (:func:`tagged_text`,
:func:`decoded_references`) and write a translation's text out of it (:func:`plain_text`) before
escaping it their own way, so a stored target is written in each file's escaping.

A memory may hold a pair written the other way, with references: a web app's PO or TSV, whose
strings are HTML (``Save &amp; close``), and pairs stored from HTML, Word and Markdown before
this form. :func:`written_forms` gives the ways a segment may be written so, for the memory to be
searched for them too, and :func:`from_written` reads such a pair into this form.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Callable, Sequence

from ltmt.folded_characters import NO_BREAK_SPACES
from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE, REFERENCE_TAIL, find_placeholders

# stands in plain text for a piece kept as written (a reference to an invisible character)
KEPT = "\0"
_REFERENCE = re.compile(CHARACTER_REFERENCE)
_REFERENCE_START = re.compile(f"&(?={REFERENCE_TAIL})")
_ESCAPED = re.compile("&(lt|gt|amp);")
_CHARACTERS = {"lt": "<", "gt": ">", "amp": "&"}
_BARE_AMPERSAND = re.compile(f"&(?!{REFERENCE_TAIL})")
# a tag of text written with references, where every "<" of the text is "&lt;"
_WRITTEN_TAG = re.compile(ANY_TAG)
# the references of quote marks as web frameworks write them (Jinja's, markupsafe's)
_QUOTES = {'"': "&quot;", "'": "&#39;"}


def tagged_text(plain: str, kept: Sequence[str] = ()) -> str:
    """Plain ``plain`` (no markup) in the tagged form (module docstring); each :data:`KEPT` in it
    is the next of ``kept``, put in as written."""

    def escaped(text: str) -> str:
        return _REFERENCE_START.sub("&amp;", text)

    def bracketed(tag: str) -> str:
        return escaped(tag).replace("<", "&lt;").replace(">", "&gt;")

    pieces = iter(kept)
    return re.sub(KEPT, lambda _: next(pieces, ""), _around_tags(plain, escaped, bracketed))


def _around_tags(text: str, between: Callable[[str], str], tag: Callable[[str], str]) -> str:
    """``text`` with ``tag`` applied to each of its markup tags (:func:`find_placeholders`)
    and ``between`` to the text around them."""
    parts: list[str] = []
    position = 0
    for found in find_placeholders(text):
        if found.kind == "tag" and found.text.startswith("<"):
            parts += [between(text[position : found.start]), tag(found.text)]
            position = found.end
    return "".join(parts) + between(text[position:])


def is_entity(reference: str) -> bool:
    """Whether ``reference`` (``&name;``, ``&#38;``) is an entity reference of a name HTML does
    not define, the text's own (a DITA topic's ``&product;``, declared in its DOCTYPE; in HTML
    shown as written), whole: ``&copyright;`` is not HTML's ``&copy`` and ``right;``."""
    return not reference.startswith("&#") and reference[1:] not in html.entities.html5


def decoded_references(written: str) -> str:
    """Text written with character references (HTML's, Markdown's: ``&amp;``, ``&#60;``,
    ``&quot;``, ``&nbsp;``) in the tagged form: each reference as its character, but one to an
    invisible character and an entity reference of a name HTML does not define (a DITA
    topic's ``&product;``, declared in its DOCTYPE), which stay as written (a placeholder the
    model keeps: written ``&amp;product;``, the entity was lost)."""
    kept: list[str] = []

    def decoded(found: re.Match[str]) -> str:
        character = html.unescape(found.group())
        if (character.isprintable() or character in NO_BREAK_SPACES) and not is_entity(
            found.group()
        ):
            return character
        kept.append(found.group())
        return KEPT

    return tagged_text(_REFERENCE.sub(decoded, written.replace(KEPT, "\ufffd")), kept)


def plain_text(tagged: str) -> str:
    """The characters of tagged text (a translation's text between its tags): ``&lt;``,
    ``&gt;`` and ``&amp;`` as ``<``, ``>`` and ``&``, for a writer to escape its own way."""
    return _ESCAPED.sub(lambda found: _CHARACTERS[found.group(1)], tagged)


def written_forms(tagged: str) -> list[str]:
    """The other ways a memory may hold tagged text ``tagged``, those that differ from it: its
    text with ``&``, ``<`` and ``>`` as references (``&amp;``: HTML's, a web app's strings,
    pairs stored from a page before this form), and with its quote marks as references too
    (``&quot;``, ``&#39;``). Its tags stay as they are."""
    forms = [_escaped(tagged, quotes=False), _escaped(tagged, quotes=True)]
    return [form for form in dict.fromkeys(forms) if form != tagged]


def _escaped(tagged: str, *, quotes: bool) -> str:
    """Tagged text with the markup characters of its text written as references, and its quote
    marks with ``quotes``."""

    def escaped(text: str) -> str:
        text = _BARE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
        return re.sub("[\"']", lambda found: _QUOTES[found.group()], text) if quotes else text

    return _around_tags(tagged, escaped, lambda tag: tag)


def from_written(written: str) -> str:
    """Text a memory holds written with references (``Save &amp; close``, ``Press
    &lt;Enter&gt;``, ``&#39;``) in the tagged form: its tags as they are, the text between them
    as :func:`decoded_references` reads it. Tagged text comes back as it is."""
    if "&" not in written:  # (the common case: no reference to read)
        return written
    parts: list[str] = []
    position = 0
    for tag in _WRITTEN_TAG.finditer(written):
        parts += [decoded_references(written[position : tag.start()]), tag.group()]
        position = tag.end()
    return "".join(parts) + decoded_references(written[position:])
