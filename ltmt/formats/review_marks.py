"""Trados Studio's track changes and comments inside an XLIFF 1.2 segment, read as the text they
leave.

Trados writes a reviewer's tracked edits and comments as inline ``<mrk>`` elements of a
``.sdlxliff`` source or target: ``<mrk mtype="x-sdl-deleted" sdl:revid="r1">benutzen</mrk>``
(words deleted), ``<mrk mtype="x-sdl-added" sdl:revid="r2">verwenden</mrk>`` (words added) and
``<mrk mtype="x-sdl-comment" sdl:cid="...">Wiederherstellungsassistenten</mrk>`` (words a
comment is on). The text of such a segment is the text with the changes accepted, as Trados
stores it in its own memory: a deletion's words left out, an addition's and a comment's words
kept without their mark (:func:`review_mark`, which :func:`ltmt.formats.inline.to_text` follows).
So ``memory import`` learns the reviewed text, qa checks it, and a source's comment is no code
for the translation to carry: a segment ltmt fills gets none (the comment stays on the source,
:func:`has_comment`), and its summary says so.
"""

from __future__ import annotations

from typing import Any, Literal

from ltmt.formats.common import local_name

DELETED = "x-sdl-deleted"
ADDED = "x-sdl-added"
COMMENT = "x-sdl-comment"
# what each mark leaves of its content in the segment's text
_KEPT: dict[str, Literal["dropped", "text"]] = {DELETED: "dropped", ADDED: "text", COMMENT: "text"}


def review_mark(element: Any) -> Literal["dropped", "text"] | None:
    """What a Trados review mark ``element`` leaves in its segment's text: ``"dropped"`` (a
    tracked deletion: nothing), ``"text"`` (a tracked addition or a comment: its content
    without the mark); ``None`` for any other element."""
    if local_name(element.tag) != "mrk":
        return None
    return _KEPT.get(element.get("mtype") or "")


def has_review_marks(element: Any | None) -> bool:
    """Whether ``element`` (a source, a target, a segment's ``<mrk>``) holds a tracked change
    or a comment."""
    if element is None:
        return False
    return any(review_mark(child) is not None for child in element.iter() if child is not element)


def has_comment(element: Any | None) -> bool:
    """Whether ``element`` holds a Trados comment mark."""
    if element is None:
        return False
    return any(
        local_name(child.tag) == "mrk" and child.get("mtype") == COMMENT
        for child in element.iter()
        if child is not element
    )
