"""An option table's help column, where the source puts it.

GNU help texts align an option's help with spaces: ``-g                         like -l, but
do not list owner``. The model reads a line's whitespace as one space (SentencePiece folds it),
so its translation came out ``-g wie -l, aber Eigentümer nicht auflisten``, and the table's
columns were lost: 120 of the dev users' 2,000 test segments have such rows, and no output kept
their columns, where 54 of the references keep every row's (``eval/structure_kept.py``,
``eval/results/structure-kept-s41.json``; 88-91 outputs of each system now do).

:func:`align_help` puts the help of a translated row back at the source's column: the row's
first cell (an option, ``-r, --reference=FILE``, or one word, ``KB``) is the translation's first
as many words when it starts with the same word, an option's argument aside (``-r,
--reference=DATEI``, ``--backup[=KONTROLLE]``); the help then starts where the source's does,
or two spaces after a longer cell. Only whitespace changes.
"""

from __future__ import annotations

import re

# a row: its first cell, the run of two spaces or more after it, and the help
_ROW = re.compile(r"(\S+(?: \S+)*?)( {2,})(\S.*)", re.DOTALL)
# an option's argument: from "=" or "[" on
_ARGUMENT = re.compile(r"[=\[].*")
# the least space between a cell and its help (GNU's)
MIN_GAP = 2


def help_column(line: str) -> tuple[str, int] | None:
    """``(first cell, column of the help)`` of a stripped option-table row ``line``: its text
    before its first run of two spaces or more, where that is an option (its first word opens
    with ``-`` or ``+``) or one word; None for any other line (``Owner is unchanged if missing.
    Group is ...``, two spaces after a sentence)."""
    row = _ROW.fullmatch(line)
    if row is None:
        return None
    cell = row.group(1)
    if not (cell[0] in "-+" or " " not in cell):
        return None
    return cell, len(cell) + len(row.group(2))


def _name(word: str) -> str:
    """``word`` without an option's argument (``--backup`` of ``--backup[=CONTROL]``, whose
    translation writes ``--backup[=KONTROLLE]``)."""
    return _ARGUMENT.sub("", word)


def align_help(source: str, output: str) -> str:
    """``output``, the translation of the stripped line ``source``, with its help at the
    source's column where ``source`` is an option-table row (:func:`help_column`) and
    ``output`` starts with the same word (an option's argument aside) and holds more words than
    the row's first cell;
    ``output`` unchanged otherwise."""
    found = help_column(source)
    if found is None:
        return output
    cell, column = found
    words = list(re.finditer(r"\S+", output))
    count = len(cell.split())
    if len(words) <= count or _name(words[0].group()) != _name(cell.split()[0]):
        return output
    head = output[: words[count - 1].end()]
    rest = output[words[count].start() :]
    return head + " " * max(MIN_GAP, column - len(head)) + rest
