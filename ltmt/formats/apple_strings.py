"""Apple ``.strings`` files (``en.lproj/Localizable.strings`` → ``de.lproj/Localizable.strings``)
as a keyed catalog (:mod:`ltmt.formats.keyed_catalog`).

A file is a list of ``"key" = "value";`` entries (``"Cancel";`` is short for ``"Cancel" =
"Cancel";``, and a string may be in single quotes, ``'Cancel'``, as CoreFoundation's reader
takes them) with C comments (``/* Button title */``, the
developer's note that genstrings writes above each) and ``//`` comments; the key is often the
English text itself (``NSLocalizedString("Delete %@?", comment: ...)``). Values are quoted with
the old property-list escapes: ``\\"``, ``\\\\``, ``\\n``, ``\\t``, ``\\r``, octal ``\\101`` and
``\\U00e9``.

The file is read by a strict tokenizer of this module: translate-toolkit's reader (3.20)
accepts a missing ``;`` by merging two entries into one value, which would be translated as one
string and drop the second from the output, and misreads a value that ends in an escaped
backslash (``"C:\\\\"`` as ``C:"``). A malformed file is a one-line error with its line and
column, as Apple's ``plutil -lint`` reports it.

The translation is the source file as written, each translated value put in place (escaped as
Xcode escapes) and each untranslated entry left out with the comment that belongs to it (the
app falls back to the development language for it); a header comment separated from the first
entry by a blank line stays. Where the output already exists (the translation so far), the
comments the translator wrote there are kept: its header, and the note above and the comment
after each entry it has; the other entries have the source file's. The encoding is the
translation so far's where there is one, else the source's: UTF-16 with its byte order mark
(what Xcode wrote for years), or UTF-8.

An ``InfoPlist.strings``' keys that hold the app's name (``CFBundleDisplayName``,
``CFBundleName``: :data:`APP_NAME_KEYS`) are copied as written, not translated (``Photo Vault``
became ``Foto vault``), unless the translation so far gives a name of its own; its usage
descriptions (``NSCameraUsageDescription``) are text and translated.

The entries between Smartling's ``/* smartling.sltrans = notranslate */`` (or ``//``) and ``/*
smartling.sltrans = translate */`` are written as the source has them, never translated nor
paired (:mod:`ltmt.formats.smartling_directives`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.byte_order_marks import byte_order_mark
from ltmt.formats.common import read_bytes
from ltmt.formats.keyed_catalog import Entry, KeyedCatalog
from ltmt.formats.smartling_directives import translates_after
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "an Apple .strings file"
_UNQUOTED = re.compile(r"[A-Za-z0-9_$+/:.\-]+")
_SPACE = re.compile(r"\s+")
_EMPTY_LINE = re.compile(r"[ \t]*\r?\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_NOTHING_MORE = re.compile(r"\s*(?://.*|/\*.*?\*/\s*)?")  # after an entry's ";" on its line
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_WRITTEN = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_TO_ESCAPE = re.compile(r'[\\"\n\t\r\x00-\x08\x0b\x0c\x0e-\x1f]')


@dataclass(frozen=True)
class StringsEntry:
    """One ``"key" = "value";`` of a file: its text spans in the decoded file. ``block`` runs
    from the first line of the comment above it (or its own line) to the end of its line and
    the blank lines after it; ``line`` where the entry's own line starts in it (after the note
    above it); ``value_span`` is the value's token, quotes included (``shortcut``: the entry
    is written ``"key";``, its value is its key, and the span is empty, just after the key)."""

    key: str
    value: str
    block: tuple[int, int]
    value_span: tuple[int, int]
    line: int
    shortcut: bool = False


@dataclass(frozen=True)
class StringsFile:
    """A decoded ``.strings`` file: its text, encoding (``utf-8``, ``utf-8-sig``,
    ``utf-16-le``, ``utf-16-be``) and entries."""

    text: str
    encoding: str
    entries: tuple[StringsEntry, ...]
    comments: tuple[tuple[int, int], ...] = ()  # every comment's span, in order

    def header(self) -> str:
        """What comes before the first entry's block: the file's header comment."""
        return self.text[: self.entries[0].block[0]] if self.entries else self.text

    def note(self, entry: StringsEntry) -> str:
        """The comment lines just above ``entry`` ("" where it has none)."""
        return self.text[entry.block[0] : entry.line]

    def line_rest(self, entry: StringsEntry) -> str:
        """What follows ``entry``'s value on its line: its ``;`` and any comment after it."""
        value_end, end = entry.value_span[1], entry.block[1]
        newline = self.text.find("\n", value_end, end)
        rest = self.text[value_end : end if newline < 0 else newline]
        return rest.removesuffix("\r")

    def encode(self, text: str) -> bytes:
        if self.encoding.startswith("utf-16"):
            return "\ufeff".encode(self.encoding) + text.encode(self.encoding)
        return text.encode(self.encoding)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    marked = byte_order_mark(data)
    encoding = marked[1] if marked else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: byte {exc.start} is not valid {encoding.upper().removesuffix('-SIG')}; "
            "an Apple .strings file is UTF-8 or UTF-16 with a byte order mark"
        ) from exc
    return text.removeprefix("\ufeff"), encoding


class _Reader:
    """The tokenizer: entries and comments, with the position of any error."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path
        self.at = 0
        self.comments: list[tuple[int, int]] = []  # every comment's span, in order

    def fail(self, problem: str, at: int | None = None) -> InputError:
        at = self.at if at is None else at
        line = self.text.count("\n", 0, at) + 1
        column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        return InputError(f"{self.path}:{line}:{column}: {problem} ({WHAT})")

    def skip(self) -> tuple[int, int] | None:
        """Skip whitespace and comments; returns where the last comment began and ended (None
        if there was none)."""
        comment = None
        while True:
            found = _SPACE.match(self.text, self.at)
            if found:
                self.at = found.end()
            if self.text.startswith("/*", self.at):
                end = self.text.find("*/", self.at + 2)
                if end < 0:
                    raise self.fail("a /* comment is never closed")
                comment, self.at = (self.at, end + 2), end + 2
                self.comments.append(comment)
            elif self.text.startswith("//", self.at):
                end = self.text.find("\n", self.at)
                end = len(self.text) if end < 0 else end
                comment, self.at = (self.at, end), end
                self.comments.append(comment)
            else:
                return comment

    def token(self, what: str) -> tuple[str, int, int]:
        """A quoted (in double or single quotes) or unquoted string: its value, start and
        end."""
        start = self.at
        quote = self.text[start : start + 1]
        if quote in ('"', "'"):
            return self._quoted(quote), start, self.at
        found = _UNQUOTED.match(self.text, start)
        if not found:
            shown = self.text[start : start + 1] or "the end of the file"
            raise self.fail(f"expected {what} in quotes, found {shown!r}")
        self.at = found.end()
        return found.group(), start, self.at

    def _quoted(self, quote: str) -> str:
        start = self.at
        parts: list[str] = []
        at = start + 1
        text = self.text
        while True:
            found = (text.find(quote, at), text.find("\\", at))
            end = min((i for i in found if i >= 0), default=-1)
            if end < 0:
                raise self.fail("a quoted string is never closed", start)
            parts.append(text[at:end])
            if text[end] == quote:
                self.at = end + 1
                return "".join(parts)
            at = self._escape(end, parts)

    def _escape(self, at: int, parts: list[str]) -> int:
        """Decode the escape at ``at`` (a backslash) into ``parts``; returns where it ends."""
        text = self.text
        letter = text[at + 1 : at + 2]
        if letter == "U":
            digits = text[at + 2 : at + 6]
            if not re.fullmatch(r"[0-9A-Fa-f]{4}", digits):
                raise self.fail("\\U must be followed by 4 hexadecimal digits", at)
            parts.append(chr(int(digits, 16)))
            return at + 6
        octal = re.match(r"[0-7]{1,3}", text[at + 1 : at + 4])
        if octal:
            parts.append(chr(int(octal.group(), 8)))
            return at + 1 + octal.end()
        if not letter:
            raise self.fail("a quoted string is never closed", at)
        parts.append(_ESCAPES.get(letter, letter))
        return at + 2

    def expect(self, sign: str, after: str, other: str = "") -> None:
        """Skip to ``sign`` and past it; ``other``: what else may come there, for the error."""
        self.skip()
        if not self.text.startswith(sign, self.at):
            found = self.text[self.at : self.at + 1]
            shown = repr(found) if found else "the end of the file"
            raise self.fail(f"expected {sign!r}{other} after {after}, found {shown}")
        self.at += 1

    def ends_entry(self) -> bool:
        """Whether a ``;`` comes next (after whitespace and comments), ending an entry written
        ``"key";``; if so, skips past it."""
        self.skip()
        if not self.text.startswith(";", self.at):
            return False
        self.at += 1
        return True


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _after_line(text: str, at: int) -> int:
    """The end of the line holding ``at`` and of the blank lines after it."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end + 1
    while True:
        found = _EMPTY_LINE.match(text, end)
        if not found:
            return end
        end = found.end()


def parse_strings(data: bytes, path: Path) -> StringsFile:
    """The entries of a ``.strings`` file's bytes; a malformed file is an :class:`InputError`."""
    text, encoding = _decode(data, path)
    reader = _Reader(text, path)
    entries: list[StringsEntry] = []
    previous_end = 0
    while True:
        comment = reader.skip()
        if reader.at >= len(text):
            break
        key, key_start, key_end = reader.token("a key")
        shown = key if len(key) <= 40 else key[:37] + "..."
        shortcut = reader.ends_entry()  # "Cancel"; is "Cancel" = "Cancel";
        if shortcut:
            value, value_start, value_end = key, key_end, key_end
        else:
            reader.expect("=", f"the key {shown!r}", other=" or ';'")
            reader.skip()
            value, value_start, value_end = reader.token("a value")
            reader.expect(";", f"the value of {shown!r}")
        start = _line_start(text, key_start)
        if comment is not None and not _BLANK_LINE.search(text, comment[1], key_start):
            start = _line_start(text, comment[0])  # the comment just above is the entry's note
        start = max(start, previous_end)
        line_end = text.find("\n", reader.at)
        rest = text[reader.at : len(text) if line_end < 0 else line_end]
        end = _after_line(text, reader.at) if _NOTHING_MORE.fullmatch(rest) else reader.at
        line = max(_line_start(text, key_start), start)
        span = (value_start, value_end)
        entries.append(StringsEntry(key, value, (start, end), span, line, shortcut))
        previous_end = end
    return StringsFile(text, encoding, tuple(entries), tuple(reader.comments))


def _not_translated(parsed: StringsFile) -> set[str]:
    """The keys of ``parsed``'s entries that Smartling's ``/* smartling.sltrans = notranslate
    */`` comments say not to translate (:mod:`ltmt.formats.smartling_directives`); a key
    defined twice as its last definition says."""
    comments = iter(parsed.comments)
    comment = next(comments, None)
    translates, found = True, {}
    for entry in parsed.entries:
        while comment is not None and comment[0] < entry.value_span[0]:
            translates = translates_after(parsed.text[slice(*comment)], translates)
            comment = next(comments, None)
        found[entry.key] = translates
    return {key for key, translated in found.items() if not translated}


def escape_value(text: str) -> str:
    """``text`` as a quoted ``.strings`` value (Xcode's escapes; other control characters as
    ``\\U`` escapes)."""

    def written(found: re.Match[str]) -> str:
        char = found.group()
        return _WRITTEN.get(char) or f"\\U{ord(char):04x}"

    return '"' + _TO_ESCAPE.sub(written, text) + '"'


def _entries_written(data: bytes, path: Path) -> tuple[str, Counter[str], str]:
    """A ``.strings`` file's text before its first entry, its entries as written (each with
    the comment above it), counted, and its text after the last, to compare with another's."""
    parsed = parse_strings(data, path)
    if not parsed.entries:
        return parsed.text.strip(), Counter(), ""
    text = parsed.text
    blocks = Counter(text[start:end].strip() for start, end in (e.block for e in parsed.entries))
    head = text[: parsed.entries[0].block[0]].strip()
    return head, blocks, text[parsed.entries[-1].block[1] :].strip()


# Info.plist keys whose value is the app's name, which the translation of an InfoPlist.strings
# copies (module docstring); in any other .strings file they are keys like any other
APP_NAME_KEYS = frozenset({"CFBundleDisplayName", "CFBundleName"})
INFO_PLIST_STRINGS = "InfoPlist.strings"


class AppleStringsDocument(KeyedCatalog):
    """A ``Localizable.strings`` to translate into the target language's (module docstring)."""

    format = "strings"
    what = WHAT
    leaves_out_values_not_text = True  # the app reads the source file's

    def __init__(self, path: Path, data: bytes) -> None:
        self.parsed = parse_strings(data, Path(path))
        last = {entry.key: entry for entry in self.parsed.entries}
        twice = [key for key, n in Counter(e.key for e in self.parsed.entries).items() if n > 1]
        if twice:
            logger.warning(
                "%s: %s defined more than once (%s); the last definition is translated, as "
                "the app reads it",
                path,
                counted(len(twice), "key"),
                first_few(twice),
            )
        super().__init__(
            path, [Entry(key, key, entry.value) for key, entry in last.items() if entry.value]
        )
        self.app_name_keys = APP_NAME_KEYS if Path(path).name == INFO_PLIST_STRINGS else frozenset()
        self.translations.update(
            {entry.key: entry.source for entry in self.entries if entry.key in self.app_name_keys}
        )
        self.copy_as_source(_not_translated(self.parsed))

    def is_text(self, entry: Entry) -> bool:
        """Whether ``entry`` is text to translate: not the app's name (an InfoPlist.strings'
        :data:`APP_NAME_KEYS`), which is copied, nor empty."""
        return entry.key not in self.app_name_keys and super().is_text(entry)

    @classmethod
    def open(cls, path: Path, **_: Any) -> AppleStringsDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def read_values(self, path: Path) -> dict[str, str]:
        return {e.key: e.value for e in parse_strings(read_bytes(path, WHAT), path).entries}

    def same_content(self, existing: bytes, rendered: bytes) -> bool:
        """The same entries, each with the comment above it, as written, in any order."""
        return _entries_written(existing, self.path) == _entries_written(rendered, self.path)

    def render(self) -> bytes:
        text = self.parsed.text
        adopted = self._adopted_file()
        theirs = {e.key: e for e in adopted.entries} if adopted is not None else {}
        parts: list[str] = []
        at = 0
        for entry in self.parsed.entries:
            start, end = entry.block
            parts.append(text[at:start])
            translation = self.translations.get(entry.key)
            if translation is not None:
                found = theirs.get(entry.key)
                parts.append(self._written(entry, translation, adopted, found))
            at = end
        parts.append(text[at:])
        if adopted is not None and adopted.header().strip():
            parts[0] = adopted.header()  # the translator's
        written = "".join(parts)
        if self.extras and self.adopted_from is not None:
            written = self._with_extras(written)
        # the translation so far keeps its encoding (a UTF-8 one stays UTF-8 beside a UTF-16
        # source: git and the tools around it read it as they did)
        return (adopted or self.parsed).encode(written)

    def _adopted_file(self) -> StringsFile | None:
        """The translation so far, where there is one."""
        if self.adopted_from is None:
            return None
        return parse_strings(read_bytes(self.adopted_from, WHAT), self.adopted_from)

    def _written(
        self,
        entry: StringsEntry,
        translation: str,
        adopted: StringsFile | None,
        found: StringsEntry | None,
    ) -> str:
        """``entry``'s block with ``translation`` for its value, and the comments that ``found``
        (its entry in ``adopted``, the translation so far) has, its note and the comment after
        it, in place of the source file's."""
        parsed, text = self.parsed, self.parsed.text
        note, rest = parsed.note(entry), parsed.line_rest(entry)
        if adopted is not None and found is not None:
            note = adopted.note(found) if adopted.note(found).strip() else note
            # after a value, only its ";" and comments: a "/" is a comment's
            rest = adopted.line_rest(found) if "/" in adopted.line_rest(found) else rest
        value_start, value_end = entry.value_span
        line_end = value_end + len(parsed.line_rest(entry))  # then the blank lines after it
        return "".join(
            (
                note,
                text[entry.line : value_start],
                " = " if entry.shortcut else "",  # "Cancel"; gets its value written out
                escape_value(translation),
                rest,
                text[line_end : entry.block[1]],
            )
        )

    def _with_extras(self, written: str) -> str:
        """``written`` with the blocks of the adopted output's own keys after it."""
        assert self.adopted_from is not None
        adopted = parse_strings(read_bytes(self.adopted_from, WHAT), self.adopted_from)
        blocks = [adopted.text[slice(*e.block)] for e in adopted.entries if e.key in self.extras]
        if written and not written.endswith("\n"):
            written += "\n"
        for block in blocks:
            separated = written.endswith("\n\n") or not written
            written += ("" if separated else "\n") + block
        return written
