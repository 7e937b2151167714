"""Joomla's INI language files (``language/en-GB/com_example.ini`` →
``language/de-DE/com_example.ini``) as a keyed catalog (:mod:`ltmt.formats.keyed_catalog`).

A line is ``KEY="value"`` (``KEY = "value"``: the spacing is kept), a ``;`` comment, a blank
line or a ``[section]``. Joomla 4 and 5 read a value only in double quotes; a quote inside is
written ``\\"`` (or Joomla 3's ``"_QQ_"``); other backslash sequences (``\\n``) are kept as
written, and the text is UTF-8 (no ``\\uXXXX``: PHP shows those as written). The model and
the memory get the text between the quotes with its quotes unescaped. A value not in double
quotes (``key = value``, a ``setup.cfg``-style INI, Windows' ``desktop.ini``) or a line of no
kind above makes no Joomla language file: refused with its line, saying that ``--format
properties`` reads other INI files (or, of a desktop entry, that ``--format desktop`` reads it:
:mod:`ltmt.formats.desktop_entry`); a value with a bare quote inside is refused too: Joomla
cannot read it. A folder run takes a ``.ini`` for Joomla's only where its keys are Joomla's
upper-case ones (:func:`has_joomla_keys`): a configuration's ``app.ini``, ``php.ini`` or
``desktop.ini`` is skipped without a warning, counted among the files of no format.

The output is the source file line for line, byte for byte (its byte order mark and line ends
too), but the values translated: written in double quotes, each quote inside as ``\\"``, or as
``"_QQ_"`` where the source's value wrote it so. A key left untranslated (an empty value) keeps
the source's line: Joomla shows a missing key's name, not the English. Where the output exists
already (the translation so far), the lines of the keys it translated are kept as it has them,
byte for byte, and its own keys after the source's.

A key defined twice is read as PHP's ``parse_ini_string`` reads it: the last definition, with
a warning that names it; its strings make no memory pairs.
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

WHAT = "a Joomla INI language file"
# what to do with an INI file of another kind (a Python or PHP configuration's)
_OTHER_INI = "translate another INI file with --format properties"
# ... and with a freedesktop.org desktop entry, which properties would break (its groups and
# keys translated, its other languages' lines read as text): ltmt.formats.desktop_entry
_DESKTOP_ENTRY = "it is a desktop entry: translate it with --format desktop"
_DESKTOP_GROUP = re.compile(rb"^\s*\[Desktop (?:Entry|Action [^\]]*)\]", re.MULTILINE)
QQ = '"_QQ_"'  # Joomla 3's quote inside a value, which Joomla 4 and 5 still read
# KEY = value: the key, the sign and the spaces around it (kept), the value, spaces after it
_KEY_LINE = re.compile(r"(?P<head>\s*(?P<key>[^\s=;\[][^=]*?)\s*=\s*)(?P<value>.*?)(?P<tail>\s*)")
# a quoted value's inside, as Joomla reads it: no bare quote
_INSIDE = re.compile(r'(?:[^"\\]|\\.|"_QQ_")*')
_QUOTES = re.compile(r'\\"|"_QQ_"')
# what a translation's quote (and a backslash that would escape the closing one) is written as
_TO_ESCAPE = re.compile(r'\\.|"|\\$')


@dataclass(frozen=True)
class IniLine:
    """A line of the file: ``text`` as written (with its end); for a key's line, ``key``,
    ``head`` (up to the opening quote), ``raw`` (the value as written, between its quotes),
    ``tail`` (after the closing quote, the line end included)."""

    text: str
    key: str = ""
    head: str = ""
    raw: str = ""
    tail: str = ""

    @property
    def value(self) -> str:
        """The value as Joomla shows it: its quotes unescaped."""
        return _QUOTES.sub('"', self.raw)

    def written(self, translation: str) -> str:
        """This line with ``translation`` for its value, its quotes written as this value's."""
        quote = QQ if QQ in self.raw else '\\"'

        def escaped(found: re.Match[str]) -> str:
            mark = found.group()
            return quote if mark == '"' else "\\\\" if mark == "\\" else mark

        return f'{self.head}"{_TO_ESCAPE.sub(escaped, translation)}"{self.tail}'


def parse_ini(data: bytes, path: Path) -> list[IniLine]:
    """The lines of ``data`` (the file ``path``); an :class:`InputError` at the first line
    Joomla cannot read."""
    lines = []
    other = _other_ini(data, path)
    for number, text in enumerate(utf8_text(data, path).splitlines(keepends=True), 1):
        mark = "\ufeff" if number == 1 and text.startswith("\ufeff") else ""
        body = text[len(mark) :].rstrip("\r\n")
        bare = body.strip()
        if not bare or bare.startswith(";") or (bare.startswith("[") and bare.endswith("]")):
            lines.append(IniLine(text))
            continue
        found = _KEY_LINE.fullmatch(body)
        if found is None:
            raise NotMessageFileError(
                f"{path}:{number}",
                f'not a line of {WHAT} (KEY="value", a ; comment or a [section]): {bare}',
                other,
            )
        key, value = found.group("key"), found.group("value")
        if len(value) < 2 or value[0] != '"' or value[-1] != '"':
            raise NotMessageFileError(
                f"{path}:{number}",
                f"the value of {key} is not in double quotes, as Joomla writes every value "
                f'({key}="..."): not a Joomla language file, or one to quote that value in',
                other,
            )
        if _INSIDE.fullmatch(value[1:-1]) is None:
            raise InputError(
                f'{path}:{number}: the value of {key} holds a bare " inside its quotes, which '
                f'Joomla cannot read; write it as \\" or "_QQ_"'
            )
        lines.append(
            IniLine(
                text,
                key,
                mark + found.group("head"),
                value[1:-1],
                found.group("tail") + text[len(mark) + len(body) :],
            )
        )
    return lines


def _other_ini(data: bytes, path: Path) -> str:
    """What to do with ``data`` (the file ``path``), which is no Joomla language file."""
    desktop = Path(path).suffix.lower() in (".desktop", ".directory")
    return _DESKTOP_ENTRY if desktop or _DESKTOP_GROUP.search(data) else _OTHER_INI


# a Joomla language key: upper case, as Joomla requires (COM_TASKS_TITLE, MOD_X.LABEL)
_JOOMLA_KEY = re.compile(r"[A-Z0-9_.-]+")


def has_joomla_keys(path: Path) -> bool:
    """Whether the ``.ini`` file ``path`` names its values with Joomla's keys only (and has
    one): a folder's ``app.ini``, ``php.ini`` or ``desktop.ini`` is a configuration, no
    language file. Unreadable files are left for the run to refuse (True)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return True
    keys = []
    for line in text.splitlines():
        bare = line.strip()
        if not bare or bare.startswith(";") or (bare.startswith("[") and bare.endswith("]")):
            continue
        found = _KEY_LINE.fullmatch(bare)
        if found is None or not _JOOMLA_KEY.fullmatch(found.group("key")):
            return False
        keys.append(found.group("key"))
    return bool(keys)


def _values(lines: list[IniLine]) -> dict[str, str]:
    """The values by key, a key's last definition's (the one Joomla reads)."""
    return {line.key: line.value for line in lines if line.key}


class JoomlaIniDocument(KeyedCatalog):
    """A Joomla ``.ini`` language file to translate into the target language's (module
    docstring)."""

    format = "ini"
    what = WHAT

    def __init__(self, path: Path, data: bytes) -> None:
        self.lines = parse_ini(data, path)
        self.names_defined_twice = tuple(repeated(line.key for line in self.lines if line.key))
        warn_defined_twice(path, self.names_defined_twice, "last definition, as Joomla reads it,")
        values = _values(self.lines)
        super().__init__(path, [Entry(key, key, text) for key, text in values.items()])

    @classmethod
    def open(cls, path: Path, **_: Any) -> JoomlaIniDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def read_values(self, path: Path) -> dict[str, str]:
        return _values(parse_ini(read_bytes(path, WHAT), path))

    def read_translation(self, path: Path) -> TranslatedFile:
        lines = parse_ini(read_bytes(path, WHAT), path)
        return TranslatedFile(
            _values(lines), defined_twice=repeated(line.key for line in lines if line.key)
        )

    def render(self) -> bytes:
        adopted: list[IniLine] = []
        if self.adopted_from is not None:
            adopted = parse_ini(read_bytes(self.adopted_from, WHAT), self.adopted_from)
        theirs = {line.key: line for line in adopted if line.key}
        last = {line.key: line for line in self.lines if line.key}
        parts = []
        for line in self.lines:
            text = self.translations.get(line.key) if line.key else None
            if text is None or last[line.key] is not line:  # an earlier definition: as written
                parts.append(line.text)
            elif line.key in theirs and theirs[line.key].value == text:
                parts.append(theirs[line.key].text)  # the translator's line, as they wrote it
            else:
                parts.append(line.written(text))
        extras = [line.text for line in adopted if line.key in self.extras]
        if extras and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        return "".join(parts + extras).encode("utf-8")
