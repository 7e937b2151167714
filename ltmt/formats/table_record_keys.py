"""The keys under which the record of what ltmt wrote into a CSV table
(:mod:`ltmt.formats.output_sources`) keeps its rows, and what a warning calls a row: its key
cell, as a keyed catalog's record keeps its strings by name, so that a row a writer inserted,
removed or moved since shifts no other row's place, and so that ``memory import`` finds a
row's place by the key it reads (trial s73: keyed by the row's number, a row inserted had the
translator's row after it named as of a changed source, and an import looked the rows up by
their keys, found none, and stored a German that ``translate`` had just named as the old
English's).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

PLACE = "\t\t"  # what starts the key of a row recorded by its place: no key cell starts so


def recorded_as(key_cells: Sequence[tuple[int, str]]) -> dict[int, str]:
    """By row number, the key of each row of ``key_cells`` (its number in the table and its
    key cell; "" for a table without a key column) in the record: its key cell, where no other
    row has it; else (no key, or one shared: a ServiceNow table's rows of each language) its
    place, two tabs and its number."""
    counts = Counter(cell for _, cell in key_cells)
    return {
        number: cell if cell.strip() and counts[cell] == 1 else f"{PLACE}{number}"
        for number, cell in key_cells
    }


def pair_key(row_key: str, index: int, source_column: int) -> str:
    """The record key of a row's pair of columns ``index`` (from 0; ``source_column``: its
    source's column): the row's for its first pair, else the row's and its source column's
    (``menu.quit\\t3``), so that a table of several pairs (``Title (en)``, ``Body (en)``) keeps
    each apart."""
    return row_key if index == 0 else f"{row_key}\t{source_column}"


def row_name(key_cell: str, line: int) -> str:
    """What a warning calls a row: its key cell (``menu.quit``, how a game team finds a
    string), else its line (``line 3``); not the row's number among the table's rows, which
    no spreadsheet shows."""
    return key_cell.strip() or f"line {line}"


def emptied_again(count: int) -> str:
    """How a warning of ``count`` rows kept for a source changed since says to have them
    translated again: their cells emptied (a rerun fills an empty cell), not --overwrite,
    which translates every reviewed row again (trial s73)."""
    cells = "its cell" if count == 1 else "their cells"
    return f"empty {cells} to have ltmt translate {'it' if count == 1 else 'them'} again"
