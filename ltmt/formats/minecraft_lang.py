"""Minecraft's ``.lang`` language files (Java Edition 1.12 and older:
``assets/<modid>/lang/en_US.lang`` → ``de_DE.lang``) as a keyed catalog
(:mod:`ltmt.formats.keyed_catalog`).

Minecraft reads the file as UTF-8, line by line: a line that starts with ``#`` is a comment, a
line with an ``=`` is ``key=value``, split at its first ``=`` (the key may hold ``:`` and
``.``, ``item.gemtools:ruby.name``; the value is everything after it, ``=`` signs too), and
nothing is escaped: a backslash is a backslash (``C:\\Games\\mods``), ``\\u00df`` six characters
the game shows as written. Other lines (empty ones, words without ``=``) the game passes over;
they are kept as written. Forge's ``#PARSE_ESCAPES`` (a comment line of that word alone,
anywhere in the file) makes Forge read the whole file as Java properties in UTF-8 instead: a key
ends at its first unescaped ``=``, ``:`` or space, ``\\n``, ``\\uXXXX`` and ``\\\\`` are read as
what they stand for, and a line ending in a backslash goes on in the next; such a file's
translations are written escaped (a backslash as ``\\\\``, a line break as ``\\n``), their letters
as UTF-8. Java properties (``--format properties``) broke a file without the marker (keys with
``:`` cut, letters written as ``\\u00df``, backslashes dropped): :func:`properties_would_break`.

The output is the source file line for line, its comments, blank lines, byte order mark and
line ends kept, each key's value translated. A key with an empty value, or one that is no text
(a number), keeps the source's line; a key left untranslated is left out (Minecraft shows
``en_us``'s string for it). Where the output exists (the translation so far), a line of a key it
translated is kept as it has it, byte for byte, as are its header (its comments at the top, up
to a blank line) and the comments directly above a key it has; new keys come in the source's
order, and its own keys after the source's, with their comments. The marker stays the
source's: the output is written in the source file's way, and a line of the translation so far
written in the other way is written again.

A key defined twice is read as Minecraft reads it, the last definition, with a warning that
names it; its strings make no memory pairs.

A ``.lang`` file is read as Minecraft's where it is in a folder named ``lang`` (as
``assets/<modid>/lang/``) and its lines are Minecraft's or it has the marker
(:func:`is_minecraft_lang`); another (a GtkSourceView language definition) is refused, and a
folder run passes it over; ``--format mclang`` reads one anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ltmt.errors import InputError
from ltmt.formats.common import read_bytes, utf8_text
from ltmt.formats.keyed_catalog import (
    Entry,
    KeyedCatalog,
    TranslatedFile,
    repeated,
    warn_defined_twice,
)
from ltmt.text import paired_surrogates

WHAT = "a Minecraft .lang language file"
MARKER = "PARSE_ESCAPES"

Kind = Literal["key", "comment", "marker", "blank", "other"]
# a line and its end, as Java's readLine splits them (\r\n, \r or \n)
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
# Minecraft's key=value, as a file of its own writes it: a key without spaces
_MINECRAFT_LINE = re.compile(r"[^\s=]+=.*", re.DOTALL)
# Java properties: a line's key (up to an unescaped "=", ":" or space) and its separator
_PROPERTY_HEAD = re.compile(r"[ \t\f]*((?:[^\\=: \t\f\r\n]|\\.)*)[ \t\f]*[=:]?[ \t\f]*", re.DOTALL)
# Java properties' escapes: \uXXXX, a line break that continues the line (and the next line's
# leading spaces), any other character after a backslash
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|u|\r\n[ \t\f]*|\r[ \t\f]*|\n[ \t\f]*|.|$)", re.DOTALL)
_CONTROL_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
# what a translation's text is written with in a file of escapes
_TO_ESCAPE = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LangLine:
    """A line of the file (with Forge's marker, a key's lines that go on in the next ones):
    ``text`` as written without its ``end`` (the first line's byte order mark in it); for a
    key's line, ``key`` and ``value`` as the game reads them and ``head``, the text up to the
    value (key and separator, as written)."""

    text: str
    end: str
    kind: Kind
    key: str = ""
    head: str = ""
    value: str = ""


@dataclass(frozen=True)
class LangFile:
    """A parsed file: its lines and whether Forge reads escapes in it (:data:`MARKER`)."""

    lines: list[LangLine]
    escapes: bool

    def values(self) -> dict[str, str]:
        """The values by key, a key's last definition's (the one Minecraft reads)."""
        return {line.key: line.value for line in self.lines if line.kind == "key"}

    def keys(self) -> list[str]:
        """Every key's name, as often as it is defined."""
        return [line.key for line in self.lines if line.kind == "key"]

    def comments_above(self) -> dict[str, tuple[int, int]]:
        """The comment lines directly above each key's (last) line, as a range of
        :attr:`lines`, by key (an empty range: none; those at the file's top are its
        :meth:`header`)."""
        found = {}
        for index, line in enumerate(self.lines):
            if line.kind == "key":
                start = index
                while start and self.lines[start - 1].kind == "comment":
                    start -= 1
                found[line.key] = (start, index) if start else (index, index)
        return found

    def header(self) -> tuple[int, int]:
        """The file's header, as a range of :attr:`lines`: its comments at the top, before its
        first key, up to its last blank line there (all of them where there is none), the
        blank lines after them left out; none where it has no comment or holds the marker."""
        first = next((i for i, line in enumerate(self.lines) if line.kind == "key"), 0)
        blank = [i for i in range(first) if self.lines[i].kind == "blank"]
        end = blank[-1] if blank else first
        while end and self.lines[end - 1].kind == "blank":
            end -= 1
        kinds = {line.kind for line in self.lines[:end]}
        return (0, end) if "comment" in kinds and "marker" not in kinds else (0, 0)


def is_marker(text: str) -> bool:
    """Whether the line ``text`` is Forge's ``#PARSE_ESCAPES`` (``#`` first, then the word
    alone, spaces around it aside)."""
    return text.startswith("#") and text[1:].strip() == MARKER


def parse_lang(data: bytes, path: Path) -> LangFile:
    """The lines of ``data``, the file ``path`` (UTF-8), read as Minecraft reads them, or as
    Forge does where it has the marker (module docstring)."""
    text = utf8_text(data, path)
    physical = [(found.group(1), found.group(2)) for found in _LINE.finditer(text)]
    if physical and physical[-1] == ("", ""):
        physical.pop()  # the end of the text, after its last line's end
    escapes = any(is_marker(body.lstrip("\ufeff")) for body, _ in physical)
    lines = _property_lines(physical, path) if escapes else _minecraft_lines(physical)
    return LangFile(lines, escapes)


def _minecraft_lines(physical: list[tuple[str, str]]) -> list[LangLine]:
    """The lines of a file without the marker, as Minecraft reads them: split at the first
    ``=``, nothing escaped."""
    lines = []
    for number, (text, end) in enumerate(physical):
        mark = "\ufeff" if number == 0 and text.startswith("\ufeff") else ""
        body = text[len(mark) :]
        key, sign, value = body.partition("=")
        if not body.strip():
            lines.append(LangLine(text, end, "blank"))
        elif body.startswith("#"):
            lines.append(LangLine(text, end, "comment"))
        elif sign and key.strip():
            lines.append(LangLine(text, end, "key", key, mark + key + sign, value))
        else:  # no "=", or no key: the game passes over it
            lines.append(LangLine(text, end, "other"))
    return lines


def _property_lines(physical: list[tuple[str, str]], path: Path) -> list[LangLine]:
    """The lines of a file with the marker, as Java's ``Properties.load`` reads them: a line
    that ends in an odd number of backslashes goes on in the next."""
    lines: list[LangLine] = []
    number = 0
    while number < len(physical):
        text, end = physical[number]
        start = number
        mark = "\ufeff" if number == 0 and text.startswith("\ufeff") else ""
        body = text[len(mark) :]
        bare = body.lstrip(" \t\f")
        number += 1
        if not bare:
            lines.append(LangLine(text, end, "blank"))
            continue
        if bare[0] in "#!":
            lines.append(LangLine(text, end, "marker" if is_marker(body) else "comment"))
            continue
        while _continues(text) and number < len(physical):
            text = text + end + physical[number][0]
            end = physical[number][1]
            number += 1
        whole = text[len(mark) :]
        found = _PROPERTY_HEAD.match(whole)
        assert found is not None  # (every part may be empty)
        key = _unescaped(found.group(1), path, start + 1)
        if not key:
            lines.append(LangLine(text, end, "other"))
            continue
        value = _unescaped(whole[found.end() :], path, start + 1)
        lines.append(LangLine(text, end, "key", key, mark + whole[: found.end()], value))
    return lines


def _continues(text: str) -> bool:
    """Whether the line ``text`` ends in an odd number of backslashes (goes on in the next)."""
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def _unescaped(raw: str, path: Path, number: int) -> str:
    """``raw`` (a key or value of a file with the marker, from line ``number`` of ``path``)
    with its escapes read, as Java reads them; a ``\\u`` without four hex digits, which Java
    refuses, is an :class:`InputError`."""

    def read(found: re.Match[str]) -> str:
        escape = found.group(1)
        if escape == "u":
            raise InputError(
                f"{path}:{number}: malformed \\u escape, which Java refuses in a file with "
                f"#{MARKER}; write four hex digits (\\u00e9), or a backslash itself as \\\\"
            )
        if escape.startswith("u"):
            return chr(int(escape[1:], 16))
        if escape[:1] in "\r\n":
            return ""  # the line goes on
        return _CONTROL_ESCAPES.get(escape, escape)

    return paired_surrogates(_ESCAPE.sub(read, raw))


def written_value(text: str, escapes: bool) -> str:
    """``text`` as a value of a file with the marker (``escapes``: backslashes, line breaks,
    tabs and leading spaces escaped; a leading ``=`` or ``:`` too, which Java would take for
    the separator) or without (as it is: the game reads no escape, and a line break, which no
    line can hold, is written as a space)."""
    if not escapes:
        return _LINE_BREAK.sub(" ", text)
    escaped = "".join(_TO_ESCAPE.get(char, char) for char in text)
    bare = escaped.lstrip(" ")
    escaped = "\\ " * (len(escaped) - len(bare)) + bare
    return "\\" + escaped if escaped[:1] in ("=", ":") else escaped


def _written_key(key: str, escapes: bool) -> str:
    """``key`` as a key of a file with the marker (its separators, spaces, backslashes and a
    leading comment sign escaped) or without (as it is)."""
    if not escapes:
        return key
    escaped = "".join(_TO_ESCAPE.get(char, "\\" + char if char in "=: " else char) for char in key)
    return "\\" + escaped if escaped[:1] in ("#", "!") else escaped


def holds_minecraft_lines(text: str) -> bool:
    """Whether ``text`` reads as a Minecraft language file of its own: Forge's marker, or
    ``key=value`` lines (a key without spaces; one at least) besides comments and blank
    lines."""
    lines = [line.lstrip("\ufeff") for line in _LINE_BREAK.split(text)]
    if any(is_marker(line) for line in lines):
        return True
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    return bool(entries) and all(_MINECRAFT_LINE.fullmatch(line) for line in entries)


def _text_of(path: Path) -> str | None:
    """The text of the file ``path`` (None: not UTF-8, or not readable)."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def is_minecraft_lang(path: Path) -> bool:
    """Whether the ``.lang`` file ``path`` is a Minecraft language file, as ltmt takes one by
    itself: in a folder named ``lang`` (``assets/<modid>/lang/en_US.lang``), its lines
    Minecraft's or Forge's marker among them (:func:`holds_minecraft_lines`); a file elsewhere
    is not read."""
    if Path(path).parent.name.lower() != "lang":
        return False
    text = _text_of(Path(path))
    return text is not None and holds_minecraft_lines(text)


def properties_would_break(path: Path) -> str | None:
    """Why ``--format properties`` must not read the file ``path``: a ``.lang`` file of
    Minecraft's lines without Forge's marker, which Java properties break; else None."""
    if Path(path).suffix.lower() != ".lang":
        return None
    text = _text_of(Path(path))
    if text is None or not holds_minecraft_lines(text):
        return None
    if any(is_marker(line.lstrip("\ufeff")) for line in _LINE_BREAK.split(text)):
        return None  # Forge reads it as Java properties
    return (
        f"{path} is a Minecraft language file, which --format properties would break (keys "
        "with ':' cut, backslashes dropped, letters written as \\uXXXX escapes the game shows "
        "as written); pass --format mclang"
    )


class MinecraftLangDocument(KeyedCatalog):
    """A Minecraft ``.lang`` file to translate into the target language's (module
    docstring)."""

    format = "mclang"
    what = WHAT

    def __init__(self, path: Path, data: bytes) -> None:
        self.parsed = parse_lang(data, path)
        keys = self.parsed.keys()
        if not keys:
            raise InputError(f"{path}: no key=value line; expected {WHAT}")
        self.names_defined_twice = tuple(repeated(keys))
        warn_defined_twice(
            path, self.names_defined_twice, "last definition, as Minecraft reads it,"
        )
        values = self.parsed.values()
        super().__init__(path, [Entry(key, key, text) for key, text in values.items()])

    @classmethod
    def open(cls, path: Path, **_: Any) -> MinecraftLangDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def name_of(self, key: str) -> str:
        return key  # no plural forms nor arrays: "#" and "[" are the key's own

    def read_values(self, path: Path) -> dict[str, str]:
        return parse_lang(read_bytes(path, WHAT), path).values()

    def read_translation(self, path: Path) -> TranslatedFile:
        parsed = parse_lang(read_bytes(path, WHAT), path)
        return TranslatedFile(parsed.values(), defined_twice=repeated(parsed.keys()))

    def render(self) -> bytes:
        source = self.parsed
        adopted = None
        if self.adopted_from is not None:
            adopted = parse_lang(read_bytes(self.adopted_from, WHAT), self.adopted_from)
        written = _Writer(source, adopted, self.translations, {e.key: e for e in self.entries})
        written.lines_of_source(self.is_text)
        if adopted is not None:
            written.extras(adopted, self.extras)
        return "".join(written.parts).encode("utf-8")


class _Writer:
    """The output's text, ``parts``, written from ``source`` (the file translated), ``adopted``
    (the translation so far, or None), ``translations`` and the source's ``entries``, by
    key."""

    def __init__(
        self,
        source: LangFile,
        adopted: LangFile | None,
        translations: dict[str, str],
        entries: dict[str, Entry],
    ) -> None:
        self.source, self.adopted = source, adopted
        self.translations, self.entries = translations, entries
        self.parts: list[str] = []
        # the translator's lines are theirs to keep only where both files are read alike
        self.same_way = adopted is not None and adopted.escapes == source.escapes
        keyed = [] if adopted is None else [line for line in adopted.lines if line.kind == "key"]
        self.theirs = {line.key: line for line in keyed}
        self.end = next((line.end for line in source.lines if line.end), "\n")

    def lines_of_source(self, is_text: Callable[[Entry], bool]) -> None:
        """The source's lines, translated, with the translation so far's header and comments
        above its keys in place of the source's (module docstring)."""
        source, adopted = self.source, self.adopted
        last = {line.key: line for line in source.lines if line.kind == "key"}
        replaced: dict[int, tuple[int, list[LangLine]]] = {}  # at a line: up to, with what
        if adopted is not None:
            start, end = source.header()
            theirs = adopted.header()
            if end > start and theirs[1] > theirs[0]:
                replaced[start] = (end, adopted.lines[slice(*theirs)])
            above = adopted.comments_above()
            for key, (start, end) in source.comments_above().items():
                if key in above and above[key][1] > above[key][0] and start not in replaced:
                    replaced[start] = (end, adopted.lines[slice(*above[key])])
        index = 0
        while index < len(source.lines):
            if index in replaced:
                end, lines = replaced.pop(index)
                mark = "\ufeff" if source.lines[index].text.startswith("\ufeff") else ""
                self.parts.append(mark)  # the source's byte order mark stays
                self.parts.extend(line.text.lstrip("\ufeff") + self.end for line in lines)
                index = end
                continue
            line = source.lines[index]
            index += 1
            text = self.translations.get(line.key) if line.kind == "key" else None
            if line.kind != "key" or last[line.key] is not line:  # an earlier definition too
                self.parts.append(line.text + line.end)
            elif text is not None:
                self.parts.append(self._translated(line, text) + line.end)
            elif not is_text(self.entries[line.key]):  # empty, a number: as the source has it
                self.parts.append(line.text + line.end)

    def _translated(self, line: LangLine, text: str) -> str:
        """``line`` (the source's) with ``text`` for its value: the translation so far's line,
        as written, where it says the same, read alike."""
        theirs = self.theirs.get(line.key)
        if theirs is not None and self.same_way and theirs.value == text:
            mark = "\ufeff" if line.text.startswith("\ufeff") else ""
            return mark + theirs.text.lstrip("\ufeff")
        return line.head + written_value(text, self.source.escapes)

    def extras(self, adopted: LangFile, names: list[str]) -> None:
        """The keys only the translation so far has, with the comments above them, after the
        source's (written again where it is read in the other way)."""
        above = adopted.comments_above()
        wanted = set(names)
        if self.parts and not self.parts[-1].endswith(("\n", "\r")):
            self.parts.append(self.end)
        for line in adopted.lines:
            if line.kind != "key" or line.key not in wanted or self.theirs[line.key] is not line:
                continue
            comments = adopted.lines[slice(*above[line.key])]
            self.parts.extend(comment.text.lstrip("\ufeff") + self.end for comment in comments)
            if self.same_way:
                self.parts.append(line.text.lstrip("\ufeff") + self.end)
            else:
                escapes = self.source.escapes
                key = _written_key(line.key, escapes)
                self.parts.append(f"{key}={written_value(line.value, escapes)}{self.end}")
