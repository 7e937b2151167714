"""A workbook's sheets that are string tables: a header row (the sheet's first row with text,
or the next after a title row of one cell) that names a source-language and a target-language
column, as a CSV table's does (:func:`ltmt.formats.csv_columns.find_columns`:
``English``/``German``, ``en``/``de``).

Translated as a document, such a sheet lost itself: its English column was replaced by German,
its approved German translated back, its keys, headers and statuses translated (a session-67
trial). Filling a sheet's empty target cells is not done yet, so its cells are left as written
and a warning names the sheet and says how to translate it (as a CSV table). A shared string
that a table's cell shows stays as written on every sheet that shows it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.csv_columns import find_columns
from ltmt.formats.ooxml_paragraphs import S_NS

logger = logging.getLogger(__name__)

S = f"{{{S_NS}}}"


def string_tables(
    entries: Mapping[str, bytes],
    sheets: Mapping[str, str],
    shared: str | None,
    languages: tuple[str, str],
) -> dict[str, frozenset[str]]:
    """The sheets of ``sheets`` (part: name) that are string tables in ``languages`` (source,
    target), by name: the keys of their cells' units (a shared string of ``shared``, the
    shared strings part: ``xl/sharedStrings.xml#pN``; a string written in a cell:
    ``SHEET#pN``)."""
    from lxml import etree

    strings = _shared_texts(entries, shared)
    tables = {}
    for part, name in sheets.items():
        keys: set[str] = set()
        rows: list[dict[int, str]] = []  # each row's texts by column, rows without none
        inline = 0
        for row in etree.fromstring(entries[part]).iter(f"{S}row"):
            texts = {}
            for cell in row.iterchildren(f"{S}c"):
                written = cell.find(f"{S}is")
                value = cell.findtext(f"{S}v") or ""
                if written is not None:
                    keys.add(f"{part}#p{inline}")
                    inline += 1
                    text = "".join(t.text or "" for t in written.iter(f"{S}t"))
                elif cell.get("t") == "s" and value.strip().isdecimal() and shared is not None:
                    keys.add(f"{shared}#p{int(value)}")
                    text = strings[int(value)] if int(value) < len(strings) else ""
                else:
                    continue
                column = _column(cell.get("r") or "")
                if text.strip() and column is not None:
                    texts[column] = text.strip()
            if texts:
                rows.append(texts)
        # the header: the first row with text, or the one after a title (a row of one cell)
        for at in (0, 1) if rows and len(rows[0]) == 1 else (0,):
            if at < len(rows) and _holds_strings(
                rows[at + 1 :], _source_column(rows[at], Path(name), languages)
            ):
                tables[name] = frozenset(keys)
    return tables


def _source_column(header: dict[int, str], path: Path, languages: tuple[str, str]) -> int | None:
    """The source-language column of ``header`` (its cells' texts by column, from 0) where it
    names a source-language and a target-language column, else None."""
    cells = [header.get(column, "") for column in range(max(header) + 1)]
    try:
        columns = find_columns(cells, path, *languages)
    except InputError:  # no source column: a document's sheet
        return None
    pair = columns.pairs[0]
    if columns.by_role or pair.target is None or pair.target == pair.source:
        return None
    return pair.source


def _holds_strings(rows: list[dict[int, str]], column: int | None) -> bool:
    """Whether ``column`` holds a word in at least half of ``rows`` (those under the header):
    a string table's source column; one of numbers (``English (words) | German (words)``, a
    budget's word counts) or grades (``Student | English | German``: ``A``, ``B+``) is a
    document's (regression trials' sheets left all English)."""
    if column is None or not rows:
        return False
    return 2 * sum(bool(_WORD.search(row.get(column, ""))) for row in rows) >= len(rows)


# a word of three letters or more: a string's text, not a grade (``A``, ``B+``) or a code
_WORD = re.compile(r"[^\W\d_]{3,}")


def _shared_texts(entries: Mapping[str, bytes], shared: str | None) -> list[str]:
    from lxml import etree

    if shared is None:
        return []
    items = etree.fromstring(entries[shared]).iterchildren(f"{S}si")
    return ["".join(t.text or "" for t in item.iter(f"{S}t")) for item in items]


def _column(reference: str) -> int | None:
    """The column of a cell reference (``C5``: 2), from 0; None for none."""
    letters = reference.rstrip("0123456789")
    if not letters.isalpha():
        return None
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def warn_tables(names: list[str], path: Path) -> None:
    """Say that the string tables ``names`` of the workbook ``path`` were left as written."""
    if names:
        logger.warning(
            "%s: %s %s a string table (a source- and a target-language column): left as "
            "written, since ltmt does not fill a workbook's table yet; save the sheet as CSV "
            "UTF-8 and translate that (ltmt translate SHEET.csv -o SHEET.de.csv), which fills "
            "the empty target cells",
            path.name,
            ", ".join(repr(name) for name in names),
            "is" if len(names) == 1 else "are",
        )
