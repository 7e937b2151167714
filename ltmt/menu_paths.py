"""The separators of a menu path: ``Settings > Account > Notifications``.

A help page writes the way to a setting as its menus' labels with a ``>`` between each two
(``&gt;`` in HTML, often each label in its own ``<strong>``). The model dropped one (session
67: ``Click <strong>Settings</strong> &gt; <strong>Account</strong> &gt; <strong>Notifications
</strong>.`` lost its second ``&gt;``), and the path then names no menu. A separator is a
``>`` (``&gt;``, U+203A) with blanks on both sides, between a word or a tag and a word or a tag:
not an arrow (``->``), a quote's ``>`` or a comparison's with a number (``x > 5``). It is a
menu path's where the labels on both its sides are marked (in tags, ``<strong>Settings</strong>
&gt; <strong>Account</strong>``; in Markdown's ``**`` or code spans; in quotes) or where it is
one of a chain of two or more (``Edit > Preferences > General``): a single ``>`` between two
words of prose (``(price > cost)``, ``Press Next > to continue.``) is no menu's. The
translator gives it to the model as a tag (:func:`separator_spans`), which it places and
cannot drop; ``ltmt qa`` says where a translation has fewer (:func:`lost_separators`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ltmt.formats.attribute_values import TAG_BODY

_BLANKS = r"[ \t\u00a0]+"
# a ">" with blanks on both sides between two words, tags, quotes or Markdown marks
_SEPARATOR = re.compile(
    r"(?<=[^\W_]|[>*`\"'\u2019\u201c\u201d\u00ab\u00bb])"
    + _BLANKS
    + r"(>|&gt;|\u203a)"
    + _BLANKS
    + r"(?=[^\W\d_]|[<*`\"'\u2018\u201a\u201c\u201e\u00ab\u00bb])"
)
# a label marked before a separator: closed by a tag (</strong>), Markdown (**, `) or a quote
_MARKED_BEFORE = re.compile(
    r"(?:</[A-Za-z][\w:-]*>|\S(?:\*\*|`|[\"'\u2019\u201c\u201d\u00ab\u00bb]))$"
)
# and after it: opened by a tag (<strong>, <kbd>), Markdown or a quote
_MARKED_AFTER = re.compile(
    rf"<[A-Za-z]{TAG_BODY}(?<!/)>|(?:\*\*|`|[\"'\u2018\u201a\u201c\u201e\u00ab\u00bb])\S"
)
# a label between two separators of a chain (Edit > Preferences > General): no sentence's mark
_LABEL = re.compile(r"[^.,;:!?()\[\]\n]{1,40}")


def separator_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each menu path separator of ``text`` (its ``>`` alone): one
    between two marked labels or one of a chain of two or more."""
    found = list(_SEPARATOR.finditer(text))
    chained = {
        at
        for n, (one, other) in enumerate(pairwise(found))
        if _LABEL.fullmatch(text, one.end(), other.start())
        for at in (n, n + 1)
    }
    return [
        (m.start(1), m.end(1), m.group(1))
        for n, m in enumerate(found)
        if n in chained
        or (_MARKED_BEFORE.search(text, 0, m.start()) and _MARKED_AFTER.match(text, m.end()))
    ]


def lost_separators(source: str, target: str) -> int:
    """How many fewer ``>`` between words ``target`` has than ``source`` has menu path
    separators (a translation may write one path's ``>`` in plain prose: \u201eEinstellungen >
    Konto\u201c)."""
    return max(0, len(separator_spans(source)) - len(_SEPARATOR.findall(target)))
