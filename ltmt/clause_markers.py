"""The list or clause marker before a line's words: ``-``, ``•``, ``1.``, ``a)``, ``1.3``,
``(b)``, ``§ 3``, ``iv.``.

A contract's clause, a statute's paragraph or a list's item is numbered where it stands, and the
same sentence comes back under another number (or none): a CAT tool sets the marker aside when
it matches the line against its memory, so that ``(b) The processing is ...`` reuses the
approved translation of ``The processing is ...``. :func:`split_marker` finds it;
:data:`LIST_ITEM` is the narrower set a line of wrapped text starts a list item with
(:mod:`ltmt.formats.paragraphs`).
"""

from __future__ import annotations

import re

# a list item's bullet, number or letter: -, *, +, •, 1., 2), a)
LIST_ITEM = r"(?:[-*+•]|\d{1,3}[.)]|[a-zA-Z][.)])"
# a clause's number as contracts and statutes write it: 1.3, 1.3.2., (1), (b), (iv), iv., IV),
# § 3, §§ 3a
_CLAUSE = (
    r"(?:\d{1,3}(?:\.\d{1,3})+\.?"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})\)"
    r"|(?:[ivxlc]{1,6}|[IVXLC]{1,6})[.)]"
    r"|§{1,2}[ \t]?\d{1,4}[a-z]?)"
)
# a marker at a text's start, with the blanks after it, before words
_MARKER = re.compile(rf"(?:{_CLAUSE}|{LIST_ITEM})[ \t]+(?=\S)")


def split_marker(text: str) -> tuple[str, str]:
    """``(marker, rest)`` of ``text``: its leading list or clause marker with the blanks after
    it (``"(b) "``), and the words after them; ``("", text)`` where it starts with none (its
    leading whitespace is the caller's: ``  1. Foo`` has none)."""
    found = _MARKER.match(text)
    if found is None:
        return "", text
    return found.group(), text[found.end() :]
