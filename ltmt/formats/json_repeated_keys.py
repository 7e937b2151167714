"""The keys a JSON file writes more than once in one object, found where the file is read,
each with the lines it is written at: one reader for every JSON catalog.

JSON allows a repeated key, and every parser (Python's, JavaScript's, Dart's, Foundation's)
reads its last value alone, so the others vanish without a word: a merge that left an
Xcode catalog's ``"Done"`` twice, the first with its reviewed German, the second empty, had
the German replaced by the model's (trial s77, xcstrings2). What a format does with one is
its own: a message file of one language reads the last, as the app does, with a warning
(:mod:`ltmt.formats.json_catalog`); a file that holds translations beside their sources is
refused (:func:`refuse_repeated_keys`), since keeping either loses the other's.

Python's ``json`` keeps no positions, so :func:`parse_with_repeated_keys` parses with an
``object_pairs_hook`` that notices a repeat (at ``json``'s own speed), and only then reads
the text's strings and brackets again (:func:`repeated_keys`) for the lines.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import parse_json
from ltmt.formats.json_pointer import pointer
from ltmt.wording import counted, first_few

JsonPath = tuple[str | int, ...]

# a string (its escapes included), a bracket, a separator or a line end; numbers, literals and
# spaces say nothing about keys. Linear: a string's characters and its escapes are disjoint.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],\n]')


@dataclass(frozen=True)
class RepeatedKey:
    """A key written more than once in one object: ``parts`` its path from the top (the
    object's keys and indexes, then the key), ``lines`` the line of each time it is written,
    counted from 1."""

    parts: JsonPath
    lines: tuple[int, ...]

    @property
    def pointer(self) -> str:
        """Its JSON Pointer: ``/strings/Done``."""
        return pointer(self.parts)

    def described(self) -> str:
        """The key, quoted, with its lines: ``"Done" at lines 4 and 14``."""
        *before, last = (str(line) for line in self.lines)
        lines = f"{', '.join(before)} and {last}"
        return f"{json.dumps(self.parts[-1], ensure_ascii=False)} at lines {lines}"


class RepeatsSeen:
    """An ``object_pairs_hook`` for :func:`json.loads` that builds each object as ``json``
    does (a repeated key holding its last value) and notes whether any object repeats one."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        self.seen = self.seen or len(built) < len(pairs)
        return built


def parse_with_repeated_keys(text: str, path: Path | str) -> tuple[Any, list[RepeatedKey]]:
    """``text`` parsed as JSON (:func:`~ltmt.formats.common.parse_json`: a malformed one is
    an :class:`InputError` with its line), and the keys it repeats (:func:`repeated_keys`)."""
    hook = RepeatsSeen()
    data = parse_json(text, path, hook)
    return data, repeated_keys(text) if hook.seen else []


@dataclass
class _Open:
    """A container the scan is inside of: the one it is in and its key or index there (its
    path is built only for a repeat: a deep file's would be copied at every level), an
    object's keys so far with their lines and where each is first written, and where in it
    the scan is (an array's item index, an object's last key, whether a key comes next)."""

    parent: _Open | None
    place: str | int
    is_object: bool
    start: int
    keys: dict[str, list[int]] = field(default_factory=dict)
    first_at: dict[str, int] = field(default_factory=dict)
    index: int = 0
    key: str = ""
    key_next: bool = True

    def child_place(self) -> str | int:
        """The key or index of the value the scan is at in this container."""
        return self.key if self.is_object else self.index

    def path(self) -> JsonPath:
        """Its keys and indexes from the top."""
        parts: list[str | int] = []
        container: _Open | None = self
        while container is not None and container.parent is not None:
            parts.append(container.place)
            container = container.parent
        return tuple(reversed(parts))


def repeated_keys(text: str) -> list[RepeatedKey]:
    """The keys each object of the JSON ``text`` (well-formed: parsed already) writes more
    than once, in the order of the objects in the text, an object's in the order each is
    first written (as an object nested in a key written twice is one of two, its keys are
    counted in it alone)."""
    found: list[tuple[int, int, RepeatedKey]] = []
    stack: list[_Open] = []
    line = 1
    for match in _TOKEN.finditer(text):
        token = match.group()
        inside = stack[-1] if stack else None
        if token == "\n":
            line += 1
        elif token in "{[":
            place = inside.child_place() if inside else ""
            stack.append(_Open(inside, place, token == "{", match.start()))
        elif token in "}]":
            closed = stack.pop()
            for key, lines in closed.keys.items():
                if len(lines) > 1:
                    repeat = RepeatedKey((*closed.path(), key), tuple(lines))
                    found.append((closed.start, closed.first_at[key], repeat))
        elif inside is None:
            continue
        elif token == ",":
            inside.index += 1
            inside.key_next = inside.is_object
        elif inside.is_object and inside.key_next:
            inside.key, inside.key_next = json.loads(token), False
            inside.keys.setdefault(inside.key, []).append(line)
            inside.first_at.setdefault(inside.key, match.start())
    return [repeat for *_, repeat in sorted(found, key=lambda item: item[:2])]


def refuse_repeated_keys(path: Path | str, repeated: list[RepeatedKey]) -> None:
    """An :class:`InputError` where ``repeated`` names a key of the file ``path`` (one that
    holds translations beside their sources), in one line: keeping the last, as JSON is read,
    loses what the others hold, a reviewed translation too."""
    if not repeated:
        return
    named = first_few([repeat.described() for repeat in repeated])
    raise InputError(
        f"{path}: {counted(len(repeated), 'key')} defined more than once ({named}): JSON keeps "
        "only the last, so what the others hold (a reviewed translation too) would be lost; "
        "merge each into one and run again"
    )
