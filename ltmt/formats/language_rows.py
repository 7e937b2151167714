"""A CSV table that holds one row per language (:mod:`ltmt.formats.csv_table`): a column names
each row's language, and a string's translations are rows of their own beside its source row.

ServiceNow's ``sys_translated_text`` export is written so
(``documentkey,fieldname,language,tablename,value,sys_id``): a record's field has a row in
``en`` and one in each language it is translated into, and ServiceNow finds a row by its
``documentkey``, ``fieldname``, ``tablename`` and ``language``. Translated with ``--columns
value``, only the rows in the source language are translated; the rows of the target language
are the translations so far, kept, as the rows of other languages are. A source row's
translation goes to its target-language row (the row alike in every other cell but the
language's, the columns translated and ServiceNow's ``sys_`` fields), where the table has one,
else to a new row after it: the source row's copy with the target's language, and with its
``sys_`` fields (``sys_id``, ``sys_updated_on``: the English record's) left empty for
ServiceNow to set. The source rows are kept as written, so the table still holds every
English record as it was: imported, it adds or updates the target's rows and leaves the
English ones as they are (a source row rewritten in place would keep its ``sys_id``, and an
import that matches rows by it would write the German over the English record). A next run
on the output translates only the source rows added since.

Only a table that really holds rows of several languages is read so: its language column's
cells are language codes (``py``, ``js`` name programming languages), and they name the source
language and at least one other. A table whose rows all name one language (a shop's export in
``en``, Shopify's with ``Locale`` ``de`` on every row) has its rows translated as any table's,
and so has a row naming no language; and a run writing into a column of its own (``--columns
"value=value_de"``) is never read so: its language column then describes the row, and the
target column is the output.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ltmt.formats.common import lang_matches, primary_language
from ltmt.formats.path_languages import THREE_LETTER_LOCALES, is_locale_code
from ltmt.wording import counted

# headers naming a column that holds each row's language (compared lower-cased)
ROW_LANGUAGE_HEADERS = frozenset(
    {"language", "lang", "locale", "language code", "locale code", "language tag"}
)
# a language code's shape as such a column holds it: en, de-DE, zh_Hans (no nested
# repetition: each subtag's letters end where its separator is, so it cannot backtrack)
_CODE_CELL = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
# ServiceNow's own codes of languages, which no standard has: Brazilian Portuguese, Chinese
# (Traditional)
_SERVICENOW_CODES = frozenset({"pb", "zt"})
# a ServiceNow system field (sys_id, sys_created_on): the record's own, never a translation's
_SYSTEM_FIELD = re.compile(r"sys_\w+")


def _at(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def row_language_column(header: list[str], rows: list[list[str]], src_lang: str) -> int | None:
    """The one column of ``header`` that names each data row's language (a header of
    :data:`ROW_LANGUAGE_HEADERS` over cells that are language codes naming ``src_lang`` and
    another language: :func:`_of_several_languages`), or None: none, or more than one."""
    found = [
        index
        for index, cell in enumerate(header)
        if " ".join(cell.replace("_", " ").lower().split()) in ROW_LANGUAGE_HEADERS
        and _of_several_languages([_at(row, index).strip() for row in rows], src_lang)
    ]
    return found[0] if len(found) == 1 else None


def _of_several_languages(cells: list[str], src_lang: str) -> bool:
    """Whether the non-empty ``cells`` are language codes (:func:`is_language_code`) naming
    ``src_lang`` and at least one other language: a table of ``en`` rows alone (a shop's
    export), or of ``de`` rows alone (Shopify's, whose ``Locale`` is the target), has no rows of
    other languages to keep apart."""
    filled = [cell for cell in cells if cell]
    if not all(is_language_code(cell) for cell in filled):
        return False
    return any(lang_matches(cell, src_lang) for cell in filled) and any(
        not lang_matches(cell, src_lang) for cell in filled
    )


def is_language_code(cell: str) -> bool:
    """Whether ``cell`` is a language code as a row's language column holds one: a current
    two-letter language (``en``, ``de-DE``, ``zh_Hans``; ``deu`` is ``de``), of three letters
    only a locale's own (``fil``: ISO 639-3 has a code for nearly every three letters), or
    ServiceNow's own ``pb``, ``zt``; not ``py``, ``js``, ``go``, ``sql`` (a table of code
    snippets by programming language)."""
    if not _CODE_CELL.fullmatch(cell):
        return False
    if cell.lower() in _SERVICENOW_CODES:
        return True
    language = primary_language(cell)  # (eng, deu: en, de)
    return language in THREE_LETTER_LOCALES or (len(language) == 2 and is_locale_code(language))


@dataclass(frozen=True)
class LanguageRows:
    """The rows of a table with a :func:`row_language_column` (``column``): the data rows in
    the source language (``sources``: translated), each one's row in the target language where
    the table has one (``targets``), the languages of the rows kept as written (``kept``), the
    rows naming no language (``unnamed``: translated in place, as a table's without a language
    column), the columns translated in place (``translated``) and those a new row leaves empty
    (``emptied``: ServiceNow's ``sys_`` fields)."""

    column: int
    name: str  # the column's header (language)
    src_lang: str
    tgt_lang: str
    sources: frozenset[int]
    targets: Mapping[int, int]
    kept: Mapping[str, int]
    unnamed: frozenset[int]
    translated: frozenset[int]
    emptied: frozenset[int]

    def translates(self, number: int) -> bool:
        """Whether data row ``number`` is translated: a source row, or one naming no language."""
        return number in self.sources or number in self.unnamed

    def placed(
        self, filled: Mapping[int, dict[int | None, str]]
    ) -> tuple[dict[int, dict[int | None, str]], dict[int, dict[int | None, str]]]:
        """``filled`` (the translations by row and column, as the table fills them) with each
        source row's cells of the columns translated in place moved to its target-language
        row, and the new rows to write after their source rows, with their language's and
        emptied cells: ``(filled, new rows)``, by row number. A row naming no language keeps
        its translations."""
        rows: dict[int, dict[int | None, str]] = {}
        added: dict[int, dict[int | None, str]] = {}
        for number, cells in filled.items():
            if number not in self.sources:  # (naming no language: translated in place)
                rows.setdefault(number, {}).update(cells)
                continue
            moved: dict[int | None, str] = {
                c: text for c, text in cells.items() if c in self.translated
            }
            rest = {c: text for c, text in cells.items() if c not in self.translated}
            if rest:
                rows.setdefault(number, {}).update(rest)
            if not moved:
                continue
            if number in self.targets:
                rows.setdefault(self.targets[number], {}).update(moved)
            else:
                new: dict[int | None, str] = dict.fromkeys(self.emptied, "")
                new[self.column] = self.tgt_lang
                added[number] = new | moved
        return rows, added

    def note(self, added: int, filled: int) -> str:
        """What the run did with the rows (``added``: the new target-language rows written,
        ``filled``: the target-language rows it wrote a translation into), for the summary."""
        src, tgt = self.src_lang, self.tgt_lang
        said = [
            f"column {self.name} names each row's language: only its {src} rows are sources "
            f"({len(self.sources)})"
        ]
        if added:
            emptied = ", its sys_ fields left empty for ServiceNow to set" if self.emptied else ""
            written = counted(
                added,
                f"translation written as a new {tgt} row after its {src} row, which is",
                f"translations written as new {tgt} rows after their {src} rows, which are",
            )
            said.append(f"{written} kept as written (language {tgt}{emptied})")
        if filled:
            into = counted(
                filled,
                f"translation written into its {tgt} row",
                f"translations written into their {tgt} rows",
            )
            said.append(into)
        if self.unnamed:
            unnamed = counted(
                len(self.unnamed), "row naming no language", "rows naming no language"
            )
            said.append(f"{unnamed} translated in place")
        if self.kept:
            languages = ", ".join(f"{n} {code}" for code, n in self.kept.items())
            said.append(f"rows in other languages: {languages}")
        return "; ".join(said)


def language_rows(
    header: list[str],
    rows: list[list[str]],
    first: int,
    translated: Iterable[int],
    src_lang: str,
    tgt_lang: str,
) -> LanguageRows | None:
    """The :class:`LanguageRows` of a table (``header`` and every row of it, ``rows``, its data
    from row ``first`` on) whose columns ``translated`` are translated in place, or None where
    it has no :func:`row_language_column` (its rows of ``src_lang`` and another language). A
    source row's target-language row is the first one whose other cells (but the language's,
    those of ``translated`` and the ``sys_`` fields) are the same."""
    column = row_language_column(header, rows[first:], src_lang)
    if column is None:
        return None
    columns = frozenset(translated)
    emptied = frozenset(i for i, cell in enumerate(header) if _SYSTEM_FIELD.fullmatch(cell.strip()))
    left_out = columns | emptied | {column}

    def identity(row: list[str]) -> tuple[str, ...]:
        width = max(len(row), len(header))
        return tuple(_at(row, i) for i in range(width) if i not in left_out)

    sources, unnamed, kept = [], [], Counter[str]()
    existing: dict[tuple[str, ...], int] = {}
    for number in range(first, len(rows)):
        language = _at(rows[number], column).strip()
        if not language:
            unnamed.append(number)
            continue
        if lang_matches(language, src_lang):
            sources.append(number)
            continue
        kept[language] += 1
        if lang_matches(language, tgt_lang):
            existing.setdefault(identity(rows[number]), number)
    targets = {
        number: existing[identity(rows[number])]
        for number in sources
        if identity(rows[number]) in existing
    }
    return LanguageRows(
        column,
        header[column].strip(),
        src_lang,
        tgt_lang,
        frozenset(sources),
        targets,
        dict(kept),
        frozenset(unnamed),
        columns,
        emptied,
    )
