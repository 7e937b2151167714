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

It also makes translate-toolkit's line wrapping msgcat's (:func:`gettext_wrap`): its wrapper
broke a line after an escaped backslash followed by ``n`` (``C:\\\\Users\\\\name`` was written
``"C:\\\\Users\\\\n"`` / ``"ame"``), taking it for a line break, broke a URL only after a
``/`` (msgcat breaks after its ``?`` and the full stops of its host name too), Japanese a
word early (before ``ファイル`` where ``ファ`` fit), and wrote a CJK string on its keyword's
line past the 79 columns; GNU gettext breaks only after a real ``\\n``, and elsewhere where
Unicode's line breaking allows. So entries ltmt writes read as ``msgcat`` writes them (but a
``msgstr`` of exactly 71 columns, which translate-toolkit keeps on its keyword's line as it
would a ``msgid``'s); entries it did not change keep the lines they were read with.
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


# the infix separators (line breaking class IS) after which gettext breaks before a letter
_STOPS = frozenset(".,:;")


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
    pypo.gettext_wrap = gettext_wrap
    pypo.quoteforpo = unbreakable_on_keyword_line(pypo.quoteforpo)  # type: ignore[assignment]
    pypo._unquotefrompo.cache_clear()  # strings read before, with the old escapes


Quote = Callable[[str | None, Any], list[str]]


def gettext_wrap(text: str, width: int) -> list[str]:
    """``text`` (an escaped PO string) cut into lines of at most ``width`` columns as GNU
    gettext's ``msgcat`` cuts them: after each ``\\n`` escape, read from the left (an escaped
    backslash and ``n`` is none), and elsewhere where Unicode's line breaking allows a break
    (after a space, a ``/`` or a ``?`` of a URL, between CJK characters), never inside an
    escape, each line as long as fits (a CJK character two columns wide)."""
    from unicode_segmentation_rs import line_breaks, text_width

    escapes = list(_WRITTEN_ESCAPE.finditer(text))
    inside = {at for escape in escapes for at in range(escape.start() + 1, escape.end())}
    ends = {escape.end() for escape in escapes if escape.group(0) == "\\n"}
    offsets = list(itertools.accumulate((len(c.encode()) for c in text), initial=0))
    at_byte = {offset: at for at, offset in enumerate(offsets)}
    # gettext's line breaking (gnulib's) also breaks after a full stop or comma before a
    # letter, as in a URL's host name (example.|com), which Unicode's rules today keep together
    after_stops = {
        at for at in range(1, len(text)) if text[at - 1] in _STOPS and text[at].isalpha()
    }
    opportunities = {at_byte[offset] for offset, _ in line_breaks(text)} | after_stops
    breaks = sorted(opportunities - inside - {0} | ends | {len(text)})
    lines, start, last, column = [], 0, 0, 0
    for end in breaks:  # the pieces between break opportunities, put on a line while they fit
        piece = text_width(text[last:end])
        if last > start and column + piece > width:
            lines.append(text[start:last])
            start, column = last, 0
        column += piece
        last = end
        if end in ends and end < len(text):
            lines.append(text[start:end])
            start, column = end, 0
    if start < len(text) or not lines:
        lines.append(text[start:])
    return lines


def unbreakable_on_keyword_line(quote: Quote) -> Quote:
    """``quote`` (translate-toolkit's ``quoteforpo``: a string and a wrapper → its quoted PO
    lines) made to write a string with nowhere to break it (a long URL) on its keyword's line,
    as msgcat does: it put such a string alone under an empty first line (``msgid ""``), as it
    does one that does not fit after its keyword but could be broken there; and one that fits
    in its characters but not in its columns (CJK, two columns a character) under an empty
    first line, where it wrote it on its keyword's line past the 79 columns."""

    def quoted(text: str | None, wrapper: Any = None) -> list[str]:
        from translate.storage import pypo
        from unicode_segmentation_rs import text_width

        lines = quote(text, wrapper)
        width = (wrapper.width if wrapper is not None else pypo.PoWrapper().width) - len("msgid ")
        if len(lines) == 1 and text_width(lines[0][1:-1]) > width:
            lines = ['""', *lines]
        if len(lines) != 2 or lines[0] != '""':
            return lines
        return lines[1:] if len(pypo.gettext_wrap(lines[1][1:-1], width)) == 1 else lines

    return quoted
