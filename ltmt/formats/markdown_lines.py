"""CommonMark held in one value of a keyed file (an OpenAPI ``description``), read line by line:
its texts, each a unit, and the pieces around them, copied as written.

Given whole, the model wrote ``## Authentication`` as ``##-Authentifizierung`` and a table's
``| Header | Value |`` as ``|-Header | Wert |``. Here, as a Markdown document keeps them
(:mod:`ltmt.formats.markdown`), a heading's ``#`` marks, a list item's and a block quote's
markers (``- ``, ``1. ``, ``> ``) and the indentation before them stay out of the model, a
table row is read cell by cell (its bars, its delimiter row and a cell of code alone copied),
and a fenced or indented code block and blank lines are copied; every other line is a text of
its own (a paragraph over lines, a line each, as the value was translated before).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ltmt.formats.json_identifiers import is_no_text
from ltmt.formats.keyed_catalog import FORM, Entry

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# a line's container markers and a heading's marks, then its text
_LINE = re.compile(
    r"(?P<lead>[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)(?P<text>.*?)"
    r"(?P<tail>[ \t]*)"
)
_CELL = re.compile(r"(?P<lead>\s*)(?P<text>.*?)(?P<tail>\s*)")
_CODE_ALONE = re.compile(r"(`+)[^`].*?\1|(`+)\2")  # a cell of a code span alone


def _cells(row: str) -> list[str]:
    """A table row's cells and bars, as written: bars ``|`` outside code spans and not
    escaped part them (every other item a bar)."""
    parts, start, code, index = [], 0, "", 0
    while index < len(row):
        char = row[index]
        if char == "`":
            run = len(row[index:]) - len(row[index:].lstrip("`"))
            ticks = row[index : index + run]
            code = "" if code == ticks else code or ticks
            index += run
            continue
        if char == "\\":
            index += 2
            continue
        if char == "|" and not code:
            parts += [row[start:index], "|"]
            start = index + 1
        index += 1
    return [*parts, row[start:]]


@dataclass(frozen=True)
class MarkdownLines:
    """A value's ``texts``, in order, and ``pieces``, what is written around them (one more:
    before the first, between, after the last)."""

    texts: tuple[str, ...]
    pieces: tuple[str, ...]

    @classmethod
    def of(cls, value: str) -> MarkdownLines:
        texts: list[str] = []
        pieces = [""]

        def add(lead: str, text: str, tail: str) -> None:
            if is_no_text(text) or _CODE_ALONE.fullmatch(text):
                pieces[-1] += lead + text + tail
                return
            pieces[-1] += lead
            texts.append(text)
            pieces.append(tail)

        fence, blank_before = "", True
        for line in value.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            end = line[len(body) :]
            opening = _FENCE.match(body)
            code = bool(fence) or opening is not None
            if fence and opening and opening.group(1)[0] == fence[0]:
                fence = "" if len(opening.group(1)) >= len(fence) else fence
            elif opening and not fence:
                fence = opening.group(1)
            indented = blank_before and body.startswith(("    ", "\t"))
            if code or indented or not body.strip():
                pieces[-1] += line
            elif body.lstrip().startswith("|"):
                for index, part in enumerate(_cells(body)):
                    cell = _CELL.fullmatch(part)
                    if index % 2 or cell is None:  # a bar
                        pieces[-1] += part
                    else:
                        add(cell["lead"], cell["text"], cell["tail"])
                pieces[-1] += end
            else:
                found = _LINE.fullmatch(body)
                assert found is not None  # every line matches
                add(found["lead"], found["text"], found["tail"] + end)
            blank_before = not body.strip() or (indented and blank_before)
        return cls(tuple(texts), tuple(pieces))

    def is_plain(self) -> bool:
        """Whether the value is one text alone (a line ending it aside): no Markdown to keep."""
        return len(self.texts) <= 1 and not self.pieces[0] and not self.pieces[-1].strip()

    def keys(self, name: str) -> list[str]:
        """The catalog keys of the texts of the value ``name``: ``name#0``, ``name#1`` ..."""
        return [f"{name}{FORM}{n}" for n in range(len(self.texts))]

    def entries(self, name: str, group: str = "") -> list[Entry]:
        """The texts of the value ``name`` as entries of their own, in ``group`` (default:
        ``name``'s): its Markdown is written back around their translations."""
        return [
            Entry(key, name, text, group=group)
            for key, text in zip(self.keys(name), self.texts, strict=True)
        ]

    def read(self, name: str, value: str) -> dict[str, str]:
        """The texts of ``value``, a translation of the value ``name``, by key; none where it
        has another number of texts (which translates which cannot be told)."""
        theirs = MarkdownLines.of(value)
        if len(theirs.texts) != len(self.texts):
            return {}
        return dict(zip(self.keys(name), theirs.texts, strict=True))

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """The value ``name`` with its texts' ``translations`` (by key) in place; ``None``
        until each has one."""
        texts = [translations.get(key) for key in self.keys(name)]
        if any(text is None for text in texts):
            return None
        pieces = [self.pieces[0]]
        for text, piece in zip(texts, self.pieces[1:], strict=True):
            pieces += [str(text), piece]
        return "".join(pieces)
