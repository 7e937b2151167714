"""A JSON message file's leading comment: Shopify themes' ``locales/*.json`` open with a
``/* ... */`` block (``IMPORTANT: The contents of this file are auto-generated``), which
Shopify's own parser reads and JSON does not.

:func:`leading_comment` splits such a block (and ``//`` line comments, which the same
parsers take) off the top of the text, so that the rest parses as JSON and the file written
from it opens with the same comment. A comment anywhere else is still refused, as JSON
refuses it (:mod:`ltmt.formats.json_errors`).

A JSON file's other way to comment, a string under a ``_comment`` key (``_comment_guide``,
``_comment_1``: a Minecraft mod's ``lang/en_us.json`` opens with one, ``"Keep %s placeholders
and § codes!"``, which the game passes over), is a note for its translator
(:func:`is_comment_key`): copied as written, not translated (``Holen Sie %s Plätze``), as the
other formats keep their comments.
"""

from __future__ import annotations

import re

# a key that holds a comment: _comment, _comment_guide, _comment_1
_COMMENT_KEY = re.compile(r"_comment(?:_.*)?", re.DOTALL)
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


def is_comment_key(parts: tuple[str | int, ...]) -> bool:
    """Whether the string at ``parts`` (its path in a JSON file) is under a ``_comment`` key
    (``_comment_guide``): a note for the translator (module docstring)."""
    return bool(parts) and isinstance(parts[-1], str) and bool(_COMMENT_KEY.fullmatch(parts[-1]))
