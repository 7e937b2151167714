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

It also makes translate-toolkit's line wrapping read the escapes it wraps: its wrapper broke a
line after an escaped backslash followed by ``n`` (``C:\\\\Users\\\\name`` was written
``"C:\\\\Users\\\\n"`` / ``"ame"``), taking it for a line break; GNU gettext breaks only
after a real ``\\n`` (:func:`wrap_reading_escapes`). Its wrapping is otherwise msgcat's (79
columns), so entries ltmt writes read as ``msgcat`` writes them; entries it did not change
keep the lines they were read with.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any

_NAMED = {"\\a": "\a", "\\b": "\b", "\\f": "\f", "\\v": "\v"}
# one escape: an octal byte (up to three digits), a hex one, or a backslash and one character
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|.)", re.DOTALL)
# the control characters written as escapes (a tab and a line break are translate-toolkit's)
_CONTROL = [chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20)]]
# an escape as written, read from the left: ``\\\\n`` is an escaped backslash, then ``n``
_WRITTEN_ESCAPE = re.compile(r"\\.", re.DOTALL)
# what an escaped backslash is handed to the wrapper as: an escape of as many characters that
# it keeps whole and takes for no line break
_BACKSLASH_STAND_IN = '\\"'


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
    pypo.gettext_wrap = wrap_reading_escapes(pypo.gettext_wrap)  # type: ignore[assignment]
    pypo.quoteforpo = unbreakable_on_keyword_line(pypo.quoteforpo)  # type: ignore[assignment]
    pypo._unquotefrompo.cache_clear()  # strings read before, with the old escapes


Wrap = Callable[[str, int], list[str]]
Quote = Callable[[str | None, Any], list[str]]


def wrap_reading_escapes(wrap: Wrap) -> Wrap:
    """``wrap`` (translate-toolkit's ``gettext_wrap``: an escaped PO string and a width → its
    lines) made to read escapes from the left: it wraps the string with every escaped
    backslash as another two-character escape, then cuts the string itself where it cut that
    one, so ``\\\\n`` (a backslash, then ``n``) is never taken for a line break."""

    def wrapped(text: str, width: int) -> list[str]:
        masked = _WRITTEN_ESCAPE.sub(_stand_in_for_backslash, text)
        ends = itertools.accumulate(len(line) for line in wrap(masked, width))
        return [text[start:end] for start, end in itertools.pairwise([0, *ends])]

    return wrapped


def _stand_in_for_backslash(escape: re.Match[str]) -> str:
    return _BACKSLASH_STAND_IN if escape.group(0) == "\\\\" else escape.group(0)


def unbreakable_on_keyword_line(quote: Quote) -> Quote:
    """``quote`` (translate-toolkit's ``quoteforpo``: a string and a wrapper → its quoted PO
    lines) made to write a string with nowhere to break it (a long URL) on its keyword's line,
    as msgcat does: it put such a string alone under an empty first line (``msgid ""``), as it
    does one that does not fit after its keyword but could be broken there."""

    def quoted(text: str | None, wrapper: Any = None) -> list[str]:
        lines = quote(text, wrapper)
        if len(lines) != 2 or lines[0] != '""':
            return lines
        from translate.storage import pypo

        width = (wrapper.width if wrapper is not None else pypo.PoWrapper().width) - len("msgid ")
        return lines[1:] if len(pypo.gettext_wrap(lines[1][1:-1], width)) == 1 else lines

    return quoted
