"""Empty XML elements written as the file writes its own: lxml reads ``<target></target>`` and
``<target/>`` alike and writes both as the latter, so a file ltmt filled changed where it was not
touched (a memoQ locked unit's ``<target xml:space="preserve"></target>``).
"""

from __future__ import annotations

import re
from typing import Any

from ltmt.formats.common import local_name

# an empty element written with its end tag (``<target ...></target>``) or closed in its start
# tag (``<target/>``): its name, as the file writes it (a prefix too)
_END_TAGGED = re.compile(rb"<([\w:.-]+)(?:\s[^<>]*)?></\1>")
_SELF_CLOSED = re.compile(rb"<([\w:.-]+)(?:\s[^<>]*)?/>")


def keep_end_tags(root: Any, data: bytes) -> None:
    """Give each empty element of ``root`` whose name the file ``data`` writes empty only with
    an end tag an empty text, so that it is written so again: memoQ's locked units'
    ``<target xml:space="preserve"></target>`` came back as ``<target xml:space="preserve"/>``
    (lxml reads both alike)."""
    names = {m.split(b":")[-1] for m in _END_TAGGED.findall(data)}
    names -= {m.split(b":")[-1] for m in _SELF_CLOSED.findall(data)}
    if not names:
        return
    kept = {name.decode("ascii", "replace") for name in names}
    for element in root.iter():
        empty = element.text is None and len(element) == 0 and isinstance(element.tag, str)
        if empty and local_name(element.tag) in kept:
            element.text = ""
