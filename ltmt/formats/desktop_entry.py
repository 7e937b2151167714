"""Desktop entries (``org.kde.knotepad.desktop``, a menu's ``.directory``): the launcher files of
freedesktop.org's Desktop Entry Specification (1.5), one file holding every language of a
launcher's texts, filled in place as KDE's and GNOME's translation tools fill it.

    ltmt translate org.kde.knotepad.desktop --user u1 -o org.kde.knotepad.desktop

A line is a ``[Group]`` header, a ``Key=Value`` entry (spaces around ``=`` ignored), a
``Key[locale]=Value`` translation of one, a ``#`` comment or a blank line; an entry before the
first group is refused, as GLib's key file reader refuses it. The texts translated are the
unlocalised *localestring* keys (spec section 4) that a person reads: ``Name``, ``GenericName``,
``Comment`` and ``Keywords`` of ``[Desktop Entry]`` (section 6), and ``Name`` and ``Comment`` of
each ``[Desktop Action ...]`` group (section 11); no other key (``Exec``, ``Type``, ``Icon``,
``X-...`` keys, whose meaning is their program's) nor group is read. A value's escapes
(``\\s``, ``\\n``, ``\\t``, ``\\r``, ``\\\\``) are read and written as the spec has them.
``Keywords`` is a list (``notes;notepad;text;editor;``): each item is translated apart, and the
translation is written with the source's ``;`` separators (a ``;`` inside an item as ``\\;``),
its final ``;`` too where the source has one.

The target language's line, ``Key[de]=...`` (``de_CH`` for ``de-CH``), is written after the
key's last line (its source or a translation into another language); a key that has one already
is kept (``overwrite``: translated again, in its line's place). Every other line is written back
byte for byte: the other languages, the other keys, comments, line ends.

``ltmt memory import org.kde.knotepad.desktop --tgt-lang de`` reads ``Key`` → ``Key[de]`` pairs,
a ``Keywords`` list item by item where both have as many items (else whole), the key as
context; ``ltmt qa`` checks them alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, line_ending, read_bytes, utf8_text
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.segments import PairRecord

WHAT = "a desktop entry file"
ENTRY_GROUP = "Desktop Entry"
_ACTION_GROUP = "Desktop Action "
# the localestring keys a person reads, by group (spec sections 6 and 11)
_ENTRY_KEYS = ("Name", "GenericName", "Comment", "Keywords")
_ACTION_KEYS = ("Name", "Comment")
_LISTS = frozenset({"Keywords"})
_GROUP = re.compile(r"\[(?P<name>[^\[\]]+)\]")
_ENTRY = re.compile(r"(?P<key>[A-Za-z0-9-]+)(?:\[(?P<locale>[^\]]+)\])?[ \t]*=[ \t]*(?P<value>.*)")
_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_HEAD = re.compile(r"\ufeff?\s*[^=]*=[ \t]*")  # an entry's line up to its value


@dataclass(frozen=True)
class DesktopLine:
    """A line of the file: ``text`` as written, its end included; for an entry, its ``group``,
    ``key``, ``locale`` (empty for the unlocalised value) and ``value`` as written."""

    text: str
    group: str = ""
    key: str = ""
    locale: str = ""
    value: str = ""


def parse_desktop_entry(data: bytes, path: Path) -> list[DesktopLine]:
    """The lines of ``data`` (the file ``path``); an :class:`InputError` at an entry before the
    first group, which no desktop entry has."""
    lines: list[DesktopLine] = []
    group = ""
    for number, text in enumerate(re.findall(r"[^\n]*\n|[^\n]+$", utf8_text(data, path)), 1):
        body = text.rstrip("\r\n").lstrip("\ufeff").strip()
        header = _GROUP.fullmatch(body)
        found = _ENTRY.fullmatch(body)
        if header is not None:
            group = header.group("name")
        elif found is not None and not group:
            raise InputError(
                f"{path}:{number}: {body} comes before any group, which {WHAT} does not have; "
                f"put [{ENTRY_GROUP}] above it"
            )
        elif found is not None:
            key, locale, value = found.group("key", "locale", "value")
            lines.append(DesktopLine(text, group, key, locale or "", value))
            continue
        lines.append(DesktopLine(text, group))
    return lines


def _read_keys(group: str) -> tuple[str, ...]:
    """The keys of ``group`` whose values are texts to translate."""
    if group == ENTRY_GROUP:
        return _ENTRY_KEYS
    return _ACTION_KEYS if group.startswith(_ACTION_GROUP) else ()


def unescaped(value: str, in_list: bool = False) -> str:
    """``value`` as written in the file, its escapes read (``\\;`` too in a list's item)."""

    def read(found: re.Match[str]) -> str:
        char = found.group(1)
        if in_list and char == ";":
            return ";"
        return _ESCAPES.get(char, found.group())

    return _ESCAPE.sub(read, value)


def escaped(text: str, in_list: bool = False) -> str:
    """``text`` as a value is written: a backslash, a line break, a tab and a leading space
    escaped (a reader drops the spaces after ``=``), a ``;`` too in a list's item."""
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    if in_list:
        text = text.replace(";", "\\;")
    stripped = text.lstrip(" ")
    return "\\s" * (len(text) - len(stripped)) + stripped


def list_items(value: str) -> tuple[list[str], bool]:
    """The items of the list ``value`` (as written, escapes kept) and whether it ends in ``;``."""
    items, current, escape = [], "", False
    for char in value:
        if char == ";" and not escape:
            items.append(current)
            current = ""
            continue
        current += char
        escape = char == "\\" and not escape
    final = bool(items) and not current
    return [item for item in [*items, current] if item], final


def target_locale(tgt_lang: str) -> str:
    """The locale a key's translation into ``tgt_lang`` is written with: ``de``, ``pt_BR``."""
    return tgt_lang.replace("-", "_")


@dataclass(frozen=True)
class DesktopText:
    """A text of the file to translate: ``key`` of ``group``, its unlocalised value (as written)
    and its translation's line where it has one (an index into the lines)."""

    group: str
    key: str
    value: str
    last: int  # the index of the key's last line, source or translation
    target: int | None

    @property
    def name(self) -> str:
        return f"{self.group}/{self.key}"

    @property
    def is_list(self) -> bool:
        return self.key in _LISTS


def texts_of(lines: list[DesktopLine], locale: str) -> list[DesktopText]:
    """The texts of ``lines`` to translate into ``locale``, in the file's order: each read key
    of a group with a value (the last unlocalised line of it, as GLib reads a key twice)."""
    values: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], int] = {}
    target: dict[tuple[str, str], int] = {}
    for index, line in enumerate(lines):
        if not line.key or line.key not in _read_keys(line.group):
            continue
        name = (line.group, line.key)
        last[name] = index
        if not line.locale:
            values[name] = line.value
        elif line.locale == locale:
            target[name] = index
    return [
        DesktopText(group, key, value, last[(group, key)], target.get((group, key)))
        for (group, key), value in values.items()
        if value.strip()
    ]


class DesktopEntryDocument(TranslationsHeld):
    """A desktop entry file to fill with the target language, in place (module docstring)."""

    format = "desktop"
    what_is_filled = "text"

    def __init__(self, path: Path, data: bytes, tgt_lang: str) -> None:
        super().__init__()
        self.path, self.data = Path(path), data
        self.lines = parse_desktop_entry(data, self.path)
        self.locale = target_locale(tgt_lang)
        self.texts = texts_of(self.lines, self.locale)
        self._units: list[Unit] = []
        self._finals: dict[str, bool] = {}  # a list's name: whether it ends in ``;``
        for text in self.texts:
            if not text.is_list:
                source = unescaped(text.value)
                self._units.append(Unit(text.name, source, context=text.name))
                continue
            items, self._finals[text.name] = list_items(text.value)
            for i, item in enumerate(items):
                source = unescaped(item, in_list=True)
                unit = Unit(f"{text.name}/{i}", source, context=text.name, group=text.name)
                self._units.append(unit)

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> DesktopEntryDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang or "de")

    def units(self) -> list[Unit]:
        return list(self._units)

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units of the texts without a translation into the target language, less those
        filled already (``overwrite``: every one)."""
        translated = {text.name for text in self.texts if self.translated(text)}
        return [
            unit
            for unit in self._units
            if overwrite
            or (unit.key not in self.translations and (unit.group or unit.key) not in translated)
        ]

    def translated(self, text: DesktopText) -> bool:
        """Whether ``text`` has a translation into the target language (not empty)."""
        return text.target is not None and bool(self.lines[text.target].value.strip())

    def _written(self, text: DesktopText) -> str | None:
        """``text``'s translation as its value is written, or None while a unit of it has none
        (a list is written whole)."""
        if not text.is_list:
            return None if (found := self.translations.get(text.name)) is None else escaped(found)
        keys = [u.key for u in self._units if u.group == text.name]
        if any(key not in self.translations for key in keys):
            return None
        items = [escaped(self.translations[key], in_list=True) for key in keys]
        return ";".join(items) + (";" if self._finals[text.name] else "")

    def render(self) -> bytes:
        """The file, each text's translation in its line (module docstring); the rest as read."""
        out = [line.text for line in self.lines]
        after: dict[int, list[str]] = {}  # a line's index: the lines to write after it
        for text in self.texts:
            value = self._written(text)
            if value is None:
                continue
            if text.target is None:
                after.setdefault(text.last, []).append(f"{text.key}[{self.locale}]={value}")
                continue
            line = out[text.target]  # replaced in its place, its key and spacing kept
            head = _HEAD.match(line)
            assert head is not None  # an entry's line
            out[text.target] = head.group() + value + line[len(line.rstrip("\r\n")) :]
        newline = line_ending("".join(out))
        written: list[str] = []
        for index, line in enumerate(out):
            added = after.get(index, [])
            ends = line[len(line.rstrip("\r\n")) :]
            written.append(line if ends or not added else line + newline)
            written.extend(f"{text}{ends or newline}" for text in added)
            if added and not ends:  # the file's last line, which had no end: nor has the new
                written[-1] = written[-1].removesuffix(newline)
        return "".join(written).encode()

    def save(self, out_path: Path) -> None:
        atomic_write(out_path, self.render())


def read_desktop_entry(
    path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any
) -> Iterator[PairRecord]:
    """The pairs ``Key`` → ``Key[tgt_lang]`` of the desktop entry file ``path``, the key as
    context; a ``Keywords`` list's item by item where both lists have as many items."""
    document = DesktopEntryDocument.open(Path(path), tgt_lang=tgt_lang)
    records = []
    for text in document.texts:
        if text.target is None or not document.translated(text):
            continue
        target_line = document.lines[text.target]
        where, metadata = f"{path}: {text.key}[{document.locale}]", {"context": text.name}
        line = text.target + 1
        if text.is_list:
            sources = list_items(text.value)[0]
            targets = list_items(target_line.value)[0]
            if len(sources) == len(targets):
                for source, target in zip(sources, targets, strict=True):
                    records.append(
                        PairRecord(
                            unescaped(source, in_list=True),
                            unescaped(target, in_list=True),
                            where,
                            metadata,
                            line=line,
                        )
                    )
                continue
        source, target = unescaped(text.value), unescaped(target_line.value)
        records.append(PairRecord(source, target, where, metadata, line=line))
    return iter(records)
