"""The texts a spreadsheet's formulas and drop-down lists compare cells against.

``COUNTIF(B2:B5,"Shipped")`` counts the cells that say ``Shipped``, ``VLOOKUP("A-2",...)`` finds
the row that says ``A-2``, and a list validation (``"Shipped,Open,Cancelled"``, OpenDocument's
``cell-content-is-in-list("Shipped";"Open")``) accepts only its items, and ``IF(B2="Shipped",...)``
tests a cell for it. A cell whose text is one of them, translated, is no longer found or
accepted: the workbook's results change. A string a formula only writes
(``CONCAT("Price", ": ", 100)``, ``"Total "&A2``, ``TEXTJOIN``, an ``IF``'s result) compares
nothing: a cell that says ``Price`` is translated. So Excel's
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

# a formula's quoted string ("" a quote in it), a function's name and its opening bracket, and
# the brackets of a group
# (a name's "-" only before lowercase: OpenDocument's cell-content-is-in-list, not A1-SUM's)
_TOKEN = re.compile(r'"((?:[^"]|"")*)"|([A-Za-z_][\w.]*(?:-[a-z][\w.]*)*)\s*\(|(\()|(\))')
# the functions that only write their string arguments (join, case, pick one as a result):
# a string in any other function may be compared against (lookups, COUNTIF's, SWITCH's,
# EXACT's, SEARCH's, and those a workbook names with Excel's _xlfn. prefix, _xlfn.XLOOKUP),
# so its cells are kept, as before session 67
_WRITING = frozenset(
    {
        "CONCAT",
        "CONCATENATE",
        "TEXTJOIN",
        "TEXT",
        "IF",
        "IFS",
        "IFERROR",
        "IFNA",
        "CHOOSE",
        "UPPER",
        "LOWER",
        "PROPER",
        "TRIM",
        "REPT",
        "HYPERLINK",
        "LEFT",
        "RIGHT",
        "MID",
        "LEN",
    }
)
# the prefixes Excel writes before newer functions' names in a file
_FUNCTION_PREFIX = re.compile(r"^(?:_XLFN\.|_XLWS\.)+")
_FORMULA_START = re.compile(r"^\s*(?:of:)?=")  # OpenDocument's namespace, a cell formula's "="


def formula_literals(formulas: Iterable[str]) -> frozenset[str]:
    """The texts ``formulas`` (or list validations' sources) compare against, as
    :func:`compared` reads a cell's: their quoted strings, and a list's items one by one."""
    found: set[str] = set()
    for formula in formulas:
        for literal in _compared_strings(_FORMULA_START.sub("", formula)):
            text = literal.replace('""', '"')
            found.update(key(part) for part in [text, *text.split(",")])
    found.discard("")
    return frozenset(found)


def _compared_strings(formula: str) -> list[str]:
    """The quoted strings of ``formula`` (without its leading ``=``) that it compares against:
    an argument of a function that may compare (any but :data:`_WRITING`'s), a side of a comparison
    (``B2="Shipped"``), and a string alone outside any function (a list validation's items);
    not a string a formula only writes (``CONCAT``'s, one joined by ``&``)."""
    compared = []
    functions: list[str] = []  # the innermost last; "" a group's brackets
    for match in _TOKEN.finditer(formula):
        literal, name, group, closing = match.groups()
        if name is not None or group is not None:
            functions.append(_FUNCTION_PREFIX.sub("", (name or "").upper()))
        elif closing is not None:
            if functions:
                functions.pop()
        elif literal is not None:
            before = formula[: match.start()].rstrip()[-1:]
            after = formula[match.end() :].lstrip()[:1]
            beside = {before, after}
            if (
                (functions and functions[-1] not in _WRITING and functions[-1] != "")
                or beside & {"=", "<", ">"}
                or (not functions and "&" not in beside)
            ):
                compared.append(literal)
    return compared


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
