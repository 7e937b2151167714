"""Which columns of a CSV table are translated, and into which (:mod:`ltmt.formats.csv_table`).

By their headers (on the first row, or on one of the next few after a title row): the source
language's column (``en``, ``English (en)``, ``English``, ``Line EN`` beside ``Line DE``, or
by its role, ``source``) into the target's (``de``; added after the last when the table has
none, in the source column's style: ``German(de)`` beside ``English(en)``, ``de_DE`` beside
``en_US``, ``German`` beside ``English``). A table with
several source-language columns (a shop's ``Title (en)``, ``Body (en)``)
has each translated into the target-language column of the same name (``Title (de)``,
``Body (de)``); one without such a column is named in a warning. A column of another variant
of the source language (``en-GB`` beside ``en``) is left as written. Or as ``ltmt translate
--columns`` names them: ``Title,Body (HTML),SEO Title`` (a shop's export, whose columns name
no language) has those columns' cells translated in place in the output's copy, and
``Title (en)=Title (de)`` one column into another. The first column, when it names no
language and is not translated, is the rows' keys: their context for memory matches.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import lang_matches, language_error, primary_language
from ltmt.formats.language_rows import row_language_column
from ltmt.language_detection import language_name

logger = logging.getLogger(__name__)

# a header naming a language: its code (en, en-US, en_US, zh-Hans), or a name ending with the
# code in brackets (English (en), German(de))
_LANGUAGE_HEADER = re.compile(
    r"^\s*(?:[^()\[\]]*[(\[]\s*)?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*[)\]]?\s*$"
)
_BRACKETED_END = re.compile(r"[(\[][^()\[\]]*[)\]]\s*$")  # (en) in Title (en)


@dataclass(frozen=True)
class Pair:
    """A column to translate and the column its translations go to: another (``Title (en)``
    into ``Title (de)``), itself (translated in place, in the output's copy of the table) or
    None (a column added after the header's last)."""

    source: int
    target: int | None

    @property
    def in_place(self) -> bool:
        return self.target == self.source


@dataclass(frozen=True)
class Columns:
    """Where a table keeps its languages: the pairs of columns translated (the first one's
    units keyed by their row alone) and the key column (None: the first column names a
    language, or is translated)."""

    pairs: tuple[Pair, ...]
    key: int | None
    by_role: bool = False  # named source and target, not by their languages
    # the column whose cells name each row's language (Yarn's string table: language), written
    # the target's in the output
    language: int | None = None
    # the header of the target column added after the last (--columns LABEL=TRANSLATION for
    # a header without TRANSLATION), None: as the source column's names its language
    added: str | None = None
    # the headers of the target columns added after the last where --columns names several
    # pairs (Title=Title (de),Body=Body (de)): their pairs' targets are the columns after the
    # header's last, in this order
    appended: tuple[str, ...] = ()


# headers naming a column by its role (compared lower-cased, spaces and underscores as one)
# (a Salesforce admin's KEY,LABEL: the labels are the text)
SOURCE_HEADERS = frozenset(
    {"source", "source text", "source string", "original", "src", "msgid", "label", "labels"}
)
TARGET_HEADERS = frozenset(
    {"target", "target text", "target string", "translation", "tgt", "msgstr"}
)
# headers naming the rows' keys (a first column so named is the keys, though id is a language)
KEY_HEADERS = frozenset({"id", "ids", "key", "keys", "identifier", "string id", "name"})
# headers a --columns hint takes for keys: a shop's SKU is one, its Name the product's text
_HINT_KEY_HEADERS = (KEY_HEADERS - {"name"}) | {"sku", "article number", "item number"}
# headers naming a note to translators, no text to translate (suggested by no hint)
_NOTE_HEADERS = frozenset({"comment", "comments", "note", "notes", "context"})
# headers naming who speaks a game's line (suggested by no hint: a name is not translated)
_NAME_HEADERS = frozenset({"speaker", "character", "actor", "voice", "speaker name"})
# a cell that reads as a name (Mira Voss, Kael): up to three capitalised words, no sentence's
# punctuation
_NAME_CELL = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}")
# ordinary header words that langcodes reads as a language's name (Label: lbb, Remark: bow,
# Index: kzf): never a language's column
_WORDS_NOT_NAMES = frozenset(
    {"text", "value", "description", "remark", "remarks", "index", "character", "duration",
     "limit", "title", "type"}
) | KEY_HEADERS | SOURCE_HEADERS | TARGET_HEADERS | _NOTE_HEADERS  # fmt: skip


def _role(header: str) -> str:
    """A header as the role names are compared: lower case, spaces and underscores as one."""
    # (a camel-cased name as its words: Unreal's SourceString is "source string")
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)
    return " ".join(spaced.replace("_", " ").lower().split())


def language_of(header: str) -> str | None:
    """The language a column's header names, or None. A bare header must be a code the C
    library knows (``locale.locale_alias``: ``en``, ``pt_BR``; not ``key`` or ``text``)."""
    import locale

    found = _LANGUAGE_HEADER.match(header)
    if found is None:
        return None
    code = found.group(1).replace("_", "-").lower()
    bracketed = "(" in header or "[" in header
    if not bracketed and (
        header.strip() != found.group(1) or primary_language(code) not in locale.locale_alias
    ):
        return None
    return code


def _languages(header: list[str], rows: list[list[str]]) -> dict[int, str | None]:
    """The language each column of ``header`` names (:func:`language_of`), none where a key's
    header (``id``) heads cells that are plainly ids (``line:0a1b2c``, in ``rows``); a header
    naming it
    by a word (``Line EN``, ``text_de``: :func:`_word_language`) only where another has the
    same stem with another language (``Line EN``, ``Line DE``) and no column names a language
    whole (``en-US``, ``English``) or the source by its role: else ``Context EN`` is a note
    about the row, not its text."""
    from ltmt.formats.yarn_tables import plainly_keys

    ids = {
        index
        for index, cell in enumerate(header)
        if _role(cell) in KEY_HEADERS and plainly_keys([_at(row, index) for row in rows])
    }
    languages = {
        index: None if index in ids else language_of(cell) for index, cell in enumerate(header)
    }
    whole = any(
        _role(cell) in SOURCE_HEADERS
        or (
            _role(cell) not in KEY_HEADERS  # (id: the keys, though Indonesian's code)
            and (languages[index] is not None or _named_language(cell) is not None)
        )
        for index, cell in enumerate(header)
    )
    if whole:
        return languages
    words = {index: _word_language(cell) for index, cell in enumerate(header)}
    for index, word in words.items():
        if word is not None and any(
            other is not None and other[1] == word[1] and other[0] != word[0]
            for other in words.values()
        ):
            languages[index] = word[0]
    return languages


# a header's last word naming a language, never a text's (Source Language, targetLocale)
_LANGUAGE_WORDS = frozenset({"language", "languages", "lang", "locale", "locales"})


# the non-empty cells of a column read to tell whether it holds languages: enough to tell a
# column of codes from one of texts, and a bound on a table of many thousand rows
_LANGUAGE_SAMPLE = 200


def _of_languages(header: list[str], rows: list[list[str]], index: int) -> bool:
    """Whether column ``index`` holds each row's language, not its text: its header names a
    language (``sourceLanguage``, ``Target Locale``) or its first :data:`_LANGUAGE_SAMPLE`
    non-empty cells in ``rows`` are language codes (``en``, ``de-DE``)."""
    words = _role(header[index]).split()
    if words and words[-1] in _LANGUAGE_WORDS:
        return True
    cells = (_at(row, index).strip() for row in rows)
    sample = list(islice((cell for cell in cells if cell), _LANGUAGE_SAMPLE))
    return bool(sample) and all(language_of(cell) is not None for cell in sample)


def _at(row: list[str], index: int) -> str:
    """``row``'s cell ``index`` ("" where the row is shorter)."""
    return row[index] if index < len(row) else ""


def _word_language(header: str) -> tuple[str, str] | None:
    """The language that ``header``'s last or first word names (``Line EN``, ``EN Line``,
    ``line_de``, ``Text English``) and the rest of it (its stem, lower case: ``line``), or
    None: its code in capitals (or in a name joined by ``_``), or its English name or its own;
    not ``ID`` (``Item ID``: the keys, not Indonesian)."""
    import locale

    import langcodes

    words = re.split(r"[\s_]+", header.strip())
    if len(words) < 2:
        return None
    for at, word in ((-1, words[-1]), (0, words[0])):
        lowered = word.lower()
        stem = " ".join(words[:-1] if at == -1 else words[1:]).lower()
        if re.fullmatch(r"[A-Z]{2,3}", word) or (
            "_" in header and re.fullmatch(r"[a-z]{2,3}", word)
        ):
            if lowered in locale.locale_alias and lowered != "id":
                return lowered, stem
        elif len(word) > 3 and (code := _named_language(word)) is not None:
            names = {
                langcodes.Language.get(code).display_name(shown).lower() for shown in ("en", code)
            }
            if lowered in names:
                return code, stem
    return None


# a header that names its language and the code after it in brackets: English(en), English
# (United States)(en-US), English [en]: the name, what is between it and the bracket, the code
# a locale code with a region, as Godot's and gettext's tables head a column (en_US, en-GB)
_REGIONAL_CODE = re.compile(r"[a-z]{2,3}(?P<separator>[_-])[A-Z]{2}")
_NAMED_CODE = re.compile(
    r"^(?P<name>.*?\S)(?P<space>\s*)(?P<open>[(\[])\s*(?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*[)\]]\s*$"
)


def added_header(source: str, tgt_lang: str) -> str:
    """The header of a target column added to a table whose source column is headed ``source``:
    in its style where it names its language and the code in brackets (Unity's ``English(en)``
    gets ``German(de)``, ``English (United States)(en-US)`` gets ``German (Germany)(de-DE)``
    for de-DE: Unity finds a column so named) or is a locale with a region (Godot's ``en_US``
    gets ``de_DE``, its language's main region where ``tgt_lang`` names none) or is a
    language's name (``English`` gets ``German``, ``Englisch`` ``Deutsch``), else the code
    ``tgt_lang``; not where the name is another language's than the code (``English (UK)``: a
    region)."""
    regional = _REGIONAL_CODE.fullmatch(source.strip())
    if regional is not None:
        return _with_region(tgt_lang, regional["separator"])
    named = _name_like(source, tgt_lang)
    if named is not None:
        return named
    found = _NAMED_CODE.match(source)
    code = found["code"].replace("_", "-") if found else ""
    if found is None or _named_language(found["name"]) != primary_language(code):
        return tgt_lang  # (English (UK): a region, no code)
    code = tgt_lang.replace("-", "_") if "_" in found["code"] else tgt_lang.replace("_", "-")
    close = ")" if found["open"] == "(" else "]"
    return f"{language_name(tgt_lang)}{found['space']}{found['open']}{code}{close}"


def _name_like(source: str, tgt_lang: str) -> str | None:
    """``tgt_lang``'s name in the language and the case ``source`` names its own in
    (``English``: ``German``; ``Englisch``: ``Deutsch``; ``ENGLISH``: ``GERMAN``), or None
    where ``source`` is no language's name alone."""
    import langcodes

    code, text = _named_language(source), source.strip()
    if code is None or language_of(source) is not None:  # (en: a code, though a name of Enets)
        return None
    target = langcodes.Language.get(primary_language(tgt_lang))
    for display in dict.fromkeys(("en", code, target.language or "en")):
        if langcodes.Language.get(code).display_name(display).lower() == text.lower():
            name = target.display_name(display)
            return name.upper() if text.isupper() else name.lower() if text.islower() else name
    return None


def _with_region(tgt_lang: str, separator: str) -> str:
    """``tgt_lang`` as a locale with a region, joined by ``separator`` (``de`` → ``de_DE``:
    the region CLDR's likely subtags give); as given where it names a script or no region is
    known."""
    import langcodes

    try:
        tag = langcodes.Language.get(tgt_lang.replace("_", "-"))
    except (ValueError, LookupError):
        return tgt_lang
    region = tag.territory or tag.maximize().territory
    if tag.script or not tag.language or not region:
        return tgt_lang
    return f"{tag.language}{separator}{region}"


def _first(languages: dict[int, str | None], language: str) -> int | None:
    """The first column of ``languages`` (by index) whose primary language is ``language``'s."""
    return next((i for i, found in languages.items() if found == primary_language(language)), None)


def _named_language(header: str) -> str | None:
    """The language (its primary code) that ``header`` names by its name, in English or in
    itself (``English``, ``German``, ``Deutsch``, ``Portuguese (Brazil)``: ``langcodes``, from
    CLDR's names), or None: never an ordinary header's word (``Label``, a language's name too)."""
    import langcodes

    text = header.strip()
    if not text or text.isdigit() or _role(text) in _WORDS_NOT_NAMES:
        return None
    try:
        found = langcodes.find(text)
    except LookupError:
        return None
    return primary_language(str(found.language)) if found.language else None


def names_a_column(cell: str) -> bool:
    """Whether ``cell`` reads as a header's: a language's code or name (``en``, ``English``)
    or a word a header names a column by (``source``, ``key``, ``type``, ``Status``); a row
    of none is data, not a header (a Magento dictionary's: :mod:`ltmt.formats.magento_csv`)."""
    role = _role(cell)
    words = _WORDS_NOT_NAMES | STATUS_HEADERS | LIMIT_HEADERS
    return role in words or language_of(cell) is not None or _named_language(cell) is not None


def find_columns(
    header: list[str],
    path: Path,
    src_lang: str,
    tgt_lang: str,
    command: str = "translate",
    rows: list[list[str]] | None = None,
) -> Columns:
    """The columns of ``src_lang`` and ``tgt_lang`` named by ``header`` (``rows``: the data
    rows below it, which tell a Yarn string table and a column of ids); an error naming the
    languages the header has when it has no column for ``src_lang`` (with an example of
    ``ltmt COMMAND --columns``)."""
    from ltmt.formats.yarn_tables import string_table_columns

    rows = rows or []
    yarn = string_table_columns(header, rows, path, src_lang, tgt_lang)
    if yarn is not None:  # language,id,text: text translated in place, language cells retagged
        language, key, text = yarn
        return Columns((Pair(text, text),), key, language=language)
    languages = _languages(header, rows)

    def column(language: str) -> int | None:
        exact = [i for i, found in languages.items() if found == language.lower()]
        primary = primary_language(language)
        near = [i for i, found in languages.items() if lang_matches(found, primary)]
        return next(iter(exact or near), None)

    source, target = column(src_lang), column(tgt_lang)
    names: dict[int, str | None] = {}
    if source is None:  # named by the language's name? (English, German, Deutsch)
        names = {  # (not id's: the keys, which langcodes reads as Ladin's name)
            index: None if _role(cell) in KEY_HEADERS else _named_language(cell)
            for index, cell in enumerate(header)
        }
        source = _first(names, src_lang)
        if source is not None and target is None:
            target = _first(names, tgt_lang)
    by_role = False
    if source is None:  # named by role?
        # (never a column of languages: sourceLanguage, or cells en, de, beside sourceText)
        roles = ["" if _of_languages(header, rows, i) else _role(c) for i, c in enumerate(header)]
        source = next((i for i, role in enumerate(roles) if role in SOURCE_HEADERS), None)
        if source is not None:
            by_role = True
            # (else the target language's column: Label,de fills de, not a column added)
            target = next(
                (i for i, role in enumerate(roles) if role in TARGET_HEADERS),
                target if target is not None else _first(names, tgt_lang),
            )
            if target is None and roles[source] == "original" and "text" in roles:
                target = roles.index("text")  # (Yarn's id,text,original: text is its target)
            if target is None and header[source].strip() == "SourceString":
                # Unreal's string table (Key,SourceString,Comment) holds one language: its
                # SourceString is translated in place, as Yarn's string table's text is
                target = source
    if source is None:
        found = [language for language in languages.values() if language]
        found = found or [language for language in names.values() if language]
        if not found:
            shown = ", ".join(header[:6]) + (" ..." if len(header) > 6 else "")
            raise InputError(
                f"{path}: no column of its header names a language or the source ({shown}); "
                f"name the source-language column {src_lang} and the target's {tgt_lang}, as "
                f"in keys,{src_lang},{tgt_lang}, or source and target; "
                f"{_columns_hint(header, path, command, rows, src_lang or 'en', tgt_lang)}"
            )
        _refuse_a_misspelt_source(header, path, src_lang)
        raise language_error(path, found, src_lang, tgt_lang)
    if target is None and not by_role:
        _warn_of_a_misspelt_target(header, path, tgt_lang)
    sources = _source_columns(languages, source, src_lang)
    pairs: tuple[Pair, ...] = (Pair(source, target),)
    if len(sources) > 1:  # Title (en), Body (en): each into its own language's column
        pairs = _same_named_pairs(header, languages, sources, tgt_lang) or pairs
        paired = {pair.source for pair in pairs}
        _warn_of_unpaired_sources(header, path, [i for i in sources if i not in paired], tgt_lang)
    return Columns(pairs, _key_column(header, pairs), by_role)


# headers naming a row's review status (a spreadsheet's Status: New, Approved)
STATUS_HEADERS = frozenset({"status", "state", "review status", "translation status"})


def status_column(header: list[str]) -> int | None:
    """The column of ``header`` that holds each row's review status, or None."""
    return next((i for i, cell in enumerate(header) if _role(cell) in STATUS_HEADERS), None)


# headers naming a row's length limit in characters (a game's Max length), compared as roles
LIMIT_HEADERS = frozenset(
    {
        "max length", "maxlength", "max. length", "max len", "length limit", "char limit",
        "character limit", "max chars", "max characters", "max. länge", "max länge",
    }
)  # fmt: skip


def limit_column(header: list[str]) -> int | None:
    """The column of ``header`` that holds each row's length limit in characters, or None."""
    return next((i for i, cell in enumerate(header) if _role(cell) in LIMIT_HEADERS), None)


HEADER_ROWS = 5  # the rows a header may be on: after a title row or a few (a sheet's)


def find_header(
    rows: list[list[str]], path: Path, src_lang: str, tgt_lang: str, command: str = "translate"
) -> tuple[int, Columns]:
    """The row of ``rows`` that names the columns (:func:`find_columns`) and the columns it
    names: the first, or the first of the next few that names the languages where the first
    is a title (one cell of several not empty: ``Hero Quest — UI strings,,,``, a sheet's merged
    cells; not a data row of a table without a header, ``greeting,Hello there``); the first
    row's error where none does, said of a title row that it is no header (``command``: the
    one its ``--columns`` example gives)."""
    first = rows[0][0].strip() if rows and rows[0] else ""
    if first.startswith("#"):  # (Salesforce's .stf: # lines, its header one too)
        raise InputError(
            f"{path}: its first line is a comment ({first[:40]}...), not a header naming the "
            f"columns; a CSV table's first row names them (keys,{src_lang},{tgt_lang}): delete "
            "the comment lines"
        )
    try:
        return 0, find_columns(rows[0], path, src_lang, tgt_lang, command, rows[1:])
    except InputError as error:
        # (only after a title: a table without a header has data rows there, greeting,Hello)
        cells = [cell.strip() for cell in rows[0] if cell.strip()]
        if len(rows[0]) < 2 or len(cells) != 1:
            raise
        for number, row in enumerate(rows[1:HEADER_ROWS], 1):
            try:
                return number, find_columns(row, path, src_lang, tgt_lang, rows=rows[number + 1 :])
            except InputError:
                continue
        raise InputError(
            f"{path}: its first row is no header, but a title ({cells[0]}), and none of "
            f"the next {HEADER_ROWS - 1} rows names the columns; put a header row naming "
            f"them first (keys,{src_lang},{tgt_lang})"
        ) from error


def _source_columns(languages: dict[int, str | None], source: int, src_lang: str) -> list[int]:
    """The ``source`` column and the others of its language (``Title (en)``, ``Body (en)``:
    each a field to translate into its own target column). A column of another variant of
    the language (``en-GB`` beside ``en``) is that variant's text, not a field: left as
    written. Where the source column names no code (``English``), any of its language's."""
    language = languages[source]
    primary = primary_language(src_lang)

    def same_language(found: str | None) -> bool:
        return found == language if language else lang_matches(found, primary)

    return [i for i, found in languages.items() if i == source or same_language(found)]


def _key_column(header: list[str], pairs: tuple[Pair, ...]) -> int | None:
    """The first column, as the rows' keys, unless it names a language (``id`` is
    Indonesian's code, but as a first column, the keys) or a pair translates it."""
    keys = language_of(header[0]) is None or _role(header[0]) in KEY_HEADERS
    used = {column for pair in pairs for column in (pair.source, pair.target)}
    return 0 if keys and 0 not in used else None


def _name(header: str) -> str:
    """A header without the language it ends with in brackets: ``Title (en)``, ``title``."""
    return _BRACKETED_END.sub("", header).strip().lower()


def _same_named_pairs(
    header: list[str], languages: dict[int, str | None], sources: list[int], tgt_lang: str
) -> tuple[Pair, ...]:
    """Each column of ``sources`` (``Title (en)``, ``Body (en)``) paired with the
    ``tgt_lang`` column of the same name (``Title (de)``, ``Body (de)``), where there is one."""
    primary = primary_language(tgt_lang)
    targets = {
        _name(header[i]): i for i, found in languages.items() if lang_matches(found, primary)
    }
    return tuple(
        Pair(source, targets[_name(header[source])])
        for source in sources
        if _name(header[source]) in targets
    )


def _misspelt(header: list[str], language: str) -> str | None:
    """The header cell that is a near-miss of ``language``'s name (``Germn``), or None."""
    from ltmt.terminology.glossary_columns import language_meant

    return next((cell for cell in header if language_meant(cell, (language,))), None)


def _names_or_keys(header: list[str], rows: list[list[str]], index: int) -> bool:
    """Whether column ``index`` holds names or keys, not text to translate: its header names
    the speakers (``Speaker``, ``Character``), or its first :data:`_LANGUAGE_SAMPLE` non-empty
    cells in ``rows`` are plainly ids or numbers (``70``, ``line:0a1b``) or names (``Mira
    Voss``: :data:`_NAME_CELL`) half of which at least repeat one before them (a cast speaks
    many lines; a sentence's text, a button's label, seldom repeats so)."""
    from ltmt.formats.yarn_tables import plainly_keys

    if _role(header[index]) in _NAME_HEADERS:
        return True
    cells = (_at(row, index).strip() for row in rows)
    sample = list(islice((cell for cell in cells if cell), _LANGUAGE_SAMPLE))
    names = all(_NAME_CELL.fullmatch(cell) for cell in sample)
    return plainly_keys(sample) or (names and 2 * len(set(sample)) <= len(sample))


def _reads_as_prose(cells: list[str]) -> bool:
    """Whether ``cells`` (a column's) are text: half of them at least hold two words with a
    space between (``Book a Workspace``; not ``short_description``, ``en`` or ``Save``)."""
    return bool(cells) and 2 * sum(bool(_WORDS.search(cell)) for cell in cells) >= len(cells)


_WORDS = re.compile(r"[^\W\d_] [^\W\d_]")  # two words: a letter, a space, a letter


def _prose_columns(header: list[str], rows: list[list[str]], columns: list[int]) -> list[str]:
    """The headers of ``columns`` whose cells in ``rows`` read as prose, the longest texts
    first (their letters and spaces on average)."""

    def sample(index: int) -> list[str]:
        cells = (_at(row, index).strip() for row in rows)
        return list(islice((cell for cell in cells if cell), _LANGUAGE_SAMPLE))

    def length(index: int) -> float:
        cells = sample(index)
        return sum(ch.isalpha() or ch == " " for cell in cells for ch in cell) / len(cells)

    prose = [index for index in columns if _reads_as_prose(sample(index))]
    return [header[index].strip() for index in sorted(prose, key=length, reverse=True)]


def _columns_hint(
    header: list[str],
    path: Path,
    command: str = "translate",
    rows: list[list[str]] | None = None,
    src_lang: str = "en",
    tgt_lang: str = "de",
) -> str:
    """How ``ltmt COMMAND --columns`` names the columns to translate in ``header``: one into
    another where two look like a pair (``Line 1``, ``Line 2``: alike but for their last
    word) or ``command`` is ``memory import`` or ``qa`` (which read pairs: the two after the
    keys, neither names nor notes where two are left), else in place (a shop's product export,
    of one language); never a column of names or keys (:func:`_names_or_keys` of ``rows``, the
    data rows) where another is left."""
    named = [cell.strip() for cell in header if cell.strip()]  # (an empty name cannot be given)
    # (a file read as CSV by --format csv only: the command keeps it)
    given = f"{path.name} " + ("" if path.suffix.lower() == ".csv" else "--format csv ")
    stems = [" ".join(cell.split()[:-1]).lower() for cell in named]
    pair = next(
        (
            (named[i], named[j])
            for i in range(len(named))
            for j in range(i + 1, len(named))
            if stems[i] and stems[i] == stems[j]
        ),
        None,
    )
    # (never the keys, names, notes or languages: translated, a key no longer finds its string)
    kept = [
        index
        for index, cell in enumerate(header)
        if cell.strip()
        and _role(cell) not in _HINT_KEY_HEADERS | _NOTE_HEADERS
        and not _names_or_keys(header, rows or [], index)
        and not _of_languages(header, rows or [], index)
    ]
    plain = [header[index].strip() for index in kept]
    prose = _prose_columns(header, rows or [], kept)
    reads_pairs = command in ("memory import", "qa")
    language = row_language_column(header, rows or [], src_lang)
    if language is not None and len(prose) == 1:  # (a row per language, one text column)
        rows_of = f"a table with a row per language (its {header[language].strip()} column)"
        if not reads_pairs:
            column = f'--columns "{prose[0]}"'
            return f"{rows_of} is translated by its text column: ltmt translate {given}{column}"
        both = f'--columns "{prose[0]}={prose[0]}_{tgt_lang}"'
        return (
            f"{rows_of} is read by {command} only where its translations are in a column of "
            f"their own, as ltmt translate SOURCE.csv {both} writes them; then ltmt {command} "
            f"{given}{both}"
        )
    # (after the keys, where more than two: Line=German, not Speaker=Line)
    after = plain[1:] if len(named) > 2 and plain[:1] == named[:1] else plain
    if pair is None and reads_pairs and len(after) > 1:
        pair = (after[0], after[1])
    elif pair is None and reads_pairs and len(named) > 1:
        pair = (named[-2], named[-1]) if len(named) == 2 else (named[1], named[2])
    if pair is not None:
        what = (
            "the sources' column and their translations'"
            if reads_pairs
            else "the column to translate and the one its translations go to"
        )
        return f'or name {what}: ltmt {command} {given}--columns "{pair[0]}={pair[1]}"'

    texts = [cell for cell in named if re.search(r"(?i)title|body|description|text", cell)]
    hinted = ",".join((texts or prose or plain or named)[:2])
    return (
        f"a table of one language (a shop's product export) is translated by the columns "
        f'named: ltmt translate {given}--columns "{hinted}"'
    )


def _refuse_a_misspelt_source(header: list[str], path: Path, src_lang: str) -> None:
    """An InputError naming the column misspelt for the source language (``Englsh``): the
    error that the file's languages are the other ones would send the user for a model."""
    cell = _misspelt(header, src_lang)
    if cell is not None:
        name = language_name(src_lang)
        raise InputError(
            f"{path}: no column names the source language {name}; column {cell!r} names no "
            f"language; did you mean {name}? Rename it {name} (or {src_lang})"
        )


def _warn_of_a_misspelt_target(header: list[str], path: Path, tgt_lang: str) -> None:
    """Warn of a column misspelt for the target language (``Germn``): its cells are not read
    and the translations go to a column added at the end."""
    cell = _misspelt(header, tgt_lang)
    if cell is not None:
        name = language_name(tgt_lang)
        logger.warning(
            "%s: column %r names no language; did you mean %s? Its cells are not read and the "
            "translations go to a new %s column; rename it %s (or %s) to fill it",
            path, cell, name, tgt_lang, name, tgt_lang,
        )  # fmt: skip


def _warn_of_unpaired_sources(
    header: list[str], path: Path, unpaired: list[int], tgt_lang: str
) -> None:
    """Warn that the source-language columns ``unpaired`` (``Body (en)``) are not translated:
    no ``tgt_lang`` column has their name (``Body (de)``)."""
    if unpaired:
        names = ", ".join(repr(header[i]) for i in unpaired)
        logger.warning(
            "%s: %s not translated: no %s column of the same name (%s); add one, or name the "
            "columns to translate with --columns",
            path, names, tgt_lang, _BRACKETED_END.sub(f"({tgt_lang})", header[unpaired[0]]),
        )  # fmt: skip


def chosen_columns(
    header: list[str], path: Path, choice: str, command: str = "translate"
) -> Columns:
    """The columns ``--columns`` names (``choice``), separated by commas: ``Title,Body (HTML)``
    translated in place (in the output's copy of the table), ``Title (en)=Title (de)`` into
    the other column, added after the last where ``command`` translates and the header has
    no column of that name (``LABEL=TRANSLATION``, ``Line=Line (de)``; several pairs' in
    their order: :attr:`Columns.appended`); an error for a header it lacks or a column named
    twice."""
    source, _, target = choice.partition("=")
    one_pair = command == "translate" and target.strip() and "," not in choice
    # (a target near a header is a new column all the same: Line (de) beside Line)
    if one_pair and target.strip() not in (cell.strip() for cell in header):
        pair = Pair(_header_column(header, path, source), None)
        return Columns((pair,), _key_column(header, (pair,)), added=target.strip())
    items = choice.split(",")
    appended = _appended(header, items) if command == "translate" else ()
    names = [*header, *appended]
    pairs = tuple(_chosen_pair(header, path, item, appended) for item in items)
    named = [column for pair in pairs for column in {pair.source, pair.target}]
    twice = next((column for column in named if named.count(column) > 1), None)
    if twice is not None:
        raise InputError(
            f"{path}: --columns names column {names[twice]!r} twice; name each column once"
        )
    return Columns(pairs, _key_column(header, pairs), appended=appended)


def _appended(header: list[str], items: list[str]) -> tuple[str, ...]:
    """The targets of the pairs ``items`` (``SOURCE=TARGET``) that ``header`` has no column
    of, each once in their order: columns a translation adds after the last, as one pair's."""
    cells = {cell.strip() for cell in header}
    targets = (item.partition("=")[2].strip() for item in items if "=" in item)
    return tuple(dict.fromkeys(target for target in targets if target and target not in cells))


def translates_in_place(choice: str) -> bool:
    """Whether ``--columns`` (``choice``) names a column translated in place (no ``=``)."""
    return any("=" not in item for item in choice.split(","))


def _chosen_pair(header: list[str], path: Path, item: str, appended: tuple[str, ...] = ()) -> Pair:
    """The pair one item of ``--columns`` names: ``Title`` (in place) or ``Title (en)=Title
    (de)``, its target one of the columns ``appended`` after the header's last where named."""
    source, _, target = item.partition("=")
    column = _header_column(header, path, source)
    if target.strip() in appended:
        return Pair(column, len(header) + appended.index(target.strip()))
    return Pair(column, _header_column(header, path, target) if target else column)


def _near(header: list[str], name: str) -> list[str]:
    """The headers of ``header`` that ``name`` starts (``Body (HTML)`` for ``Body``), else the
    nearest (``Title`` for ``Titel``), else none."""
    import difflib

    wanted = name.strip()
    cells = [cell.strip() for cell in header]
    lowered = {cell.lower(): cell for cell in cells}
    return [cell for cell in cells if cell.lower().startswith(wanted.lower())] or [
        lowered[cell] for cell in difflib.get_close_matches(wanted.lower(), list(lowered), n=1)
    ]


def _header_column(header: list[str], path: Path, name: str) -> int:
    """The column whose header is ``name`` (spaces around either aside); an error naming the
    header it starts (``Body (HTML)`` for ``Body``) or the nearest (``Title`` for ``Titel``)
    when none is."""
    wanted = name.strip()
    cells = [cell.strip() for cell in header]
    if wanted in cells:
        return cells.index(wanted)
    if not wanted:
        raise InputError(
            f"{path}: --columns has an empty name; separate the columns' headers with commas "
            '(--columns "Title,Body (HTML)")'
        )
    near = _near(header, wanted)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise InputError(
        f"{path}: no column of its header is named {wanted!r}; {hint}its columns: "
        f"{', '.join(cells)}"
    )


def cell_at(row: list[str], column: int | None) -> str:
    """The cell of ``row`` in ``column`` ("" where there is no such column, or the row is
    short of it)."""
    return row[column] if column is not None and column < len(row) else ""
