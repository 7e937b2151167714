"""Ren'Py translation files (``game/tl/<language>/*.rpy``), as the launcher's "Generate
Translations" writes them, filled in place.

Two kinds of block hold the strings. A dialogue block copies each statement of a line of the
game as a comment, then as the statement to translate::

    # game/script.rpy:12
    translate german start_6ae0c5fd:

        # e "Did you bring the {b}key{/b}?"
        e "Did you bring the {b}key{/b}?"

and a strings block pairs each ``old`` string (a menu choice, a name, a screen's text) with its
``new`` one::

    translate german strings:

        # game/screens.rpy:255
        old "Start"
        new "Start"

A dialogue block's say statements (:func:`~ltmt.formats.renpy_strings.say_string`: not its
``voice``, ``play`` ...) and a strings block's ``new`` are its units: the comment's and the
``old`` string's text their source, keyed by the block's id (its statements numbered after the
first: ``start_6ae0c5fd.2``) and by the ``old`` string. A unit is translated where its string
is another than its source's (Ren'Py writes the English there, or an empty string): a
translator's line is kept, and a rerun fills only the others (Ren'Py gives a line whose English
changed a new block, its id a hash of it). ``--overwrite`` translates them all again. Only the
string is written: every other byte (comments, ids, speakers, clauses, indentation, line ends,
byte order mark) is the file's. ``ltmt memory import`` reads the translated units as pairs, the
others counted as untranslated.

A ``.rpy`` file that has no ``translate`` block and is not under a ``tl`` folder is the game's
own script, refused with what to do (its strings are code's as much as words'). Ren'Py's text
tags and escapes in the strings are the text's markup (:mod:`ltmt.formats.placeholder_syntax`,
:mod:`ltmt.formats.paired_tags`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, read_bytes, utf8_text
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.not_read import NotRead
from ltmt.formats.renpy_strings import RENPY, Literal, literal_at, say_string, written
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

WHAT = "a Ren'Py translation file (game/tl/<language>/*.rpy)"
# a block's first line: ``translate german start_6ae0c5fd:``, ``translate german strings:``
_BLOCK = re.compile(r"translate[ \t]+(?P<language>\w+)[ \t]+(?P<name>\w+)[ \t]*:[ \t]*(?:#.*)?")
_COMMENT = re.compile(r"[ \t]+#[ ]?(?P<code>.*)")
_PAIR_LINE = re.compile(r"[ \t]+(?P<word>old|new)[ \t]+(?=[\"'])")
STRINGS = "strings"
# blocks of code, not of lines to translate (translate german python:)
_CODE_BLOCKS = frozenset({"python", "style"})
_NOT_A_TRANSLATION_FILE = (
    "is a Ren'Py script, not a translation file (no 'translate <language> ...:' blocks); "
    "generate the translation files first (Ren'Py launcher: Generate Translations, or "
    "renpy.sh <game> translate german) and translate game/tl/german/*.rpy"
)


@dataclass(frozen=True)
class RenpyEntry:
    """One string to translate: its ``key``, the literal its ``source`` is read from (a
    comment's statement, an ``old``) and the one its translation goes in (``target``), each
    on its line (``source_line``, ``target_line``: indexes into the file's lines)."""

    key: str
    source: Literal
    source_line: int
    target: Literal
    target_line: int

    @property
    def translated(self) -> bool:
        """Whether its string holds a translation: another than its source's, not empty."""
        return bool(self.target.raw.strip()) and self.target.raw != self.source.raw


@dataclass(frozen=True)
class RenpyFile:
    """A translation file read: its ``lines`` as written (ends kept) and its ``entries``."""

    lines: list[str]
    entries: list[RenpyEntry]


def is_translation_file(path: Path, text: str) -> bool:
    """Whether ``text``, the ``.rpy`` file ``path``, is a translation file: under a ``tl``
    folder, or with a ``translate`` block."""
    if "tl" in Path(path).parent.parts:
        return True
    return any(_BLOCK.fullmatch(line.lstrip("\ufeff").rstrip()) for line in text.splitlines())


def parse_renpy(path: Path) -> RenpyFile:
    """The file ``path``; an :class:`InputError` where it is a game's script."""
    text = utf8_text(read_bytes(path, WHAT), path)
    if not is_translation_file(path, text):
        raise InputError(f"{path} {_NOT_A_TRANSLATION_FILE}")
    lines = text.splitlines(keepends=True)
    entries: list[RenpyEntry] = []
    at = 0
    while at < len(lines):
        block = _BLOCK.fullmatch(lines[at].lstrip("\ufeff").rstrip("\r\n"))
        at += 1
        if block is None or block["name"] in _CODE_BLOCKS:
            continue
        end = _block_end(lines, at)
        if block["name"] == STRINGS:
            entries += _string_entries(lines, at, end)
        else:
            entries += _dialogue_entries(lines, at, end, block["name"])
        at = end
    return RenpyFile(lines, _unique(entries))


def _block_end(lines: list[str], at: int) -> int:
    """The index of the first line after the block whose body starts at ``at``: the next line
    that is neither blank nor indented."""
    while at < len(lines) and (not lines[at].strip() or lines[at][:1] in " \t"):
        at += 1
    return at


def _dialogue_entries(lines: list[str], start: int, end: int, name: str) -> list[RenpyEntry]:
    """A dialogue block's say statements, each with the comment that copies it (the block's
    comments before its first statement, in order); none where a translator changed the
    block's statements (more or fewer than its comments)."""
    originals: list[tuple[int, re.Match[str]]] = []
    statements: list[int] = []
    for index in range(start, end):
        if not lines[index].strip():
            continue
        comment = _COMMENT.fullmatch(lines[index].rstrip("\r\n"))
        if not statements and comment is not None:
            originals.append((index, comment))
        elif not lines[index].lstrip().startswith("#"):
            statements.append(index)
    if len(originals) != len(statements):
        return []
    entries: list[RenpyEntry] = []
    for (original, comment), statement in zip(originals, statements):
        offset = comment.start("code")
        source = say_string(comment["code"])
        target = say_string(lines[statement].rstrip("\r\n"))
        if source is None or target is None:
            continue
        source = Literal(source.start + offset, source.end + offset, source.quote, source.raw)
        key = name if not entries else f"{name}.{len(entries) + 1}"
        entries.append(RenpyEntry(key, source, original, target, statement))
    return entries


def _string_entries(lines: list[str], start: int, end: int) -> list[RenpyEntry]:
    """A strings block's ``old`` and ``new`` pairs, keyed by the ``old`` string."""
    entries: list[RenpyEntry] = []
    old: tuple[Literal, int] | None = None
    for index in range(start, end):
        line = lines[index].rstrip("\r\n")
        found = _PAIR_LINE.match(line)
        literal = literal_at(line, found.end()) if found is not None else None
        if found is None or literal is None or line[literal.end + 1 :].strip():
            continue
        if found["word"] == "old":
            old = (literal, index)
        elif old is not None:
            entries.append(RenpyEntry(old[0].raw, old[0], old[1], literal, index))
            old = None
    return entries


def _unique(entries: list[RenpyEntry]) -> list[RenpyEntry]:
    """``entries`` with a key met again numbered by its line (a string two strings blocks
    hold, a block id repeated)."""
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.key in seen:
            entry = RenpyEntry(
                f"{entry.key} (line {entry.target_line + 1})",
                entry.source,
                entry.source_line,
                entry.target,
                entry.target_line,
            )
        seen.add(entry.key)
        unique.append(entry)
    return unique


class RenpyDocument(TranslationsHeld):
    """A translation file whose strings are filled in place (module docstring)."""

    format = "renpy"

    def __init__(self, path: Path, renpy: RenpyFile) -> None:
        super().__init__()
        self.path = Path(path)
        self.renpy = renpy
        self._entries = {entry.key: entry for entry in renpy.entries}

    @classmethod
    def open(cls, path: Path, **_: Any) -> RenpyDocument:
        return cls(Path(path), parse_renpy(Path(path)))

    def units(self) -> list[Unit]:
        return [
            Unit(entry.key, entry.source.text)
            for entry in self.renpy.entries
            if entry.source.text.strip()
        ]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [
            unit
            for unit in self.units()
            if overwrite
            or (unit.key not in self.translations and not self._entries[unit.key].translated)
        ]

    def save(self, out_path: Path) -> None:
        lines = list(self.renpy.lines)
        for key, text in self.translations.items():
            target = self._entries[key].target
            line = lines[self._entries[key].target_line]
            inside = written(text, target.quote)
            lines[self._entries[key].target_line] = (
                line[: target.start] + inside + line[target.end :]
            )
        atomic_write(Path(out_path), "".join(lines).encode("utf-8"))

    @classmethod
    def pairs(cls, path: Path, not_read: NotRead | None = None, **_: Any) -> Iterator[PairRecord]:
        """The translated strings of the file ``path`` as pairs; the others are counted into
        ``not_read`` as untranslated (without one, said in a warning)."""
        renpy = parse_renpy(Path(path))
        untranslated = 0
        for entry in renpy.entries:
            if not entry.source.text.strip():
                continue
            if not entry.translated:
                untranslated += 1
                continue
            line = entry.target_line + 1
            yield PairRecord(
                entry.source.text,
                entry.target.text,
                f"{path}:{line}",
                {"syntax": RENPY},  # (qa's variables check)
                line=line,
            )
        if not_read is not None:
            not_read.add("untranslated", untranslated)
        elif untranslated:
            logger.warning("%s: %d untranslated strings not read", path, untranslated)
