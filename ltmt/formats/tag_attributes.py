"""A text's markup tags without their attributes, for measures of its words and numbers.

An inline code's attributes are no text: a Trados comment's ``<mrk mtype="x-sdl-comment"
sdl:cid="c1a2b3c4-0000-4000-8000-00000000c001">``, a ``<g id="pt12">``, a link's ``<a
href="/kb/20431">``. Their digits are not numbers of the sentence, and the model garbles them
(``cid=»c1a2b3c4-00-4000-…«``) where it sees the tag, which the placeholder repair mends; so a
number check that counted them said a number could not be repaired in a sentence that has none.
:func:`without_tag_attributes` keeps each tag as its bare name (``<mrk>``, ``</g>``, ``<x/>``),
which the number measures then read (:mod:`ltmt.numbers_kept`, :mod:`ltmt.numbers_added`). So is
a tag whose name holds its value (TextMeshPro's ``<size=120%>``, ``<sprite="buttons" index=2>``:
``<size>``, ``<sprite>``): a sprite the model dropped, which the placeholder repair puts back,
said ``numbers: 1 could not be repaired`` of its ``index=2``. A tag with a digit in its name
(OmegaT's ``<x0/>``, react-i18next's ``<1>``) is left as it is.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import find_placeholders

# an angle-bracket tag's start and element name (``<g``, ``</mrk``); anchored, so linear
_HEAD = re.compile(r"</?[A-Za-z][\w:.-]*")


def without_tag_attributes(text: str) -> str:
    """``text`` with each markup tag that has attributes or a value written as its bare name
    (``<g id="pt1">`` as ``<g>``, ``<x id="2"/>`` as ``<x/>``, ``<size=120%>`` as ``<size>``);
    the rest as it is."""
    if "<" not in text:
        return text
    pieces, end = [], 0
    for placeholder in find_placeholders(text):
        bare = _bare(placeholder.text) if placeholder.kind == "tag" else None
        if bare is not None:
            pieces += [text[end : placeholder.start], bare]
            end = placeholder.end
    return "".join(pieces) + text[end:] if pieces else text


def _bare(tag: str) -> str | None:
    """``tag`` as its bare name where it is an angle-bracket tag with attributes after its
    name and a space (``<g id="1">``: ``<g>``; ``<x id="2"/>``: ``<x/>``) or a value after its
    name and ``=`` (``<size=120%>``, ``<sprite="buttons" index=2>``: ``<sprite>``); else None."""
    head = _HEAD.match(tag)
    after = tag[head.end() : head.end() + 1] if head is not None else ""
    if head is None or not (after.isspace() or after == "="):
        return None
    empty = tag[:-1].rstrip().endswith("/")
    return f"{head.group()}{'/' if empty else ''}>"
