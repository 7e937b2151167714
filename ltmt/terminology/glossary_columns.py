"""Which column of a CSV/TSV glossary holds what: a header row read by its names.

A glossary's first row is a header when its first two cells both name columns: a role
(``source``, ``Target term``, ``source_term``, ``targetTerm``, ``Translation``, ``note``
or German ``Hinweis``/``Anmerkung``/``Kommentar``, ``case``, ``gender``/``genus``: the
target's German gender), a language (``en``, ``de-AT``, ``English (US)``, ``German
(Germany)``, ``Deutsch``) or both (``Source (EN)``), or a near-miss
of a role (``sourse``, ``traget``). Its columns are then mapped by name, so ``Target,Source``
and ``source,target,case`` are read as they say; a language column goes to the side of the
glossary's pair it names. A near-miss, a column ltmt does not read, two columns of one role, a
missing source or target, and languages other than the pair's are errors that name the column:
a header read as a term (``Target → Source``), or a column read as another (``case`` as the
note), went into the glossary unseen.

A first column named as a table's keys (``Key,English(en),German(de)``: ``Key``, ``ID``,
``Identifier``, as ``translate`` and ``memory import`` read tables) holds string ids, and is
skipped. Terminology tools' exports are read as they write their headers: Crowdin's
``Term [en],Description [en],Term [de],Part of Speech`` (``Term (en)`` alike) names the term of
each language, its note, and a column ltmt does not use (:data:`IGNORED`: part of speech, type,
status and the like), which is skipped. Phrase's term base export is read as well: ``term``,
``term_de`` (``term_<lang>``: that language's term), and a row of language columns
(``Entry_ID,...,en,en_Definition,...,de,de_Status,de_Forbidden,de_Gender``) whose
``<lang>_<name>`` columns say what of that language they hold: the source's definition is the
note, the target's status, forbidden flag and gender are the target's (a target whose status
is forbidden, deprecated, superseded or obsolete, or whose forbidden flag is yes, is one of the
term's forbidden targets, as a TBX file's). A term tool's ``<language> <field>`` headers
(MultiTerm's ``English Definition``, ``German Gender``, ``German_Status``, ``German Part of
Speech``, ``English Usage``; ``English Term``: that language's term) are read as ``de_Status``
is, the language by its name; a language's notes are joined. A header that names its terms by
language beside such a field is a term base's export (:attr:`Columns.term_base`: its rows of
one language alone are left out, :mod:`ltmt.terminology.term_base_rows`). Other columns a
header names and ltmt does not
read are skipped with a warning naming them (a near-miss of a column's name is still an
error). A first row of two names of one language (``English,Englisch``; ``id,ID``) is a term.
Without a header, rows are ``source, target[, note[, case]]``.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, replace

from ltmt.errors import InputError
from ltmt.formats.common import primary_language
from ltmt.formats.csv_columns import KEY_HEADERS

logger = logging.getLogger(__name__)

POSITIONAL_FIELDS = ("source", "target", "note", "case")  # a row's columns without a header
FIELDS = (*POSITIONAL_FIELDS, "gender", "forbidden", "status")
# the fields of one language's term (``de_Status``), read from the target's columns alone
_TARGET_FIELDS = frozenset({"gender", "forbidden", "status"})
KEY = "key"  # the role of a first column of string keys (``Key``, ``ID``), which is skipped
IGNORED = "ignored"  # the role of a column terminology tools export and ltmt does not use

# a role's names as spreadsheets and termbases write them, folded by _folded
_ROLE_NAMES = {
    "source": ("source", "source term", "source text", "term", "original", "src"),
    "target": ("target", "target term", "target text", "translation", "tgt"),
    # German Excel users write Hinweis, Anmerkung or Kommentar over the note column
    "note": (
        "note",
        "notes",
        "comment",
        "comments",
        "definition",
        "description",
        "remark",
        "remarks",
        *("hinweis", "hinweise", "anmerkung", "anmerkungen", "kommentar", "kommentare"),
        *("notiz", "notizen", "bemerkung", "bemerkungen", "beschreibung"),
    ),
    "case": ("case", "case sensitive", "case sensitivity", "match case"),
    "gender": ("gender", "genus", "grammatical gender"),
    "forbidden": ("forbidden", "forbidden term", "do not use"),
    "status": ("status", "term status", "usage status"),
    # Crowdin's glossary export writes these beside the terms; they do not change a term
    IGNORED: ("part of speech", "pos", "type", "url", "lemma", "tags"),
}
_ROLES = {name: role for role, names in _ROLE_NAMES.items() for name in names}
# the names a term tool gives a language's note besides _ROLE_NAMES' (``English Usage``), read
# only as a language's field: a bare "Context" column may be anything
_FIELD_ROLES = {"usage": "note", "usage note": "note", "context": "note"}
_NEAR_MISS = 0.8  # difflib ratio: sourse/source and traget/target are 0.83, base/case 0.75
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,4})*")  # en, de-AT, zh-Hant-TW
# "Source (EN)", "English (US)", Crowdin's "Term [en]"
_PARENTHESISED = re.compile(r"(.*?)\s*(?:\((.*)\)|\[(.*)\])")
_TERM = "term"  # "Term (de)", "Term [de]": the term of that language, source or target
# Phrase's "term_de" (that language's term) and "de_Status" (that language's status)
_TERM_OF = re.compile(rf"term[_\s-]+({_LANGUAGE_CODE.pattern})", re.IGNORECASE)
_LANGUAGE_FIELD = re.compile(r"([a-z]{2,3}(?:-[a-z0-9]{2,4})*)_([a-z]\w*)", re.IGNORECASE)
# the longest cell read as a column's name (``Target term (German, Switzerland)``): a longer
# one is data, and matching it to the names of every language took seconds a kilobyte
MAX_HEADING_CHARS = 64


@dataclass(frozen=True)
class Heading:
    """What one header cell names: a ``role`` (one of :data:`FIELDS`), a ``language`` (its
    primary code), both, or neither; ``meant`` is the role a near-miss resembles."""

    cell: str
    role: str | None = None
    language: str | None = None
    meant: str | None = None

    @property
    def names_a_column(self) -> bool:
        return bool(self.role or self.language or self.meant)


@dataclass(frozen=True)
class Columns:
    """The index of each field's column in a row (None: the file has none); ``width``: the
    columns a row may fill (more is an error)."""

    source: int = 0
    target: int = 1
    note: int | None = 2
    case: int | None = 3
    width: int = 4
    gender: int | None = None
    forbidden: int | None = None
    status: int | None = None
    more_notes: tuple[int, ...] = ()  # a language's other notes (English Usage): joined
    term_base: bool = False  # a term base's export (rows of one language's term are left out)

    def cell(self, cells: list[str], field: str) -> str:
        """``field``'s cell of ``cells`` ("" where the row or the file has none)."""
        index = getattr(self, field)
        return cells[index] if index is not None and index < len(cells) else ""

    @property
    def positional(self) -> bool:
        """Whether the columns are a row's without a header: source, target, note, case."""
        return replace(self, term_base=False) == POSITIONAL

    def note_text(self, cells: list[str]) -> str:
        """The note of a row's ``cells``: its note column's, and its language's other notes
        (``English Definition``, ``English Usage``) after it, joined by ``; ``."""
        more = (cells[index] for index in self.more_notes if index < len(cells))
        return "; ".join(text for text in (self.cell(cells, "note"), *more) if text)


POSITIONAL = Columns()


def heading(cell: str) -> Heading:
    """What ``cell`` names as a column heading (``Source (EN)`` → source, en; ``German
    (Germany)`` → de; ``sourse`` → meant source): a role's name in any case and separator, a
    language code or a language's exact name in English, German or itself (not a word that
    merely resembles one: ``Iron Sword`` is no Ossetian). A cell longer than
    :data:`MAX_HEADING_CHARS` names nothing."""
    text = cell.strip()
    if len(text) > MAX_HEADING_CHARS:
        return Heading(text)
    found = _PARENTHESISED.fullmatch(text)
    if found:
        words, parenthesised, bracketed = found.groups()
        inside = parenthesised if parenthesised is not None else bracketed
        role = _ROLES.get(_folded(words))
        named = _language_of(words)
        code = primary_language(inside) if _LANGUAGE_CODE.fullmatch(inside.casefold()) else None
        if _folded(words) == _TERM and code:
            return Heading(text, language=code)  # its language says its side
        if role or named:
            return Heading(text, role, named or code)
    role = _ROLES.get(_folded(text))
    if role:
        return Heading(text, role)
    if term_of := _TERM_OF.fullmatch(text):
        return Heading(text, language=primary_language(term_of.group(1)))
    if (field := _LANGUAGE_FIELD.fullmatch(text)) and _field_role(field.group(2)):
        return Heading(text, _field_role(field.group(2)), primary_language(field.group(1)))
    language = _language_of(text)
    if language:
        return Heading(text, language=language)
    if named_field := _language_and_field(text):
        return named_field
    close = difflib.get_close_matches(_folded(text), list(_ROLES), n=1, cutoff=_NEAR_MISS)
    return Heading(text, meant=_ROLES[close[0]] if close else None)


def _field_role(name: str) -> str | None:
    """The role of a language's field named ``name`` (``Definition``, ``Part of Speech``,
    ``Usage``), else None: a language's source or target is no field of it."""
    role = _ROLES.get(_folded(name)) or _FIELD_ROLES.get(_folded(name))
    return role if role not in ("source", "target") else None


def _language_and_field(text: str) -> Heading | None:
    """The heading of a term tool's ``<language> <field>`` cell (MultiTerm's ``English
    Definition``, ``German Gender``, ``German_Status``; ``English Term``: that language's term),
    else None. The language is an exact name (codes are read as ``de_Status``): "My" of ``My
    notes`` is Burmese's code, and no language here."""
    parts = re.split(r"[\s_]+", text)
    for cut in range(1, len(parts)):
        name, field = " ".join(parts[:cut]), " ".join(parts[cut:])
        role = _field_role(field)
        if role is None and _folded(field) != _TERM:
            continue
        if language := _language_named(name):
            return Heading(text, role, language)
    return None


def _folded(text: str) -> str:
    """``text`` casefolded, camelCase split and separators as spaces (``sourceTerm``,
    ``source_term``, ``Source-Term`` → ``source term``)."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text.strip())
    return " ".join(re.split(r"[\s_\-./]+", spaced.casefold())).strip()


def _language_of(text: str) -> str | None:
    """The language ``text`` is the code or the exact name of, else None."""
    word = text.strip()
    if _LANGUAGE_CODE.fullmatch(word.casefold()):
        return primary_language(word)
    return _language_named(word) if word else None


def _language_named(name: str) -> str | None:
    import langcodes

    try:
        language = langcodes.find(name)
    except LookupError:
        return None
    names = {language.display_name(lang).casefold() for lang in ("en", "de")}
    names.add(language.autonym().casefold())
    return language.language if name.casefold() in names else None


def language_meant(cell: str, languages: tuple[str, ...]) -> str | None:
    """The one of ``languages`` (codes) whose name ``cell`` is a near-miss of (``Germn``,
    ``Englsh`` → de, en), else None: a header so misspelt names no language, and its column
    went unread unseen. Names are compared as :func:`heading` reads them (English, German, the
    language's own), an exact name is no near-miss; a cell too long for a heading is none."""
    folded = _folded(cell)
    if not folded or len(folded) > MAX_HEADING_CHARS or _language_of(cell):
        return None
    for code in languages:
        if difflib.get_close_matches(folded, _language_names(code), n=1, cutoff=_NEAR_MISS):
            return primary_language(code)
    return None


def _language_names(code: str) -> list[str]:
    """Language ``code``'s names in English, German and itself, folded."""
    import langcodes

    language = langcodes.Language.get(primary_language(code))
    names = {language.display_name(lang) for lang in ("en", "de")} | {language.autonym()}
    return [_folded(name) for name in names]


def header_headings(cells: list[str]) -> list[Heading] | None:
    """The headings of a first row that is a header (module docstring), else None: its
    first two cells must name two different columns (``Original,Original`` and
    ``English,Englisch`` are terms)."""
    keyed = len(cells) > 2 and _folded(cells[0]) in KEY_HEADERS  # Key,English(en),German(de)
    if len(cells) < 2:
        return None
    headings = [heading(cell) for cell in cells]
    if keyed:
        headings[0] = Heading(cells[0].strip(), role=KEY)
    if _phrase_languages(headings):
        return headings
    first, second = headings[int(keyed) : int(keyed) + 2]
    if not (first.names_a_column and second.names_a_column) or {IGNORED, "status"} & {
        first.role,
        second.role,
    }:
        return None  # a first term may be a word such as "type" or "status"
    if (first.role or first.meant) == (second.role or second.meant) and (
        first.role or first.meant or first.language == second.language
    ):
        return None
    return headings


def _phrase_languages(headings: list[Heading]) -> bool:
    """Whether ``headings`` are a Phrase term base's: two columns named by a language alone
    (``en``, ``de``) and one of a language's field (``de_Status``), wherever they stand."""
    languages = {h.language for h in headings if h.language and not h.role}
    fielded = any(_language_field(each) for each in headings)
    return len(languages) >= 2 and fielded


def header_columns(headings: list[Heading], pair: tuple[str, str] | None, where: str) -> Columns:
    """The columns a header's ``headings`` name; with ``pair`` (source, target), a language
    column goes to the side it names, and other languages are an :class:`InputError`, as are
    near-misses and roles named twice or not at all; columns ltmt does not read (``domain``, a
    source's ``en_Status``) are skipped with a warning naming them."""
    for each in headings:
        if each.meant:
            raise InputError(
                f"{where}: the header's column {each.cell!r} is not one ltmt reads (did you "
                f"mean {each.meant!r}?); name the columns {', '.join(FIELDS)} (or by language), "
                "or remove it"
            )
    _check_languages(headings, pair, where)
    found: dict[str, int] = {}
    more_notes: list[int] = []
    unread: list[str] = []
    for index, each in enumerate(headings):
        if not each.cell or each.role == IGNORED:
            continue
        if not each.names_a_column or not _of_its_side(each, headings, pair):
            unread.append(each.cell)
            continue
        role = each.role or _language_role(each, headings, pair)
        if role == "note" and role in found and each.language:
            more_notes.append(index)  # English Definition, English Usage: both the term's
            continue
        if role in found:
            raise InputError(f"{where}: the header names two {role} columns; keep one")
        found[str(role)] = index
    found.pop(KEY, None)  # the rows' keys (string ids): no part of a term
    for needed in ("source", "target"):
        if needed not in found:
            raise InputError(f"{where}: the header names no {needed} column; name one {needed}")
    if unread:
        logger.warning(
            "%s: the header's %s %s not read (ltmt reads %s); ignored",
            where,
            "column" if len(unread) == 1 else "columns",
            ", ".join(unread) + (" is" if len(unread) == 1 else " are"),
            ", ".join(FIELDS),
        )
    # their cells are no note or case
    ignored = unread or any(each.role == IGNORED for each in headings)
    term_base = _term_base_export(headings, found)
    if (
        not set(found) - set(POSITIONAL_FIELDS)
        and not ignored
        and not more_notes
        and all(found.get(field) in (index, None) for index, field in enumerate(POSITIONAL_FIELDS))
    ):
        # the usual order (source, target[, note]): the columns it leaves out keep their place
        return replace(POSITIONAL, term_base=term_base)
    return Columns(
        found["source"],
        found["target"],
        found.get("note"),
        found.get("case"),
        len(headings),
        found.get("gender"),
        found.get("forbidden"),
        found.get("status"),
        tuple(more_notes),
        term_base,
    )


def _term_base_export(headings: list[Heading], found: dict[str, int]) -> bool:
    """Whether the header is a term base's export: its source and target columns named by
    their languages alone (``en``, ``German``, ``Term [de]``) and a field of a language beside
    them (``en_Definition``, ``German Gender``). Its rows may hold one language's term alone
    (a concept without the other's); a bilingual glossary's ``English,German`` may not."""
    by_language = all(
        headings[found[side]].language and headings[found[side]].role is None
        for side in ("source", "target")
    )
    return by_language and any(_language_field(each) for each in headings)


def _language_field(each: Heading) -> bool:
    """Whether ``each`` names a field of one language's term (``de_Status``, ``English
    Definition``, ``Description [en]``)."""
    return bool(each.language) and each.role not in (None, "source", "target")


def _of_its_side(each: Heading, headings: list[Heading], pair: tuple[str, str] | None) -> bool:
    """Whether a language's field (``de_Status``, ``en_Definition``) is of the side its role
    is read from: a status, forbidden flag or gender the target's, a note the source's where
    the source has one (``Definition (de)`` alone is the note). Other columns: True."""
    if not each.language or not each.role or each.role in ("source", "target", KEY):
        return True
    source = _source_language(headings, pair)
    if each.role in _TARGET_FIELDS:
        return each.language != source
    if each.role == "note":
        return each.language == source or not any(
            h.role == "note" and h.language == source for h in headings
        )
    return True


def _source_language(headings: list[Heading], pair: tuple[str, str] | None) -> str | None:
    """The source's language: ``pair``'s, or without one the first language column's."""
    if pair is not None:
        return primary_language(pair[0])
    return next((h.language for h in headings if h.language and not h.role), None)


def _language_role(each: Heading, headings: list[Heading], pair: tuple[str, str] | None) -> str:
    """The side a language column holds: the pair's side it names, or without a pair (no
    language check) the first language column is the source."""
    if pair is not None:
        return "source" if each.language == primary_language(pair[0]) else "target"
    if any(h.role == "source" for h in headings):  # term, term_de
        return "target"
    first = next(h for h in headings if h.language and not h.role)
    return "source" if first is each else "target"


def _check_languages(headings: list[Heading], pair: tuple[str, str] | None, where: str) -> None:
    """InputError where the header names other languages than ``pair``, by their languages
    alone: ``en, de`` is a glossary of ``en`` → ``de-AT`` too, and ``de, en`` one of ``en`` →
    ``de`` read by name. A header with both roles and languages must name the pair's languages
    for its roles: ``Source (DE), Target (EN)`` says the file is of ``de`` → ``en``."""
    if pair is None:
        return
    wanted = tuple(primary_language(code) for code in pair)
    said: tuple[str, ...]
    by_role = {h.role: h.language for h in headings if h.role in ("source", "target")}
    if by_role.get("source") and by_role.get("target"):
        said = (str(by_role["source"]), str(by_role["target"]))
        if said == wanted:
            return
    else:
        said = tuple(str(h.language) for h in headings if h.language and not h.role)
        if set(said) <= set(wanted) and len(set(said)) == len(said):
            return
    listed = ", ".join(said)
    raise InputError(
        f"{where}: the header names the columns {listed}, not {pair[0]}, {pair[1]} (--src-lang, "
        "--tgt-lang); give the languages the header says, or check the file"
    )
