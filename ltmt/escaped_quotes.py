"""Double quotes escaped with a backslash (``She said \\"run\\", so I ran.``: a string literal's
text, as a Ren'Py, C or JSON string or a CSV cell copied from one writes it) given to the model
as the ``"`` they show, and escaped again in its translation.

Given as written, ``\\"run\\"`` came out ``\\»run\\«``: the model wrote German marks after the
backslashes, which no longer escape anything (Ren'Py shows a stray mark, a strict reader
refuses the string), where the same line with plain quotes kept its ``"run"``. A line is given
so only where every double quote in it is escaped (a line of plain quotes, or of both kinds, is
no string literal's text), they pair (an odd count is no quotation: printf's help lists the
escape ``\\"      double quote`` itself, which the model dropped given as ``"``, dev bench,
session 72), and no backslash is escaped before one (``\\\\"``: a backslash at a string's end).
The translation's ``"`` are escaped again; German marks the model wrote need no escape and stay.
"""

from __future__ import annotations

import re

_ESCAPED_QUOTE = re.compile(r'\\"')
_PLAIN_QUOTE = re.compile(r'(?<!\\)"')


def unescaped_quotes(line: str) -> tuple[str, bool]:
    """``line`` with its escaped double quotes as plain ones, and whether it had any; as written
    (and ``False``) where a double quote in it is not escaped, or a backslash before one is
    escaped itself, or where they are an odd count (no quotations: the escape itself)."""
    if '\\"' not in line or _PLAIN_QUOTE.search(line) or '\\\\"' in line:
        return line, False
    if line.count('\\"') % 2:
        return line, False
    return _ESCAPED_QUOTE.sub('"', line), True


def escaped_again(translation: str) -> str:
    """``translation`` with each double quote not escaped yet escaped (``"`` → ``\\"``)."""
    return _PLAIN_QUOTE.sub(r'\\"', translation)
