"""Cells of a CSV table written for Excel (``ltmt memory export --excel``) that Excel would run
as a formula: one that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
(OWASP's "CSV Injection"; ``=HYPERLINK(...)`` in a memory's text would be live in the sheet).
Such a cell is written with a ``'`` before it, as OWASP advises, so that Excel shows it as text,
and ``memory import`` of the export reads it back without that ``'``.

A text that already starts with ``'`` before one of those characters (``'=x``) gets a ``'``
too, so that the ``'`` taken off on reading is always the one added: every text reads back as
it was written (``'quoted`` is written and read as it is).
"""

from __future__ import annotations

import re

# (any ' already there, then) a character that makes Excel read the cell as a formula
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def guarded(text: str) -> str:
    """``text`` as an Excel export's cell: a ``'`` before it where Excel would run it."""
    return "'" + text if _FORMULA_START.match(text) else text


def unguarded(text: str) -> str:
    """The text of an Excel export's cell ``text``: the ``'`` :func:`guarded` added taken off."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text, 1) else text


def is_excel_export(bom: bool, delimiter: str, header: list[str]) -> bool:
    """Whether a table is an Excel export of a memory, whose cells are :func:`guarded`: a byte
    order mark, ``;`` between cells and the export's header (``keys;en;de``), as Excel also
    keeps them when the table is saved again as "CSV UTF-8"."""
    return bom and delimiter == ";" and len(header) == 3 and header[0] == "keys"
