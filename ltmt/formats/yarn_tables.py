"""Yarn Spinner's CSV string tables (:mod:`ltmt.formats.csv_columns` asks this module first).

Yarn writes two layouts. Its string table, ``language,id,text,file,node,lineNumber,lock,comment``,
holds one language: a ``language`` column whose cells are its tag (``en``), the lines' ids
(``line:0a1b2c``) and their ``text``; translated, the output's ``text`` holds the translation
and its ``language`` cells the target's tag, every other cell as written. Its localisation
table, ``id,text,original,...``, holds a language's ``text`` beside the ``original``: the
original is the source and ``text`` its translation's column (Yarn reads no other).
"""

from __future__ import annotations

import re
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import lang_matches, language_error

# an id that is no word of a language: no spaces and a digit or a sign (line:0a1b2c, BTN_OK)
_KEY_CELL = re.compile(r"\S*[\d:_./#@]\S*")


def plainly_keys(cells: list[str]) -> bool:
    """Whether ``cells`` (a column's, below its header) are plainly ids, not text in a
    language: each one not empty has no space and a digit or a sign (``line:0a1b2c``)."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return bool(filled) and all(_KEY_CELL.fullmatch(cell) for cell in filled)


def string_table_columns(
    header: list[str], rows: list[list[str]], path: Path, src_lang: str, tgt_lang: str
) -> tuple[int, int, int] | None:
    """The ``language``, ``id`` and ``text`` columns of a Yarn string table (``header`` and
    its data ``rows``), or None where ``header`` is not one; an error where its ``language``
    cells name no tag or another language than ``src_lang``."""
    names = [cell.strip().lower() for cell in header]
    if not {"language", "id", "text"} <= set(names):
        return None
    language, key, text = (names.index(name) for name in ("language", "id", "text"))
    tags = {row[language].strip() for row in rows if len(row) > language and row[language].strip()}
    if not tags:
        return None
    from ltmt.formats.csv_columns import language_of

    if any(language_of(tag) is None for tag in tags):
        return None  # (its cells are no language tags: another table's language column)
    if not all(lang_matches(tag, src_lang) for tag in tags):
        raise language_error(path, sorted(tags), src_lang, tgt_lang, side="source")
    return language, key, text


def refuse_a_string_table(path: Path, tgt_lang: str) -> InputError:
    """The error for reading a Yarn string table's translations (``memory import``, ``qa``):
    it holds one language."""
    return InputError(
        f"{path}: a Yarn string table (language,id,text) holds one language, no translations "
        f"to read; give Yarn's {tgt_lang} localisation table (id,text,original) instead"
    )
