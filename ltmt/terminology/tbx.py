"""TBX glossary files: TBX 2008 (root ``<martif>``, TBX-Basic) read and written with
translate-toolkit; TBX v3 (ISO 30042:2019, root ``<tbx>``, TBX-Core) read with lxml, its
``conceptEntry``, ``langSec`` and ``termSec`` taken as ``termEntry``, ``langSet`` and ``tig``,
and its data categories in DCT style (``<min:administrativeStatus>``) as those in DCA style
(``<termNote type="administrativeStatus">``: :mod:`ltmt.terminology.tbx_dct`).

A TBX term entry carries the note (before its ``langSet``s, as TBX orders an entry), the source
and the target (one ``langSet`` each, ``xml:lang`` as given; of an entry's target language in
several regions, the region asked for, else the bare language, else the others:
:func:`~ltmt.formats.common.language_fit`); of several terms of a language (synonyms), each
source term is matched and the target is the preferred term (TBX-Basic's usage status), else the
first not deprecated; the target terms not to use (deprecated, superseded, forbidden) are kept
as the term's ``forbidden`` and written back as deprecated (an entry whose targets are all so is
left out, with a warning). TBX has no case flag: ltmt writes it on the source term as a
``termNote`` of its own type (:data:`CASE_TYPE`), so a note that says ``case-sensitive`` stays a
note; an entry without that ``termNote`` (written before, or by another tool) still takes a
``case-sensitive`` note for the flag. A target term's ``termNote type="grammaticalGender"``
(``masculine``, ``feminine``, ``neuter``; ``other`` says none) is the term's ``gender``, and is
written so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import excerpt, lang_matches, language_fit, local_name, primary_language
from ltmt.terminology.files import CASE_YES, NOT_TO_USE
from ltmt.terminology.terms import Term
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CASE_TYPE = "x-ltmt-caseSensitive"  # the source term's termNote with the case flag
_CASE_NOTE = "case-sensitive"  # the note that carried the flag before CASE_TYPE
GENDER_TYPE = "grammaticalGender"  # TBX-Basic's termNote of a term's gender
GENDER_WORDS = {"m": "masculine", "f": "feminine", "n": "neuter"}


def _language_matches(code: str | None, wanted: str) -> bool:
    """Whether ``code`` (a ``langSet``'s ``xml:lang``) is ``wanted``'s language, whatever the
    region, a three-letter code as its two-letter one (``deu`` for ``de``)."""
    return lang_matches(code, primary_language(wanted))


@dataclass(frozen=True)
class _Entry:
    """A TBX term entry: its language sections (``langSet``; TBX v3's ``langSec``) and the
    notes and descriptions of the entry and of its source language."""

    languages: list[Any]
    notes: list[str]


def _root_name(path: Path) -> str | None:
    """The local name of the root element of XML file ``path``; None where it is no XML (the
    reader then says what is wrong)."""
    from lxml import etree

    try:
        events = etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True
        )
        return next((local_name(element.tag) for _, element in events), None)
    except etree.XMLSyntaxError:
        return None


def _martif_entries(path: Path) -> list[_Entry]:
    """The term entries of a TBX 2008 file (root ``<martif>``: TBX-Basic), by translate-toolkit."""
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsefile(str(path))
    except Exception as exc:  # lxml raises its own XMLSyntaxError family
        # translate-toolkit asserts, with no message, that the root element is <martif>
        detail = str(exc) or (
            "its root element is neither <martif> (TBX 2008, TBX-Basic) nor <tbx> (TBX v3, "
            "TBX-Core)"
        )
        raise InputError(f"{path.name} is not a readable TBX file: {detail}") from exc
    return [
        _Entry(
            unit.getlanguageNodes(), [n.text for n in unit.get_common_notes(source=True) if n.text]
        )
        for unit in store.units
    ]


def _core_entries(path: Path, src_lang: str) -> list[_Entry]:
    """The concept entries of a TBX v3 file (ISO 30042:2019, root ``<tbx>``: TBX-Core and its
    dialects): ``conceptEntry``, ``langSec`` and ``termSec`` for TBX 2008's ``termEntry``,
    ``langSet`` and ``tig``; its data categories in either style (DCT read as DCA:
    :func:`~ltmt.terminology.tbx_dct.as_dca`)."""
    from lxml import etree

    from ltmt.terminology.tbx_dct import as_dca

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path.name} is not a readable TBX file: {excerpt(exc)}") from exc
    as_dca(root)
    entries = []
    for concept in root.iter("{*}conceptEntry"):
        sections = [e for e in concept if isinstance(e.tag, str) and local_name(e.tag) == "langSec"]
        scopes = [concept, *(s for s in sections if _language_matches(s.get(_XML_LANG), src_lang))]
        notes = [
            text
            for scope in scopes
            for e in scope
            if isinstance(e.tag, str)
            and local_name(e.tag) in ("note", "descrip")
            and (text := "".join(e.itertext()).strip())
        ]
        entries.append(_Entry(sections, notes))
    return entries


def read_tbx(path: Path, src_lang: str, tgt_lang: str) -> list[tuple[Term, str]]:
    """The terms of a TBX file, each with its entry (``term entry 3``): each source term of an
    entry (synonyms, deprecated ones too: a user who writes one gets the approved target) is
    translated by the entry's target term, its preferred one (TBX-Basic's
    ``administrativeStatus``, ``normativeAuthorization``), else its first not deprecated,
    superseded or forbidden (those kept as the terms' ``forbidden``); an entry whose target
    terms are all so is left out. Warnings name
    the entries with several target terms to use, and those left out."""
    core = _root_name(path) == "tbx"
    entries = _core_entries(path, src_lang) if core else _martif_entries(path)
    terms: list[tuple[Term, str]] = []
    synonyms: list[str] = []
    unusable: list[str] = []
    other_pairs: list[tuple[str, str]] = []  # (entry, its languages) without both of the pair
    for number, entry in enumerate(entries, start=1):
        found: dict[str, list[_TbxTerm]] = {src_lang: [], tgt_lang: []}
        codes = []
        targets: list[tuple[int, Any]] = []  # (how closely it is tgt_lang, langSet)
        for node in entry.languages:
            code = node.get(_XML_LANG)
            if not code:
                raise InputError(
                    f"{path.name} term entry {number}: a langSet has no xml:lang; TBX terms "
                    f"need their languages ({src_lang} and {tgt_lang})"
                )
            codes.append(code)
            if _language_matches(code, src_lang):
                found[src_lang].extend(_lang_set_terms(node))
            fit = language_fit(code, tgt_lang)
            if fit is not None:
                targets.append((fit, node))
        closest = min((fit for fit, _ in targets), default=None)
        for fit, node in targets:
            if fit == closest:  # the region asked for, else the bare language, else others
                found[tgt_lang].extend(_lang_set_terms(node))
        if not found[src_lang] or not found[tgt_lang]:  # a multilingual termbase's other pairs
            other_pairs.append((str(number), ", ".join(codes) or "none"))
            continue
        where = f"term entry {number}"
        if sum(term.rank < 2 for term in found[tgt_lang]) > 1:  # the ones not to use are kept
            synonyms.append(str(number))
        target = _chosen(found[tgt_lang])
        if target is None:
            unusable.append(str(number))
            continue
        forbidden = tuple(term.text for term in found[tgt_lang] if term.rank == 2)
        notes = entry.notes
        # an entry ltmt wrote says the flag on its source terms; before, a note said it
        said = any(term.case_sensitive is not None for term in found[src_lang])
        noted = not said and _CASE_NOTE in notes
        note = "; ".join(n for n in [*notes, *target.notes] if not (noted and n == _CASE_NOTE))
        sources: dict[str, _TbxTerm] = {}
        for source in found[src_lang]:
            sources.setdefault(source.text, source)
        for source in sources.values():
            case_sensitive = noted if source.case_sensitive is None else source.case_sensitive
            try:
                term = Term(
                    source.text, target.text, note, case_sensitive, forbidden, target.gender
                )
            except InputError as exc:
                raise InputError(f"{path.name} {where}: {exc}") from exc
            terms.append((term, where))
    _say_other_pairs(path, other_pairs, len(entries), src_lang, tgt_lang)
    if synonyms:
        logger.warning(
            "%s: %s more than one target term; the preferred one is the glossary's, else the "
            "first not deprecated (term %s %s)",
            path.name,
            "1 term entry holds" if len(synonyms) == 1 else f"{len(synonyms)} term entries hold",
            "entry" if len(synonyms) == 1 else "entries",
            first_few(synonyms),
        )
    if unusable:
        logger.warning(
            "%s: %s only deprecated, superseded or forbidden target terms: left out (term %s %s)",
            path.name,
            "1 term entry has" if len(unusable) == 1 else f"{len(unusable)} term entries have",
            "entry" if len(unusable) == 1 else "entries",
            first_few(unusable),
        )
    return terms


def _say_other_pairs(
    path: Path, other_pairs: list[tuple[str, str]], entries: int, src_lang: str, tgt_lang: str
) -> None:
    """Warn of the term entries left out for lacking ``src_lang`` or ``tgt_lang`` (a
    MultiTerm or memoQ termbase holds other languages' entries too), each entry named with its
    languages; an InputError where no entry has both: the file is of other languages."""
    if not other_pairs:
        return
    number, codes = other_pairs[0]
    if len(other_pairs) == entries:
        raise InputError(
            f"{path.name}: no term entry has both {src_lang} and {tgt_lang} (term entry "
            f"{number} has {codes}); give --src-lang and --tgt-lang of the file's languages"
        )
    shown = first_few([f"{number} ({codes})" for number, codes in other_pairs])
    logger.warning(
        "%s: %s without both %s and %s left out (term %s %s)",
        path.name,
        counted(len(other_pairs), "term entry", "term entries"),
        src_lang,
        tgt_lang,
        "entry" if len(other_pairs) == 1 else "entries",
        shown,
    )


@dataclass(frozen=True)
class _TbxTerm:
    """A term of a TBX ``langSet``: its text, its rank (0 preferred, 1 admitted or unsaid, 2
    not to be used), its own notes, its case flag (:data:`CASE_TYPE`; None where unsaid) and
    its gender as written (:data:`GENDER_TYPE`; "" where unsaid or ``other``)."""

    text: str
    rank: int
    notes: tuple[str, ...]
    case_sensitive: bool | None = None
    gender: str = ""


# the usage a TBX term's status says, by words of its value (TBX-Basic's administrativeStatus:
# preferredTerm-admn-sts ...; normativeAuthorization: preferredTerm ...)
_STATUS_TYPES = frozenset({"administrativeStatus", "normativeAuthorization"})
# a language section's term with its notes (TBX-Basic's tig, TBX 2008's ntig, TBX v3's termSec)
_GROUPS = frozenset({"tig", "ntig", "termSec"})


def _lang_set_terms(lang_set: Any) -> list[_TbxTerm]:
    """The terms of a ``<langSet>``, in order: each ``<tig>``/``<ntig>`` (or bare ``<term>``)
    with its status and notes."""
    groups = [e for e in lang_set.iter() if isinstance(e.tag, str) and local_name(e.tag) in _GROUPS]
    if not groups:
        groups = [
            e for e in lang_set.iter() if isinstance(e.tag, str) and local_name(e.tag) == "term"
        ]
    found = []
    for group in groups:
        parts = [e for e in group.iter() if isinstance(e.tag, str)]
        term = next((e for e in parts if local_name(e.tag) == "term"), None)
        if term is None:
            continue
        status = " ".join(
            (e.text or "").casefold()
            for e in parts
            if local_name(e.tag) == "termNote" and e.get("type") in _STATUS_TYPES
        )
        rank = (
            2 if any(word in status for word in NOT_TO_USE) else 0 if "preferred" in status else 1
        )
        notes = tuple(
            (e.text or "").strip()
            for e in parts
            if local_name(e.tag) == "note" and (e.text or "").strip()
        )
        flag = next(
            ((e.text or "").strip().casefold() for e in parts if e.get("type") == CASE_TYPE), None
        )
        case_sensitive = None if flag is None else flag in CASE_YES
        gender = next(((e.text or "").strip() for e in parts if e.get("type") == GENDER_TYPE), "")
        gender = "" if gender.casefold() == "other" else gender
        found.append(_TbxTerm("".join(term.itertext()), rank, notes, case_sensitive, gender))
    return found


def _chosen(terms: list[_TbxTerm]) -> _TbxTerm | None:
    """The term a glossary uses: the first of the best rank, none where all are not to use."""
    usable = [term for term in terms if term.rank < 2]
    return min(usable, key=lambda term: term.rank) if usable else None


def write_tbx(terms: Iterable[Term], src_lang: str = "en", tgt_lang: str = "de") -> bytes:
    """A TBX file of ``terms`` that :func:`read_glossary` reads back (same languages)."""
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    for term in terms:
        unit = store.addsourceunit(term.source)
        unit.target = term.target
        _describe_entry(unit, term)
    return bytes(store)


def _describe_entry(unit: Any, term: Term) -> None:
    """What translate-toolkit does not write of ``term`` into its ``termEntry``: the note
    first (TBX puts an entry's notes before its ``langSet``s), the case flag on the source
    term, the gender on the target term (:data:`GENDER_TYPE`), and the targets not to use
    after the target, deprecated (TBX-Basic's ``administrativeStatus``)."""
    from lxml import etree

    def element(parent: Any, name: str, text: str, **attributes: str) -> Any:
        node = etree.SubElement(parent, unit.namespaced(name), attributes)
        node.text = text
        return node

    source_set, target_set = unit.source_dom, unit.target_dom
    if term.note:
        note = etree.Element(unit.namespaced("note"), {"from": "translator"})
        note.text = term.note
        source_set.addprevious(note)
    flag = "yes" if term.case_sensitive else "no"
    element(source_set.find(unit.namespaced("tig")), "termNote", flag, type=CASE_TYPE)
    if term.gender:
        gender = GENDER_WORDS[term.gender]
        element(target_set.find(unit.namespaced("tig")), "termNote", gender, type=GENDER_TYPE)
    if not term.forbidden:
        return
    status = "administrativeStatus"
    element(
        target_set.find(unit.namespaced("tig")), "termNote", "preferredTerm-admn-sts", type=status
    )
    for text in term.forbidden:
        tig = etree.SubElement(target_set, unit.namespaced("tig"))
        element(tig, "term", text)
        element(tig, "termNote", "deprecatedTerm-admn-sts", type=status)
