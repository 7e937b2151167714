"""Glossary files: CSV and TSV (read and written here) and TBX (:mod:`ltmt.terminology.tbx`).

CSV/TSV rows are ``source, target[, note[, case]]``; ``case`` is empty or one of
``yes/true/1/case-sensitive`` (the source must match with its case) or ``no/false/0``. A first
row that names the columns (``source, target``, ``Source term, Target term``, ``en, de``,
``English, German``) is a header; blank rows and rows starting with ``#`` are skipped.
A bad row is an error that names its line: nothing of the file is imported then; so are two rows
(or TBX entries) that give one source different targets. A UTF-16 file is named with the
``iconv`` command that converts it.
TBX files are read and written by :mod:`ltmt.terminology.tbx`.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import primary_language
from ltmt.terminology.term_languages import swapped_columns
from ltmt.terminology.terms import Term

logger = logging.getLogger(__name__)

FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "tsv", ".tbx": "tbx"}
CASE_YES = frozenset({"yes", "y", "true", "1", "case-sensitive", "cs", "sensitive"})
CASE_NO = frozenset({"", "no", "n", "false", "0", "case-insensitive", "ci", "insensitive"})
HEADER = ("source", "target", "note", "case")


def glossary_format(path: Path, fmt: str | None = None, option: str = "--format") -> str:
    """``fmt`` if given, else the format of ``path``'s extension; InputError when unknown,
    naming ``option``, where the caller takes the format (the server: its form field)."""
    chosen = fmt or FORMATS.get(path.suffix.lower())
    if fmt and chosen not in ("csv", "tsv", "tbx"):
        raise InputError(f"unknown glossary format {fmt!r}: {option} takes csv, tsv or tbx")
    if chosen not in ("csv", "tsv", "tbx"):
        raise InputError(
            f"unknown glossary extension {path.suffix or '(none)'!r} for {path.name}: use .csv, "
            f".tsv or .tbx, or {option}"
        )
    return chosen


def read_glossary(
    path: Path,
    fmt: str | None = None,
    *,
    src_lang: str = "en",
    tgt_lang: str = "de",
    language_check: bool = True,
) -> list[Term]:
    """The terms of a glossary file (see the module docstring). A CSV or TSV header that names
    other languages than ``src_lang`` and ``tgt_lang`` is an :class:`InputError`, unless not
    ``language_check`` (the file is taken as it is)."""
    chosen = glossary_format(path, fmt)
    if not path.is_file():
        raise InputError(f"glossary file {path} does not exist")
    if chosen == "tbx":
        from ltmt.terminology.tbx import read_tbx

        located = read_tbx(path, src_lang, tgt_lang)
    else:
        data = path.read_bytes()
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(
                f"{path.name} is UTF-16; save it as UTF-8 (iconv -f UTF-16 -t UTF-8 "
                f"{path.name} > {path.stem}-utf8{path.suffix})"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path.name} is not UTF-8 (byte {exc.start}); save it as UTF-8"
            ) from exc
        delimiter = "\t" if chosen == "tsv" else ","
        pair = (src_lang, tgt_lang) if language_check else None
        located = _delimited_terms(text, delimiter, path.name, pair)
    if not located:
        # an empty file is a mistake, and with --replace it would empty the glossary
        raise InputError(f"{path.name}: no terms found (an empty file, or only a header)")
    _refuse_two_targets(located, path.name)
    return [term for term, _ in located]


def _refuse_two_targets(located: list[tuple[Term, str]], name: str) -> None:
    """An :class:`InputError` when two entries give one source (as the glossary matches it)
    different targets: which one the file means is the user's call, not the last row's."""
    first: dict[str, tuple[Term, str]] = {}
    for term, place in located:
        seen = first.setdefault(term.key, (term, place))
        if seen[0].target != term.target:
            raise InputError(
                f"{name}: {seen[1]} and {place} both give {term.source!r} a target "
                f"({seen[0].target!r}, {term.target!r}); keep one"
            )


def parse_delimited(text: str, delimiter: str, name: str) -> list[Term]:
    """The terms of CSV (``delimiter=","``) or TSV text; ``name`` is used in error messages."""
    return [term for term, _ in _delimited_terms(text, delimiter, name)]


def _delimited_terms(
    text: str, delimiter: str, name: str, pair: tuple[str, str] | None = None
) -> list[tuple[Term, str]]:
    """:func:`parse_delimited`'s terms, each with its line (``line 3``). A header that names
    other languages than ``pair`` (source, target), swapped ones above all, is an
    :class:`InputError`: its terms would go into the glossary the wrong way round."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    terms: list[tuple[Term, str]] = []
    first = True
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if first and (header := _header(cells)) is not None:
                first = False
                _check_header_languages(header, pair, f"{name} line {line}")
                continue
            first = False
            terms.append((_row_term(cells, f"{name} line {line}"), f"line {line}"))
    except csv.Error as exc:
        raise InputError(f"{name} line {reader.line_num}: {exc}") from exc
    return terms


def _check_header_languages(header: Header, pair: tuple[str, str] | None, where: str) -> None:
    """InputError where ``header`` names other languages than ``pair`` (source, target), by
    their languages alone: a header ``en, de`` is a glossary of ``en`` → ``de-AT`` too, and
    ``eng, deu`` one of ``en`` → ``de-DE``."""
    if header.languages is None or pair is None:
        return
    wanted = tuple(primary_language(code) for code in pair)
    if header.languages == wanted:
        return
    said = ", ".join(header.languages)
    if header.languages == wanted[::-1]:
        raise InputError(f"{where}: the header names the columns {said}, {swapped_columns(*pair)}")
    raise InputError(
        f"{where}: the header names the columns {said}, not {pair[0]}, {pair[1]} (--src-lang, "
        "--tgt-lang); give the languages the header says, or check the file"
    )


# a header row's first two cells, as spreadsheets and termbases write them
_SOURCE_HEADINGS = frozenset({"source", "source term", "source text", "term", "original"})
_TARGET_HEADINGS = frozenset({"target", "target term", "target text", "translation"})
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,4})*")  # en, de-AT, zh-Hant-TW


_WITH_CODE = re.compile(r"(.*?)\s*\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})*)\)")  # "Source (EN)"


@dataclass(frozen=True)
class Header:
    """A first row that names its columns; ``languages``: the two it names, where it does
    (``en, de``; ``English (en), German (de)``; ``Source (EN), Target (DE)``; ``English,
    Deutsch``), else None (``source, target``)."""

    languages: tuple[str, str] | None


def _header(cells: list[str]) -> Header | None:
    """The header a first row is (:class:`Header`), or None for a row of terms."""
    first, second = ([*cells[:2], "", ""][:2][i] for i in range(2))
    named = [_heading(first), _heading(second)]
    languages = tuple(code for _, code in named)
    words = [word.casefold() for word, _ in named]
    if words[0] in _SOURCE_HEADINGS or words[1] in _TARGET_HEADINGS:
        both = None not in languages and languages[0] != languages[1]
        return Header((str(languages[0]), str(languages[1])) if both else None)
    if None in languages or languages[0] == languages[1]:
        return None
    return Header((str(languages[0]), str(languages[1])))


def _heading(cell: str) -> tuple[str, str | None]:
    """A heading cell's words and the language it names (``Source (EN)`` → ``source, en``;
    ``Deutsch`` → ``deutsch, de``): a code, or a language's exact name in English, in German
    or in itself (not a word that merely resembles one: ``Iron Sword`` is no Ossetian)."""
    found = _WITH_CODE.fullmatch(cell.strip())
    if found:
        return found.group(1), primary_language(found.group(2))
    word = cell.strip()
    if _LANGUAGE_CODE.fullmatch(word.casefold()):
        return word, primary_language(word)
    return word, _language_named(word)


def _language_named(name: str) -> str | None:
    import langcodes

    try:
        language = langcodes.find(name)
    except LookupError:
        return None
    names = {language.display_name(lang).casefold() for lang in ("en", "de")}
    names.add(language.autonym().casefold())
    return language.language if name.casefold() in names else None


_OTHER_DELIMITERS = (
    (";", "; this row is separated by ';': save the file with ','"),
    ("\t", "; this row is separated by tabs: pass --format tsv"),
)


def _row_term(cells: list[str], where: str) -> Term:
    expected = "expected source, target[, note[, case]]"
    if len(cells) < 2 or not cells[0] or not cells[1]:
        # a spreadsheet's CSV in another locale, or TSV named .csv
        hint = next((h for d, h in _OTHER_DELIMITERS if len(cells) == 1 and d in cells[0]), "")
        expected += hint
        raise InputError(f"{where}: a term needs a source and a target ({expected})")
    if len(cells) > 4 and any(cells[4:]):
        raise InputError(f"{where}: {len(cells)} columns ({expected})")
    flag = cells[3].casefold() if len(cells) > 3 else ""
    if flag not in CASE_YES | CASE_NO:
        raise InputError(f"{where}: case flag {cells[3]!r} is not yes/no/true/false/1/0")
    try:
        return Term(cells[0], cells[1], cells[2] if len(cells) > 2 else "", flag in CASE_YES)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc


def write_delimited(terms: Iterable[Term], delimiter: str = ",") -> str:
    """CSV (or TSV) text with a header that :func:`parse_delimited` reads back."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(HEADER)
    for term in terms:
        writer.writerow((term.source, term.target, term.note, "yes" if term.case_sensitive else ""))
    return out.getvalue()
