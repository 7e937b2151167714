"""XLIFF 1.2 and 2.0 files: parse safely, walk the translation units, read and write pairs.

    for record in read_xliff(Path("app.xlf"), src_lang="en", tgt_lang="de"): ...
    write_xliff(Path("out.xlf"), records, src_lang="en", tgt_lang="de")

The files are handled with lxml directly (translate-toolkit's XLIFF store flattens inline
markup away, and this module keeps it: see :mod:`ltmt.formats.inline`). Units marked
``translate="no"``, or inside a ``<group>`` (2.0 also ``<file>``) so marked, are skipped; so
are targets not finished enough to learn from (1.2 ``new``, ``needs-translation`` and the
``needs-review-*`` states, 2.0 ``initial``, a 2.0 target without a state, the spec's
``initial``, that is its source copied, and ltmt's own ``subState="ltmt:mt"``,
``"ltmt:exact-match"`` and ``"ltmt:source-changed"``: machine output and memory matches not
reviewed yet, a translation kept for an older source) unless asked for;
a translator's ``translated`` target is read, in 2.0 as in 1.2 (both versions' state for a
translation done, not yet signed off). The gettext header that ``po2xliff`` writes as a unit
(``restype="x-gettext-domain-header"``) is skipped too. Where Trados Studio or memoQ wrote
their own status of a segment, that is its state (:mod:`ltmt.formats.cat_tool_statuses`). A
unit's context, used like a PO ``msgctxt``, is its ``<context context-type="x-po-msgctxt">``
(translate-toolkit's convention) or else its resource name (1.2 ``resname``, 2.0 ``name``).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ltmt.errors import InputError, LanguageError
from ltmt.formats.cat_tool_statuses import (
    tool_locked,
    tool_source_copy,
    tool_state,
    trados_segment,
)
from ltmt.formats.common import (
    XmlLeftOut,
    lang_matches,
    language_error,
    local_name,
    parse_xml,
    read_bytes,
)
from ltmt.formats.inline import append_text, to_text
from ltmt.formats.markup_codes import NATIVE_CODES, Code, pair_markup_codes, stored_natives
from ltmt.formats.not_read import NotRead
from ltmt.formats.size_limits import declared_limit
from ltmt.formats.tmx_metadata import TMX_LANGUAGES, file_languages, metadata_notes
from ltmt.formats.untranslated_marks import (
    is_copied_as_written,
    is_marked_untranslated,
    is_source_copy,
)
from ltmt.formats.xml_stream import UnitFrame, indented_file, unit_level, write_records
from ltmt.segments import PairRecord
from ltmt.units import meant_as_written
from ltmt.wording import counted

logger = logging.getLogger(__name__)

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
GETTEXT_HEADER = "x-gettext-domain-header"
MSGCTXT = frozenset({"x-po-msgctxt", "x-gettext-msgctxt"})
# a PO entry's ``#,`` flags, a plural form's number and the singular msgid of forms from 1 on
# (:mod:`ltmt.formats.po`'s ``flags``, ``plural`` and ``plural_of``), which ltmt writes beside the
# msgctxt so that an entry exported from memory to XLIFF and read back is put together whole
PO_CONTEXTS = {"x-ltmt-flags": "flags", "x-ltmt-plural": "plural", "x-ltmt-plural-of": "plural_of"}
# the element that holds a PO context (1.2's <context>, 2.0's <mda:meta>) -> its kind's attribute
_PO_KIND_ATTRIBUTES = {"context": "context-type", "meta": "type"}
UNFINISHED_12 = frozenset({"new", "needs-translation"})
# the 2.0 state of a segment not translated yet, whose target is a draft (Phrase's unconfirmed
# work) unless it is the source copied; 1.2's new is not one: Angular's extract-i18n-merge and
# Xcode write the source (or the translation of an older source) there for translation
DRAFT_STATE_20 = "initial"
# 2.0 has no review state: ltmt marks what it filled and a reviewer has not seen yet so, its
# machine output apart from its 100 % memory matches (as 1.2's state-qualifier tells them)
MT_SUBSTATE = "ltmt:mt"
EXACT_SUBSTATE = "ltmt:exact-match"
# a translation kept as it is whose source the memory says changed since it was translated
# (:func:`ltmt.formats.changed_sources.mark_for_review`)
SOURCE_CHANGED_SUBSTATE = "ltmt:source-changed"
REVIEW_SUBSTATES = frozenset({MT_SUBSTATE, EXACT_SUBSTATE, SOURCE_CHANGED_SUBSTATE})
REVIEW_12 = frozenset(
    {
        "needs-review-translation",
        "needs-review-l10n",
        "needs-review-adaptation",
        "needs-adaptation",
        "needs-l10n",
    }
)
# why a unit's target is not read: its state asks for review, or for a translation (a copy
# of the source, a draft or a rejected translation); a unit without one is "untranslated"
AWAITING_REVIEW = "awaiting review"
NEEDS_TRANSLATION = "needing translation"
# the reason a unit marked not to be translated (or in a group or file so marked) is not read
MARKED_NO = 'marked translate="no"'
SIGNED_OFF_12 = frozenset({"final", "signed-off"})
SIGNED_OFF_20 = frozenset({"final", "reviewed"})
STATES_12 = UNFINISHED_12 | REVIEW_12 | {"translated", "final", "signed-off"}
# a 2.0 state read into a pair's metadata, written by :func:`write_xliff` as 1.2's nearest
STATES_20_AS_12 = {"reviewed": "signed-off", "final": "final", "translated": "translated"}
# each kind of markup tag in stored text (:class:`~ltmt.formats.inline.Code`) as the 1.2 inline
# code written for it: its element and attributes besides its ``id``
CODES_12 = {
    "ph": ("ph", {}),
    "bpt": ("bpt", {}),
    "ept": ("ept", {}),
    "begin": ("it", {"pos": "open"}),
    "end": ("it", {"pos": "close"}),
}
# XLIFF 2.0's inline elements as 1.2's, for a stored code read from 2.0 (by its id alone)
ELEMENTS_20_AS_12 = {"pc": "g", "sc": "bx", "ec": "ex"}
# 1.2's containers, which hold the text between their start and end tag
CONTAINERS_12 = frozenset({"g", "mrk"})
# a stored code whose native code is known, as the 1.2 code that holds it (its id kept): a
# placeholder as <ph>, a lone start or end of a pair as <it>
HOLDERS_12 = {
    "x": ("ph", {}),
    "ph": ("ph", {}),
    "bx": ("it", {"pos": "open"}),
    "ex": ("it", {"pos": "close"}),
}


@dataclass
class XliffUnit:
    """One translatable piece of an XLIFF file: a 1.2 ``<trans-unit>`` or a 2.0 ``<segment>``.

    ``holder`` is the element that carries ``<source>``/``<target>`` (and, in 2.0, ``state``);
    ``trados_segment``: the ``<sdl:seg>`` that Trados Studio keeps a 1.2 segment's status in.
    """

    holder: Any
    source: Any
    target: Any | None
    unit_id: str
    version: int
    context: str = ""
    # a segment of a 1.2 unit segmented by <seg-source> (its <mrk mtype="seg"> and the
    # target's of the same mid): its id, and the unit's whole <target>, which holds the state
    mid: str = ""
    whole_target: Any | None = None
    trados_segment: Any | None = None

    @property
    def state(self) -> str | None:
        """The unit's state: 2.0 its segment's; 1.2 the one its CAT tool's own status means
        (Trados per segment, memoQ per unit), else its target's (a segmented unit's whole
        target: a ``<mrk>`` has no state)."""
        if self.version == 2:
            return self.holder.get("state")
        tool = tool_state(self.holder, self.trados_segment)
        if tool is not None:
            return tool
        target = self.whole_target if self.mid else self.target
        return target.get("state") if target is not None else None

    @property
    def locked(self) -> bool:
        """Whether a CAT tool (Trados, memoQ) locked it: not to be changed, as a unit marked
        ``translate="no"`` is not."""
        return self.version == 1 and tool_locked(self.holder, self.trados_segment)

    @property
    def needs_review(self) -> bool:
        """Whether the target awaits review (1.2 ``needs-review-*``, 2.0 ltmt's marks), unless a
        reviewer signed it off (:attr:`signed_off`): a 2.0 ``final`` or ``reviewed`` that kept
        ltmt's ``subState="ltmt:mt"`` (the spec has a writer that changes ``state`` update
        ``subState``, but a hand edit or a simple tool leaves it), a 1.2 ``approved="yes"``
        whose state still says ``needs-review-translation``. ``memory import`` (which reads
        no target awaiting review) and ``translate`` (which keeps a signed-off one) both ask
        this, so they agree (trial s77: import skipped what translate kept as signed off)."""
        if self.signed_off:
            return False
        if self.version == 2:
            return self.holder.get("subState") in REVIEW_SUBSTATES
        return self.state in REVIEW_12

    @property
    def signed_off(self) -> bool:
        """Whether a reviewer approved the target: 1.2 ``approved="yes"``, ``final`` or
        ``signed-off``; 2.0 ``final`` or ``reviewed``. ``--overwrite`` leaves such a unit."""
        if self.version == 2:
            return self.state in SIGNED_OFF_20
        return self.holder.get("approved") == "yes" or self.state in SIGNED_OFF_12

    @property
    def draft(self) -> bool:
        """Whether the target is a draft a person or tool wrote before any translation was
        done: a 2.0 target in state ``initial`` that is not its source copied (Phrase's
        prefill; :func:`is_source_copy`, compared loosely) and reads as the file's ``trgLang``,
        or is too short to tell and says words of its own. Not read as a pair (not reviewed); a
        run keeps it as it is unless ``--overwrite``. 1.2's ``new`` is no draft: translated."""
        if self.version != 2 or self.state != DRAFT_STATE_20 or self.target is None:
            return False
        if not to_text(self.target).text.strip():
            return False
        language = self.holder.getroottree().getroot().get("trgLang") or ""
        return self.source is None or not is_source_copy(self.source, self.target, language)

    @property
    def source_copy(self) -> bool:
        """Whether Trados filled the 1.2 segment by copying its source, not confirmed since
        (``conf="Draft" origin="source"``:
        :func:`~ltmt.formats.cat_tool_statuses.tool_source_copy`): untranslated, as Phrase's
        2.0 prefill is. A target equal to its source under any other status is kept."""
        return self.version == 1 and tool_source_copy(self.trados_segment, self.target)

    @property
    def unstated_copy(self) -> bool:
        """Whether the 2.0 segment has no state, which the spec reads as ``initial`` (Okapi
        writes none where it copies the source into the target), and a target that is its
        source copied word for word (:func:`is_copied_as_written`; not a name or key
        combinations, :func:`~ltmt.units.meant_as_written`): untranslated, as an ``initial``
        copy is. A target of its own without a state is kept and read, as before: tools that
        write 2.0 translations without a state exist, and their work is no draft."""
        if self.version != 2 or self.state is not None or self.source is None:
            return False
        if self.target is None or not to_text(self.target).text.strip():
            return False
        source = to_text(self.source).text
        return is_copied_as_written(self.source, self.target) and not meant_as_written(source)

    @property
    def unmarked(self) -> bool:
        """Whether the 1.2 unit's target says nothing of whose it is: no state (nor a CAT
        tool's status), not approved, and not empty: a tool's copy of the source (Okapi Tikal,
        PrestaShop's catalogs) and a translator's text alike, which only the file as a whole
        tells apart (:func:`ltmt.formats.source_copies.tool_copies`)."""
        if self.version != 1 or self.state is not None or self.holder.get("approved") == "yes":
            return False
        return self.is_done()

    def is_done(self) -> bool:
        """Whether the unit has a target worth keeping (not empty, not a placeholder state, not
        its source marked untranslated: Symfony's ``__Log out``, nor Trados's unconfirmed copy
        of it: :attr:`source_copy`, nor a 2.0 copy without a state: :attr:`unstated_copy`)."""
        if self.target is None or not to_text(self.target).text.strip():
            return False
        source = to_text(self.source).text if self.source is not None else ""
        if is_marked_untranslated(source, to_text(self.target).text):
            return False
        if self.version == 2:
            return self.state != "initial" and not self.unstated_copy
        return self.state not in UNFINISHED_12 and not self.source_copy


def load_xliff(path: Path, data: bytes | None = None) -> tuple[Any, int]:
    """The lxml tree of the XLIFF file ``path`` (or of its ``data``) and its major version."""
    path = Path(path)
    tree = parse_xml(read_bytes(path, "an XLIFF file") if data is None else data, path, "XLIFF")
    root = tree.getroot()
    if local_name(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (root element is <{local_name(root.tag)}>)")
    version = (
        2 if root.tag == f"{{{NS_20}}}xliff" or (root.get("version") or "").startswith("2") else 1
    )
    return tree, version


def iter_units(tree: Any, version: int) -> Iterator[XliffUnit]:
    """The translatable units of ``tree`` in document order."""
    root = tree.getroot()
    if version == 2:
        for unit in root.iter():
            if local_name(unit.tag) != "unit" or not translatable(unit):
                continue
            segments = [s for s in unit if local_name(s.tag) == "segment"]
            for number, segment in enumerate(segments, 1):
                source, target = _child(segment, "source"), _child(segment, "target")
                if source is not None:
                    suffix = f"/{segment.get('id') or number}" if len(segments) > 1 else ""
                    unit_id = f"{unit.get('id', '')}{suffix}"
                    yield XliffUnit(segment, source, target, unit_id, 2, _context(unit, "name"))
        return
    for unit in root.iter():
        if (
            local_name(unit.tag) != "trans-unit"
            or not translatable(unit)
            or unit.get("restype") == GETTEXT_HEADER
        ):
            continue
        source = _child(unit, "source")
        if source is None:
            continue
        target = _child(unit, "target")
        segments = segment_marks(_child(unit, "seg-source"))
        if not segments:
            yield XliffUnit(unit, source, target, unit.get("id", ""), 1, _context(unit, "resname"))
            continue
        # segmented (Okapi, Trados): each <mrk mtype="seg"> is a unit, filled in the target's
        # <mrk> of the same mid
        targets = {mark.get("mid"): mark for mark in segment_marks(target)}
        for mark in segments:
            mid = mark.get("mid", "")
            yield XliffUnit(
                unit,
                mark,
                targets.get(mid),
                f"{unit.get('id', '')}/{mid}",
                1,
                _context(unit, "resname"),
                mid=mid,
                whole_target=target,
                trados_segment=trados_segment(unit, mid),
            )


def untranslatable_units(tree: Any, version: int) -> int:
    """How many units of ``tree`` :func:`iter_units` leaves out as not to be translated
    (:func:`translatable`: ``translate="no"`` on it, its group or its 2.0 file)."""
    name = "unit" if version == 2 else "trans-unit"
    return sum(
        1
        for unit in tree.getroot().iter()
        if local_name(unit.tag) == name
        and not translatable(unit)
        and unit.get("restype") != GETTEXT_HEADER
    )


def translatable(element: Any) -> bool:
    """Whether ``element`` is to be translated: the ``translate`` attribute of it or of its
    nearest ancestor that has one (a ``<group>``, a 2.0 ``<file>``) is not ``no``."""
    for holder in (element, *element.iterancestors()):
        value = holder.get("translate")
        if value is not None:
            return bool(value != "no")
    return True


def segment_marks(element: Any | None) -> list[Any]:
    """The segments of a 1.2 ``<seg-source>`` or segmented ``<target>``: its ``<mrk
    mtype="seg">`` elements, in order (none for ``None``)."""
    if element is None:
        return []
    return [
        mark
        for mark in element.iter()
        if local_name(mark.tag) == "mrk" and mark.get("mtype") == "seg" and mark is not element
    ]


def _context(unit: Any, name_attribute: str) -> str:
    """The unit's gettext context, else its resource name, else ``""``."""
    context = _gettext_context(unit)
    return context if context is not None else unit.get(name_attribute) or ""


def _gettext_context(unit: Any) -> str | None:
    """The unit's gettext context (``msgctxt``), None where it has none."""
    for group in unit:
        if local_name(group.tag) != "context-group":
            continue
        for context in group:
            if local_name(context.tag) == "context" and context.get("context-type") in MSGCTXT:
                return context.text or ""
    return None


def _po_metadata(unit: Any) -> dict[str, Any]:
    """The PO metadata (:data:`PO_CONTEXTS`) of ``unit``'s context groups (1.2's
    ``<context>``, 2.0's metadata module's ``<mda:meta>``, as :mod:`ltmt.formats.xliff2`
    writes it)."""
    found: dict[str, Any] = {}
    for group in unit:
        if local_name(group.tag) not in ("context-group", "metadata"):
            continue
        for context in group.iter():
            kind = _PO_KIND_ATTRIBUTES.get(local_name(context.tag))
            key = PO_CONTEXTS.get(context.get(kind, "")) if kind else None
            if key is not None and context.text:
                text = context.text
                found[key] = int(text) if key == "plural" and text.isdigit() else text
    return found


def _child(element: Any, name: str) -> Any | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def declared_languages(tree: Any, version: int) -> list[tuple[str, str, str]]:
    """``(original, source, target)`` of each 1.2 ``<file>`` (2.0: of the document, original
    ``""``); ``""`` for what is not declared."""
    root = tree.getroot()
    if version == 2:
        return [("", root.get("srcLang") or "", root.get("trgLang") or "")]
    return [
        (f.get("original") or "", f.get("source-language") or "", f.get("target-language") or "")
        for f in root.iter()
        if local_name(f.tag) == "file"
    ]


def _unit_languages(unit: XliffUnit) -> dict[str, str]:
    """The languages declared for ``unit``'s sides, by side (``""`` where not declared): its
    1.2 ``<file>``'s ``source-language`` and ``target-language``, 2.0's ``srcLang`` and
    ``trgLang``."""
    if unit.version == 2:
        holder, names = unit.holder.getroottree().getroot(), ("srcLang", "trgLang")
    else:
        holder = next((f for f in unit.holder.iterancestors() if local_name(f.tag) == "file"), None)
        names = ("source-language", "target-language")
    if holder is None:
        return {}
    return {side: holder.get(name) or "" for side, name in zip(("source", "target"), names)}


def check_languages(tree: Any, version: int, path: Path, src_lang: str, tgt_lang: str) -> None:
    """Raise :class:`~ltmt.errors.LanguageError` when a declared language is not the pair asked
    for (:func:`~ltmt.formats.common.lang_matches`: ``de-DE`` is read as ``de`` but not as
    ``de-AT``): the source languages are checked first, and the message compares only the
    languages of the side that is wrong with that side's and, in a file of several ``<file>``
    elements, names the first wrong one by its ``original``."""
    declared = declared_languages(tree, version)
    sides: tuple[tuple[int, Literal["source", "target"], str], ...] = (
        (1, "source", src_lang),
        (2, "target", tgt_lang),
    )
    for side, kind, wanted in sides:
        wrong = [d for d in declared if d[side] and not lang_matches(d[side], wanted)]
        if not wrong:
            continue
        found = sorted({d[side] for d in declared if d[side]})
        described = (
            f"the file's {kind} language is {found[0]}"
            if len(found) == 1
            else f"the file's {kind} languages are {', '.join(found)}"
        )
        original = wrong[0][0]
        if len(declared) > 1 and original:
            described += f' (<file original="{original}"> is in {wrong[0][side]})'
        raise language_error(path, found, src_lang, tgt_lang, described=described, side=kind)


def read_xliff(
    path: Path,
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    include_fuzzy: bool = False,
    check_declared: bool = True,
    not_read: NotRead | None = None,
) -> Iterator[PairRecord]:
    """The translated pairs of the XLIFF file ``path``; inline markup is kept as tags.
    Declared languages that are not ``src_lang`` → ``tgt_lang`` are a
    :class:`~ltmt.errors.LanguageError` (:func:`check_languages`), or without
    ``check_declared`` a warning (the pairs read as that pair). The units left out are counted
    into ``not_read`` (``awaiting review``: a target whose state asks for review,
    ``needs-review-*``, ``needs-l10n`` or ``needs-adaptation``, read with ``include_fuzzy``;
    ``needing translation``: a target whose state is ``new`` or ``needs-translation``, as
    Xcode's copy of the source and a rejected translation are; ``untranslated``: no target;
    ``translated``, ``final`` and ``signed-off`` targets are read; :data:`MARKED_NO`: a unit
    marked ``translate="no"`` or in a group or file so marked, :func:`untranslatable_units`),
    or those with a target said in a warning without one.

    Metadata: ``id`` (the unit id), ``context`` (see the module docstring; ``context_is_key``
    where it is the resource name, a string key as a JSON message's), ``note`` (its
    notes), ``state`` when set, ``approved`` (``"yes"``) for a 1.2 unit ``approved="yes"``, a PO
    entry's ``flags``, ``plural`` (a number) and
    ``plural_of`` as :func:`write_xliff` writes them, and ``native_codes``: the native code of
    each code kept as a tag that has one (:data:`~ltmt.formats.markup_codes.NATIVE_CODES`),
    and ``max_length``: the unit's length limit in characters
    (:func:`~ltmt.formats.size_limits.declared_limit`; a limit in another unit is counted in a
    warning, not checked), and ``tmx_languages``: the codes its file declared where they say
    more than the pair read (``en-US``, ``de-DE``: a memory export labels the pair with them,
    as it does a TMX unit's; :func:`~ltmt.formats.tmx_metadata.file_languages`).
    """
    path = Path(path)
    tree, version = load_xliff(path)
    try:
        check_languages(tree, version, path, src_lang, tgt_lang)
    except LanguageError as exc:
        if check_declared:
            raise
        logger.warning(
            "%s: %s; read as %s->%s pairs, as asked", path, exc.languages, src_lang, tgt_lang
        )
    records = []
    left_out = NotRead()
    left_out.add(MARKED_NO, untranslatable_units(tree, version))
    unchecked: Counter[str] = Counter()  # units with a limit ltmt cannot measure, by its unit
    for unit in iter_units(tree, version):
        if not unit.is_done() or (unit.needs_review and not include_fuzzy):
            left_out.add(_why_not_read(unit))
            continue
        source, target = to_text(unit.source), to_text(unit.target)
        if not source.text.strip():
            continue
        metadata: dict[str, Any] = {"id": unit.unit_id} if unit.unit_id else {}
        owner = unit.holder.getparent() if version == 2 else unit.holder  # 2.0: notes on <unit>
        if unit.context:
            metadata["context"] = unit.context
            if _gettext_context(owner) is None:
                # a resource name (Crowdin's, Lokalise's string key), as a JSON message's key
                metadata["context_is_key"] = True
        notes = [n.text for n in owner.iter() if local_name(n.tag) == "note" and n.text]
        if notes:
            metadata["note"] = "\n".join(notes)
        if unit.state:
            metadata["state"] = unit.state
        if version == 1 and unit.holder.get("approved") == "yes":
            metadata["approved"] = "yes"
        limit = declared_limit(unit.holder, version)
        if limit is not None and limit.maximum is not None:
            metadata["max_length"] = limit.maximum
        elif limit is not None:
            unchecked[limit.unit] += 1
        metadata.update(_po_metadata(owner))
        languages = file_languages(_unit_languages(unit), {"source": src_lang, "target": tgt_lang})
        if languages:
            metadata[TMX_LANGUAGES] = languages  # (eng-US, de-DE: exported as declared)
        if source.natives or target.natives:
            metadata[NATIVE_CODES] = {**target.natives, **source.natives}
        written = {**target.written(), **source.written()}
        if written:
            metadata["placeholders"] = written  # named as the file writes them
        position = f"{path}:{unit.source.sourceline}"
        records.append(PairRecord(source.text, target.text, position, metadata))
    if not_read is not None:
        not_read.counts.update(left_out.counts)
    elif unreviewed := left_out.counts[AWAITING_REVIEW] + left_out.counts[NEEDS_TRANSLATION]:
        logger.warning(
            "%s: %s with a target not read (its state says it awaits review or translation)",
            path,
            counted(unreviewed, "unit"),
        )
    log_unchecked_limits(path, unchecked)
    yield from records


def _why_not_read(unit: XliffUnit) -> str:
    """The reason a unit left out of the pairs is counted under (:data:`AWAITING_REVIEW`,
    :data:`NEEDS_TRANSLATION` or ``untranslated``)."""
    if unit.is_done():
        return AWAITING_REVIEW  # (left out only when it awaits review)
    has_target = unit.target is not None and to_text(unit.target).text.strip()
    return NEEDS_TRANSLATION if has_target and unit.state is not None else "untranslated"


def log_unchecked_limits(path: Path, unchecked: Counter[str]) -> None:
    """Say how many units of ``path`` have a length limit in a unit ltmt does not measure."""
    for unit, count in sorted(unchecked.items()):
        logger.warning(
            "%s: %s with a length limit in %s not checked (ltmt measures limits in characters: "
            'maxwidth with size-unit="char", slr:sizeRestriction in xliff:codepoints)',
            path,
            counted(count, "unit"),
            unit,
        )


def _state_12(state: Any) -> str:
    """The 1.2 target state for a pair's stored ``state`` (read from 1.2 or 2.0, or none)."""
    if state in STATES_12:
        return str(state)
    return STATES_20_AS_12.get(str(state), "translated")


def write_xliff(
    path: Path,
    records: Iterable[PairRecord],
    src_lang: str = "en",
    tgt_lang: str = "de",
    left_out: XmlLeftOut | None = None,
) -> int:
    """Write ``records`` as an XLIFF 1.2 file (atomically); returns how many were written.

    Markup tags in the text are written as the inline codes that hold them, which CAT tools
    show as protected tags: ``<b>bold</b>`` as ``<bpt id="1">&lt;b&gt;</bpt>bold<ept
    id="1">&lt;/b&gt;</ept>``, ``<br/>`` as ``<ph>``, a tag whose partner is not in the text as
    ``<it>``, a target's code with the id of the same tag in the source
    (:func:`~ltmt.formats.markup_codes.pair_markup_codes`); a stored XLIFF code (``<g
    id="1">``, ``<x id="2"/>``, 2.0's ``<pc>``, ``<sc>``, ``<ec>`` as 1.2's ``<g>``, ``<bx>``,
    ``<ex>``) as that element, or where the pair's metadata holds its native code as the code
    that holds it (``<x id="2"/>`` as ``<ph id="2">{\\f1 }</ph>``, ``<bx>`` as ``<it>``: a ``<g>``
    has no place for it, so a ``<g>`` pair whose native codes are known is a ``<bpt>`` and
    ``<ept>`` holding them). :func:`read_xliff` reads them back as the same text (2.0's
    codes as 1.2's). The rest is text, with ``xml:space="preserve"`` so edge spaces survive.
    ``metadata["id"]`` is the unit id when unique, else the record's number;
    ``metadata["context"]`` is written as translate-toolkit writes a ``msgctxt``, a PO entry's
    ``flags``, ``plural`` and ``plural_of`` beside it (:data:`PO_CONTEXTS`),
    ``metadata["note"]`` as a ``<note>``, ``metadata["state"]`` as the target's state (a 2.0
    state as 1.2's nearest, ``reviewed`` as ``signed-off``; else ``translated``) and
    ``metadata["approved"]`` as ``approved="yes"``: :func:`read_xliff` reads them all back.
    Pairs with control characters (which XML cannot hold) are skipped, counted in ``left_out``
    where given (its caller says so), else named in a warning. Written as a stream
    (:mod:`ltmt.formats.xml_stream`): one unit is held at a time.
    """
    from lxml import etree

    root = etree.Element(f"{{{NS_12}}}xliff", nsmap={None: NS_12}, version="1.2")
    file_element = etree.SubElement(
        root,
        f"{{{NS_12}}}file",
        {"original": Path(path).name, "source-language": src_lang, "target-language": tgt_lang},
        datatype="plaintext",
    )
    body = etree.SubElement(file_element, f"{{{NS_12}}}body")

    frame = UnitFrame.around(body, f"{{{NS_12}}}trans-unit", lambda: indented_file(root))
    level = unit_level(body)
    used: set[str] = set()
    counter = left_out if left_out is not None else XmlLeftOut("XLIFF")

    def unit_of(number: int, record: PairRecord) -> bytes:
        unit_id = str(record.metadata.get("id", "")) or str(number)
        if unit_id in used:
            unit_id = str(number)
        used.add(unit_id)
        unit, contents = _trans_unit(body, record, unit_id)
        etree.indent(unit, space="  ", level=level)
        for element, pieces in contents:  # once indented: mixed content
            _write_codes(element, pieces)
        data = frame.unit(unit)
        body.remove(unit)  # one unit in memory at a time
        return data

    written = write_records(Path(path), frame, records, unit_of, counter)
    if left_out is None:  # else the caller reports them
        counter.report(logger)
    return written


def _trans_unit(
    body: Any, record: PairRecord, unit_id: str
) -> tuple[Any, list[tuple[Any, list[str | Code]]]]:
    """The ``<trans-unit>`` of ``record`` (:func:`write_xliff`), added to ``body``, and its
    ``<source>`` and ``<target>`` with the pieces each is to hold, written into them once the
    unit is indented (their content is mixed: indenting would add text to it)."""
    from lxml import etree

    unit = etree.SubElement(body, f"{{{NS_12}}}trans-unit", id=unit_id)
    unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if record.metadata.get("approved") == "yes":
        unit.set("approved", "yes")
    source_codes, target_codes = pair_markup_codes(
        record.source, record.target, stored_natives(record.metadata)
    )
    source = etree.SubElement(unit, f"{{{NS_12}}}source")
    state = _state_12(record.metadata.get("state"))
    target = etree.SubElement(unit, f"{{{NS_12}}}target", state=state)
    contexts = [("x-po-msgctxt", record.metadata.get("context"))]
    contexts += [(kind, record.metadata.get(key)) for kind, key in PO_CONTEXTS.items()]
    contexts = [(kind, str(value)) for kind, value in contexts if value not in (None, "")]
    if contexts:
        group = etree.SubElement(  # a name of its own: XLIFF 1.2's schema wants them unique
            unit,
            f"{{{NS_12}}}context-group",
            name=f"po-entry-{unit_id}",
            purpose="information",
        )
        for kind, text in contexts:
            etree.SubElement(group, f"{{{NS_12}}}context", {"context-type": kind}).text = text
    for note in metadata_notes(record.metadata):
        etree.SubElement(unit, f"{{{NS_12}}}note").text = note
    return unit, [(source, source_codes), (target, target_codes)]


def _write_codes(element: Any, pieces: list[str | Code]) -> None:
    """Make ``pieces`` the content of ``element``: text as text, each markup tag as the 1.2
    inline code that holds it (:data:`CODES_12`), each XLIFF code as its element."""
    from lxml import etree

    parents = [element]  # the containers open, innermost last
    held = _held_pairs(pieces)
    for piece in pieces:
        if isinstance(piece, str):
            append_text(parents[-1], piece)
        elif piece.number in held and piece.kind in ("bpt", "ept"):
            code = etree.SubElement(parents[-1], f"{{{NS_12}}}{piece.kind}", id=held[piece.number])
            code.text = piece.original or None
        elif piece.element:
            _write_element(parents, piece)
        else:
            name, attributes = CODES_12[piece.kind]
            code = etree.SubElement(
                parents[-1], f"{{{NS_12}}}{name}", id=str(piece.number), **attributes
            )
            code.text = piece.native


def _held_pairs(pieces: list[str | Code]) -> dict[int, str]:
    """The ``<g>`` pairs of ``pieces`` written as a ``<bpt>`` and ``<ept>`` that hold their
    native codes (either end's known: a ``<g>`` has no place for one), by number, with the
    ``id`` of both ends (the start's)."""
    pairs = [p for p in pieces if isinstance(p, Code) and p.element in CONTAINERS_12]
    held = {p.number for p in pairs if p.kind in ("bpt", "ept") and p.original}
    return {p.number: p.ident for p in pairs if p.kind == "bpt" and p.number in held}


def _write_element(parents: list[Any], code: Code) -> None:
    """Write the stored XLIFF ``code`` as its 1.2 element into ``parents[-1]``: a container's
    start opens it in ``parents``, its end closes it, a container's tag without its partner is
    ``<bx>`` or ``<ex>``; a code whose native code is known holds it (:data:`HOLDERS_12`)."""
    from lxml import etree

    name = ELEMENTS_20_AS_12.get(code.element, code.element)
    if code.kind == "ept" and name in CONTAINERS_12:
        parents.pop()
        return
    given = code.attributes
    ident = code.ident
    attributes = given if name == code.element else {"id": ident}
    if name in CONTAINERS_12 and code.kind in ("begin", "end"):
        name, attributes = ("bx" if code.kind == "begin" else "ex"), {"id": ident}
    if code.original and name in HOLDERS_12:
        name, position = HOLDERS_12[name]
        attributes = {"id": ident, **position}
    written = etree.SubElement(parents[-1], f"{{{NS_12}}}{name}", attributes)
    if name not in CONTAINERS_12:
        written.text = code.original or None
    if code.kind == "bpt" and name in CONTAINERS_12:
        parents.append(written)
