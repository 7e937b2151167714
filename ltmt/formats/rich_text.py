"""A catalog message that is an HTML document (Qt's rich text), translated as a page is.

Qt Designer stores every formatted label and tooltip of a ``.ui`` file as a whole document:
``<html><head/><body><p>…</p><p>…</p></body></html>``, or in its older form (Qt 4,
``QTextEdit``) ``<!DOCTYPE HTML PUBLIC …><html><head><meta name="qrichtext" …/><style
type="text/css">p, li { white-space: pre-wrap; }</style></head><body style="…"><p
style="…">…</p></body></html>``. ``lupdate`` writes it into the ``.ts`` (and ``lconvert`` into a
``.po``) as one message. Given whole to the model, its words were put between and after its
paragraphs (``…Welcome</span></p>! Ein <p>…``) with "1 repaired" in the summary, and the
older form's doctype and style sheet were translated (``p, li { Le-space: Vorwrap; }``) and
the message left empty (trial s76). A message that opens with ``<html>`` or ``<!DOCTYPE
html`` is read as an HTML page (:func:`ltmt.formats.html_segments.segments`): each paragraph's
text with its inline markup is a unit of its own, and the document is written back as it was
(doctype, head, style sheet, tags and their attributes byte for byte) with each translation in
its place (:func:`ltmt.formats.html_cells.translate_cells`). Any other message is read as
before.
"""

from __future__ import annotations

import re

from ltmt.formats.documents import Unit
from ltmt.formats.html_segments import Segments, segments

# an HTML document's start: its doctype or its root element's start tag, after white space
_DOCUMENT_START = re.compile(r"\s*(?:<!DOCTYPE\s+html\b|<html(?:\s[^<>]*)?>)", re.IGNORECASE)


def is_html_document(text: str) -> bool:
    """Whether the message ``text`` is an HTML document: it opens with ``<!DOCTYPE html`` or an
    ``<html>`` start tag (Qt's rich text, module docstring)."""
    return _DOCUMENT_START.match(text) is not None


def document_page(unit: Unit) -> Segments | None:
    """The message ``unit``'s text read as a page where it is an HTML document (module
    docstring); None where it is not."""
    return segments(unit.source) if is_html_document(unit.source) else None
