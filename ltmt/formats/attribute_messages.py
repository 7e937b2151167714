"""A catalog message whose inline HTML has an attribute people read: ``Click <a href="{{link}}"
title="Open settings">here</a>`` (an i18next string rendered as HTML, a PO message).

Given whole to the model, such a message's tags are kept as written, so the ``title`` stayed
English, and nothing said so (trial s76), where an HTML page has its ``title``, ``alt``,
``aria-label`` and ``placeholder`` translated. :func:`attribute_page` reads such a message as a
page (:mod:`ltmt.formats.html_segments`): its text one run, its tags in it, each such value a
unit of its own, written back in place (:mod:`ltmt.formats.html_cells`). A message whose tags
hold no such value (``<a href="{{link}}">``, ``<1>``, ``<b>``), one whose value holds no letter
(``title="{{name}}"``) and one whose markup cannot be read are one unit, as before.
"""

from __future__ import annotations

import re

from ltmt.formats.documents import Unit
from ltmt.formats.html_segments import Segments, segments
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.text import has_letter

# the attributes whose values people read, as the HTML format translates them in a run's tags
_MESSAGE_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder"})
# a quick look for one of them in a tag: no nested repetition, linear
_READ_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*\s(?:title|alt|aria-label|placeholder)\s*=", re.I)


def attribute_page(unit: Unit) -> Segments | None:
    """``unit``'s message read as a page where a tag of its inline HTML has a value people read
    that holds a word (module docstring); else None."""
    text = unit.source
    if "<" not in text or not _READ_ATTRIBUTE.search(text):
        return None
    try:
        page = segments(text)
    except UnclosedMarkupError:  # translated whole, as before
        return None
    read = [
        value
        for value in page.attributes
        if value.name.lower() in _MESSAGE_ATTRIBUTES
        and has_letter(without_placeholders(value.source, ""))
    ]
    return page if read and not page.xml else None
