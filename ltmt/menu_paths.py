"""The separators of a menu path: ``Settings > Account > Notifications``.

A help page writes the way to a setting as its menus' labels with a ``>`` between each two
(``&gt;`` in HTML, often each label in its own ``<strong>``). The model dropped one (session
67: ``Click <strong>Settings</strong> &gt; <strong>Account</strong> &gt; <strong>Notifications
</strong>.`` lost its second ``&gt;``), and the path then names no menu. A separator is a
``>`` (``&gt;``, U+203A) with blanks on both sides, between a word or a tag and a word or a tag:
not an arrow (``->``), a quote's ``>`` or a comparison's with a number (``x > 5``). The
translator gives it to the model as a tag (:func:`separator_spans`), which it places and
cannot drop; ``ltmt qa`` says where a translation has fewer (:func:`lost_separators`).
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"(?<=[^\W_]|>)[ \t\u00a0]+(>|&gt;|\u203a)[ \t\u00a0]+(?=[^\W\d_]|<)")


def separator_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each menu path separator of ``text`` (its ``>`` alone)."""
    return [(m.start(1), m.end(1), m.group(1)) for m in _SEPARATOR.finditer(text)]


def lost_separators(source: str, target: str) -> int:
    """How many fewer menu path separators ``target`` has than ``source``."""
    return max(0, len(_SEPARATOR.findall(source)) - len(_SEPARATOR.findall(target)))
