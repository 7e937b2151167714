"""Localization tables in CSV: a header row that names a column for each language, and a row
for each string. Godot's translation files (``keys,en,de``), Unity's string table exports
(``Key,Id,English(en),German(de)``) and spreadsheets saved as CSV are written so.

``ltmt translate strings.csv -o strings.de.csv`` fills the target language's column where it is
empty (``--overwrite``: every row), adding the column at the end when the table has none, and
a table filled in place (``-o strings.csv``) also where ltmt wrote the row's translation for an
English changed since (:mod:`ltmt.formats.output_sources`, which a ``memory import`` of the table
asks too); the
first column, when it names no language (or is named ``id``), is each row's key, its context for
memory matches. A cell holding block HTML (a shop's ``<h3>…</h3><ul><li>…</li></ul>``) is
translated block by block and keeps its structure (:mod:`ltmt.formats.html_cells`).
``ltmt memory import strings.csv`` stores each row that has both languages, and ``ltmt memory
export -o memory.csv`` writes a table (``keys,en,de``, a pair's context as its key).

A column is a language's when its header is the language's code (``en``, ``en-US``, ``en_US``)
or ends with it in brackets (``English (en)``); a table with no column so named for the source
language may name them by the languages' names, in English or in themselves (``Key,English,
German``, ``Deutsch``: ``langcodes``'s lookup of CLDR's names), looked for only for the source
and target languages (a header misspelt for one of them, ``Germn`` or ``Englsh``, is named:
in a warning for the target's, whose column is then added, in the error for the source's). A
table without the source language's column may
name its columns by their role instead, as translation platforms export them (``key,source,target``;
Crowdin's ``Identifier,Source string,Translation``): the source column then holds ``--src-lang``
text and the target column gets ``--tgt-lang``'s. The file keeps its delimiter (``,``, ``;`` as
Excel writes in many languages, or a tab; the one that splits the header row, a tab in a ``.tsv``
file), its line ends and byte order mark; the rows ltmt does not fill are written back as they
were. Quotes are read and written as RFC 4180 has them: a cell with a delimiter, a quote or a
line end is quoted (``"``), and a quote in it doubled (``""``).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    atomic_write,
    decode,
    lang_matches,
    language_error,
    line_ending,
    primary_language,
    read_bytes,
)
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.language_detection import language_name
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a CSV table"
_BOM = "\ufeff"
_DELIMITERS = (",", ";", "\t")  # (Excel writes ; where a comma is the decimal sign)
# a header naming a language: its code (en, en-US, en_US, zh-Hans), or a name ending with the
# code in brackets (English (en), German(de))
_LANGUAGE_HEADER = re.compile(
    r"^\s*(?:[^()\[\]]*[(\[]\s*)?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*[)\]]?\s*$"
)


@dataclass(frozen=True)
class Columns:
    """Where a table keeps its languages: the source's and the target's column (None: it has
    none yet) and the key column (None: the first column names a language)."""

    source: int
    target: int | None
    key: int | None
    by_role: bool = False  # named source and target, not by their languages


# headers naming a column by its role (compared lower-cased, spaces and underscores as one)
SOURCE_HEADERS = frozenset(
    {"source", "source text", "source string", "source language", "original", "src", "msgid"}
)
TARGET_HEADERS = frozenset(
    {"target", "target text", "target string", "target language", "translation", "tgt", "msgstr"}
)
# headers naming the rows' keys (a first column so named is the keys, though id is a language)
KEY_HEADERS = frozenset({"id", "ids", "key", "keys", "identifier", "string id", "name"})


def _role(header: str) -> str:
    """A header as the role names are compared: lower case, spaces and underscores as one."""
    return " ".join(header.replace("_", " ").lower().split())


def _language(header: str) -> str | None:
    """The language a column's header names, or None. A bare header must be a code the C
    library knows (``locale.locale_alias``: ``en``, ``pt_BR``; not ``key`` or ``text``)."""
    import locale

    found = _LANGUAGE_HEADER.match(header)
    if found is None:
        return None
    code = found.group(1).replace("_", "-").lower()
    bracketed = "(" in header or "[" in header
    if not bracketed and (
        header.strip() != found.group(1) or primary_language(code) not in locale.locale_alias
    ):
        return None
    return code


def _first(languages: dict[int, str | None], language: str) -> int | None:
    """The first column of ``languages`` (by index) whose primary language is ``language``'s."""
    return next((i for i, found in languages.items() if found == primary_language(language)), None)


def _named_language(header: str) -> str | None:
    """The language (its primary code) that ``header`` names by its name, in English or in
    itself (``English``, ``German``, ``Deutsch``, ``Portuguese (Brazil)``: ``langcodes``, from
    CLDR's names), or None."""
    import langcodes

    text = header.strip()
    if not text or text.isdigit():
        return None
    try:
        found = langcodes.find(text)
    except LookupError:
        return None
    return primary_language(str(found.language)) if found.language else None


def find_columns(header: list[str], path: Path, src_lang: str, tgt_lang: str) -> Columns:
    """The columns of ``src_lang`` and ``tgt_lang`` named by ``header``; an error naming the
    languages the header has when it has no column for ``src_lang``."""
    languages = {index: _language(cell) for index, cell in enumerate(header)}

    def column(language: str) -> int | None:
        exact = [i for i, found in languages.items() if found == language.lower()]
        primary = primary_language(language)
        near = [i for i, found in languages.items() if lang_matches(found, primary)]
        return next(iter(exact or near), None)

    source, target = column(src_lang), column(tgt_lang)
    names: dict[int, str | None] = {}
    if source is None:  # named by the language's name? (English, German, Deutsch)
        names = {index: _named_language(cell) for index, cell in enumerate(header)}
        source = _first(names, src_lang)
        if source is not None and target is None:
            target = _first(names, tgt_lang)
    by_role = False
    if source is None:  # named by role?
        roles = [_role(cell) for cell in header]
        source = next((i for i, role in enumerate(roles) if role in SOURCE_HEADERS), None)
        if source is not None:
            by_role = True
            target = next((i for i, role in enumerate(roles) if role in TARGET_HEADERS), None)
    if source is None:
        found = [language for language in languages.values() if language]
        found = found or [language for language in names.values() if language]
        if not found:
            shown = ", ".join(header[:6]) + (" ..." if len(header) > 6 else "")
            raise InputError(
                f"{path}: no column of its header names a language or the source ({shown}); "
                f"name the source-language column {src_lang} and the target's {tgt_lang}, as "
                f"in keys,{src_lang},{tgt_lang}, or source and target"
            )
        _refuse_a_misspelt_source(header, path, src_lang)
        raise language_error(path, found, src_lang, tgt_lang)
    if target is None and not by_role:
        _warn_of_a_misspelt_target(header, path, tgt_lang)
    primary = primary_language(src_lang)
    others = [i for i, found in languages.items() if i != source and lang_matches(found, primary)]
    _warn_of_other_source_columns(header, path, source, others)
    # the first column is the rows' keys unless it names a language (``id`` is Indonesian's
    # code, but as a first column, the keys)
    keys = languages.get(0) is None or _role(header[0]) in KEY_HEADERS
    key = 0 if keys and 0 not in (source, target) else None
    return Columns(source, target, key, by_role)


def _misspelt(header: list[str], language: str) -> str | None:
    """The header cell that is a near-miss of ``language``'s name (``Germn``), or None."""
    from ltmt.terminology.glossary_columns import language_meant

    return next((cell for cell in header if language_meant(cell, (language,))), None)


def _refuse_a_misspelt_source(header: list[str], path: Path, src_lang: str) -> None:
    """An InputError naming the column misspelt for the source language (``Englsh``): the
    error that the file's languages are the other ones would send the user for a model."""
    cell = _misspelt(header, src_lang)
    if cell is not None:
        name = language_name(src_lang)
        raise InputError(
            f"{path}: no column names the source language {name}; column {cell!r} names no "
            f"language; did you mean {name}? Rename it {name} (or {src_lang})"
        )


def _warn_of_a_misspelt_target(header: list[str], path: Path, tgt_lang: str) -> None:
    """Warn of a column misspelt for the target language (``Germn``): its cells are not read
    and the translations go to a column added at the end."""
    cell = _misspelt(header, tgt_lang)
    if cell is not None:
        name = language_name(tgt_lang)
        logger.warning(
            "%s: column %r names no language; did you mean %s? Its cells are not read and the "
            "translations go to a new %s column; rename it %s (or %s) to fill it",
            path, cell, name, tgt_lang, name, tgt_lang,
        )  # fmt: skip


def _warn_of_other_source_columns(
    header: list[str], path: Path, source: int, others: list[int]
) -> None:
    """Warn that the source-language columns ``others`` (``Body (en)`` beside ``Title (en)``)
    are not translated: a table has one source column, ``source``."""
    if others:
        logger.warning(
            "%s: only column %r is translated; %s also %s the source language, and %s not "
            "translated (one source column per table); save each pair of columns as a table "
            "of its own",
            path, header[source], ", ".join(repr(header[i]) for i in others),
            "names" if len(others) == 1 else "name", "it is" if len(others) == 1 else "they are",
        )  # fmt: skip


def _cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


@dataclass
class _Table:
    """A CSV file read: its rows, each row's text as written, and how it is written."""

    rows: list[list[str]]
    raw: list[str]  # each row as written
    lines: list[int]  # the line each row starts on
    delimiter: str  # (the rest of the dialect is RFC 4180's: csv.excel)
    spaced: bool  # a space after each delimiter, read as none (key, "Hello, world")
    newline: str
    bom: bool


def _unclosed_quote(text: str, delimiter: str, spaced: bool = False) -> int | None:
    """The line of the row whose quoted cell runs to the end of ``text`` (a quote missing),
    else None: the lenient reader takes every later row into that cell, a strict one says
    "unexpected end of data"."""
    reader = csv.reader(
        io.StringIO(text, newline=""),
        csv.excel,
        delimiter=delimiter,
        skipinitialspace=spaced,
        strict=True,
    )
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return start
    return None


def _delimiter(path: Path, text: str) -> str:
    """The delimiter of ``text`` (the file at ``path``): a tab where the extension is ``.tsv``,
    else the one among ``,``, ``;`` and tab that splits the header row into the most cells (a
    comma where none splits it). Only the delimiter is guessed; the rest is RFC 4180
    (``csv.excel``): ``csv.Sniffer`` also guessed how quotes are escaped, and a cell such as
    ``"Say ""hi"", then go"`` made it take the doubled quotes for the cell's end, so the cell
    was cut at its comma."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = io.StringIO(text, newline="").readline()
    cells = {
        delimiter: len(next(csv.reader([header], csv.excel, delimiter=delimiter), []))
        for delimiter in _DELIMITERS
    }
    return max(_DELIMITERS, key=lambda delimiter: cells[delimiter])  # (ties: the first)


def _spaced(text: str, delimiter: str) -> bool:
    """Whether ``text``'s header row writes a space after each delimiter (``key, en, de``):
    its cells are then read without it, so that a quoted cell after one (``greet, "Hello,
    world"``) is one cell, as ``csv.Sniffer`` read it before only the delimiter was guessed."""
    header = io.StringIO(text, newline="").readline()
    cells = next(csv.reader([header], csv.excel, delimiter=delimiter), [])
    return len(cells) > 1 and all(cell.startswith(" ") for cell in cells[1:])


def _read_table(path: Path) -> _Table:
    data = read_bytes(path, WHAT)
    bom = data.startswith(_BOM.encode("utf-8"))
    text = decode(data, path)  # (without the byte order mark)
    newline = line_ending(text)
    delimiter = _delimiter(path, text)
    spaced = _spaced(text, delimiter)
    # the lines as the reader counts them (str.splitlines would also split at a form feed or a
    # line separator inside a cell, and the rows' texts would not be theirs)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(
        io.StringIO(text, newline=""), csv.excel, delimiter=delimiter, skipinitialspace=spaced
    )
    rows: list[list[str]] = []
    raw: list[str] = []
    starts: list[int] = []
    consumed = 0
    try:
        for row in reader:
            rows.append(row)
            raw.append("".join(lines[consumed : reader.line_num]))
            starts.append(consumed + 1)
            consumed = reader.line_num
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: malformed CSV: {exc}") from exc
    unclosed = _unclosed_quote(text, delimiter, spaced)
    if unclosed is not None:
        raise InputError(
            f"{path}:{unclosed}: a quoted cell that starts on this row is never closed, so it "
            'takes in every row after it; add the closing quote (")'
        )
    if not rows:
        raise InputError(f"{path}: an empty table; its first row names the columns (keys,en,de)")
    return _Table(rows, raw, starts, delimiter, spaced, newline, bom)


class CsvTable(TranslationsHeld):
    """A CSV localization table whose target-language column is filled (module docstring);
    its units' keys are their rows' numbers."""

    format = "csv"
    what_is_filled = "row"

    def __init__(self, path: Path, table: _Table, columns: Columns, tgt_lang: str) -> None:
        super().__init__()
        self.path = Path(path)
        self.table = table
        self.columns = columns
        self.tgt_lang = tgt_lang
        self._again: set[str] = set()  # rows translated again though they have a translation

    @classmethod
    def open(cls, path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any) -> CsvTable:
        table = _read_table(Path(path))
        return cls(
            Path(path), table, find_columns(table.rows[0], path, src_lang, tgt_lang), tgt_lang
        )

    def units(self) -> list[Unit]:
        return [
            Unit(str(number), source, _cell(row, self.columns.key))
            for number, row in enumerate(self.table.rows)
            if number and (source := _cell(row, self.columns.source)).strip()
        ]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [
            unit
            for unit in self.units()
            if overwrite or unit.key in self._again or not self._target(unit).strip()
        ]

    def held_translations(self) -> dict[str, str]:
        """The target column's texts and the translations filled since, by unit key: what
        the record of the table filled in place holds (:mod:`ltmt.formats.output_sources`)."""
        held = {unit.key: self._target(unit) for unit in self.units() if self._target(unit)}
        return held | self.translations

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the rows of ``keys`` pending: ltmt wrote their translation for an older source."""
        self._again.update(keys)

    def _with_target(self, row: list[str], text: str) -> list[str]:
        """``row`` with ``text`` in the target column; a column added goes after the header's
        last and before the cells a longer row has beyond it, which are kept."""
        if self.columns.target is None:
            return _inserted(row, len(self.table.rows[0]), text)
        column = self.columns.target
        cells = row + [""] * (column + 1 - len(row))
        cells[column] = text
        return cells

    def _warn_of_cells_beyond_the_header(self) -> None:
        """Warn once of the rows with more cells than the header names: the target column
        added after the header's last goes before their extra cells, which move one right."""
        width = len(self.table.rows[0])
        longer = [self.table.lines[n] for n, row in enumerate(self.table.rows) if len(row) > width]
        if longer:
            more = f" (and {counted(len(longer) - 1, 'more row')})" if len(longer) > 1 else ""
            logger.warning(
                "%s:%d: a row has more cells than the header names (%d)%s; the %s column is "
                "added after the header's last and their extra cells kept after it; give them "
                "a header to keep them in their columns",
                self.path, longer[0], width, more, self.tgt_lang,
            )  # fmt: skip

    def _target(self, unit: Unit) -> str:
        return _cell(self.table.rows[int(unit.key)], self.columns.target)

    def save(self, out_path: Path) -> None:
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, csv.excel, delimiter=self.table.delimiter, lineterminator=self.table.newline
        )
        added = self.columns.target is None  # the target's column is new: every row gets it
        if added:
            self._warn_of_cells_beyond_the_header()
        filled = {int(key): text for key, text in self.translations.items()}
        for number, row in enumerate(self.table.rows):
            if not added and number not in filled:
                buffer.write(self.table.raw[number])
                continue
            if number == 0 and added:
                cell = "target" if self.columns.by_role else self.tgt_lang
            else:
                cell = filled.get(number, "")
            writer.writerow(self._with_target(row, cell))
            if not self.table.raw[number].endswith(("\n", "\r")):
                buffer.seek(buffer.tell() - len(self.table.newline))
                buffer.truncate()  # the file's last row had no line end
        text = (_BOM if self.table.bom else "") + buffer.getvalue()
        atomic_write(Path(out_path), text.encode("utf-8"))


def _inserted(row: list[str], column: int, text: str) -> list[str]:
    """``row`` with ``text`` as its cell ``column`` (empty cells before it where the row is
    shorter) and its cells from ``column`` on after it: none is lost."""
    cells = row + [""] * (column - len(row))
    return [*cells[:column], text, *cells[column:]]


def read_csv_table(path: Path, src_lang: str = "en", tgt_lang: str = "de") -> Iterator[PairRecord]:
    """The rows of a CSV table with text in both languages' columns, as pairs."""
    table = CsvTable.open(Path(path), src_lang, tgt_lang)
    if table.columns.target is None:
        raise InputError(
            f"{path}: no {tgt_lang} column to import; a table's first row names each "
            f"language's column (keys,{src_lang},{tgt_lang})"
        )
    for number, row in enumerate(table.table.rows):
        source = _cell(row, table.columns.source)
        target = _cell(row, table.columns.target)
        if number and source.strip() and target.strip():
            key = _cell(row, table.columns.key)
            position = f"{path}:{table.table.lines[number]}"
            yield PairRecord(source, target, position, {"context": key} if key else {})


def write_csv_table(
    path: Path, records: Iterable[PairRecord], src_lang: str = "en", tgt_lang: str = "de"
) -> int:
    """Write pairs as a table, ``keys,en,de``: each pair's context (its key, where it has one)
    and its two texts; returns how many pairs."""
    from ltmt.formats.pairs import write_lines

    def rows() -> Iterator[list[str]]:
        yield ["keys", src_lang, tgt_lang]
        for record in records:
            yield [str(record.metadata.get("context", "") or ""), record.source, record.target]

    return write_lines(Path(path), map(_csv_line, rows())) - 1


def _csv_line(row: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()
