"""A JSON file's layout kept in the file written from it: the objects and arrays the source
writes on one line (``"price": {"amount": 19.99, "currency": "USD"}``, ``"tags": ["a", "b"]``)
stay on one line, everything else is indented as :func:`json.dumps` indents it.

Python's ``json`` keeps no positions, so :func:`one_line_containers` reads the source text's
brackets, strings and commas again to learn which containers open and close on one line, by
their path (object keys and array indexes from the top, as :func:`json.loads` gives them).
"""

from __future__ import annotations

import json
import re
from typing import Any

JsonPath = tuple[str | int, ...]

# a string (its escapes included), a bracket, a separator or a line end; numbers, literals
# and spaces between them say nothing about the layout
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],\n]')


class _Open:
    """A container the scan is inside of: its path, the line it opened on and where in it
    the scan is (an array's item index, an object's last key and whether a key comes next)."""

    def __init__(self, bracket: str, path: JsonPath, line: int) -> None:
        self.is_object = bracket == "{"
        self.path, self.line = path, line
        self.index, self.key, self.key_next = 0, "", self.is_object

    def child(self) -> JsonPath:
        """The path of the value the scan is at in this container."""
        return (*self.path, self.key if self.is_object else self.index)


def one_line_containers(text: str) -> frozenset[JsonPath]:
    """The paths of the objects and arrays ``text`` (valid JSON) opens and closes on one line
    (``{}`` and ``[]`` too); the top level's is ``()``."""
    found: set[JsonPath] = set()
    stack: list[_Open] = []
    line = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        inside = stack[-1] if stack else None
        if token == "\n":
            line += 1
        elif token in "{[":
            stack.append(_Open(token, inside.child() if inside else (), line))
        elif token in "}]":
            closed = stack.pop()
            if closed.line == line:
                found.add(closed.path)
        elif token == ",":
            if inside is not None:
                inside.index += 1
                inside.key_next = inside.is_object
        elif inside is not None and inside.key_next:
            inside.key, inside.key_next = json.loads(token), False
    return frozenset(found)


def dumps_with_layout(
    value: Any, indent: str | int, one_line: frozenset[JsonPath], ensure_ascii: bool
) -> str:
    """``value`` as :func:`json.dumps` writes it with ``indent``, except that the objects and
    arrays at the paths in ``one_line`` are written on one line (``", "`` and ``": "`` between
    their items, as ``json.dumps`` writes a file without indentation)."""
    step = " " * indent if isinstance(indent, int) else indent

    def write(item: Any, path: JsonPath, depth: int) -> str:
        if not isinstance(item, (dict, list)) or not item or path in one_line:
            return json.dumps(item, ensure_ascii=ensure_ascii)
        inner = "\n" + step * (depth + 1)
        if isinstance(item, dict):
            lines = [
                f"{json.dumps(key, ensure_ascii=ensure_ascii)}: "
                + write(child, (*path, key), depth + 1)
                for key, child in item.items()
            ]
            first, last = "{", "}"
        else:
            lines = [write(child, (*path, i), depth + 1) for i, child in enumerate(item)]
            first, last = "[", "]"
        return first + inner + ("," + inner).join(lines) + "\n" + step * depth + last

    return write(value, (), 0)
