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
translated block by block and keeps its structure (:mod:`ltmt.formats.html_cells`); one that
is a spreadsheet formula (``=CONCAT("Price: ", 100)``, ``=B2&" total"``) is left as written,
with a warning that counts them. A ``Max length`` column (``max_length``, ``Char limit``,
``Max chars``) gives its row's limit in characters, as an XLIFF ``maxwidth`` does: a row
translated longer is counted and named (:mod:`ltmt.formats.size_limits`), and qa's ``length``
check reads it.
A Magento dictionary (``i18n/de_DE.csv``) has no header: :mod:`ltmt.formats.magento_csv`.
``ltmt memory import strings.csv`` stores each row that has both languages (a row whose target
cell is empty is counted untranslated in its report), and ``ltmt memory
export -o memory.csv`` writes a table (``keys,en,de``, a pair's context as its key).

A column is a language's when its header is the language's code (``en``, ``en-US``, ``en_US``)
or ends with it in brackets (``English (en)``); a table with no column so named for the source
language may name them by the languages' names, in English or in themselves (``Key,English,
German``, ``Deutsch``: ``langcodes``'s lookup of CLDR's names), looked for only for the source
and target languages (a header misspelt for one of them, ``Germn`` or ``Englsh``, is named:
in a warning for the target's, whose column is then added, in the error for the source's);
a table with several source-language columns (``Title (en)``, ``Body (en)``) has each
translated into the target's column of the same name (``Title (de)``), and ``--columns``
names the columns to translate where the headers name no language (a shop's export,
``Title,Body (HTML)``: translated in place in the output's copy): :mod:`ltmt.formats.csv_columns`.
A table without the source language's column may
name its columns by their role instead, as translation platforms export them (``key,source,target``;
Crowdin's ``Identifier,Source string,Translation``): the source column then holds ``--src-lang``
text and the target column gets ``--tgt-lang``'s. The file keeps its delimiter (``,``, ``;`` as
Excel writes in many languages, or a tab; the one that splits the header row, a tab in a ``.tsv``
file), its line ends and byte order mark; the rows ltmt does not fill are written back as they
were, and so are the cells ltmt does not change in a row it fills (a quoted cell that need not
be, ``"Drink the potion."``, keeps its quotes). Quotes are read and written as RFC 4180 has
them: a cell with a delimiter, a quote or a line end is quoted (``"``), and a quote in it
doubled (``""``).
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats import magento_csv
from ltmt.formats.approved_units import TABLE_STATUS
from ltmt.formats.common import atomic_write, line_ending, read_bytes, utf8_text
from ltmt.formats.csv_columns import (
    Columns,
    Pair,
    added_header,
    cell_at,
    chosen_columns,
    find_header,
    limit_column,
    status_column,
    translates_in_place,
)
from ltmt.formats.documents import Unit
from ltmt.formats.excel_cells import guarded, is_excel_export, unguarded
from ltmt.formats.language_rows import LanguageRows, language_rows
from ltmt.formats.not_read import UNTRANSLATED, NotRead
from ltmt.formats.size_limits import LengthsChecked
from ltmt.formats.table_record_keys import pair_key, recorded_as, row_name
from ltmt.formats.yarn_tables import refuse_a_string_table
from ltmt.paths import resolved
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a CSV table"
_BOM = "\ufeff"
_DELIMITERS = (",", ";", "\t")  # (Excel writes ; where a comma is the decimal sign)
_SEPARATOR_LINE = re.compile(r"\ufeff?sep=(.)")  # Excel's first line naming the delimiter


# a spreadsheet formula (=CONCAT("Price: ", 100), =B2&" total"): its quotes and references
# are the spreadsheet's, which a translation breaks. = and a function call, a cell reference
# (B2, $A$1, Sheet1!A1, 'My sheet'!A1) or a string joined by &; any other = starts text
# (=== Chapter 1 ===, => Next step, =) Thanks!, ="Quoted" text, =5% off today)
_FORMULA = re.compile(
    r"""=\s*(?:
        [A-Za-z_][\w.]*\(
      | (?:[A-Za-z_]\w*!|'[^']+'!)?\$?[A-Za-z]{1,3}\$?[0-9]+\b
      | "(?:[^"]|"")*"\s*&
    )""",
    re.VERBOSE,
)


def is_formula(text: str) -> bool:
    """Whether the cell ``text`` is a spreadsheet formula, left as written."""
    return _FORMULA.match(text) is not None


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
    # tab-separated without a quoted cell: each cell as written, "Premium" Support's quotes too
    literal: bool = False


# a cell quoted whole, as Excel and Google Sheets write a tab-separated cell that holds a tab,
# a line end or a quote: where a tab-separated file has none, its quotes are text
_QUOTED_CELL = re.compile(r'(?:^|\t)"(?:[^"]|"")*"(?=\t|\r|\n|\Z)', re.M)


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


def table_delimiter(path: Path, text: str) -> str:
    """The delimiter of ``text`` (the file at ``path``): a tab where the extension is ``.tsv``,
    else the one among ``,``, ``;`` and tab that splits the header row into the most cells (a
    comma where none splits it). Only the delimiter is guessed; the rest is RFC 4180
    (``csv.excel``): ``csv.Sniffer`` also guessed how quotes are escaped, and a cell such as
    ``"Say ""hi"", then go"`` made it take the doubled quotes for the cell's end, so the cell
    was cut at its comma."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = io.StringIO(text, newline="").readline()
    cells = {delimiter: len(_header_cells(header, delimiter)) for delimiter in _DELIMITERS}
    return max(_DELIMITERS, key=lambda delimiter: cells[delimiter])  # (ties: the first)


def excel_separator_line(text: str) -> tuple[str, str | None]:
    """``text`` with Excel's ``sep=;`` first line (which names the delimiter and is no row)
    left blank, so that the rows keep their line numbers, and the delimiter it names; ``text``
    and None where it has none."""
    first, newline, rest = text.partition("\n")
    found = _SEPARATOR_LINE.fullmatch(first.removesuffix("\r"))
    if found is None:
        return text, None
    return first[len(found.group(0)) :] + newline + rest, found.group(1)


def _header_cells(header: str, delimiter: str) -> list[str]:
    """The cells of the row ``header`` split at ``delimiter``; none where a cell is longer than
    csv's limit (128 KiB), which is no header: :func:`_read_table` says so for its row."""
    try:
        return next(csv.reader([header], csv.excel, delimiter=delimiter), [])
    except csv.Error:
        return []


def _spaced(text: str, delimiter: str) -> bool:
    """Whether ``text``'s header row writes a space after each delimiter (``key, en, de``):
    its cells are then read without it, so that a quoted cell after one (``greet, "Hello,
    world"``) is one cell, as ``csv.Sniffer`` read it before only the delimiter was guessed."""
    header = io.StringIO(text, newline="").readline()
    cells = _header_cells(header, delimiter)
    return len(cells) > 1 and all(cell.startswith(" ") for cell in cells[1:])


def _utf8(data: bytes, path: Path) -> str:
    """``data`` as UTF-8; an error saying what it is and how to convert it where it is not
    (a CSV names no encoding: Excel's "CSV" is Windows-1252 in Western Europe), with Excel's
    own way beside iconv's."""
    try:
        return utf8_text(data, path)
    except InputError as exc:
        if "Windows-1252" not in str(exc):
            raise
        raise InputError(f'{exc}; or in Excel save it as "CSV UTF-8"') from exc


def _read_table(path: Path) -> _Table:
    data = read_bytes(path, WHAT)
    bom = data.startswith(_BOM.encode("utf-8"))
    text = _utf8(data, path).removeprefix(_BOM)
    newline = line_ending(text)
    delimiter = table_delimiter(path, text)
    spaced = _spaced(text, delimiter)
    # the lines as the reader counts them (str.splitlines would also split at a form feed or a
    # line separator inside a cell, and the rows' texts would not be theirs)
    lines = io.StringIO(text, newline="").readlines()
    literal = delimiter == "\t" and _QUOTED_CELL.search(text) is None
    reader = csv.reader(
        io.StringIO(text, newline=""),
        csv.excel,
        delimiter=delimiter,
        skipinitialspace=spaced,
        quoting=csv.QUOTE_NONE if literal else csv.QUOTE_MINIMAL,
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
    unclosed = None if literal else _unclosed_quote(text, delimiter, spaced)
    if unclosed is not None:
        raise InputError(
            f"{path}:{unclosed}: a quoted cell that starts on this row is never closed, so it "
            'takes in every row after it; add the closing quote (")'
        )
    if not rows:
        raise InputError(f"{path}: an empty table; its first row names the columns (keys,en,de)")
    return _Table(rows, raw, starts, delimiter, spaced, newline, bom, literal)


class CsvTable(LengthsChecked):
    """A CSV localization table whose target-language cells are filled (module docstring);
    a unit of its first pair of columns is keyed by its row's number, one of another pair by
    its row's and its column's (``3:2``)."""

    format = "csv"
    what_is_filled = "row"
    cell_emptied = True  # a row whose target cell is emptied is translated again

    def __init__(
        self,
        path: Path,
        table: _Table,
        columns: Columns,
        tgt_lang: str,
        header_row: int = 0,
        magento: bool = False,
        language_rows: LanguageRows | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.table = table
        self.columns = columns
        self.header_row = header_row  # (after a title row: 1; none: -1)
        # a Magento dictionary (no header; a translation that copies its source is
        # untranslated, and one written is quoted as Magento does: magento_csv)
        self.magento = magento
        self.tgt_lang = tgt_lang
        # a column names each row's language (ServiceNow's sys_translated_text): only the
        # source's rows are translated, into rows of the target's (language_rows)
        self.language_rows = language_rows
        self._again: set[str] = set()  # rows translated again though they have a translation
        self._formulas_told = False
        self._rows_note = ""  # what was done with the rows of each language (language_rows)
        # the rows translated longer than their Max length cell allows, each with what is
        # wrong (LengthLimited: counted in the run's summary)
        self.over_limit: dict[str, str] = {}

    @classmethod
    def open(
        cls,
        path: Path,
        src_lang: str = "en",
        tgt_lang: str = "de",
        columns: str | None = None,
        command: str = "translate",
        **_: Any,
    ) -> CsvTable:
        """The table at ``path``; ``columns``: the columns to translate, as ``ltmt translate
        --columns`` names them (:func:`~ltmt.formats.csv_columns.chosen_columns`), else those
        its header names for ``src_lang`` and ``tgt_lang`` (``command``: the one an error's
        example of ``--columns`` gives)."""
        table = _read_table(Path(path))
        if columns is not None:
            # (None from a caller naming no languages: the pair ltmt translates by default)
            src_lang, tgt_lang = src_lang or "en", tgt_lang or "de"
            chosen = chosen_columns(table.rows[0], Path(path), columns, command)
            yarn = _yarn_text_chosen(table.rows, chosen, Path(path), src_lang, tgt_lang)
            if yarn is not None:  # (its language cells retagged, as without --columns)
                return cls(Path(path), table, yarn, tgt_lang)
            rows = None
            # (a pair writing into a column of its own, value=value_de: the language column
            # describes the row and the target column is the output, as in any table)
            if all(pair.in_place for pair in chosen.pairs):
                in_place = [pair.source for pair in chosen.pairs]
                rows = language_rows(table.rows[0], table.rows, 1, in_place, src_lang, tgt_lang)
            return cls(Path(path), table, chosen, tgt_lang, language_rows=rows)
        if magento_csv.is_dictionary(Path(path), table.rows):
            return cls(Path(path), table, magento_csv.COLUMNS, tgt_lang, -1, magento=True)
        try:
            header_row, found = find_header(table.rows, Path(path), src_lang, tgt_lang, command)
        except InputError as error:
            misplaced = magento_csv.misplaced_dictionary(Path(path), table.rows)
            if misplaced is not None:  # (not a hint naming its first strings as columns)
                raise InputError(misplaced) from error
            raise
        return cls(Path(path), table, found, tgt_lang, header_row)

    @property
    def header(self) -> list[str]:
        """The header row's cells; none for a table without one (a Magento dictionary)."""
        return self.table.rows[self.header_row] if self.header_row >= 0 else []

    def units(self) -> list[Unit]:
        return [
            Unit(_key(number, index, pair), source, cell_at(row, self.columns.key))
            for number, row in enumerate(self.table.rows)
            if number > self.header_row
            for index, pair in enumerate(self.columns.pairs)
            if (source := cell_at(row, pair.source)).strip()
            and not is_formula(source)
            and (self.language_rows is None or self.language_rows.translates(number))
        ]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        self._warn_of_formulas()
        return [
            unit
            for unit in self.units()
            if overwrite or unit.key in self._again or self._untranslated(unit)
        ]

    def _untranslated(self, unit: Unit) -> bool:
        """Whether ``unit``'s target cell is empty, or in a Magento dictionary its source
        copied (``en_US.csv``'s rows)."""
        if self.magento:
            return magento_csv.untranslated(unit.source, self._target(unit))
        return not self._target(unit).strip()

    def review_notes(self) -> list[str]:
        return super().review_notes() + ([self._rows_note] if self._rows_note else [])

    def limit_at(self, key: str) -> tuple[int | None, str]:
        row = self._place(key)[0]
        limit = row_limit(self.header, self.table.rows[row])
        return limit, f"line {self.table.lines[row]}"

    def over_limit_said(self, count: int) -> str:
        """The note of the rows translated longer than their length limit's column allows."""
        column = _limit_name(self.header)
        return f"{counted(count, 'row')} translated longer than the {column} column allows"

    def limit_set_by(self, key: str) -> str:
        return _limit_set_by(self.header)

    def _warn_of_formulas(self) -> None:
        """Warn once of the source cells that are spreadsheet formulas: left as written."""
        lines = [
            self.table.lines[number]
            for number, row in enumerate(self.table.rows)
            if number > self.header_row
            for pair in self.columns.pairs
            if is_formula(cell_at(row, pair.source))
        ]
        if lines and not self._formulas_told:
            self._formulas_told = True
            logger.warning(
                "%s:%d: %s (starting with =, the first on this line) left as written, not "
                "translated; a text to translate goes in a cell of its own",
                self.path, lines[0], counted(len(lines), "source cell that is a spreadsheet "
                "formula", "source cells that are spreadsheet formulas"),
            )  # fmt: skip

    def held_translations(self) -> dict[str, str]:
        """The target column's texts and the translations filled since, by unit key: what
        the record of the table filled in place holds (:mod:`ltmt.formats.output_sources`)."""
        held = {unit.key: self._target(unit) for unit in self.units() if self._target(unit)}
        return held | self.translations

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the rows of ``keys`` pending: ltmt wrote their translation for an older source."""
        self._again.update(keys)

    def record_keys(self) -> dict[str, str]:
        """By unit key (its row's number), the key the record of what ltmt wrote into the
        table keeps it under: its row's key cell (:mod:`ltmt.formats.table_record_keys`), the
        key ``memory import`` reads, which a row inserted before it does not move."""
        rows = self.recorded_rows()
        return {unit.key: self.record_key_of(unit.key, rows) for unit in self.units()}

    def recorded_rows(self) -> dict[int, str]:
        """By row number, the record key of each row (:func:`~ltmt.formats.table_record_keys.
        recorded_as`)."""
        return recorded_as(
            [
                (number, cell_at(row, self.columns.key))
                for number, row in enumerate(self.table.rows)
                if number > self.header_row
            ]
        )

    def record_key_of(self, key: str, rows: dict[int, str]) -> str:
        """The record key of the unit ``key``, its row's in ``rows`` (:meth:`recorded_rows`)."""
        number, pair = self._place(key)
        return pair_key(rows[number], self.columns.pairs.index(pair), pair.source)

    def unit_name(self, key: str) -> str:
        """What warnings call the unit ``key``: its row's key cell, else its line
        (:func:`~ltmt.formats.table_record_keys.row_name`), not the row's number."""
        row = self._place(key)[0]
        return row_name(cell_at(self.table.rows[row], self.columns.key), self.table.lines[row])

    def unit_ids(self, keys: Iterable[str]) -> list[str]:
        """What warnings call the units of ``keys`` (:meth:`unit_name`), each row once."""
        return list(dict.fromkeys(self.unit_name(key) for key in keys))

    def _place(self, key: str) -> tuple[int, Pair]:
        """The row and the pair of columns of the unit ``key`` (:func:`_key`)."""
        row, _, column = key.partition(":")
        pairs = self.columns.pairs
        pair = next(p for p in pairs if str(p.source) == column) if column else pairs[0]
        return int(row), pair

    def _with_targets(self, row: list[str], cells: dict[int | None, str]) -> list[str]:
        """``row`` with ``cells`` in their columns; the column added (None) goes after the
        header's last and before the cells a longer row has beyond it, which are kept, as do
        the columns ``--columns`` adds for several pairs (:attr:`Columns.appended`)."""
        width, appended = len(self.header), len(self.columns.appended)
        if appended:  # (their cells after the header's last, a longer row's extra after them)
            row = row[:width] + [""] * (width - len(row)) + [""] * appended + row[width:]
        filled = row + [""] * (max((c + 1 for c in cells if c is not None), default=0) - len(row))
        for column, text in cells.items():
            if column is not None:
                filled[column] = text
        if None in cells:
            return _inserted(filled, len(self.header), cells[None])
        return filled

    def _row_line(self, number: int, cells: dict[int | None, str]) -> str:
        """Row ``number`` with ``cells`` filled in, as a line of the file: the cells it keeps
        as the file writes them (:func:`_written_cells`), the others quoted where they must
        be (:func:`_quoted`)."""
        row, table = self.table.rows[number], self.table
        values = self._with_targets(row, cells)
        written = _written_cells(table.raw[number], row, table.delimiter, table.spaced)
        # each cell's origin: its index in ``row``, or "" (filled in, added, or padding)
        origins = self._with_targets([str(i) for i in range(len(row))], dict.fromkeys(cells, ""))
        line = [
            value
            if table.literal
            else written[int(origin)]
            if written is not None and origin and value == row[int(origin)]
            else self._written(value, written)
            for origin, value in zip(origins, values, strict=True)
        ]
        return table.delimiter.join(line) + table.newline

    def _written(self, value: str, written: list[str] | None) -> str:
        """``value`` as a cell ltmt writes: quoted where it must be (:func:`_quoted`); in a
        Magento dictionary as its source cell is (``written``: the row's cells as written)."""
        if self.magento:
            return magento_csv.quoted(value, written[0] if written else "")
        return _quoted(value, self.table.delimiter, self.table.newline)

    def _warn_of_cells_beyond_the_header(self) -> None:
        """Warn once of the rows with more cells than the header names: the target column
        added after the header's last goes before their extra cells, which move one right."""
        width = len(self.header)
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
        """The translation the table holds for ``unit``: none where its column is translated
        in place (the cell holds its source)."""
        row, pair = self._place(unit.key)
        if pair.in_place and self.language_rows is not None:  # its target-language row's
            target = self.language_rows.targets.get(row)
            return "" if target is None else cell_at(self.table.rows[target], pair.source)
        if pair.in_place or (pair.target or 0) >= len(self.header) > 0:  # (a column added)
            return ""
        return cell_at(self.table.rows[row], pair.target)

    def _filled(self) -> dict[int, dict[int | None, str]]:
        """The translations, by row and by the column they go to (None: the one added)."""
        filled: dict[int, dict[int | None, str]] = {}
        for key, text in self.translations.items():
            row, pair = self._place(key)
            filled.setdefault(row, {})[pair.target] = text
        return filled

    def _refuse_to_translate_itself(self, out_path: Path) -> None:
        """An error where a column translated in place would be written over the input:
        its source would be lost, and a next run would translate the translations."""
        if resolved(out_path) == resolved(self.path) and any(
            pair.in_place for pair in self.columns.pairs
        ):
            raise InputError(
                f"{out_path}: columns translated in place are written into a copy of the table; "
                "give another output (-o products.de.csv)"
            )

    def save(self, out_path: Path) -> None:
        self._refuse_to_translate_itself(Path(out_path))
        buffer = io.StringIO()
        added = self.columns.pairs[0].target is None  # a new target column: every row gets it
        appended = self.columns.appended  # (new target columns of several pairs)
        if added or appended:
            self._warn_of_cells_beyond_the_header()
        filled = self._filled()
        new_rows: dict[int, dict[int | None, str]] = {}
        if self.language_rows is not None:  # (the source rows kept; their translations apart)
            filled, new_rows = self.language_rows.placed(filled)
            rows = {self._place(key)[0] for key in self.translations}
            into = len(rows & set(self.language_rows.targets))
            self._rows_note = self.language_rows.note(len(new_rows), into)
        if self.columns.language is not None:  # (Yarn's string table: each row's language)
            for number in range(self.header_row + 1, len(self.table.rows)):
                if cell_at(self.table.rows[number], self.columns.language).strip():
                    filled.setdefault(number, {})[self.columns.language] = self.tgt_lang
        header = "target" if self.columns.by_role else self.tgt_lang
        if added and self.columns.added is not None:  # (named by --columns)
            header = self.columns.added
        elif added and not self.columns.by_role:  # in the source column's style (German(de))
            source = self.header[self.columns.pairs[0].source]
            header = added_header(source, self.tgt_lang)
        for number in range(len(self.table.rows)):
            raw = self.table.raw[number]
            line = raw
            if added or appended or number in filled:
                cells = filled.get(number, {})
                if appended and number == self.header_row:
                    width = len(self.header)
                    names: dict[int | None, str] = {
                        width + i: name for i, name in enumerate(appended)
                    }
                    cells = names | cells
                if added:
                    added_cell: dict[int | None, str] = {
                        None: header if number == self.header_row else ""
                    }
                    cells = added_cell | cells
                line = self._row_line(number, cells)
            if number in new_rows:  # (a target-language row after its source row)
                line += "" if line.endswith(("\n", "\r")) else self.table.newline
                line += self._row_line(number, new_rows[number])
            if not raw.endswith(("\n", "\r")):
                line = line.removesuffix(self.table.newline)  # the file's last row had no end
            buffer.write(line)
        text = (_BOM if self.table.bom else "") + buffer.getvalue()
        atomic_write(Path(out_path), text.encode("utf-8"))


def _yarn_text_chosen(
    rows: list[list[str]], chosen: Columns, path: Path, src_lang: str, tgt_lang: str
) -> Columns | None:
    """A Yarn string table's columns where ``--columns`` (``chosen``) names its text column
    alone, translated in place: its language cells are then retagged, as without
    ``--columns`` (:mod:`ltmt.formats.yarn_tables`), not rows added; else None."""
    from ltmt.formats.yarn_tables import string_table_columns

    found = string_table_columns(rows[0], rows[1:], path, src_lang, tgt_lang)
    if found is None or chosen.pairs != (Pair(found[2], found[2]),):
        return None
    return Columns(chosen.pairs, found[1], language=found[0])


def row_limit(header: list[str], row: list[str]) -> int | None:
    """The length limit in characters ``row``'s Max length cell gives (the column
    :func:`~ltmt.formats.csv_columns.limit_column` finds in ``header``), or None: no such
    column, or no whole number in it (``n/a``, ``²``: a digit to ``isdigit`` that ``int``
    refuses)."""
    text = cell_at(row, limit_column(header)).strip()
    return int(text) if text.isdecimal() and int(text) > 0 else None


def _limit_name(header: list[str]) -> str:
    """The header of ``header``'s length limit column (``MaxChars``)."""
    column = limit_column(header)
    return header[column].strip() if column is not None else ""  # (none: no limits to name)


def _limit_set_by(header: list[str]) -> str:
    """What sets a row's length limit, as a note says it allows so many characters (``its
    row's MaxChars``: :func:`~ltmt.formats.size_limits.too_long_message`)."""
    return f"its row's {_limit_name(header)}"


def _quoted(text: str, delimiter: str, newline: str) -> str:
    """``text`` as the csv writer writes a cell: quoted where it holds ``delimiter``, a quote
    or a line end, its quotes doubled."""
    if not text:
        return ""  # (a row of one empty cell is written ``""``)
    buffer = io.StringIO()
    csv.writer(buffer, csv.excel, delimiter=delimiter, lineterminator=newline).writerow([text])
    return buffer.getvalue()[: -len(newline)]


def _written_cells(raw: str, row: list[str], delimiter: str, spaced: bool) -> list[str] | None:
    """The cells of ``raw`` (a row's lines as the file has them, read as ``row``) as written,
    quotes and all; None where they cannot be told apart so that each reads as its cell."""
    cells, start, quoted = [], 0, False
    text = raw.rstrip("\r\n")
    for at, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append(text[start:at])
            start = at + 1
    cells.append(text[start:])
    if len(cells) != len(row):
        return None
    for cell, value in zip(cells, row, strict=True):
        reader = csv.reader([cell], csv.excel, delimiter=delimiter, skipinitialspace=spaced)
        if (next(reader, None) or [""]) != [value]:
            return None
    return cells


def _key(row: int, index: int, pair: Pair) -> str:
    """A unit's key: its row's number in the table's first pair of columns (``index`` 0: the
    key a table of one pair always had), else its row's and its source column's, ``3:2``."""
    return str(row) if index == 0 else f"{row}:{pair.source}"


def _inserted(row: list[str], column: int, text: str) -> list[str]:
    """``row`` with ``text`` as its cell ``column`` (empty cells before it where the row is
    shorter) and its cells from ``column`` on after it: none is lost."""
    cells = row + [""] * (column - len(row))
    return [*cells[:column], text, *cells[column:]]


def read_csv_table(
    path: Path,
    src_lang: str = "en",
    tgt_lang: str = "de",
    columns: str | None = None,
    purpose: str = "imported",
    not_read: NotRead | None = None,
    source_file: Path | None = None,
) -> Iterator[PairRecord]:
    """The rows of a CSV table with text in both languages' columns, as pairs; ``columns``:
    the pairs of columns ``memory import --columns`` (or ``qa``'s: ``purpose`` ``checked``)
    names (``Line A=Line B``), or the columns translated in place (``Title,Body (HTML)``),
    whose sources are the cells of ``source_file``, the table translated, at the same row
    (:mod:`ltmt.formats.csv_in_place`). A row with a source and an empty target cell is
    counted into ``not_read`` as untranslated: an import of a half-filled table said ``0
    skipped`` of the 25 rows it left out."""
    command = "qa" if purpose == "checked" else "memory import"
    if columns is not None and translates_in_place(columns) and source_file is None:
        raise InputError(
            f"{path}: {command} --columns names each source column and its translation's "
            f'column, SOURCE=TARGET: --columns "{columns.split(",")[0].strip()}=..."'
        )
    table = CsvTable.open(Path(path), src_lang, tgt_lang, columns, command=command)
    if table.columns.language is not None:
        raise refuse_a_string_table(Path(path), tgt_lang)
    sources = table.table.rows
    if source_file is not None:  # (translated in place: its sources in the table translated)
        from ltmt.formats.csv_in_place import source_rows

        translated = CsvTable.open(Path(source_file), src_lang, tgt_lang, columns, command=command)
        sources = source_rows(table, translated)
    elif table.columns.pairs[0].in_place:  # Unreal's Key,SourceString,Comment
        raise InputError(
            f"{path}: an Unreal string table (Key,SourceString) holds one language, no "
            f"translations to read; import the {tgt_lang} .po file that Unreal's localization "
            "dashboard exports instead"
        )
    if table.columns.pairs[0].target is None:
        raise InputError(
            f"{path}: no {tgt_lang} column to import; a table's first row names each "
            f"language's column (keys,{src_lang},{tgt_lang})"
        )
    status = status_column(table.header)
    read = table.table
    # a memory export --excel: its cells that Excel would run as formulas have a ' before them
    text = unguarded if is_excel_export(read.bom, read.delimiter, read.rows[0]) else str
    header = table.header
    recorded = table.recorded_rows()  # (the keys the record of what ltmt wrote keeps)
    for number, row in enumerate(table.table.rows):
        for index, pair in enumerate(table.columns.pairs):
            source = text(cell_at(sources[number], pair.source))
            target = text(cell_at(row, pair.target))
            if number > table.header_row and source.strip() and not target.strip():
                if not_read is not None:
                    not_read.add(UNTRANSLATED)
                continue
            if number > table.header_row and source.strip() and target.strip():
                key = text(cell_at(row, table.columns.key))
                position = f"{path}:{table.table.lines[number]}"
                if table.magento and magento_csv.untranslated(source, target):
                    if purpose != "checked":  # (qa counts it untranslated: pending)
                        yield PairRecord(
                            source, target, position, unpaired=magento_csv.UNTRANSLATED
                        )
                    continue
                metadata: dict[str, Any] = {"context": key} if key else {}
                if status is not None:  # (memory import --reviewed-only: approved_units)
                    metadata[TABLE_STATUS] = cell_at(row, status).strip()
                limit = row_limit(header, row)
                if limit is not None:  # (qa's length check, which names the column)
                    metadata["max_length"] = limit
                    metadata["max_length_set_by"] = _limit_set_by(header)
                record_key = pair_key(recorded[number], index, pair.source)
                yield PairRecord(source, target, position, metadata, record_key=record_key)


def write_csv_table(
    path: Path,
    records: Iterable[PairRecord],
    src_lang: str = "en",
    tgt_lang: str = "de",
    excel: bool = False,
) -> int:
    """Write pairs as a table, ``keys,en,de``: each pair's context (its key, where it has one)
    and its two texts; returns how many pairs. ``excel``: as Excel opens it with a double
    click in a German (or other European) locale: UTF-8 with a byte order mark (without one
    Excel reads Windows-1252), ``;`` between cells (those locales' list separator; ``,`` puts
    each row in one column) and ``\r\n`` line ends, and a cell that Excel would run as a
    formula (``=SUM(A1)``, ``-5 %``) with a ``'`` before it (:mod:`ltmt.formats.excel_cells`);
    :func:`read_csv_table` reads it back as it was."""
    from ltmt.formats.pairs import write_lines

    delimiter, terminator = (";", "\r\n") if excel else (",", "\n")

    cell = guarded if excel else str

    def rows() -> Iterator[list[str]]:
        yield ["keys", src_lang, tgt_lang]
        for record in records:
            row = [str(record.metadata.get("context", "") or ""), record.source, record.target]
            yield [cell(text) for text in row]

    lines: Iterator[str] = (_csv_line(row, delimiter, terminator) for row in rows())
    if excel:
        lines = itertools.chain([_BOM + next(lines)], lines)
    return write_lines(Path(path), lines) - 1


def _csv_line(row: list[str], delimiter: str = ",", terminator: str = "\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=terminator).writerow(row)
    return buffer.getvalue()
