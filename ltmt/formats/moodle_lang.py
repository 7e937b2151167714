"""Moodle's language files (``lang/en/<component>.php`` → ``lang/de/<component>.php``) as a
keyed catalog (:mod:`ltmt.formats.keyed_catalog`).

A file is ``<?php``, comments (the licence and the ``Strings for component ...`` block), the
line ``defined('MOODLE_INTERNAL') || die();`` and one statement a string:
``$string['key'] = 'value';``. A single-quoted value knows two escapes, ``\\'`` and ``\\\\``; a
double-quoted one PHP's (``\\n``, ``\\"``, ``\\$`` ...), and PHP would fill a ``$a`` or ``{$a}``
in it as it reads the file, so such a value is refused (Moodle fills ``{$a}`` itself, in a
single-quoted value). A value made of several strings joined (``'a' . 'b'``) or of anything
but a string is refused too, with its line: ltmt would not know where its text goes.

The output keeps the source's lines around the strings (its ``<?php``, comments and
``defined(...)`` line; the ``language 'en'`` of the ``Strings for component`` comment names the
target language) and its keys in source order, each value written single-quoted (``'`` as
``\\'``, ``\\`` as ``\\\\``), as AMOS writes a language pack. A string left untranslated is left
out: Moodle shows the English for a string its language pack lacks. Where the output exists
already (the translation so far), the statements of the keys it translated are kept as it has
them, byte for byte, and its own keys after the source's.

A key assigned twice is read as PHP reads it, the last assignment, with a warning that names
it; its strings make no memory pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.common import read_bytes, utf8_text
from ltmt.formats.keyed_catalog import (
    Entry,
    KeyedCatalog,
    TranslatedFile,
    repeated,
    warn_defined_twice,
)
from ltmt.formats.registry import OTHER_PHP

WHAT = "a Moodle language file"
# a string of PHP, single- or double-quoted: each piece a character or an escape, so that no
# two ways to read a text backtrack against each other
_SINGLE = r"'(?:[^'\\]|\\.)*'"
_DOUBLE = r'"(?:[^"\\]|\\.)*"'
_STRING = rf"(?:{_SINGLE}|{_DOUBLE})"
_ASSIGNMENT = re.compile(
    rf"(?P<head>\$string\s*\[\s*(?P<key>{_STRING})\s*\]\s*=\s*)(?P<value>{_STRING})\s*;",
    re.DOTALL,
)
_ASSIGNMENT_START = re.compile(r"\$string\s*\[")
_OPEN_TAG = re.compile(r"<\?php\b")
_CLOSE_TAG = re.compile(r"\?>\s*\Z")
_SPACE = re.compile(r"\s+")
_COMMENT = re.compile(r"(?://|#)[^\n]*|/\*.*?\*/", re.DOTALL)
_DEFINED = re.compile(
    r"""defined\s*\(\s*(['"])MOODLE_INTERNAL\1\s*\)\s*(?:\|\||or)\s*die\s*(?:\(\s*\))?\s*;"""
)
# the file's own name for its language in its header (Strings for component 'x', language 'en')
_HEADER_LANGUAGE = re.compile(r"(Strings for component '[^'\n]*', language ')([^'\n]*)(')")
# PHP's escapes in a double-quoted string
_DOUBLE_ESCAPE = re.compile(
    r"\\(?:(?P<simple>[nrtvef\\$\"])|(?P<octal>[0-7]{1,3})|x(?P<hex>[0-9A-Fa-f]{1,2})"
    r"|u\{(?P<code>[0-9A-Fa-f]+)\})"
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "v": "\v", "e": "\x1b", "f": "\f"}
# a variable PHP fills into a double-quoted string: $a, {$a}, ${a} (not an escaped \$)
_INTERPOLATED = re.compile(r"(?<!\\)(?:\\\\)*(?:\$[A-Za-z_{]|\{\$)")


@dataclass(frozen=True)
class Statement:
    """A piece of the file: ``text`` as written; for a string's assignment, its ``key``,
    ``head`` (``$string['key'] = ``) and ``value`` (as Moodle shows it), and ``end``, the
    blanks after its ``;`` up to the line's end (left out with it)."""

    text: str
    key: str = ""
    head: str = ""
    value: str = ""
    end: str = ""


def _unquoted(literal: str, where: str) -> str:
    """The text of the PHP string ``literal`` (quotes included)."""
    inside = literal[1:-1]
    if literal[0] == "'":
        return re.sub(r"\\([\\'])", r"\1", inside)
    if _INTERPOLATED.search(inside):
        raise InputError(
            f"{where}: a double-quoted value with a $ in it, which PHP fills in as it reads the "
            "file; write the value in single quotes, as Moodle does for {$a}"
        )

    def unescaped(found: re.Match[str]) -> str:
        if found["simple"] is not None:
            return _SIMPLE.get(found["simple"], found["simple"])
        if found["octal"] is not None:
            return chr(int(found["octal"], 8) & 0xFF)
        if found["hex"] is not None:
            return chr(int(found["hex"], 16))
        return chr(int(found["code"], 16))

    return _DOUBLE_ESCAPE.sub(unescaped, inside)


def single_quoted(text: str) -> str:
    """``text`` as a single-quoted PHP string, as AMOS writes it: ``\\`` as ``\\\\``, ``'`` as
    ``\\'``."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def parse_moodle(data: bytes, path: Path) -> list[Statement]:
    """The statements of ``data`` (the file ``path``); an :class:`InputError` at the first one
    that no Moodle language file has."""
    text = utf8_text(data, path)
    if not _ASSIGNMENT_START.search(text):
        raise NotMessageFileError(str(path), f"not {WHAT}", OTHER_PHP)
    statements: list[Statement] = []
    position = 1 if text.startswith("\ufeff") else 0
    if position:
        statements.append(Statement("\ufeff"))
    while position < len(text):
        found = None
        for pattern in (_SPACE, _COMMENT, _OPEN_TAG, _DEFINED, _CLOSE_TAG):
            found = pattern.match(text, position)
            if found is not None:
                statements.append(Statement(found.group()))
                break
        if found is None:
            found = _ASSIGNMENT.match(text, position)
            if found is None:
                raise _not_read(text, position, path)
            where = f"{path}:{text.count(chr(10), 0, position) + 1}"
            end = re.match(r"[ \t]*(?:\r?\n)?", text[found.end() :])
            blanks = end.group() if end is not None else ""
            statements.append(
                Statement(
                    found.group(),
                    _unquoted(found["key"], where),
                    found["head"],
                    _unquoted(found["value"], where),
                    blanks,
                )
            )
            position = found.end() + len(blanks)
            continue
        position = found.end()
    return statements


def _not_read(text: str, position: int, path: Path) -> InputError:
    """The error for the statement at ``position`` of ``text``, which Moodle's files have not."""
    where = f"{path}:{text.count(chr(10), 0, position) + 1}"
    line = text[position:].split("\n", 1)[0].strip()
    if _ASSIGNMENT_START.match(text, position):
        head = re.match(rf"\$string\s*\[\s*{_STRING}\s*\]\s*=\s*{_STRING}\s*", text[position:])
        if head is not None and text[position + head.end() :].startswith("."):
            return InputError(
                f"{where}: a value joined from several strings ('...' . '...'), which ltmt "
                "cannot translate in parts; write it as one string"
            )
        return InputError(
            f"{where}: not a string in quotes ({line}); write $string['key'] = '...'; as "
            "Moodle's language files do"
        )
    return InputError(
        f"{where}: not a line of {WHAT} ($string['key'] = '...';, a comment or "
        f"defined('MOODLE_INTERNAL') || die();): {line}"
    )


def has_moodle_strings(path: Path) -> bool:
    """Whether the ``.php`` file ``path`` assigns Moodle's ``$string[...]`` (a folder's other
    PHP, Laravel's arrays or code, is skipped). Unreadable files are left for the run to refuse
    (True)."""
    try:
        return _ASSIGNMENT_START.search(path.read_bytes().decode("utf-8-sig")) is not None
    except (OSError, UnicodeDecodeError):
        return True


def _values(statements: list[Statement]) -> dict[str, str]:
    """The values by key, a key's last assignment's (the one PHP keeps)."""
    return {s.key: s.value for s in statements if s.head}


def _keys(statements: list[Statement]) -> list[str]:
    return [s.key for s in statements if s.head]


class MoodleLangDocument(KeyedCatalog):
    """A Moodle language file to translate into the target language's (module docstring)."""

    format = "moodle"
    what = WHAT

    def __init__(self, path: Path, data: bytes, tgt_lang: str | None = None) -> None:
        self.statements = parse_moodle(data, path)
        self.language = (tgt_lang or "").lower().replace("-", "_")
        self.names_defined_twice = tuple(repeated(_keys(self.statements)))
        warn_defined_twice(path, self.names_defined_twice, "last assignment, as PHP reads it,")
        values = _values(self.statements)
        super().__init__(path, [Entry(key, key, text) for key, text in values.items()])

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> MoodleLangDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang)

    def read_values(self, path: Path) -> dict[str, str]:
        return _values(parse_moodle(read_bytes(path, WHAT), path))

    def read_translation(self, path: Path) -> TranslatedFile:
        statements = parse_moodle(read_bytes(path, WHAT), path)
        return TranslatedFile(_values(statements), defined_twice=repeated(_keys(statements)))

    def _header(self, text: str) -> str:
        """A comment with the file's language named for the target's."""
        if not self.language:
            return text
        return _HEADER_LANGUAGE.sub(lambda m: m[1] + self.language + m[3], text)

    def render(self) -> bytes:
        adopted: list[Statement] = []
        if self.adopted_from is not None:
            adopted = parse_moodle(read_bytes(self.adopted_from, WHAT), self.adopted_from)
        theirs = {s.key: s for s in adopted if s.head}
        last = {s.key: s for s in self.statements if s.head}
        parts: list[str] = []
        closing: list[str] = []
        for statement in self.statements:
            if _CLOSE_TAG.fullmatch(statement.text):
                closing.append(statement.text)
                continue
            if not statement.head:
                parts.append(self._header(statement.text))
                continue
            text = self.translations.get(statement.key)
            if text is None or last[statement.key] is not statement:
                continue  # untranslated (Moodle shows the English), or assigned again later
            mine = theirs.get(statement.key)
            if mine is not None and mine.value == text:
                parts.append(mine.text + mine.end)  # the translator's statement, as written
            else:
                parts.append(statement.head + single_quoted(text) + ";" + statement.end)
        extras = [s.text + (s.end or "\n") for s in adopted if s.head and s.key in self.extras]
        if extras and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        return "".join(parts + extras + closing).encode("utf-8")
