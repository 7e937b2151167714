"""What a JSON parse error means, said in full.

Python's :mod:`json` reports ``Invalid control character at`` (the position went to the line
and column) or ``Expecting property name enclosed in double quotes`` where the file holds a
``// comment`` or a trailing comma, which JSON allows no more than a raw tab in a string.
:func:`json_problem` reads the text at the error's position and says what is wrong there and
what to write instead. :func:`looks_like_yaml` tells a YAML file named ``.json`` apart (its
error, ``expecting a value`` at line 1, said nothing of YAML).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import json

# what each of json's messages (without its tail) means, where the text at the error adds nothing
_MEANINGS = {
    "Expecting value": "expecting a value (a string, number, object, array, true, false or null)",
    "Expecting property name enclosed in double quotes": "expecting a name in double quotes",
    "Expecting ':' delimiter": "expecting ':' after a name",
    "Expecting ',' delimiter": "expecting ',' between two items",
    "Unterminated string starting at": 'a string that is not closed (a missing ")',
    "Extra data": "more text after the JSON value ends (one top-level object or array only)",
    "Invalid \\uXXXX escape": "an invalid \\u escape: write four hexadecimal digits (\\u00e9)",
}
# what a JSON file's error adds where the file reads as YAML (:func:`looks_like_yaml`)
YAML_HINT = "it looks like YAML: name it .yml or give --format yaml"
# a YAML mapping's first key (``button:``, ``en:``, ``app.title: Save``); a line's first
# character may start no JSON value, so a JSON text never matches it
_YAML_KEY = re.compile(r"[^\W\d][\w .-]*:(?:[ \t]|$)")
_PARSED_CHARS = 65_536  # the most of a text that looks_like_yaml parses as YAML
_TRAILING_COMMA = "a comma after the last item: JSON allows no trailing comma; remove it"
# how a raw control character inside a string is named, and its escape
_CONTROL_NAMES = {
    "\t": ("a raw tab", "\\t"),
    "\n": ("a line break", "\\n"),
    "\r": ("a raw carriage return", "\\r"),
}


def json_problem(exc: json.JSONDecodeError) -> str:
    """What ``exc`` found wrong, in one line that says what to write instead: a comment, a
    trailing comma, single quotes and raw control characters are named as such."""
    found = _found_at(exc.doc, exc.pos)
    if found is not None:
        return found
    if exc.msg.startswith("Invalid control character"):
        return _control_character(exc.doc[exc.pos])
    if exc.msg.startswith("Invalid \\escape"):
        return (
            f"an invalid escape {exc.doc[exc.pos : exc.pos + 2]!r} in a string: JSON knows "
            '\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write \\\\ for a backslash)'
        )
    if exc.msg.startswith("Illegal trailing comma"):
        return _TRAILING_COMMA
    return _MEANINGS.get(exc.msg, exc.msg)


def _found_at(text: str, position: int) -> str | None:
    """The problem that the text at ``position`` (where parsing stopped) shows by itself, or
    None where it shows none of those :func:`json_problem` names."""
    rest = text[position:]
    if rest.startswith(("//", "/*")):
        return "a comment: JSON allows no comments; remove it (or move it into a value)"
    if rest.startswith("'"):
        return "single quotes: JSON strings and names take double quotes"
    if rest[:1] in ("}", "]") and text[:position].rstrip().endswith(","):
        return _TRAILING_COMMA
    return None


def _control_character(character: str) -> str:
    """The problem of a raw control ``character`` inside a string, which JSON must escape."""
    name, escape = _CONTROL_NAMES.get(
        character, (f"control character U+{ord(character):04X}", f"\\u{ord(character):04x}")
    )
    return f"{name} inside a string: write {escape} instead"


def looks_like_yaml(text: str) -> bool:
    """Whether ``text``, which is no JSON, is YAML: its first line that is no comment, blank
    or ``---`` starts no JSON object, array or name (``{``, ``[``, ``"``: a broken JSON file,
    or one without its braces, which YAML reads too), and is a mapping's key (``button:``),
    or the text's first :data:`_PARSED_CHARS` characters (whole lines) read as a YAML mapping
    or list (``- Save``, ``'app.title': Save``)."""
    import yaml

    first = next((line.strip() for line in text.lstrip("\ufeff").splitlines() if _said(line)), "")
    if not first or first.startswith(("{", "[", '"')):
        return False
    if _YAML_KEY.match(first):
        return True
    # a message file's head says what it is; parsing all of a large one took seconds
    head = text if len(text) <= _PARSED_CHARS else text[: text.rfind("\n", 0, _PARSED_CHARS) + 1]
    try:
        return isinstance(yaml.safe_load(head), (dict, list))
    except (yaml.YAMLError, RecursionError):
        return False


def _said(line: str) -> bool:
    """Whether a YAML ``line`` says something: not blank, a comment or a document's start."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "---", "%YAML"))
