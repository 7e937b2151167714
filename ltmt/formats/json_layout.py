"""A JSON file's layout kept in the file written from it: the objects and arrays the source
writes on one line (``"price": {"amount": 19.99, "currency": "USD"}``, ``"tags": ["a", "b"]``)
stay on one line, with the spaces the source puts inside them (``{ "a": 1 }``, ``{"a":1}``),
everything else is indented as :func:`json.dumps` indents it.

Python's ``json`` keeps no positions, so :func:`one_line_containers` reads the source text's
brackets, strings and commas again to learn which containers open and close on one line, by
their path (object keys and array indexes from the top, as :func:`json.loads` gives them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.formats.json_escapes import JsonEscapes

JsonPath = tuple[str | int, ...]

# a string (its escapes included), a bracket, a separator or a line end; numbers, literals
# and spaces between them say nothing about the layout
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:\n]')


@dataclass(frozen=True)
class Spacing:
    """How a one-line container spaces its items: ``{ "a": 1, "b": 2 }`` is padded (a space
    inside each bracket), ``{"a":1,"b":2}`` has ``","`` and ``":"`` without spaces. The
    defaults are :func:`json.dumps`'s."""

    padded: bool = False
    comma: str = ", "
    colon: str = ": "

    def wrap(self, first: str, items: list[str], last: str) -> str:
        """``items`` (written already) between the brackets, on one line (``{ }`` where an
        empty one is padded)."""
        pad = " " if self.padded else ""
        if not items:
            return first + pad + last
        return first + pad + self.comma.join(items) + pad + last


class _Open:
    """A container the scan is inside of: its path, the line and offset it opened at, where in
    it the scan is (an array's item index, an object's last key and whether a key comes next)
    and the spacing after its first comma and colon."""

    def __init__(self, bracket: str, path: JsonPath, line: int, start: int) -> None:
        self.is_object = bracket == "{"
        self.path, self.line, self.start = path, line, start
        self.index, self.key, self.key_next = 0, "", self.is_object
        self.comma: str | None = None
        self.colon: str | None = None

    def child(self) -> JsonPath:
        """The path of the value the scan is at in this container."""
        return (*self.path, self.key if self.is_object else self.index)

    def spacing(self, text: str, end: int) -> Spacing:
        """The spacing of this container, closed at offset ``end`` of ``text``."""
        padded = text[self.start + 1 : self.start + 2] == " " and text[end - 1 : end] == " "
        return Spacing(padded, self.comma or ", ", self.colon or ": ")


def one_line_containers(text: str) -> dict[JsonPath, Spacing]:
    """The paths of the objects and arrays ``text`` (valid JSON) opens and closes on one line
    (``{}`` and ``[]`` too), each with its spacing; the top level's path is ``()``."""
    found: dict[JsonPath, Spacing] = {}
    stack: list[_Open] = []
    line = 0
    for match in _TOKEN.finditer(text):
        token, after = match.group(), text[match.end() : match.end() + 1]
        inside = stack[-1] if stack else None
        if token == "\n":
            line += 1
        elif token in "{[":
            stack.append(_Open(token, inside.child() if inside else (), line, match.start()))
        elif token in "}]":
            closed = stack.pop()
            if closed.line == line:
                found[closed.path] = closed.spacing(text, match.start())
        elif inside is None:
            continue
        elif token == ",":
            inside.index += 1
            inside.key_next = inside.is_object
            inside.comma = inside.comma or ("," + after if after == " " else ",")
        elif token == ":":
            inside.colon = inside.colon or (":" + after if after == " " else ":")
        elif inside.key_next:
            inside.key, inside.key_next = json.loads(token), False
    return found


def dumps_with_layout(
    value: Any, indent: str | int, one_line: Mapping[JsonPath, Spacing], escapes: JsonEscapes
) -> str:
    """``value`` as :func:`json.dumps` writes it with ``indent``, except that the objects and
    arrays at the paths in ``one_line`` are written on one line with the spacing the source
    gave them (a container inside one takes its own where the source has it, else its
    parent's), its characters escaped as ``escapes`` says."""
    step = " " * indent if isinstance(indent, int) else indent

    def scalar(item: Any) -> str:
        return escapes.dumps(item)

    def on_one_line(item: Any, path: JsonPath, spacing: Spacing) -> str:
        if not isinstance(item, (dict, list)):
            return scalar(item)
        if isinstance(item, dict):
            items = [
                scalar(key) + spacing.colon + child_on_one_line(child, (*path, key), spacing)
                for key, child in item.items()
            ]
            return spacing.wrap("{", items, "}")
        items = [child_on_one_line(child, (*path, i), spacing) for i, child in enumerate(item)]
        return spacing.wrap("[", items, "]")

    def child_on_one_line(item: Any, path: JsonPath, parent: Spacing) -> str:
        return on_one_line(item, path, one_line.get(path, parent))

    def write(item: Any, path: JsonPath, depth: int) -> str:
        if path in one_line:
            return on_one_line(item, path, one_line[path])
        if not isinstance(item, (dict, list)) or not item:
            return scalar(item)
        inner = "\n" + step * (depth + 1)
        if isinstance(item, dict):
            lines = [
                f"{scalar(key)}: " + write(child, (*path, key), depth + 1)
                for key, child in item.items()
            ]
            first, last = "{", "}"
        else:
            lines = [write(child, (*path, i), depth + 1) for i, child in enumerate(item)]
            first, last = "[", "]"
        return first + inner + ("," + inner).join(lines) + "\n" + step * depth + last

    return write(value, (), 0)
