"""Windows' ``FormatMessage`` syntax (message tables, .mc files, MFC's
``CString::FormatMessage``): a numbered insert with its printf format between exclamation
marks (``%1!s!``, ``%2!d!``, ``%1!.*s!``, ``%3!08x!``), and the escapes of a text that has one
(``%0``, ``%.``, ``%!``, ``%r``, ``%b``; ``%n``, ``%t`` and ``%%`` are printf's too). The
model split an insert (``%1!s!`` came back ``%1!`` or ``%1 … !s``); read whole, it is one
placeholder, kept, counted and repaired. An escape counts only in a text with an insert:
``100%!`` and ``at 5%.`` in prose are text, and ``%1`` alone stays Qt's and .NET's argument.
"""

from __future__ import annotations

import re

# a numbered insert (1 to 99) with its printf format, without the "%" (s, ws, S, d, u, lu,
# I64d, 08x, .*s, -10s)
INSERT = (
    r"%[1-9]\d?![-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|I64|I32|[hlLwI])?"
    r"[diouxXeEfFgGaAcCsSp]!"
)
# an escape of a message text: the end without a line break (%0), a full stop, an exclamation
# mark, a carriage return, a space (a text with an insert is read so whatever follows)
ESCAPE = r"%[0.!rb]"
_ANY = re.compile(f"{INSERT}|{ESCAPE}")


def is_format_message(placeholder: str) -> bool:
    """Whether ``placeholder`` is a ``FormatMessage`` insert or escape, which takes its argument
    by number or none: its place in a translation means nothing."""
    return _ANY.fullmatch(placeholder) is not None


def without_split_remains(insert: str, after: str) -> str:
    """``after``, the text after ``insert`` put back where the model split it, without the
    start of the insert's format left there (the ``!`` of ``%1! wurde`` for ``%1!s!``); other
    text, and the text after any other placeholder, as it is."""
    if not re.fullmatch(INSERT, insert):
        return after
    tail = insert[insert.index("!") :]
    size = next((n for n in range(len(tail), 0, -1) if after.startswith(tail[:n])), 0)
    return after[size:]
