"""All of a PO string's C escapes, read and written as GNU gettext does.

A PO string is a C string: besides ``\\n``, ``\\t``, ``\\r``, ``\\"`` and ``\\\\`` it may hold
``\\a``, ``\\b``, ``\\f``, ``\\v``, an octal byte (``\\033``, a terminal's escape) or a hex one
(``\\x1b``). translate-toolkit 3 reads only the first five and takes any other backslash for
nothing (``\\a`` became ``a``, ``\\033[1m`` ``033[1m``: session 56), so those characters were lost
to the model and to the output. :func:`read_all_escapes` makes its PO parser read every escape as
the character it stands for and write those characters back as escapes (``\\a``, ``\\b``,
``\\f``, ``\\v``; any other control character as three octal digits, as gettext's own tools
write them). It changes translate-toolkit's module in this process, once, when ltmt first reads
or writes a PO file.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_NAMED = {"\\a": "\a", "\\b": "\b", "\\f": "\f", "\\v": "\v"}
# one escape: an octal byte (up to three digits), a hex one, or a backslash and one character
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|.)", re.DOTALL)
# the control characters written as escapes (a tab and a line break are translate-toolkit's)
_CONTROL = [chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20)]]


@functools.cache
def read_all_escapes() -> None:
    """Make translate-toolkit's PO reader and writer handle every C escape (module docstring)."""
    from translate.storage import pypo

    known = dict(pypo.po_unescape_map)

    def unescaped(match: re.Match[Any]) -> str:
        escape = str(match.group(0))
        if escape in known:
            return known[escape]
        if escape in _NAMED:
            return _NAMED[escape]
        if escape[1] in "01234567":  # (the pattern takes octal digits only)
            return chr(int(escape[1:], 8))
        if escape[1:2] == "x" and len(escape) > 2:
            return chr(int(escape[2:], 16))
        return escape[1:]  # as translate-toolkit reads an unknown one

    pypo.po_unescape_re = _ESCAPE
    pypo.unescapehandler = unescaped
    for character in [*_CONTROL, "\x7f"]:
        if character not in pypo.po_escape_map:
            named = next((k for k, v in _NAMED.items() if v == character), None)
            pypo.po_escape_map[character] = named or f"\\{ord(character):03o}"
    pypo.po_escape_re = re.compile("|".join(re.escape(key) for key in pypo.po_escape_map))
    pypo._unquotefrompo.cache_clear()  # strings read before, with the old escapes
