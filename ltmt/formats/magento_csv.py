"""Magento 2's translation dictionaries: CSV files without a header row.

A module's or theme's dictionary (``app/code/Vendor/Module/i18n/de_DE.csv``) has a row
``"source","translation"`` for each string, and a language package's (written by
``bin/magento i18n:collect-phrases --magento``) two more cells naming where the string is used,
``module,Magento_Catalog`` or ``theme,frontend/Vendor/luma``: Adobe Commerce's "Translations
overview" and "Translation dictionaries and language packages" (developer.adobe.com,
experienceleague.adobe.com, commerce-operations/configuration-guide/cli/localization). The
first column is the key Magento looks a string up by, so it is never changed, and a row whose
translation is its source copied (``en_US.csv``, as collect-phrases writes it) is untranslated.
A file is read so (:func:`is_dictionary`) where it is named for a Magento locale
(``de_DE.csv``, ``zh_Hans_CN.csv``) in a folder named ``i18n`` and its rows have 2 cells, or 4
with ``module`` or ``theme`` third, the first row naming no column
(:func:`~ltmt.formats.csv_columns.names_a_column`): the table machinery of
:mod:`ltmt.formats.csv_table` then reads column 1 into column 2, without a header row.
"""

from __future__ import annotations

import re
from pathlib import Path

from ltmt.formats.csv_columns import Columns, Pair, names_a_column
from ltmt.memory.untranslated_copies import UNTRANSLATED_COPY

# a Magento locale's file name: de_DE.csv, pt_BR.csv, zh_Hans_CN.csv
_LOCALE_FILE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?_[A-Z]{2}\.csv")
_CONTEXT_TYPES = frozenset({"module", "theme"})  # a language package's third cell
# why an import skips a row whose translation is its source: untranslated, as Magento has it
UNTRANSLATED = UNTRANSLATED_COPY
# what PHP's fputcsv (collect-phrases' writer) quotes a cell for: a comma, a quote, a
# backslash (its escape character), a space, a tab or a line end
_FPUTCSV_QUOTES = re.compile(r'[,"\\\s]')

COLUMNS = Columns((Pair(0, 1),), None)  # source in column 1, its translation in column 2


def _shaped(rows: list[list[str]]) -> bool:
    """Whether ``rows`` (blank lines aside) are a dictionary's: 2 cells each, or 4 with
    ``module`` or ``theme`` third, the first row's cells naming no column (``en,de``,
    ``source,translation``: a header)."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if not filled or any(names_a_column(cell) for cell in filled[0]):
        return False
    widths = {len(row) for row in filled}
    if widths == {4}:
        return all(row[2].strip() in _CONTEXT_TYPES for row in filled)
    return widths == {2}


def is_dictionary(path: Path, rows: list[list[str]]) -> bool:
    """Whether the CSV file at ``path``, read as ``rows``, is a Magento translation
    dictionary (module docstring)."""
    return (
        path.parent.name == "i18n"
        and _LOCALE_FILE.fullmatch(path.name) is not None
        and _shaped(rows)
    )


def misplaced_dictionary(path: Path, rows: list[list[str]]) -> str | None:
    """The error for a CSV file without a header that is a Magento dictionary by a strong sign
    but not one by its place (named for a locale in a folder named ``i18n``): 4 cells a row
    with ``module``/``theme`` third, or a first row of two equal cells (a string copied as its
    translation, as collect-phrases writes ``en_US.csv``) in a file named for a locale or in a
    folder named ``i18n``. What to do, where the table's error would name its first row's
    strings as columns; None for another file: a two-column table's header (``Term,
    Definition`` in ``docs/i18n/glossary.csv``, ``Product,Blurb`` in ``shop/en_US.csv``) gets
    the table's hint (``--columns "Term,Definition"``; session 71 named Magento there)."""
    if is_dictionary(path, rows) or not _shaped(rows):
        return None
    first = next(row for row in rows if any(cell.strip() for cell in row))
    named = path.parent.name == "i18n" or _LOCALE_FILE.fullmatch(path.name) is not None
    copied = len(first) == 2 and first[0].strip() == first[1].strip()
    if len(first) != 4 and not (named and copied):
        return None
    return (
        f"{path}: its first row is a string, not a header; a Magento translation dictionary "
        '("source","translation" a row, no header) is read as one where it is named for its '
        "locale in a folder named i18n, as Magento keeps it (i18n/de_DE.csv): copy or rename "
        "it so; else add a header row naming the columns (en,de)"
    )


def untranslated(source: str, target: str) -> bool:
    """Whether a dictionary row's ``target`` is empty or its ``source`` copied: untranslated."""
    return not target.strip() or target.strip() == source.strip()


def quoted(text: str, source_cell: str) -> str:
    """``text`` as a dictionary's translation cell is written beside the row's source cell
    as written (``source_cell``): quoted where that is (Magento's own dictionaries quote
    every text) or where PHP's fputcsv would quote it, its quotes doubled."""
    if source_cell.startswith('"') or _FPUTCSV_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text
