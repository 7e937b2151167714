"""What translate-toolkit's PO parser reads without complaint but GNU gettext rejects.

translate-toolkit takes a string line from its first ``"`` to its last, so a ``"`` left
unescaped inside a string (``msgid "Click "Save" to keep the note."``) is read as part of it, and
it reads an escape C does not have (``\\q``) as the letter alone; it keeps a message defined
twice (the same ``msgctxt`` and ``msgid``) as two entries. ``msgfmt`` rejects all three as fatal
errors, so a catalog that has them is damaged: a translation of it would ship the damage, a
memory import would store a text that differs from the program's (``Open the q file``).
:func:`check_strings` and :func:`check_duplicates` raise an :class:`InputError` at the first
one, with the file, line and column as msgfmt names them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ltmt.errors import InputError

# a line that holds a string: a keyword or a continuation, also in an obsolete entry (#~) and in
# the previous msgid msgmerge keeps (#|), which msgfmt reads as strictly
_STRING_LINE = re.compile(
    r"[ \t]*(?:#~\|?|#\|)?[ \t]*(?:msgctxt|msgid(?:_plural)?|msgstr(?:\[\d+\])?)?[ \t]*(?=\")"
)
# a string's body up to its end or the line's: characters, or escapes of any character
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)(")?')
_MSGID = re.compile(r"[ \t]*(?:#~[ \t]*)?msgid\b")
_BACKSLASH = re.compile(r"\\.")
# the escapes gettext's po-lex.c knows: named ones, octal bytes, hex bytes (one digit at least)
_ESCAPE = re.compile(r'\\(?:[ntbrfva\\"]|[0-7]|x[0-9A-Fa-f])')


def check_strings(text: str, path: Path) -> None:
    """Raise :class:`InputError` at the first string of the PO ``text`` (the file ``path``)
    that msgfmt rejects: a ``"`` inside it left unescaped, an escape C has not, no closing
    ``"``."""
    for number, line in enumerate(text.split("\n"), start=1):
        start = _STRING_LINE.match(line)
        if start is not None:
            _check_string(line, start.end(), f"{path}:{number}")


def _check_string(line: str, at: int, where: str) -> None:
    """Check the string that starts at ``line[at]`` and what follows it on the line."""
    string = _STRING.match(line, at)
    assert string is not None  # the line's pattern ends where a '"' is
    for escape in _BACKSLASH.finditer(line, at + 1, string.end(1)):
        if not _ESCAPE.match(line, escape.start()):
            # msgfmt names the character it could not read: the one after '\' or after '\x'
            column = escape.start() + (3 if escape.group() == "\\x" else 2)
            raise InputError(
                f"{where}:{column}: invalid escape '{escape.group()}' in a string, which msgfmt "
                "rejects; write a backslash as \\\\"
            )
    if string.group(2) is None:
        raise InputError(
            f"{where}:{string.end() + 1}: the string has no closing '\"' on its line, which "
            "msgfmt rejects; end it with a '\"' (one inside it is written \\\")"
        )
    rest = line[string.end() :].strip()
    if rest and not rest.startswith("#"):
        raise InputError(
            f"{where}:{string.end()}: a '\"' ends the string before the line does, which msgfmt "
            "rejects; write a '\"' inside a string as \\\" (and each string on its own line)"
        )


def check_duplicates(store: Any, text: str, path: Path) -> None:
    """Raise :class:`InputError` where the catalog ``store`` (translate-toolkit's, read from
    ``text``) defines a message twice: the same context (or none) and ``msgid``, in obsolete
    entries too, as msgfmt reads them."""
    lines = text.split("\n")
    first: dict[tuple[bool, str, str], int] = {}
    for unit in store.units:
        if unit.isheader():
            continue
        msgid = str(unit.source.strings[0]) if unit.hasplural() else str(unit.source)
        key = (bool(unit.msgctxt), str(unit.getcontext()), msgid)
        line = msgid_line(lines, unit.line_number)
        if key in first:
            raise InputError(
                f"{path}:{line}: a message defined twice (first on line {first[key]}), which "
                "msgfmt rejects; delete one, or give them different msgctxt"
            )
        first[key] = line


def msgid_line(lines: list[str], start: int | None) -> int:
    """The number of the ``msgid`` line of the entry that starts on line ``start``, where
    msgfmt places its message (after its comments and ``msgctxt``)."""
    number = start or 1
    while number <= len(lines) and not _MSGID.match(lines[number - 1]):
        number += 1
    return number if number <= len(lines) else start or 1
