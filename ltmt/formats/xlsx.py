"""Excel workbooks translated into a workbook of the target language: ``ltmt translate
prices.xlsx -o prices.de.xlsx``.

A ``.xlsx`` (also ``.xlsm``, ``.xltx``, ``.xltm``) is translated as
:mod:`ltmt.formats.office_documents` says: every text a cell shows (the shared strings, and the
strings written in a cell), each with its formatting as tags
(:mod:`ltmt.formats.ooxml_paragraphs`; a string in one formatting is plain text, and markup in
it, a shop's ``<p>Soft <b>cotton</b></p>``, is markup, as in a CSV table's cell); the text of
shapes, charts and SmartArt diagrams on the sheets; the pictures' and shapes' descriptions and
titles; the workbook's title, subject and comments. Numbers, dates, formulas and their cached
results are not text and stay as they are, and so do the sheets' names (formulas name them),
the headers of a sheet's tables (Excel requires a table's header cells to say its columns'
names, and formulas name the columns: ``Prices[Item]``) and the cells whose text a formula or
a drop-down list compares against (``COUNTIF(B2:B5,"Shipped")``: translated, the formula counts
none; a warning names them). Hidden sheets are translated as visible ones are: they hold the
lists drop-downs offer and the tables a ``VLOOKUP`` reads, whose words must be the visible
cells' (left as written, a session-62 trial's lookups found nothing). Everything else is
copied as it was:
styles, formats, formulas, charts' data, pivot tables, comments.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from ltmt.formats.compared_text import formula_literals, key
from ltmt.formats.office_documents import DIAGRAMS, Layout, OfficeDocument, content_types
from ltmt.formats.ooxml_paragraphs import S_NS
from ltmt.formats.xlsx_tables import string_tables, warn_tables
from ltmt.wording import counted

logger = logging.getLogger(__name__)

S = f"{{{S_NS}}}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL = re.compile(r"([A-Z]+)(\d+)")
# a cell's formula, and a data validation's sources (a list's items)
_FORMULAS = (f"{S}f", f"{S}formula1", f"{S}formula2", f"{S}formula")
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")  # a sheet's name a formula need not quote
# the content types' endings of a workbook's main part: workbooks and templates, with macros or
# without
_MAIN = (
    "spreadsheetml.sheet.main+xml",
    "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml",
    "ms-excel.template.macroEnabled.main+xml",
)


def compared_cells(entries: Mapping[str, bytes], kinds: dict[str, str]) -> dict[str, str]:
    """The units whose text a formula or a drop-down list compares against
    (:mod:`ltmt.formats.compared_text`), by key: their text, which the document says in a
    warning once it is opened."""
    from lxml import etree

    sheets = [name for name, kind in kinds.items() if kind.endswith("worksheet+xml")]
    roots = {sheet: etree.fromstring(entries[sheet]) for sheet in sheets}
    formulas = (f.text or "" for root in roots.values() for f in root.iter(*_FORMULAS))
    literals = formula_literals(formulas)
    if not literals:
        return {}
    kept: dict[str, str] = {}
    strings = _shared_strings(kinds)
    if strings is not None:
        items = etree.fromstring(entries[strings]).iterchildren(f"{S}si")
        for number, item in enumerate(items):
            text = "".join(t.text or "" for t in item.iter(f"{S}t"))
            if key(text) in literals:
                kept[f"{strings}#p{number}"] = text
    for sheet, root in roots.items():
        for inline, written in enumerate(root.iter(f"{S}is")):
            text = "".join(t.text or "" for t in written.iter(f"{S}t"))
            if key(text) in literals:
                kept[f"{sheet}#p{inline}"] = text
    return kept


def _shared_strings(kinds: dict[str, str]) -> str | None:
    """The workbook's shared strings part (its name in the archive), or None."""
    return next((name for name, kind in kinds.items() if kind.endswith("sharedStrings+xml")), None)


def table_headers(entries: Mapping[str, bytes], kinds: dict[str, str]) -> frozenset[str]:
    """The keys of the units that are a table's header cells: shared strings
    (``xl/sharedStrings.xml#pN``) and strings written in a cell (``SHEET#pN``)."""
    from lxml import etree

    strings = _shared_strings(kinds)
    kept: set[str] = set()
    for sheet, kind in kinds.items():
        if not kind.endswith("worksheet+xml"):
            continue
        cells = {cell for table in _tables(entries, sheet) for cell in _header_cells(table)}
        if not cells:
            continue
        inline = 0
        for cell in etree.fromstring(entries[sheet]).iter(f"{S}c"):
            written = cell.find(f"{S}is")
            if cell.get("r") in cells and cell.get("t") == "s" and strings is not None:
                value = cell.findtext(f"{S}v") or ""
                if value.strip().isdecimal():
                    kept.add(f"{strings}#p{int(value)}")
            elif cell.get("r") in cells and written is not None:
                kept.add(f"{sheet}#p{inline}")
            inline += written is not None
    return frozenset(kept)


def _tables(entries: Mapping[str, bytes], sheet: str) -> list[Any]:
    """The table elements of ``sheet``'s tables (named by its relationships)."""
    from lxml import etree

    return [etree.fromstring(entries[path]) for path in _related(entries, sheet, "/table").values()]


def _related(entries: Mapping[str, bytes], part: str, kind: str) -> dict[str, str]:
    """The parts that ``part``'s relationships of the type ending in ``kind`` (``/table``)
    name, by the relationship's id: their paths in the archive (those it holds)."""
    from lxml import etree

    folder, name = posixpath.split(part)
    relationships = entries.get(posixpath.join(folder, "_rels", f"{name}.rels"))
    if relationships is None:
        return {}
    related = {}
    for relationship in etree.fromstring(relationships).iter(_RELATIONSHIPS):
        if not (relationship.get("Type") or "").endswith(kind):
            continue
        target = relationship.get("Target") or ""
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        if path in entries:
            related[relationship.get("Id") or ""] = path
    return related


def _sheets(entries: Mapping[str, bytes], kinds: dict[str, str]) -> dict[str, str]:
    """The workbook's sheets, in its order: each one's part and its name."""
    from lxml import etree

    workbook = next((name for name, kind in kinds.items() if kind.endswith(_MAIN)), None)
    if workbook is None:
        return {}
    parts = _related(entries, workbook, "/worksheet")
    sheets = {}
    for sheet in etree.fromstring(entries[workbook]).iter(f"{S}sheet"):
        path = parts.get(sheet.get(_RELATIONSHIP_ID) or "")
        if path is not None:
            sheets[path] = sheet.get("name") or path
    return sheets


def cell_places(entries: Mapping[str, bytes], kinds: dict[str, str]) -> dict[str, str]:
    """Where a spreadsheet user finds each cell's unit, by key: its sheet and cell, as a
    formula names them (``Prices!B7``, ``'Q1 sales'!A2``); a shared string that several cells
    show, its first cell and how many more."""
    from lxml import etree

    strings = _shared_strings(kinds)
    places: dict[str, list[str]] = {}
    for path, name in _sheets(entries, kinds).items():
        inline = 0
        for cell in etree.fromstring(entries[path]).iter(f"{S}c"):
            place = f"{_sheet_reference(name)}!{cell.get('r') or '?'}"
            value = cell.findtext(f"{S}v") or ""
            if cell.find(f"{S}is") is not None:
                places.setdefault(f"{path}#p{inline}", []).append(place)
                inline += 1
            elif cell.get("t") == "s" and strings is not None and value.strip().isdecimal():
                places.setdefault(f"{strings}#p{int(value)}", []).append(place)
    return {key: _first_of(cells) for key, cells in places.items()}


def _sheet_reference(name: str) -> str:
    """A sheet's name as a formula writes it: quoted where it is not one word."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _first_of(cells: list[str]) -> str:
    """``Prices!B7``, or ``Prices!B7 and 2 more cells``."""
    more = len(cells) - 1
    return cells[0] + (f" and {counted(more, 'more cell')}" if more else "")


def _header_cells(table: Any) -> list[str]:
    """The references of a table's header cells (``A1``, ``B1`` …): the first row of its range,
    unless it says it has no header row."""
    reference = (table.get("ref") or "").split(":")
    if table.get("headerRowCount") == "0" or len(reference) != 2:
        return []
    start, end = _CELL.fullmatch(reference[0]), _CELL.fullmatch(reference[1])
    if start is None or end is None:
        return []
    first, last = _column_number(start.group(1)), _column_number(end.group(1))
    return [f"{_column_name(column)}{start.group(2)}" for column in range(first, last + 1)]


def _column_number(name: str) -> int:
    number = 0
    for letter in name:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _column_name(number: int) -> str:
    name = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name


EXCEL_LAYOUT = Layout(
    what="an Excel workbook",
    extension=".xlsx",
    main=_MAIN,
    main_has_text=False,
    translated=(
        "spreadsheetml.sharedStrings+xml",
        "spreadsheetml.worksheet+xml",
        "officedocument.drawing+xml",
        *DIAGRAMS,
    ),
    defaults=(),
    alt_texts=("{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}cNvPr",),
    kept=table_headers,
    compared=compared_cells,
)


class XlsxDocument(OfficeDocument):
    """An Excel workbook to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "xlsx"
    layout: ClassVar[Layout] = EXCEL_LAYOUT

    def __init__(self, path: Path, data: bytes, src_lang: str = "en", tgt_lang: str = "de") -> None:
        super().__init__(path, data, src_lang, tgt_lang)
        # a sheet that is a string table is not a document's text (:mod:`ltmt.formats.xlsx_tables`)
        entries = self.package.entries
        kinds = content_types(entries, self.path)
        sheets = _sheets(entries, kinds)
        tables = (
            string_tables(entries, sheets, _shared_strings(kinds), (src_lang, tgt_lang))
            if src_lang and tgt_lang  # (languages not given: a workbook read as documents are)
            else {}
        )
        if tables:
            kept = self.package.kept.union(*tables.values())
            self.package = replace(self.package, kept=kept)
            warn_tables(list(tables), self.path)

    @cached_property
    def _places(self) -> dict[str, str]:
        entries = self.package.entries
        return cell_places(entries, content_types(entries, self.path))

    def place(self, key: str) -> str:
        """A cell's unit by its sheet and cell (:func:`cell_places`); another (a shape's, a
        chart's) by its key."""
        return self._places.get(key, key)
