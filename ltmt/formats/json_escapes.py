"""Which characters a JSON file writes as ``\\uXXXX`` escapes, read from the file, so that a
translation written from it escapes as it does, character kind by character kind.

A source in UTF-8 with one deliberate escape (``"Price:\\u00a0{amount}"``, a no-break space one
cannot see) escapes what cannot be seen, not its letters: its translation writes ``ü``, ``ß``
and ``„`` raw and escapes no-break spaces, zero-width and control characters
(:func:`is_invisible`). A source that writes only ASCII and escapes its visible non-ASCII
characters too (``"caf\\u00e9"``: Python's :func:`json.dumps`, PHP's ``json_encode``) escapes
everything non-ASCII, and so does its translation. An escape of an ASCII character (Go's
``\\u003c``, Jed's ``\\u0004``) says nothing of the file's non-ASCII ones (trial s76, where one
``\\u00a0`` in an English file made the German one escape every umlaut).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

# a backslash escape (a surrogate pair whole), read left to right: an escaped backslash
# before a u (`\\u` in the file) is no \u escape
_ESCAPE = re.compile(
    r"\\(?:u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|u([0-9a-f]{4})|.)", re.DOTALL | re.IGNORECASE
)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# control, format (zero-width, direction marks, soft hyphen), surrogate, private-use,
# unassigned, and space characters other than the plain space (no-break, thin, line separator)
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def is_invisible(character: str) -> bool:
    """Whether the non-ASCII ``character`` is one a reader cannot see or tell from another (a
    no-break space from a space, a zero-width joiner from nothing)."""
    return unicodedata.category(character) in _INVISIBLE_CATEGORIES


@dataclass(frozen=True)
class JsonEscapes:
    """How a JSON file escapes its non-ASCII characters: ``everything`` (only ASCII written,
    :func:`json.dumps`'s ``ensure_ascii``), or the ``invisible`` ones alone, but for those in
    ``raw``, which the file writes as they are. The default escapes none."""

    everything: bool = False
    invisible: bool = False
    raw: frozenset[str] = frozenset()

    def dumps(self, value: Any) -> str:
        """A JSON scalar (a string, number, ``true`` ...) ``value``, as the file would write it."""
        if self.everything:
            return json.dumps(value, ensure_ascii=True)
        dumped = json.dumps(value, ensure_ascii=False)
        if not self.invisible or dumped.isascii():
            return dumped
        return _NOT_ASCII.sub(self._escaped, dumped)

    def beside(self, translation: str) -> JsonEscapes:
        """These escapes for a file written over an existing ``translation`` (a JSON file's
        text) that writes non-ASCII characters as they are (a translator's UTF-8): what it
        writes raw stays raw, its letters and the invisible characters it has raw."""
        written_raw = frozenset(_NOT_ASCII.findall(translation))
        if not written_raw:
            return self
        return replace(self, everything=False, raw=self.raw | written_raw)

    def _escaped(self, match: re.Match[str]) -> str:
        character = match.group()
        if character in self.raw or not is_invisible(character):
            return character
        return json.dumps(character)[1:-1]  # \u00a0, a surrogate pair beyond the BMP


def escapes_of(text: str) -> JsonEscapes:
    """The escapes of the JSON file ``text``: everything where it writes only ASCII and escapes
    a visible non-ASCII character, else the invisible characters where it escapes one (but
    those it also writes raw)."""
    escaped = _escaped_characters(text)
    visible_escaped = any(not is_invisible(character) for character in escaped)
    written_raw = frozenset(_NOT_ASCII.findall(text))
    if visible_escaped and not written_raw:
        return JsonEscapes(everything=True, invisible=True)
    return JsonEscapes(invisible=any(map(is_invisible, escaped)), raw=written_raw)


def _escaped_characters(text: str) -> set[str]:
    """The non-ASCII characters ``text`` writes as ``\\uXXXX`` escapes (a surrogate pair as the
    one character it stands for, a lone surrogate as itself)."""
    found: set[str] = set()
    for match in _ESCAPE.finditer(text):
        high, low, unit = match.groups()
        if high is not None:
            found.add(chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00))
        elif unit is not None and int(unit, 16) >= 0x80:
            found.add(chr(int(unit, 16)))
    return found
