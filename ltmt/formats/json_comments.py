"""A JSON message file's leading comment: Shopify themes' ``locales/*.json`` open with a
``/* ... */`` block (``IMPORTANT: The contents of this file are auto-generated``), which
Shopify's own parser reads and JSON does not.

:func:`leading_comment` splits such a block (and ``//`` line comments, which the same
parsers take) off the top of the text, so that the rest parses as JSON and the file written
from it opens with the same comment. A comment anywhere else is still refused, as JSON
refuses it (:mod:`ltmt.formats.json_errors`).
"""

from __future__ import annotations

import re

# comments and the spaces between them, from the start of the text (after a byte order mark)
_LEADING = re.compile(r"(?:\s*(?:/\*.*?\*/|//[^\n]*))+[ \t]*\n?", re.DOTALL)


def leading_comment(text: str) -> tuple[str, str]:
    """``text``'s leading comment (``""`` where it has none), as written with the line end
    after it, and ``text`` with the comment blanked: each of its characters but line ends
    turned into a space, so that a parse error's line and column are still the file's."""
    found = _LEADING.match(text)
    if found is None:
        return "", text
    comment = found.group()
    return comment, re.sub(r"[^\n]", " ", comment) + text[found.end() :]
