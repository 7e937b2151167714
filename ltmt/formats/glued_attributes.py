"""An attribute list glued to the inline element before it in a Markdown block, kept glued in
its translation.

Python-Markdown's ``attr_list`` (MkDocs Material's buttons: ``[Install](index.md#install){
.md-button }``) attaches ``{ ... }`` to the element right before it: a link, an image, a code
span, emphasis. The tagged form (:mod:`ltmt.formats.markdown_inline`) keeps the list as code
kept as written, a placeholder of its own, and the model put words between the two:
``[installieren](index.md#install) Sie{ .md-button }``, the button lost and ``Sie{ .md-button
}`` shown as text. Where the source glues a list to an element and the translation does not,
the list is moved back right after that element; one the translation glues already, or whose
element it lacks, stays where it is.
"""

from __future__ import annotations

import re

from ltmt.formats.attribute_lists import ATTRIBUTE_LIST
from ltmt.formats.markup_characters import plain_text

# the end of an inline element in the tagged form: a link's or emphasis's closing tag, an
# image, a code span (not one kept as written, data-md="raw": an attribute list is one)
_ELEMENT_END = re.compile(
    r"</(?:a|b|strong|i|em|s|del)>|<img\s[^<>]*/>|<code>(?:(?!</code>).)*</code>", re.DOTALL
)
# markup kept as written (data-md="raw"), an attribute list among them
_KEPT = re.compile(r'<code data-md="raw">(?P<code>(?:(?!</code>).)*)</code>', re.DOTALL)


def _nth(text: str, needle: str, number: int) -> int:
    """Where the ``number``-th (from 0) occurrence of ``needle`` in ``text`` starts, or -1."""
    at = -1
    for _ in range(number + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def _glued(source: str) -> list[tuple[str, int, str, int]]:
    """The attribute lists of a tagged ``source`` glued to the element before them: that
    element's end and its occurrence among its copies, the list as tagged and its occurrence."""
    ends = {found.end(): found.group() for found in _ELEMENT_END.finditer(source)}
    glued = []
    for found in _KEPT.finditer(source):
        end = ends.get(found.start())
        if end is None or ATTRIBUTE_LIST.fullmatch(plain_text(found.group("code"))) is None:
            continue
        glued.append(
            (
                end,
                source.count(end, 0, found.start() - len(end)),
                found.group(),
                source.count(found.group(), 0, found.start()),
            )
        )
    return glued


def with_attributes_glued(source: str, translation: str) -> str:
    """``translation`` (of the tagged ``source``) with each attribute list that ``source``
    glues to the element before it right after that element again (module docstring)."""
    for end, end_number, attributes, number in _glued(source):
        element = _nth(translation, end, end_number)
        at = _nth(translation, attributes, number)
        if element < 0 or at < 0 or at == element + len(end):
            continue
        before, after = translation[:at], translation[at + len(attributes) :]
        if before.endswith(" ") and (not after or after[0] in " .,;:!?)"):
            before = before[:-1]  # (the blank before it, where it stood between words)
        place = element + len(end)
        if place > at:  # (the element after the list: it moved with the text cut out)
            place -= len(translation) - len(before) - len(after)
        rest = before + after
        translation = rest[:place] + attributes + rest[place:]
    return translation
