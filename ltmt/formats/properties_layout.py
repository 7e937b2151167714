"""A Java ``.properties`` entry's layout as its file writes it: the part of its line before the
value (indent, key, separator with its spaces: ``key=``, ``key : ``, ``key  ``), which a
translation keeps, so that the translated file differs from its source in the values only
(:mod:`ltmt.formats.java_properties`)."""

from __future__ import annotations

import re

# a line's indent, its key (escapes included: ``a\ b``), the separator as Java reads it:
# whitespace, at most one ``=`` or ``:``, whitespace. The key's two alternatives start with
# different characters, and every part after it is optional, so a match never backtracks.
_BEFORE_VALUE = re.compile(r"[ \t\f]*((?:\\.|[^\\=: \t\f\r\n])*)[ \t\f]*[=:]?[ \t\f]*")


def before_value(lines: str, key: str) -> str | None:
    """The text of ``lines`` (an entry's lines as written, each ending in ``\\n``) before its
    value: ``"spaced : "`` of ``"spaced : Open file\\n"``; ``None`` where that is not on the
    first line (a key continued on the next) or the key written is not ``key`` (as
    translate-toolkit names it: escapes kept)."""
    rows = lines.removesuffix("\n").split("\n")
    # Java joins the continuation lines first (each row but the last ends in the backslash
    # that continues it): ``long = \`` + ``  first`` is ``long = first``
    joined = [row[:-1] for row in rows[:-1]] + [rows[-1]]
    logical = joined[0] + "".join(row.lstrip(" \t\f") for row in joined[1:])
    found = _BEFORE_VALUE.match(logical)
    if found is None or found.group(1) != key:
        return None
    prefix = found.group()
    return prefix if joined[0].startswith(prefix) else None


# a mark's line in translate-toolkit's output: no text holds a NUL
_MARKED_LINE = re.compile(r"^[^\n]*\x00(\d+)\x00\n", re.MULTILINE)


class LinesAsWritten:
    """Lines that take the place of marks in translate-toolkit's output, which writes an entry
    as ``key=value`` and a single blank line not at all: an entry's lines as written (a
    translator's, kept; the source's with the translated value), a blank line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def mark(self, lines: str) -> str:
        """The mark to put in a value or comment whose line ``lines`` (each ending in ``\\n``)
        is to replace."""
        self.lines.append(lines)
        return f"\x00{len(self.lines) - 1}\x00"

    def put_in(self, text: str) -> str:
        """``text`` (the output) with the line of each mark replaced by its lines."""
        if not self.lines:
            return text
        return _MARKED_LINE.sub(lambda found: self.lines[int(found.group(1))], text)
