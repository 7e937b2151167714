"""Where a tag the model garbled past recovery stood: the place its source's tag goes back.

The model keeps an inline tag where the sentence needs it but may rewrite its attributes
(TextMeshPro's ``<sprite="buttons" index=2>`` came back ``<sprite=»buttons«-Index=2>``, a
hyphen for the space, which no looser reading of the tag recovers). The repair dropped that
copy as markup and inserted the missing tag at the line's end, after its full stop: the
button's glyph of ``Press <sprite…> to open the map.`` ended ``… der Karte. <sprite…>``. Such a
copy marks the tag's place (:func:`broken_copy`), where it is the only one of its element and
the tag the only one of that element missing (:func:`ltmt.formats.repair.repair_line`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.placeholder_syntax import Placeholder, tag_parts


def broken_copy(tag: Placeholder, missing: Sequence[Placeholder]) -> re.Pattern[str] | None:
    """What looks like the angle-bracket ``tag`` but is no tag (its bracket, a closing tag's
    slash, its element's name in any case, then anything up to the bracket's end:
    ``<sprite=»buttons«-Index=2>``), or None where ``tag`` is no angle-bracket tag or another
    of ``missing`` has its element and closes as it does (which copy is whose?)."""
    parts = tag_parts(tag.text) if tag.kind == "tag" else None
    if parts is None or parts.bracket != "<":
        return None
    key = (parts.closing, parts.name)
    if sum(_key(other) == key for other in missing) != 1:
        return None
    slash = "/" if parts.closing else ""
    # TAG_BODY reads a quoted value as one piece, so a body is matched in linear time
    return re.compile(rf"<{slash}{re.escape(parts.name)}(?![\w:.-]){TAG_BODY}>", re.IGNORECASE)


def _key(placeholder: Placeholder) -> tuple[bool, str] | None:
    """Whether an angle-bracket tag closes, and its element's name; None for other text."""
    parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
    if parts is None or parts.bracket != "<":
        return None
    return parts.closing, parts.name
