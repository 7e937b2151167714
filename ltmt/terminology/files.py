"""Glossary files: CSV and TSV (read and written here) and TBX (:mod:`ltmt.terminology.tbx`).

CSV/TSV rows are ``source, target[, note[, case]]``; ``case`` is empty or one of
``yes/true/1/case-sensitive`` (the source must match with its case) or ``no/false/0``. A
column headed ``gender`` (or ``genus``) gives the target's German gender: ``m``, ``f``, ``n`` or
``der``, ``die``, ``das`` (any case; empty: the genders table's). A first
row that names the columns (``source, target``, ``Target term, Source term, Case``, ``en, de``,
``English (US), German (Germany)``) is a header, and the columns are read by the names it
gives them (:mod:`ltmt.terminology.glossary_columns`); blank rows and rows starting with ``#``
are skipped. A row whose ``forbidden`` column is yes, or whose ``status`` is one of
:data:`NOT_TO_USE` (the whole value, any case; Phrase's ``einloggen ... Forbidden``), gives
its source a target not to use: it is kept as the ``forbidden`` of the term of that source (as
a TBX file's deprecated terms); one whose source has no other target is left out, with a warning.
A term base's export is read as its TBX is (:mod:`ltmt.terminology.term_base_rows`): of a
source's rows, the ``preferred`` one's target is the glossary's, the others left out with a
warning; a row with one language's term alone is left out with a warning.
A bad row is an error that names its line: nothing of the file is imported then; so are two rows
(or TBX entries) that give one source different targets. A file that is not UTF-8 (UTF-16,
Windows-1252) is named as it was given, with the ``iconv`` command that converts it, as
``ltmt translate`` names its inputs.
TBX files are read and written by :mod:`ltmt.terminology.tbx`.

A ``.txt`` glossary is OmegaT's: ``source<TAB>target<TAB>comment`` rows, read as TSV is; it is
written without a header (OmegaT would load one as a term) and with the comment only where a
term has a note (no empty last column); its case flags are not written, as OmegaT has no column
for them (:func:`write_omegat`).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import not_utf8_message
from ltmt.formats.csv_table import excel_separator_line, table_delimiter
from ltmt.formats.registry import utf16_problem
from ltmt.terminology.glossary_columns import POSITIONAL, Columns, header_columns, header_headings
from ltmt.terminology.term_base_rows import is_preferred, preferred_targets, warn_one_language
from ltmt.terminology.term_languages import check_term_languages
from ltmt.terminology.terms import Term
from ltmt.wording import first_few

logger = logging.getLogger(__name__)

FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "omegat", ".tbx": "tbx"}
FORMAT_NAMES = ("csv", "tsv", "tbx", "omegat")
CASE_YES = frozenset({"yes", "y", "true", "1", "case-sensitive", "cs", "sensitive"})
CASE_NO = frozenset({"", "no", "n", "false", "0", "case-insensitive", "ci", "insensitive"})
# a forbidden column's yes and no (a term base's Forbidden: yes/no, true/false, 1/0)
FLAG_YES = frozenset({"yes", "y", "true", "1"})
FLAG_NO = frozenset({"", "no", "n", "false", "0"})
HEADER = ("source", "target", "note", "case")
SIDES = ("source", "target")
# the statuses of a target term not to use (TBX's administrativeStatus, a term base's status)
NOT_TO_USE = ("deprecated", "superseded", "forbidden", "obsolete")
# spreadsheets a glossary is kept in, read only once saved as CSV
SPREADSHEETS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})


def _spreadsheet_advice(path: Path) -> str:
    """What to do with the spreadsheet ``path`` given as a glossary."""
    return (
        f'{path.name} is a spreadsheet; save the sheet as CSV (UTF-8) (Excel: "CSV UTF-8"; '
        f"LibreOffice: Text CSV, UTF-8) and import {path.stem}.csv"
    )


def glossary_format(path: Path, fmt: str | None = None, option: str | None = "--format") -> str:
    """``fmt`` if given, else the format of ``path``'s extension; InputError when unknown,
    naming ``option``, where the caller takes the glossary's format (the server: its form
    field; None where there is none, as for ``--glossary``: the file must be renamed)."""
    chosen = fmt or FORMATS.get(path.suffix.lower())
    if fmt and chosen not in FORMAT_NAMES:
        taker = option or "the glossary's format"
        raise InputError(f"unknown glossary format {fmt!r}: {taker} takes csv, tsv, tbx or omegat")
    if chosen not in FORMAT_NAMES and path.suffix.lower() in SPREADSHEETS:
        raise InputError(_spreadsheet_advice(path))
    if chosen not in FORMAT_NAMES:
        advice = "use .csv, .tsv, .tbx or .txt (OmegaT)" + (
            f", or {option}" if option else " (rename it)"
        )
        raise InputError(
            f"unknown glossary extension {path.suffix or '(none)'!r} for {path.name}: {advice}"
        )
    return chosen


def read_glossary(
    path: Path,
    fmt: str | None = None,
    *,
    src_lang: str = "en",
    tgt_lang: str = "de",
    language_check: bool = True,
    override: str | None = "--no-language-check",
    purpose: str = "import",
    format_option: str | None = None,
) -> list[Term]:
    """The terms of a glossary file (see the module docstring). Unless not ``language_check``
    (the file is taken as it is), a CSV or TSV header that names other languages than
    ``src_lang`` and ``tgt_lang``, or terms that read as other languages (swapped columns:
    :func:`~ltmt.terminology.term_languages.check_term_languages`, with ``override`` and
    ``purpose``), are an :class:`InputError`; so is an unknown extension (``format_option``:
    the option that names the glossary's format, where the caller has one)."""
    chosen = glossary_format(path, fmt, format_option)
    if not path.is_file():
        raise InputError(f"glossary file {path} does not exist")
    if chosen == "tbx":
        from ltmt.terminology.tbx import read_tbx

        located = read_tbx(path, src_lang, tgt_lang)
    else:
        pair = (src_lang, tgt_lang) if language_check else None
        text, delimiter = _delimited_text(path), _DELIMITERS[chosen]
        if chosen == "csv":  # a spreadsheet's CSV: ';' in some locales, Excel's sep= line
            text, named = excel_separator_line(text)
            delimiter = named or table_delimiter(path, text.lstrip("\r\n"))
        located = _delimited_terms(text, delimiter, path.name, pair)
    if not located:
        # an empty file is a mistake, and with --replace it would empty the glossary
        raise InputError(f"{path.name}: no terms found (an empty file, or only a header)")
    refuse_two_targets(located, path.name)
    terms = [term for term, _ in located]
    if language_check:
        check_term_languages(str(path), terms, src_lang, tgt_lang, override, purpose)
    return terms


_DELIMITERS = {"csv": ",", "tsv": "\t", "omegat": "\t"}
_HEADER_CHARS = 4096  # the longest first line read as a header: a few column names


def _delimited_text(path: Path) -> str:
    """The text of a CSV or TSV glossary; an :class:`InputError` saying how to convert one
    that is not UTF-8."""
    data = path.read_bytes()
    # the path as given, as translate's readers name it: the command works from where it was
    if problem := utf16_problem(data, path):
        raise InputError(problem)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if path.suffix.lower() in SPREADSHEETS or data.startswith(b"PK\x03\x04"):
            raise InputError(_spreadsheet_advice(path)) from exc
        raise InputError(not_utf8_message(data, path, exc.start)) from exc


def looks_like_a_glossary(path: Path) -> bool:
    """Whether ``path`` is a CSV or TSV file whose header names the glossary's own columns
    (``note``, ``case`` or ``gender`` beside ``source`` and ``target``): ``ltmt memory
    import`` reads such a file's source and target and drops the rest, so it says so."""
    delimiter = _DELIMITERS.get(FORMATS.get(path.suffix.lower(), ""))
    if delimiter is None or not path.is_file():
        return False
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as lines:
        line = lines.readline(_HEADER_CHARS + 1)
    if len(line) > _HEADER_CHARS:  # data, not column names (csv refuses a cell over 128 KiB)
        return False
    first = next(csv.reader([line], delimiter=delimiter), [])
    headings = header_headings([cell.strip() for cell in first]) or []
    roles = {each.role for each in headings}
    return {"source", "target"} <= roles and bool(roles & {"note", "case", "gender"})


def refuse_two_targets(located: list[tuple[Term, str]], name: str) -> None:
    """An :class:`InputError` when two entries (each a term and its place: ``line 3``) give
    one source (as the glossary matches it) different targets: which one the file (or the
    request) means is the user's call, not the last entry's."""
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
    """:func:`parse_delimited`'s terms, each with its line (``line 3``). A header row maps the
    columns by name (:mod:`ltmt.terminology.glossary_columns`); one that names other
    languages than ``pair`` (source, target) is an :class:`InputError`."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    terms: list[tuple[Term, str, bool]] = []  # each with whether its status is preferred
    not_to_use: list[tuple[Term, str]] = []
    one_language: list[str] = []  # a term base's rows with one language's term alone
    columns: Columns | None = None  # None until the first row is read
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if columns is None:
                columns = POSITIONAL
                if (headings := header_headings(cells)) is not None:
                    columns = header_columns(headings, pair, f"{name} line {line}")
                    continue
            said = [columns.cell(cells, side) for side in SIDES if columns.cell(cells, side)]
            if columns.term_base and len(said) < len(SIDES) and len(cells) > 1:
                one_language.append(f"line {line}" + "".join(f" ({term})" for term in said))
                continue
            term = _row_term(cells, columns, f"{name} line {line}")
            if _not_to_use(cells, columns, f"{name} line {line}"):
                not_to_use.append((term, f"line {line}"))
            else:
                preferred = is_preferred(columns.cell(cells, "status"))
                terms.append((term, f"line {line}", preferred))
    except csv.Error as exc:
        raise InputError(f"{name} line {reader.line_num}: {exc}") from exc
    warn_one_language(one_language, name)
    return _with_forbidden(preferred_targets(terms, name), not_to_use, name)


def _not_to_use(cells: list[str], columns: Columns, where: str) -> bool:
    """Whether a row's target is one not to use: its forbidden flag yes, or its status (the
    whole value, any case) one of :data:`NOT_TO_USE`; an :class:`InputError` naming ``where``
    for a bad forbidden flag."""
    flag = columns.cell(cells, "forbidden").strip().casefold()
    if flag not in FLAG_YES | FLAG_NO:  # (not the case flag's words: "cs" is no forbidden yes)
        raise InputError(f"{where}: forbidden flag {flag!r} is not yes/no/true/false/1/0")
    # the whole status, not a word in it: "Approved - not deprecated" is a term to use
    status = columns.cell(cells, "status").strip().casefold()
    return flag in FLAG_YES or status in NOT_TO_USE


def _with_forbidden(
    terms: list[tuple[Term, str]], not_to_use: list[tuple[Term, str]], name: str
) -> list[tuple[Term, str]]:
    """``terms`` with the targets of ``not_to_use`` as the ``forbidden`` of the term of their
    source; those whose source has no term are left out with a warning."""
    index = {term.key: number for number, (term, _) in enumerate(terms)}
    left_out: list[str] = []
    for rejected, place in not_to_use:
        if rejected.key not in index:
            left_out.append(f"{place} ({rejected.source} → {rejected.target})")
            continue
        term, where = terms[index[rejected.key]]
        terms[index[rejected.key]] = (
            replace(term, forbidden=(*term.forbidden, rejected.target)),
            where,
        )
    if left_out:
        logger.warning(
            "%s: %s only a forbidden target: left out (%s)",
            name,
            "1 source has" if len(left_out) == 1 else f"{len(left_out)} sources have",
            first_few(left_out),
        )
    return terms


_OTHER_DELIMITERS = (
    (";", "; this row is separated by ';': save the file with ','"),
    ("\t", "; this row is separated by tabs: pass --format tsv"),
)


def _row_term(cells: list[str], columns: Columns, where: str) -> Term:
    """The term of one row's ``cells``, read by ``columns``; an :class:`InputError` naming
    ``where`` for a row without both terms, with too many cells, a bad case flag or gender."""
    expected = (
        "expected source, target[, note[, case]]"
        if columns.positional
        else f"the header names {columns.width} columns"
    )
    source, target = columns.cell(cells, "source"), columns.cell(cells, "target")
    if not source or not target:
        # a spreadsheet's CSV in another locale, or TSV named .csv
        hint = next((h for d, h in _OTHER_DELIMITERS if len(cells) == 1 and d in cells[0]), "")
        raise InputError(f"{where}: a term needs a source and a target ({expected}{hint})")
    if any(cells[columns.width :]):
        raise InputError(f"{where}: {len(cells)} columns ({expected})")
    flag = columns.cell(cells, "case")
    if flag.casefold() not in CASE_YES | CASE_NO:
        raise InputError(f"{where}: case flag {flag!r} is not yes/no/true/false/1/0")
    try:
        note, gender = columns.note_text(cells), columns.cell(cells, "gender")
        return Term(source, target, note, flag.casefold() in CASE_YES, gender=gender)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc


def write_delimited(terms: Iterable[Term], delimiter: str = ",") -> str:
    """CSV (or TSV) text with a header that :func:`parse_delimited` reads back; a ``gender``
    column only where some term has a gender."""
    listed = list(terms)
    gendered = any(term.gender for term in listed)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow((*HEADER, "gender") if gendered else HEADER)
    for term in listed:
        row = (term.source, term.target, term.note, "yes" if term.case_sensitive else "")
        writer.writerow((*row, term.gender) if gendered else row)
    return out.getvalue()


def write_omegat(terms: Iterable[Term]) -> str:
    """An OmegaT glossary (``.txt``): ``source<TAB>target`` and ``<TAB>comment`` where the term
    has a note; no header and no case column, which OmegaT would read as a term and a
    comment."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for term in terms:
        writer.writerow(
            (term.source, term.target, term.note) if term.note else (term.source, term.target)
        )
    return out.getvalue()
