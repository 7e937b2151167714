"""Gettext PO catalogs as translation memories: load safely, read pairs, write pairs.

    for record in read_po(Path("de.po"), src_lang="en", tgt_lang="de"): ...
    write_po(Path("out.po"), records, tgt_lang="de")

Read: translated entries only (untranslated, fuzzy and obsolete ones are skipped unless asked
for, and a po4a code block whose msgstr is its msgid copied always is: no translation, nor
are the translators' credits and itstool's file references:
:mod:`ltmt.formats.credit_entries`); those left out are counted into a caller's
:class:`~ltmt.formats.not_read.NotRead`, else the fuzzy ones in a warning; ``msgctxt`` goes to
``metadata["context"]``, the ``#,`` flags (``c-format`` ...) to ``metadata["flags"]``, the
comments for translators (``#.`` and ``#``) to ``metadata["note"]``, which :func:`write_po`
writes back as ``#.``. A plural entry gives one pair per form:
``msgid`` with ``msgstr[0]``, ``msgid_plural`` with each further ``msgstr[K]``
(``metadata["plural"]`` = K; forms from 1 on also carry their ``msgid`` as
``metadata["plural_of"]``), so :func:`write_po` puts the entry back together. The file's
``Language`` header, when set, must match ``tgt_lang`` (unless the caller says otherwise: a
header copied from the template or another catalog is a common slip).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ltmt import __version__ as ltmt_version
from ltmt.errors import InputError, LanguageError
from ltmt.formats.code_entries import CODE_COPIED, is_copied_code
from ltmt.formats.common import (
    atomic_write,
    decode,
    excerpt,
    lang_matches,
    language_error,
    read_bytes,
)
from ltmt.formats.context_prefix import split_context_prefix
from ltmt.formats.credit_entries import CREDITS, is_credits_entry
from ltmt.formats.not_read import NotRead
from ltmt.formats.plural_suffixes import entry_forms
from ltmt.formats.plurals import plural_tags
from ltmt.formats.po_charset import as_utf8, is_utf8, named_charset
from ltmt.formats.po_escapes import read_all_escapes
from ltmt.formats.po_plural_messages import (
    PluralMessages,
    context_of,
    has_language_forms,
    plural_form,
)
from ltmt.formats.po_syntax import check_duplicates, check_strings, msgid_line
from ltmt.formats.po_wrapping import wrapper_for
from ltmt.formats.tmx_metadata import TMX_LANGUAGES, file_languages, metadata_notes
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
# the header line ltmt writes into a catalog it filled (:mod:`ltmt.formats.po_document`)
_LTMT_GENERATOR = re.compile(rb'^"(X-Generator: *ltmt\b[^"\\]*)', re.MULTILINE)
# the project a memory export names (:func:`write_po`): its pairs are the memory's, approved
MEMORY_EXPORT = "ltmt translation memory"
_MEMORY_EXPORT = re.compile(
    rb'^"Project-Id-Version: *' + re.escape(MEMORY_EXPORT.encode()), re.MULTILINE
)
HEADER_BYTES = 65536  # how much of a catalog's start :func:`ltmt_generator` reads


def load_po(path: Path) -> Any:
    """Parse the PO file ``path`` with translate-toolkit (a ``pypo.pofile``).

    The bytes are first decoded strictly with the declared charset (UTF-8 when none or
    ``CHARSET``): translate-toolkit would silently fall back to Latin-1. A catalog in another
    charset is converted to UTF-8 (its header says so; :class:`~ltmt.formats.po_document.PoDocument`
    writes it back in its charset where the translations fit it). What translate-toolkit reads but
    msgfmt rejects (a ``"`` or an escape C has not inside a string, a message defined twice:
    :mod:`ltmt.formats.po_syntax`) is rejected too. Every failure is an :class:`InputError`
    naming the file and line.
    """
    return _load(path)[0]


def _load(path: Path) -> tuple[Any, list[str]]:
    """:func:`load_po`'s catalog, and the file's lines (to say where its entries are)."""
    from translate.storage import pypo
    from translate.storage.poparser import PoParseError

    read_all_escapes()
    path = Path(path)
    data = read_bytes(path, "a PO file")
    named = named_charset(data)
    charset = named or "utf-8"
    text = decode(data, path, named)  # nothing named: no declared encoding to fix
    if not is_utf8(charset):
        # translate-toolkit 3.20 cannot parse a catalog that declares a non-UTF-8 charset
        # and uses it; hand it the same catalog in UTF-8 (:mod:`ltmt.formats.po_charset`).
        logger.info("%s: %s catalog read as UTF-8", path, charset)
        data = as_utf8(text)
    try:
        store = pypo.pofile.parsestring(data)
    except PoParseError as exc:
        raise InputError(f"{path}: invalid PO file: {excerpt(exc)}") from exc
    except (UnicodeError, LookupError, ValueError) as exc:
        raise InputError(f"{path}: invalid PO file: {excerpt(exc)}") from exc
    check_strings(text, path)
    check_duplicates(store, text, path)
    store.filename = str(path)
    lines = text.split("\n")
    _keep_wrapping(store, text, lines)
    return store, lines


def _keep_wrapping(store: Any, text: str, lines: list[str]) -> None:
    """Have ``store`` wrap the strings written into it as its catalog (``text``, its ``lines``)
    has them wrapped (:mod:`ltmt.formats.po_wrapping`)."""
    wrapper = wrapper_for(text, lines)
    if wrapper is not None:
        store.wrapper = wrapper
        for unit in store.units:
            unit.wrapper = wrapper


def nplurals(store: Any, default: int = 2) -> int:
    """The number of plural forms the catalog's ``Plural-Forms`` header declares."""
    declared = declared_nplurals(store)
    return declared if declared is not None else default


def declared_nplurals(store: Any) -> int | None:
    """The number of plural forms the catalog's ``Plural-Forms`` header declares; None where
    it declares none (or 0)."""
    header = store.parseheader() if store.units and store.units[0].isheader() else {}
    match = _NPLURALS.search(header.get("Plural-Forms", ""))
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def ltmt_generator(path: Path) -> str | None:
    """The header line of the PO catalog ``path`` that says ltmt filled translations in it
    (``X-Generator: ltmt 0.1.0``); None where its header names no generator, or another tool,
    or the file cannot be read, and for a memory export (``ltmt memory export -o x.po``: the
    memory's own pairs, whose header names ltmt too). A catalog filled with ``--no-fuzzy``
    marks no entry: this line alone says that some of its translations may be ltmt's,
    unreviewed. None too for a catalog with a fuzzy entry: ltmt filled it marking its
    machine translation fuzzy (the default), which an import does not read, and an entry
    without the mark was reviewed (an import of one warned of unreviewed machine
    translation)."""
    try:
        with open(path, "rb") as file:
            head = file.read(HEADER_BYTES)
    except OSError:
        return None
    found = _LTMT_GENERATOR.search(head)
    if found is None or _MEMORY_EXPORT.search(head):  # a memory export: no translation
        return None
    try:
        if any(unit.isfuzzy() for unit in load_po(path).units if not unit.isheader()):
            return None
    except InputError:
        return None
    return found.group(1).decode("utf-8", "replace").strip()


def check_language(store: Any, path: Path, src_lang: str, tgt_lang: str) -> None:
    """Raise :class:`InputError` when the catalog's ``Language`` header is not ``tgt_lang``."""
    language = store.gettargetlanguage()
    if language and not lang_matches(language, tgt_lang):
        raise language_error(path, [language], src_lang, tgt_lang)


def entry_flags(unit: Any) -> tuple[str, ...]:
    """The entry's ``#,`` flags (``c-format``, ``python-format`` ...; ``fuzzy`` left out)."""
    flags = []
    for comment in unit.typecomments:
        for flag in comment.removeprefix("#,").split(","):
            if flag.strip() and flag.strip() != "fuzzy":
                flags.append(flag.strip())
    return tuple(flags)


def header_language_error(
    path: Path, language: str, src_lang: str, tgt_lang: str, targets: list[str]
) -> LanguageError:
    """The error for a catalog whose ``Language`` header says ``language``, not ``tgt_lang``:
    what its translations (``targets``) read as tells a wrong header (copied from the template
    or another catalog: fix it) from a catalog of another language (choose its pair). The
    header is wrong whatever they read as, so a few words are read as sure as many (``words=0``):
    they choose the hint, they raise no error of their own."""
    from ltmt.language_detection import described, document_language

    found = document_language(targets, words=0)
    fix = (
        f'fix its header to "Language: {tgt_lang}", or import it as {src_lang}->{tgt_lang} '
        "anyway with --no-language-check"
    )
    if found is None:
        said = f"its Language header says {language}"
        hint = f"if its translations are {tgt_lang}, {fix}; else pass --tgt-lang {language}"
    elif lang_matches(found.language, tgt_lang):
        said = f"its Language header says {language}, but its translations read as "
        said += described(found)
        hint = fix
    else:
        said = f"its Language header says {language} and its translations read as "
        said += described(found)
        # --tgt-lang was given (or is the default): say which to pass, not "choose the pair"
        hint = (
            f"to read it as {src_lang}->{found.language}, pass --tgt-lang {found.language}; "
            f"else give the {tgt_lang} catalog"
        )
    return LanguageError(str(path), (language,), (src_lang, tgt_lang), hint, described=said)


def _translated(unit: Any) -> bool:
    """Whether the entry ``unit`` has a translation (of one of its plural forms)."""
    forms = unit.target.strings if unit.hasplural() else [unit.target]
    return any(str(form) for form in forms)


def read_po(
    path: Path,
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    include_fuzzy: bool = False,
    check_declared: bool = True,
    not_read: NotRead | None = None,
) -> Iterator[PairRecord]:
    """The translated pairs of the PO file ``path`` (see the module docstring); a ``Language``
    header that is not ``tgt_lang`` is a :class:`LanguageError` (:func:`header_language_error`),
    or without ``check_declared`` a warning (the pairs read as ``src_lang`` → ``tgt_lang``).
    The entries left out are counted into ``not_read`` (``fuzzy``, ``untranslated``,
    ``obsolete``), or the
    fuzzy ones said in a warning without one. A header naming a region (``de_DE``) is kept
    with each pair (:func:`~ltmt.formats.tmx_metadata.file_languages`), for an export."""
    path = Path(path)
    store, lines = _load(path)
    # the Language header's region (de_DE), which an export labels the pairs with
    declared = file_languages({"target": store.gettargetlanguage() or ""}, {"target": tgt_lang})
    records = []
    left_out = NotRead()
    for number, unit in enumerate(store.units):
        if unit.isheader():
            continue
        if unit.isobsolete():  # ``#~``: msgmerge keeps it for a message gone from the code
            left_out.add("obsolete")
            continue
        if is_credits_entry(unit.getcontext() or "", str(unit.source)):
            left_out.add(CREDITS)  # the translators' names, an image's path: no translation
            continue
        if not _translated(unit):
            left_out.add("untranslated")  # an empty fuzzy entry too: nothing to review
            continue
        if unit.isfuzzy() and not include_fuzzy:
            left_out.add("fuzzy")
            continue
        note, source, target = unit.getnotes("developer"), str(unit.source), str(unit.target)
        if is_copied_code(note, source, target, unit.getlocations()):
            left_out.add(CODE_COPIED)  # po4a's, itstool's or Sphinx's code, copied: no translation
            continue
        position = f"{path}: entry {number}"
        line = msgid_line(lines, unit.line_number)
        metadata: dict[str, Any] = {"context": unit.getcontext()} if unit.getcontext() else {}
        if entry_flags(unit):
            metadata["flags"] = ", ".join(entry_flags(unit))
        note = unit.getnotes().strip()
        if note:
            metadata["note"] = note
        if declared:
            metadata[TMX_LANGUAGES] = declared
        if unit.hasplural():
            sources = [str(s) for s in unit.source.strings]
            targets = [str(t) for t in unit.target.strings]
            singular, plural = entry_forms(
                sources[0], sources[1] if len(sources) > 1 else sources[0]
            )
            for form, target in enumerate(targets):
                if not target:
                    continue
                extra: dict[str, Any] = {"plural": form}
                if form:
                    extra["plural_of"] = singular
                source = singular if form == 0 else plural
                extra = {**metadata, **extra}
                records.append(PairRecord(source, target, position, extra, line=line))
        elif unit.source and unit.target:
            source = str(unit.source)
            prefixed = split_context_prefix(
                source, msgctxt=unit.getcontext(), references=unit.getlocations()
            )
            if prefixed is not None:  # s_("Menu|File"): stored as File in context Menu
                metadata["context"], source = prefixed
            records.append(PairRecord(source, unit.target, position, metadata, line=line))
    language = store.gettargetlanguage()
    if language and not lang_matches(language, tgt_lang):
        if check_declared:
            targets = [record.target for record in records]
            raise header_language_error(path, language, src_lang, tgt_lang, targets)
        logger.warning(
            "%s: its Language header says %s; read as %s->%s pairs, as asked",
            path,
            language,
            src_lang,
            tgt_lang,
        )
    if not_read is not None:
        not_read.counts.update(left_out.counts)
    elif fuzzy := left_out.counts["fuzzy"]:
        logger.warning(
            "%s: %s not read (a fuzzy translation is not reviewed)",
            path,
            counted(fuzzy, "fuzzy entry", "fuzzy entries"),
        )
    yield from records


@dataclass
class PoLeftOut:
    """What :func:`write_po` left out of a catalog, which holds one translation per message:
    ``alternatives``, translations of a message (same context and source, or the same plural
    form) given before the one written, which replaced them; ``orphans``, plural forms of a
    message whose form 0 it was not given (deleted from the memory: no entry holds them)."""

    alternatives: int = 0
    orphans: int = 0
    other_forms: int = 0  # plural forms of a message whose forms are not the language's
    language: str = "de"  # the catalog's: whose plural forms ``other_forms`` are not

    def summary(self, records: int, entries: int) -> str:
        """Why :func:`write_po` wrote ``records`` as fewer ``entries``, one clause per cause,
        e.g. ``1 older translation of a message left out: an entry holds the newest, which
        translations reuse``."""
        said = []
        if records - entries - self.alternatives - self.orphans - self.other_forms > 0:
            said.append("an entry holds every plural form of a message")
        if self.alternatives:
            said.append(
                f"{counted(self.alternatives, 'older translation')} of a message left out: an "
                "entry holds the newest, which translations reuse"
            )
        if self.orphans:
            said.append(
                f"{counted(self.orphans, 'plural form')} left out: the singular (form 0) of "
                "its message is deleted"
            )
        if self.other_forms:
            tags = ", ".join(plural_tags(self.language))
            said.append(
                f"{counted(self.other_forms, 'plural form')} left out: their message has other "
                f"forms than {self.language}'s plural ({tags}), such as a case of its own for 0"
            )
        return "; ".join(said)


def write_po(
    path: Path,
    records: Iterable[PairRecord],
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    left_out: PoLeftOut | None = None,
) -> int:
    """Write ``records`` as a UTF-8 PO catalog (atomically); returns how many entries it has.
    Its header names ltmt as its generator and the time it was written, without the template
    defaults that ``msgfmt -c`` warns about.

    ``metadata["context"]`` becomes ``msgctxt``, ``metadata["flags"]`` the ``#,`` flags and
    ``metadata["note"]`` a ``#.`` comment.
    Records of one plural entry (``plural`` and ``plural_of`` metadata, as :func:`read_po` gives
    them; a keyed catalog's forms by their context: :mod:`ltmt.formats.po_plural_messages`)
    become that entry again, with a ``Plural-Forms`` header for as many forms as the
    entries have; a keyed catalog's message whose forms are not ``tgt_lang``'s is left out.
    A catalog holds one translation per message: of records with the same
    context and source (or plural form) the last is written, in the place of the first (a
    memory's segments come oldest first: the newest is the one translations reuse). Plural
    forms without their form 0, and records with an empty source, are left out. What was left
    out is counted in ``left_out``.
    """
    from translate.storage import pypo

    read_all_escapes()
    left_out = left_out if left_out is not None else PoLeftOut()
    left_out.language = tgt_lang
    records = list(records)  # held in the entries below all the same
    messages = PluralMessages.of(records)
    singles: dict[tuple[str, str], PairRecord] = {}
    forms: dict[tuple[str, str], dict[int, PairRecord]] = {}
    for record in records:
        if not record.source:
            logger.info("%s: empty source not written to PO", record.position or path)
            continue
        context = context_of(record)
        plural = plural_form(record)
        if plural is not None:
            msgid = messages.msgid(record, plural)
            found = forms.setdefault((context, msgid), {})
            left_out.alternatives += plural in found
            found[plural] = record
        else:
            left_out.alternatives += (context, record.source) in singles
            singles[(context, record.source)] = record
    plurals: dict[tuple[str, str], dict[int, PairRecord]] = {}
    for key, found in forms.items():
        if key in singles:  # a message both plain and plural: the plain entry is written
            left_out.alternatives += len(found)
        elif 0 not in found:
            left_out.orphans += len(found)
        elif key in messages.joined and not has_language_forms(found, tgt_lang):
            left_out.other_forms += len(found)  # (a Fluent [0] case: gettext has none)
        else:
            plurals[key] = found
    store = pypo.pofile()
    header = store.header()
    if header is not None:
        header.markfuzzy(False)
    for record in singles.values():
        _add_unit(store, record, record.source, record.target)
    count = max((max(found) + 1 for found in plurals.values()), default=0)
    for (_, msgid), found in plurals.items():
        plural_source = next((r.source for form, r in sorted(found.items()) if form), msgid)
        targets = [found[form].target if form in found else "" for form in range(count)]
        _add_unit(store, found[0], [msgid, plural_source], targets)
    # translate-toolkit's template header ("PACKAGE VERSION", "FULL NAME <EMAIL@ADDRESS>")
    # and its own name: msgfmt -c warns about each default; say what wrote the catalog, when
    fields: dict[str, str] = {
        "Project_Id_Version": MEMORY_EXPORT,
        "PO_Revision_Date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z"),
        "Last_Translator": "",
        "Language_Team": "",
        "X_Generator": f"ltmt {ltmt_version}",
        "Language": tgt_lang,
        "X_Source_Language": src_lang,
    }
    if count:
        fields["Plural_Forms"] = f"nplurals={count}; plural={_PLURAL_RULES.get(count, '0')};"
    store.updateheader(add=True, **fields)
    atomic_write(Path(path), bytes(store))
    if left_out.alternatives or left_out.orphans or left_out.other_forms:
        logger.info(
            "%s: %d older translations, %d plural forms without their form 0 and %d of "
            "messages with other forms than the language's left out",
            path,
            left_out.alternatives,
            left_out.orphans,
            left_out.other_forms,
        )
    return len(singles) + len(plurals)


# A rule for the number of forms found when the target language's own is not known
_PLURAL_RULES = {1: "0", 2: "(n != 1)", 3: "(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2)"}


def _add_unit(
    store: Any, record: PairRecord, source: str | list[str], target: str | list[str]
) -> None:
    unit = store.addsourceunit(source)
    unit.target = target
    context = str(record.metadata.get("context", "") or "")
    if context:
        unit.setcontext(context)
    flags = record.metadata.get("flags")
    if isinstance(flags, str) and flags.strip():
        unit.typecomments = [f"#, {flags.strip()}\n"]
    notes = metadata_notes(record.metadata)
    if notes:
        unit.addnote("\n".join(note.strip() for note in notes), origin="developer")
