"""TMX translation memories: read the pairs of a language pair (streamed with lxml, as
translate-toolkit reads them), write pairs (via translate-toolkit, one unit at a time).

    for record in read_tmx(Path("memory.tmx"), src_lang="en", tgt_lang="de"): ...
    write_tmx(Path("out.tmx"), records, src_lang="en", tgt_lang="de")

A TMX file may hold many languages; the pair is picked from each ``<tu>`` by the ``xml:lang`` of
its ``<tuv>`` elements (``en-US`` matches ``en``). Inline codes (``<bpt>``, ``<ph>`` …) are read as
the native code they wrap, so ``<bpt i="1">&lt;b&gt;</bpt>`` reads as ``<b>``, and an empty one
(as SDL Trados Studio writes them) as its XLIFF tag, ``<ph x="1"/>`` as ``<x id="1"/>``
(:mod:`ltmt.formats.tmx_codes`); so is one whose native code is no markup (RTF's ``{\\f1 }``),
that native code kept in the pair's metadata and written back by :func:`write_tmx`.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from ltmt.errors import InputError
from ltmt.formats.cat_tool_statuses import tmx_unit_state
from ltmt.formats.common import (
    OTHER_REGION,
    XML_LANG,
    XML_SPACE,
    XmlLeftOut,
    first_xml_error,
    lang_matches,
    language_error,
    language_fit,
    local_name,
    read_bytes,
    refuse_entities,
    refuse_undeclared_references,
    xml_error,
)
from ltmt.formats.inline import append_text
from ltmt.formats.markup_codes import (
    NATIVE_CODES,
    Code,
    displayed_natives,
    pair_markup_codes,
    stored_natives,
)
from ltmt.formats.not_read import NO_WORDS, NotRead
from ltmt.formats.tmx_codes import OverlappingCodes, holds_words, lost_markup, read_segment
from ltmt.formats.tmx_export_languages import declared_region, export_code, relabel
from ltmt.formats.tmx_metadata import (
    ORIGINAL_CHANGEDATE,
    TMX_DATE,
    TMX_DATE_FORMAT,
    TMX_LANGUAGES,
    dated_as,
    declared_languages,
    newest_date,
    own_date,
    read_metadata,
    write_metadata,
)
from ltmt.formats.xliff import AWAITING_REVIEW, NEEDS_TRANSLATION, SIGNED_OFF_12, UNFINISHED_12
from ltmt.formats.xml_stream import UnitFrame, unit_level, write_records
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)
# the metadata key of each side's <seg> content as XML where its text loses some of it
# (:func:`~ltmt.formats.tmx_codes.lost_markup`: <hi type="term">, a code's type), by side,
# written back by an export while the side's text is unchanged
TMX_SEGMENTS = "tmx_segments"
# the whitespace XPath's normalize-space() folds (not a no-break space)
_XML_SPACES = re.compile(r"[ \t\r\n]+")
# each kind of markup tag in stored text (:class:`~ltmt.formats.inline.Code`) as the TMX inline
# code written for it: its element, and whether its number is its ``i`` (a pair's ends), its
# ``x`` or both
_CODES = {
    "ph": ("ph", ("x",), {}),
    "bpt": ("bpt", ("i", "x"), {}),
    "ept": ("ept", ("i",), {}),
    "begin": ("it", ("x",), {"pos": "begin"}),
    "end": ("it", ("x",), {"pos": "end"}),
}


def read_tmx(
    path: Path, src_lang: str = "en", tgt_lang: str = "de", *, not_read: NotRead | None = None
) -> Iterator[PairRecord]:
    """The ``src_lang`` → ``tgt_lang`` pairs of the TMX file ``path``.

    ``<tu>`` elements lacking either language, or with an empty side, are skipped, and of
    several ``<tuv>`` of the target language the closest to ``tgt_lang``'s region is read
    (``de``, then ``de-DE``, then another region for ``de``; the first of equals): each is said
    in one warning that names the first lines, and the units read from another region in one
    that counts them by code, as are the units whose empty paired codes overlap
    (:class:`~ltmt.formats.tmx_codes.OverlappingCodes`: no tags that nest can hold them) and
    those with a side of inline codes alone (no words to translate). Given
    ``not_read``, the units skipped are counted into it by reason instead of said
    (``untranslated``: no target; ``empty target``, ``no source``, ``overlapping codes``,
    ``no words``: a side of inline codes alone, as OmegaT keeps a lone tag; ``awaiting review``
    and ``needing translation``: a unit whose Trados ``x-ConfirmationLevel`` is a draft's or a
    rejected translation's, :func:`~ltmt.formats.cat_tool_statuses.tmx_unit_state`, as the
    XLIFF reader leaves such segments out ...).
    Metadata: ``id`` (``tuid``), ``note``, each ``<prop type="x-NAME">`` as ``NAME`` (a
    ``<prop type="NAME">`` too), the ``creationdate``, ``changedate``, ``creationid``,
    ``changeid``, ``usagecount`` and ``lastusagedate`` under their names, read from the ``<tu>``
    and from its ``<tuv>`` (where OmegaT writes them; the ``<tu>``'s first, then the target's:
    :mod:`ltmt.formats.tmx_metadata`), and ``native_codes``: the native code of each code read
    as its XLIFF tag that has one (:data:`~ltmt.formats.markup_codes.NATIVE_CODES`), and
    ``tmx_languages``: the code a side's ``<tuv>`` declared where it is not the one asked for
    (``{"target": "de-CH"}`` read for ``de``), which :func:`write_tmx` labels it with again
    (:data:`~ltmt.formats.tmx_metadata.TMX_LANGUAGES`). The pairs
    come oldest first, by ``changedate`` (else ``creationdate``; undated ones first, in file
    order): an import makes the last stored of a source's translations the one reused
    (:func:`ltmt.memory.writes.add_pairs`), unless the memory holds one dated later
    (:mod:`ltmt.memory.dated`). Raises
    :class:`InputError` for a malformed file, or one whose languages are not the pair asked,
    before it yields anything.

    The file is parsed as a stream (lxml's ``iterparse``, with translate-toolkit's safe parser
    settings: no entity resolution, no network), each ``<tu>`` dropped once read, so a memory
    of a million units never sits in memory as a tree. A side's text is what translate-toolkit
    reads (``lisa.getNodeText``): the string value of the ``<tuv>``'s first ``<seg>``, space
    normalised where the nearest ``xml:space`` says ``default`` (tested against it); an inline
    code without native code gives its XLIFF tag (:func:`~ltmt.formats.tmx_codes.read_segment`),
    where translate-toolkit reads nothing.
    """
    from lxml import etree

    path = Path(path)
    data = read_bytes(path, "a TMX file")
    header_lang: str | None = None
    sides = _Sides(src_lang, tgt_lang)
    records: list[PairRecord] = []
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=("{*}tu", "{*}header"),
        resolve_entities=False,
        no_network=True,
        strip_cdata=False,
    )
    root_checked = False
    try:
        for _, element in events:
            if not root_checked:  # the root as parsed so far (``events.root`` comes at the end)
                _check_root(element.getroottree().getroot(), path)
                refuse_entities(element.getroottree(), path, data)  # its DOCTYPE is read by now
                root_checked = True
            refuse_undeclared_references(element, path, data)
            if local_name(element.tag) == "header":
                header_lang = element.get("srclang") or ""
                continue
            unit = sides.read(element)
            if unit is not None:
                source, target, metadata = unit
                records.append(PairRecord(source, target, f"{path}:{element.sourceline}", metadata))
            element.clear(keep_tail=True)
            while element.getprevious() is not None:  # the units read before it
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise xml_error(path, first_xml_error(data, exc), "TMX") from exc
    _check_root(events.root, path)
    records.sort(key=_dated)  # stable: units of one date (or none) stay in file order
    found = sides.found
    if found:
        _check_languages(path, found | {header_lang or ""} - {"*all*"}, src_lang, tgt_lang)
    if not_read is not None:
        not_read.counts.update(sides.left_out.counts)
    elif sides.skipped:
        logger.warning(
            "%s: %s without both %s and %s text %s not read (%s)",
            path,
            counted(len(sides.skipped), "<tu>", "<tu>"),
            src_lang,
            tgt_lang,
            "was" if len(sides.skipped) == 1 else "were",
            _lines(sides.skipped),
        )
    if not_read is None:
        _warn_not_read(path, sides.overlapping, "with paired inline codes that overlap")
        _warn_not_read(path, sides.wordless, "of inline codes alone, without words,")
        _warn_not_read(path, sides.unconfirmed, "that Trados marks as a draft or rejected")
    if sides.regional:
        logger.warning(
            "%s: %s in a regional variant of %s (%s), imported as %s (its region kept: "
            "an export writes it where it is the one region of the memory's pairs)",
            path,
            counted(sum(sides.regional.values()), "unit"),
            tgt_lang,
            ", ".join(f"{lang}: {count}" for lang, count in sorted(sides.regional.items())),
            tgt_lang,
        )
    if sides.variants:
        logger.warning(
            "%s: %s more than one %s text; the closest to %s was imported (%s)",
            path,
            "1 <tu> holds" if len(sides.variants) == 1 else f"{len(sides.variants)} <tu> hold",
            tgt_lang,
            tgt_lang,
            _lines(sides.variants),
        )
    yield from records


def _check_languages(path: Path, found: set[str], src_lang: str, tgt_lang: str) -> None:
    """Raise :class:`~ltmt.errors.LanguageError` when no language of ``found`` (the file's) is
    ``src_lang`` or none is ``tgt_lang`` (:func:`~ltmt.formats.common.lang_matches`: ``de-DE``
    is ``de`` but not ``de-AT``), comparing them with the missing one, or the pair where both
    are."""
    has_source = any(lang_matches(lang, src_lang) for lang in found)
    has_target = any(lang_matches(lang, tgt_lang) for lang in found)
    if has_source and has_target:
        return
    side: Literal["", "source", "target"] = ""  # both missing: the pair
    if has_source != has_target:
        side = "target" if has_source else "source"
    raise language_error(path, found, src_lang, tgt_lang, side=side)


def _dated(record: PairRecord) -> str:
    """The TMX date a unit was last changed (else made), ``""`` for none: the order of
    recency."""
    return dated_as(record.metadata)


def _warn_not_read(path: Path, lines: list[int], what: str) -> None:
    """Warn of the ``<tu>`` elements at ``lines`` (none: no warning) left out for ``what``
    they are, where no count of what was not read is kept."""
    if lines:
        logger.warning(
            "%s: %s %s %s not read (%s)",
            path,
            counted(len(lines), "<tu>", "<tu>"),
            what,
            "was" if len(lines) == 1 else "were",
            _lines(lines),
        )


def _lines(numbers: list[int]) -> str:
    """``line 4``, ``lines 4, 9, 12, ...``: where the first few of ``numbers`` are."""
    return f"{'line' if len(numbers) == 1 else 'lines'} {first_few(numbers)}"


def _check_root(root: Any, path: Path) -> None:
    if root is None or local_name(root.tag) != "tmx":
        name = local_name(root.tag) if root is not None else ""
        raise InputError(f"{path}: not a TMX file (root element is <{name}>)")


class _Sides:
    """Picks a ``<tu>``'s source and target ``<tuv>`` by language, and reads their text and the
    unit's metadata, in one pass over the unit's children (a large file has a million units)."""

    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.found: set[str] = set()  # the languages of every <tuv> read
        self.variants: list[int] = []  # the lines of pairs read from a <tu> with two targets
        self.skipped: list[int] = []  # the lines of the <tu> without both sides' text
        self.overlapping: list[int] = []  # the lines of the <tu> whose paired codes overlap
        self.wordless: list[int] = []  # the lines of the <tu> with a side of inline codes alone
        # the lines of the <tu> whose Trados level is a draft's or a rejected one's
        self.unconfirmed: list[int] = []
        self.left_out = NotRead()  # the units of those lines, by reason
        # the target codes read from other regions than the one asked for (de-CH for de)
        self.regional: Counter[str] = Counter()
        # language -> (source?, how closely it is the target: language_fit, None: not it)
        self._matches: dict[str, tuple[bool, int | None]] = {}
        # the units' parent (<body>) and the xml:space nearest it, looked up once
        self._outer: tuple[Any, str | None] = (None, None)

    def _match(self, lang: str) -> tuple[bool, int | None]:
        known = self._matches.get(lang)
        if known is None:
            is_target = lang_matches(lang, self.tgt_lang)
            fit = language_fit(lang, self.tgt_lang) if is_target else None
            known = (lang_matches(lang, self.src_lang), fit)
            self._matches[lang] = known
            self.found.add(lang)
        return known

    def read(self, unit: Any) -> tuple[str, str, dict[str, Any]] | None:
        """The (source, target, metadata) of the ``<tu>`` element ``unit``, or None (its line
        noted in :attr:`skipped`, :attr:`overlapping` or :attr:`wordless`) when a side is
        missing or blank, its codes overlap or it is codes alone: the first ``<tuv>`` of the
        source language, and the first other one of the target language, the closest to its region
        (:func:`~ltmt.formats.common.language_fit`: ``de``, then ``de-DE``, then ``de-AT`` for
        ``de``; the first of equals). Metadata: the unit's and its two ``<tuv>``'s
        (:func:`~ltmt.formats.tmx_metadata.read_metadata`)."""
        source_node = target_node = None
        source_lang, target_fit, target_lang = "", 0, ""
        variant = False  # a second <tuv> of the target language
        for child in unit:
            if local_name(child.tag) == "tuv":
                lang = child.get(XML_LANG) or child.get("lang") or ""
                is_source, fit = self._match(lang)
                if is_source and source_node is None:
                    source_node, source_lang = child, lang
                elif fit is not None and target_node is None:
                    target_node, target_fit, target_lang = child, fit, lang
                elif fit is not None and not is_source:
                    variant = True
                    if fit < target_fit:
                        target_node, target_fit, target_lang = child, fit, lang
        if source_node is None or target_node is None:
            self.skipped.append(unit.sourceline)
            if source_node is not None:
                self.left_out.add("untranslated")
            else:
                self.left_out.add("no source" if target_node is not None else "other languages")
            return None
        state = tmx_unit_state(unit)
        if state is not None and state not in {"translated", *SIGNED_OFF_12}:
            self.unconfirmed.append(unit.sourceline)
            self.left_out.add(NEEDS_TRANSLATION if state in UNFINISHED_12 else AWAITING_REVIEW)
            return None
        outer = self._space_outside(unit)
        try:
            source, source_natives = _segment_text(source_node, outer)
            target, target_natives = _segment_text(target_node, outer)
        except OverlappingCodes:
            self.overlapping.append(unit.sourceline)
            self.left_out.add("overlapping codes")
            return None
        if not source or not target or not source.strip() or not target.strip():
            self.skipped.append(unit.sourceline)
            self.left_out.add("empty target" if source and source.strip() else "empty source")
            return None
        if not (_holds_words(source_node) and _holds_words(target_node)):
            self.wordless.append(unit.sourceline)
            self.left_out.add(NO_WORDS)
            return None
        if variant:
            self.variants.append(unit.sourceline)
        if target_fit == OTHER_REGION:
            self.regional[target_lang] += 1
        metadata = read_metadata(unit, source_node, target_node)
        declared = {"source": source_lang, "target": target_lang}
        languages = declared_languages(declared, {"source": self.src_lang, "target": self.tgt_lang})
        if languages:
            metadata[TMX_LANGUAGES] = languages
        if source_natives or target_natives:
            metadata[NATIVE_CODES] = {**target_natives, **source_natives}
        markup = {
            side: lost
            for side, node in (("source", source_node), ("target", target_node))
            if (lost := lost_markup(_first_segment(node)))
        }
        if markup:
            metadata[TMX_SEGMENTS] = markup
        return source, target, metadata

    def _space_outside(self, unit: Any) -> str | None:
        """The ``xml:space`` of ``unit`` or, failing that, of its nearest ancestor that has one."""
        own = unit.get(XML_SPACE)
        if own is not None:
            return str(own)
        parent = unit.getparent()
        if parent is not self._outer[0]:
            node = parent
            while node is not None and node.get(XML_SPACE) is None:
                node = node.getparent()
            self._outer = (parent, node.get(XML_SPACE) if node is not None else None)
        return self._outer[1]


def _segment_text(tuv: Any, outer: str | None) -> tuple[str | None, dict[str, str]]:
    """The text of ``tuv``'s first ``<seg>`` (None without one), as translate-toolkit reads it
    (``lisa.getNodeText``, ``xml_helpers.getText``): its string value (inline codes such as
    ``<bpt>&lt;b&gt;</bpt>`` give the native code they hold, empty ones their XLIFF tag:
    :func:`~ltmt.formats.tmx_codes.read_segment`), space normalised when the nearest
    ``xml:space`` on it, the ``<tuv>`` or further out (``outer``) is ``default`` (where
    ``getText`` runs an XPath query for each side); and the native codes of its XLIFF tags.
    Raises :class:`~ltmt.formats.tmx_codes.OverlappingCodes` where its empty paired codes
    overlap."""
    segment = _first_segment(tuv)
    if segment is None:
        return None, {}
    space = segment.get(XML_SPACE)
    if space is None:
        space = tuv.get(XML_SPACE)
    if space is None:
        space = outer
    text, natives = read_segment(segment)
    return (_XML_SPACES.sub(" ", text).strip(" ") if space == "default" else text), natives


def _holds_words(tuv: Any) -> bool:
    """Whether the first ``<seg>`` of ``tuv`` holds text outside its inline codes
    (:func:`~ltmt.formats.tmx_codes.holds_words`)."""
    return holds_words(_first_segment(tuv))


def _first_segment(tuv: Any) -> Any:
    """The first ``<seg>`` under ``tuv`` in document order: a child, as TMX has it, unless an
    earlier child holds elements of its own (then the whole subtree is searched)."""
    for child in tuv:
        if local_name(child.tag) == "seg":
            return child
        if len(child):
            break
    return next(tuv.iterdescendants("{*}seg"), None)


def write_tmx(
    path: Path,
    records: Iterable[PairRecord],
    src_lang: str = "en",
    tgt_lang: str = "de",
    left_out: XmlLeftOut | None = None,
    *,
    one_source_tag: bool = False,
    one_target_tag: bool = False,
) -> int:
    """Write ``records`` as a TMX 1.4 file (atomically); returns how many were written.

    Markup tags in the text are written as the inline codes that hold them (``<b>bold</b>`` as
    ``<bpt i="1" x="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept>``, ``<br/>`` as ``<ph>``, a
    tag whose partner is not in the text as ``<it>``; a target's code numbered as the same tag
    in the source: :func:`~ltmt.formats.markup_codes.pair_markup_codes`), and a stored XLIFF
    code (``<g id="1">``, ``<x id="2"/>``, a code ltmt read without native markup) as a TMX code
    without native code, its ``x`` the XLIFF id (``<bpt i="1" x="1"/>``…``<ept i="1"/>``,
    ``<ph x="2"/>``, holding the native code the pair's metadata keeps for it, if any:
    ``<ph x="2">{\\f1 }</ph>``, or what an XLIFF 2.0 placeholder's ``disp`` showed for it:
    ``<ph x="2">{name}</ph>``): CAT tools show them as protected tags and :func:`read_tmx`
    reads them back as the same text (an XLIFF ``<bpt id="3"/>`` as ``<g>``).
    String metadata becomes
    ``tuid`` (``id``), the attributes :func:`read_tmx` reads (``changedate`` ...),
    ``<note>`` (``note``) and ``<prop type="x-KEY">``, each on the ``<tuv>`` it was read from
    and a prop typed as it was read (OmegaT's ``file``, ``id``:
    :mod:`ltmt.formats.tmx_metadata`), which :func:`read_tmx` reads back; so does a PO plural
    form's number (``plural``), read back as a number. Every ``<tuv>`` of a side carries one
    code (:mod:`ltmt.formats.tmx_export_languages`), the header's ``srclang`` the source's:
    ``src_lang`` with ``one_source_tag`` (asked for), ``tgt_lang`` with ``one_target_tag``;
    else the region the pairs declared when read, where those that declared one all declared
    the same (``de-DE``), else ``src_lang``/``tgt_lang``. A stored
    segment's record (an export) is dated as the memory holds it (:func:`_with_stored_dates`),
    so that an import of the file makes the same translation of a source the newest. Pairs
    with
    characters XML cannot hold (control characters) are skipped, counted in ``left_out`` where
    given (its caller says so), else named in a warning. Written as a stream
    (:mod:`ltmt.formats.xml_stream`): one unit is held at a time.
    """
    from translate.misc.xml_helpers import reindent

    store = _empty_store(src_lang, tgt_lang)
    # indented by translate-toolkit's own indenter down to the <seg> and not inside it: lxml's
    # pretty printing would put line breaks into a <seg> of codes alone
    store.XMLindent = {"indent": "  ", "max_level": 4}
    frame = UnitFrame.around(store.body, store.namespaced("tu"), lambda: bytes(store))
    counter = left_out if left_out is not None else XmlLeftOut("TMX")
    level = unit_level(store.body)  # a <tu>'s, as indented in place
    languages = (src_lang, tgt_lang)
    declared: tuple[set[str], set[str]] = (set(), set())  # the regions the pairs declared

    def unit_of(number: int, record: PairRecord) -> bytes:
        element = _tmx_unit(store.body, record, languages)
        for side, written, regions in zip(("source", "target"), languages, declared, strict=True):
            region = declared_region(record.metadata, side, written)
            if region is not None:
                regions.add(region)
        reindent(element, level=level, toplevel=False, **store.XMLindent)
        data = frame.unit(element)
        store.body.remove(element)  # one unit in memory at a time
        return data

    written = write_records(Path(path), frame, records, unit_of, counter)
    codes = (
        export_code(declared[0], src_lang, one_source_tag),
        export_code(declared[1], tgt_lang, one_target_tag),
    )
    if codes != languages:  # known once the units are written: the file relabelled
        relabel(Path(path), languages, codes)
    if left_out is None:  # else the caller reports them
        counter.report(logger)
    return written


def _empty_store(src_lang: str, tgt_lang: str) -> Any:
    """A translate-toolkit TMX store without units, its header naming ltmt."""
    from translate.storage import tmx

    from ltmt import __version__

    store = tmx.tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    # the header names the tool that made the file (TMX 1.4), not the library that wrote it
    header = next(store.document.getroot().iterchildren(store.namespaced("header")))
    header.set("creationtool", "ltmt")
    header.set("creationtoolversion", __version__)
    header.set("o-tmf", "ltmt")  # the memory's own format (the library wrote its encoding)
    return store


def _tmx_unit(body: Any, record: PairRecord, languages: tuple[str, str]) -> Any:
    """The ``<tu>`` element of ``record``, appended to ``body``: a ``<tuv>`` of each of
    ``languages`` holding its side's text with inline codes in a ``<seg>``, its metadata as
    attributes, ``<prop>`` and ``<note>`` where it was read
    (:func:`~ltmt.formats.tmx_metadata.write_metadata`). Built with lxml, as translate-toolkit's
    ``tmxunit`` builds it: its unit API (each call looking up the ``<tuv>`` by language) was
    most of a large export's time."""
    from lxml import etree

    element = etree.SubElement(body, "tu")
    sides = []
    natives = {**displayed_natives(record.metadata), **stored_natives(record.metadata)}
    codes = pair_markup_codes(record.source, record.target, natives)
    markup = record.metadata.get(TMX_SEGMENTS)
    texts = {"source": record.source, "target": record.target}
    for side, language, pieces in zip(texts, languages, codes, strict=True):
        tuv = etree.SubElement(element, "tuv", {XML_LANG: language})
        as_read = _segment_as_read(markup, side, texts[side])
        if as_read is not None:
            tuv.append(as_read)
        else:
            _write_codes(etree.SubElement(tuv, "seg"), pieces)
        sides.append(tuv)
    source, target = sides
    write_metadata(_with_stored_dates(record), element, source, target)
    return element


def _segment_as_read(markup: object, side: str, text: str) -> Any:
    """The ``<seg>`` element of ``side`` as the file it was imported from had it
    (:data:`TMX_SEGMENTS`: its ``<hi>`` and its codes' types kept), where its text reads as
    ``text`` still; else None (the segment is written from its text)."""
    from lxml import etree

    held = markup.get(side) if isinstance(markup, Mapping) else None
    if not isinstance(held, str):
        return None
    try:
        segment = etree.fromstring(f"<seg>{held}</seg>")
        return segment if read_segment(segment)[0] == text else None
    except (etree.XMLSyntaxError, OverlappingCodes):
        return None


def _with_stored_dates(record: PairRecord) -> Mapping[str, Any]:
    """``record``'s metadata, for a stored segment's record (an export) dated as the memory
    orders it: its ``changedate`` is its own date (:func:`~ltmt.formats.tmx_metadata.own_date`: the
    ``ltmt-original-changedate`` an earlier release's export kept, else its own
    ``changedate``, else its ``creationdate``), else the time the memory stored it (a pair
    added by hand), and its ``creationdate``, the stored time where it has none, is never
    later than that. An import compares these dates with the stored translations' (an older
    unit does not displace a newer translation: :mod:`ltmt.memory.dated`), so importing the
    file makes the same translation of a source the newest. A pair approved again since by a
    write without dates (``memory add``) is dated then
    (:func:`~ltmt.formats.tmx_metadata.newest_date`), its own ``changedate`` kept as
    ``ltmt-original-changedate``, its ``creationdate`` never later than its own date."""
    if record.stored is None:
        return record.metadata
    own = own_date(record.metadata, record.stored.created)
    changed = newest_date(record.metadata, record.stored.created)
    metadata = {k: v for k, v in record.metadata.items() if k != ORIGINAL_CHANGEDATE}
    original = record.metadata.get(ORIGINAL_CHANGEDATE, record.metadata.get("changedate"))
    if changed != own and isinstance(original, str) and TMX_DATE.fullmatch(original):
        metadata[ORIGINAL_CHANGEDATE] = original
    stored = time.strftime(TMX_DATE_FORMAT, time.gmtime(record.stored.created))
    created = metadata.get("creationdate", stored)
    if isinstance(created, str) and TMX_DATE.fullmatch(created):
        created = min(created, own)
    return {**metadata, "creationdate": created, "changedate": changed}


def _write_codes(segment: Any, pieces: list[str | Code]) -> None:
    """Make ``pieces`` the content of the ``<seg>`` element ``segment``: text as text, each
    markup tag as the TMX inline code that holds it (:data:`_CODES`), each XLIFF code as the
    TMX code of its kind without native code."""
    from lxml import etree

    segment.text = None
    # a pair's number -> the XLIFF id its start took as its ``i`` (its end has no id)
    pair_ids: dict[int, str] = {}
    for piece in pieces:
        if isinstance(piece, str):
            append_text(segment, piece)
            continue
        name, numbered, attributes = _CODES[piece.kind]
        numbers = dict.fromkeys(numbered, str(piece.number))
        ident = piece.attributes.get("id") or piece.attributes.get("startRef") or ""
        if piece.element and "x" in numbers and ident.isdigit():
            numbers["x"] = ident  # ties it to the XLIFF code, as the TMX reader reads it
        if piece.element and piece.kind == "bpt" and ident.isdigit():
            # the pair numbered as read (<bpt i="1" x="1"/>), not renumbered past the XLIFF
            # ids (i="2"): no other pair's number is one (pair_markup_codes)
            numbers["i"] = pair_ids[piece.number] = ident
        elif piece.kind == "ept" and piece.number in pair_ids:
            numbers["i"] = pair_ids[piece.number]
        code = etree.SubElement(segment, name, {**numbers, **attributes})
        code.text = (piece.original or None) if piece.element else piece.native
