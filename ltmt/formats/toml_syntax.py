"""Where each value of a TOML file stands in its text, so that a translation replaces its
strings there and keeps the rest as written (comments, order, spacing, each string's quotes).

:func:`scan` walks a file that :mod:`tomllib` has read already (so it is valid TOML): its
table headers (``[home]``; an array of tables, ``[[menu]]``, is no place of messages: its
strings are not located) and its key/value lines, dotted keys (``home.other = "Home"``) and
quoted keys too. A string's place is its full key path; a value of another kind (a number, an
array, an inline table) is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ltmt.errors import InputError

Parts = tuple[str, ...]  # a value's key path: its table's keys, then its own

_BARE = re.compile(r"[A-Za-z0-9_-]+")
QUOTES = ('"""', "'''", '"', "'")  # a string's delimiters, the multi-line ones first


@dataclass(frozen=True)
class Located:
    """A string value of the file: ``parts``, its key path; ``start``/``end``, the span of
    the value as written (its quotes included); ``quote``, its opening delimiter (one of
    :data:`QUOTES`); ``line_start``/``line_end``, the span of its key's line(s), the line end
    included; ``head``, the text from the line's start to the value (``other = ``)."""

    parts: Parts
    start: int
    end: int
    quote: str
    line_start: int
    line_end: int
    head: str


@dataclass
class Scanned:
    """What :func:`scan` found: the ``strings`` (:class:`Located`); ``first_header``, where
    the first table header's line starts (a top-level key goes before it; None: no header);
    ``top_end``, the line end of the last key before it (None: none);
    ``sections``, each table's span, from its header's line to its last key's line end."""

    strings: list[Located] = field(default_factory=list)
    first_header: int | None = None
    top_end: int | None = None
    sections: dict[Parts, tuple[int, int]] = field(default_factory=dict)


def loads(text: str) -> dict[str, Any]:
    """``text`` as :mod:`tomllib` reads it (a ``ValueError``, its ``TOMLDecodeError``, where
    it cannot); imported when used, as ltmt runs on Python 3.10 too, which has none."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        raise InputError(
            "ltmt reads TOML with Python's tomllib, new in Python 3.11; run ltmt with Python "
            "3.11 or later"
        ) from None
    return tomllib.loads(text)


def string_end(text: str, start: int) -> int:
    """Where the TOML string that opens at ``start`` ends (after its closing delimiter)."""
    quote = next(q for q in QUOTES if text.startswith(q, start))
    at = start + len(quote)
    while True:
        if quote[0] == '"' and text[at] == "\\":  # an escape: a basic string's
            at += 2
        elif text.startswith(quote, at):
            at += len(quote)
            if len(quote) == 3:  # up to two quotes of the text may stand before the closing
                extra = len(text[at : at + 2]) - len(text[at : at + 2].lstrip(quote[0]))
                at += extra
            return at
        else:
            at += 1


def _line_end(text: str, at: int) -> int:
    """The position after the line end of the line holding ``at`` (the text's end)."""
    found = text.find("\n", at)
    return len(text) if found < 0 else found + 1


def _spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _key(text: str, at: int) -> tuple[Parts, int]:
    """The (dotted) key that starts at ``at``, and where it ends."""
    parts: list[str] = []
    while True:
        at = _spaces(text, at)
        if text[at] in "\"'":
            end = string_end(text, at)
            parts.append(loads(f"k = {text[at:end]}")["k"])
        else:
            found = _BARE.match(text, at)
            end = found.end() if found else at
            parts.append(text[at:end])
        at = _spaces(text, end)
        if text[at : at + 1] != ".":
            return tuple(parts), at
        at += 1


def _value_end(text: str, at: int) -> int:
    """Where the value that starts at ``at`` ends: a string's closing delimiter, another
    value's line end (an array's or an inline table's, over its lines)."""
    if text[at] in "\"'":
        return string_end(text, at)
    depth = 0
    while at < len(text):
        char = text[at]
        if char in "\"'":
            at = string_end(text, at)
            continue
        if char == "#":
            at = _line_end(text, at) - 1
            continue
        if char == "\n" and depth == 0:
            return at
        depth += (char in "[{") - (char in "]}")
        at += 1
    return at


def scan(text: str) -> Scanned:
    """The places of ``text``'s values (a valid TOML file's text; module docstring)."""
    found = Scanned()
    table: Parts = ()
    in_array = False
    at = 0
    while at < len(text):
        char = text[at]
        if char in " \t\r\n\ufeff":
            at += 1
            continue
        if char == "#":
            at = _line_end(text, at)
            continue
        line_start = text.rfind("\n", 0, at) + 1
        if char == "[":
            in_array = text.startswith("[[", at)
            table, at = _key(text, at + 1 + in_array)
            at = _line_end(text, at)
            if found.first_header is None:
                found.first_header = line_start
            found.sections.setdefault(table, (line_start, at))
            continue
        parts, at = _key(text, at)
        start = _spaces(text, at + 1)  # after the =
        end = _value_end(text, start)
        line_end = _line_end(text, end)
        if table and not in_array:
            found.sections[table] = (found.sections[table][0], line_end)
        elif found.first_header is None:
            found.top_end = line_end
        if text[start] in "\"'" and not in_array:
            quote = next(q for q in QUOTES if text.startswith(q, start))
            head = text[line_start:start].lstrip("\ufeff")
            found.strings.append(
                Located((*table, *parts), start, end, quote, line_start, line_end, head)
            )
        at = line_end
    return found
