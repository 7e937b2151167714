"""The texts a spreadsheet's formulas and drop-down lists compare cells against.

``COUNTIF(B2:B5,"Shipped")`` counts the cells that say ``Shipped``, ``VLOOKUP("A-2",...)`` finds
the row that says ``A-2``, and a list validation (``"Shipped,Open,Cancelled"``, OpenDocument's
``cell-content-is-in-list("Shipped";"Open")``) accepts only its items. A cell whose text is one
of them, translated, is no longer found or accepted: the workbook's results change. So Excel's
(:mod:`ltmt.formats.xlsx`) and OpenDocument's (:mod:`ltmt.formats.opendocument`) spreadsheets
leave such cells as written, and say so (:func:`warn_kept`). Text is compared as spreadsheets
compare it: case aside, and the edges' spaces here too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

_STRING = re.compile(r'"((?:[^"]|"")*)"')  # a formula's quoted string, "" a quote in it


def formula_literals(formulas: Iterable[str]) -> frozenset[str]:
    """The texts ``formulas`` (or list validations' sources) compare against, as
    :func:`compared` reads a cell's: their quoted strings, and a list's items one by one."""
    found: set[str] = set()
    for formula in formulas:
        for literal in _STRING.findall(formula):
            text = literal.replace('""', '"')
            found.update(key(part) for part in [text, *text.split(",")])
    found.discard("")
    return frozenset(found)


def key(text: str) -> str:
    """``text`` as it is compared: case aside, without the spaces at its edges."""
    return text.strip().casefold()


def warn_kept(texts: list[str]) -> None:
    """Say that the cells of ``texts`` were left as written (none: nothing): how many, and the
    first few texts, each once (a column of ``Active`` is one text)."""
    if texts:
        logger.warning(
            "%s left as written: formulas or drop-down lists of the workbook compare against "
            "their text (%s), which would no longer match",
            counted(len(texts), "cell text"),
            first_few(repr(text) for text in dict.fromkeys(texts)),
        )
