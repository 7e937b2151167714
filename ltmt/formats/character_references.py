"""Character references kept as an XML file wrote them (``&#8211;``, ``&#x2013;``).

An XML parser reads ``&#8211;`` as the character U+2013, and a writer writes the character: a
line ltmt never touched (a ``<source>`` of a Qt ``.ts`` file) would come back changed, which
the file's owner sees in a diff and tools that compare the file (``lupdate``'s merge, a review)
read as an edit. :func:`references_kept` puts the written form back on each line of the output
that reads, references decoded, as a line of the original: the same text in another spelling,
so nothing a translation wrote is changed.
"""

from __future__ import annotations

import codecs
import re

# a decimal or hexadecimal character reference (bounded: no backtracking to speak of)
_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,6})|([0-9]{1,7}));")
# characters a writer writes as entities of its own, never as themselves
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# quotes, which writers write as themselves or as entities: such a line is left as written
_QUOTES = frozenset("\"'")


def references_kept(original: bytes, written: bytes, encoding: str) -> bytes:
    """``written`` (an XML file serialised from ``original``, both in ``encoding`` with ``\\n``
    line ends) with each line that equals a line of ``original`` with its character references
    decoded written as that line of ``original`` (module docstring). ``written`` as it is
    where ``original`` has no reference or ``encoding`` is not one whose line ends are single
    bytes (UTF-16)."""
    if b"&#" not in original or not _ascii_compatible(encoding):
        return written
    try:
        original_text = original.decode(encoding)
        written_text = written.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return written
    spelled: dict[str, str] = {}
    for line in original_text.replace("\r\n", "\n").split("\n"):
        if "&#" in line:
            spelled.setdefault(_decoded(line, encoding), line)
    if not spelled:
        return written
    lines = [spelled.get(line, line) for line in written_text.split("\n")]
    return "\n".join(lines).encode(encoding)


def _decoded(line: str, encoding: str) -> str:
    """``line`` with each character reference as a writer in ``encoding`` writes its
    character: itself, ``&amp;``, ``&lt;`` or ``&gt;`` for markup; quotes, control characters
    and those the encoding cannot hold stay references."""

    def character(found: re.Match[str]) -> str:
        hexadecimal, decimal = found.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if code < 0x20 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return found.group()
        char = chr(code)
        if char in _QUOTES:
            return found.group()
        if char in _ENTITIES:
            return _ENTITIES[char]
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            return found.group()
        return char

    return _REFERENCE.sub(character, line)


def _ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII as single bytes (UTF-8, ISO-8859-1), so that a line
    end is one ``\\n`` byte."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return "utf-16" not in name and "utf-32" not in name and "utf_16" not in name
