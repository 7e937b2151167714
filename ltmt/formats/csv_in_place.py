"""A CSV table translated in place (``ltmt translate --columns "Title,Body (HTML)"``: the
translation in the source's columns of a copy of the table) read against its source table, as
``ltmt qa`` and ``ltmt memory import`` do with ``--source-file`` and the same ``--columns``.

The copy keeps the source table's rows in their order, so the pairs are its rows' cells and
the source table's at the same row and column. A table whose rows no longer line up (a row
added, removed or moved, another header, another key in the key column) is refused, since
each translation would be paired with another row's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltmt.errors import InputError
from ltmt.formats.csv_columns import cell_at

if TYPE_CHECKING:
    from ltmt.formats.csv_table import CsvTable


def source_rows(table: CsvTable, source: CsvTable) -> list[list[str]]:
    """The rows of ``source``, the table ``table`` was translated from in place, each the
    source of ``table``'s row of the same number; an error where they do not line up (its
    header, its number of rows, or a row's key differs)."""
    path, source_path = table.path, source.path
    if [cell.strip() for cell in table.header] != [cell.strip() for cell in source.header]:
        raise InputError(
            f"{path} and its source file {source_path} have different headers; give the "
            "source table the translation was made from (the rows are paired by their order)"
        )
    rows, sources = table.table.rows, source.table.rows
    if len(rows) != len(sources):
        raise InputError(
            f"{path} has {len(rows)} rows and its source file {source_path} {len(sources)}; "
            "give the source table the translation was made from (the rows are paired by "
            "their order)"
        )
    key = table.columns.key
    for number, (row, source_row) in enumerate(zip(rows, sources, strict=True)):
        if key is not None and cell_at(row, key).strip() != cell_at(source_row, key).strip():
            raise InputError(
                f"{path}:{table.table.lines[number]}: its {table.header[key]} is "
                f"{cell_at(row, key).strip()!r}, and that of its source file {source_path}'s row "
                f"{cell_at(source_row, key).strip()!r}; give the source table the translation "
                "was made from (the rows are paired by their order)"
            )
    return sources


def untranslated_cells(table: CsvTable, source: CsvTable) -> int:
    """How many cells of the columns translated in place ``table`` leaves empty where
    ``source``, the table it was translated from, has text (:func:`source_rows`)."""
    sources = source_rows(table, source)
    return sum(
        1
        for number, row in enumerate(table.table.rows)
        if number > table.header_row
        for pair in table.columns.pairs
        if cell_at(sources[number], pair.source).strip() and not cell_at(row, pair.source).strip()
    )
