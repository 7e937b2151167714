"""An XLIFF 1.2 or 2.0 file as a document to translate.

Units: every translatable ``<trans-unit>`` (1.2) or ``<segment>`` (2.0), key = its index in the
file; the source text carries inline markup as tags (:mod:`ltmt.formats.inline`). A unit whose
source is an ICU plural or select (Angular's) is translated case by case, each case a unit
``<key>#<case>`` (:mod:`ltmt.formats.xliff_icu`). Filling writes
a ``<target>`` rebuilt from the source's inline elements and sets the state:

- 1.2: ``state="translated"``, or with ``mark_fuzzy`` ``state="needs-review-translation"``
  and ``state-qualifier="mt-suggestion"`` (the spec's values for machine output to review);
  a 100 % memory match gets ``state-qualifier="exact-match"`` instead;
- 2.0: ``state="translated"`` (the spec has no review-needed state), with ``mark_fuzzy`` also
  ``subState="ltmt:mt"``, for a 100 % memory match ``subState="ltmt:exact-match"``; filled
  without ``mark_fuzzy``, a unit loses either mark (one an earlier run left).

A translated unit (not marked for review, not rejected) that ``--overwrite`` fills with the
target it has keeps its state: it is still the translator's (:attr:`XliffDocument.kept_reviewed`).

Trados Studio and memoQ read their own statuses, not these: a segment Trados describes
(``<sdl:seg>``) gets ``conf="Draft"`` (``Translated`` where it is not marked for review),
``origin="mt"`` (``tm`` and ``percent="100"`` for a memory match) and ``origin-system="ltmt"``;
a memoQ unit (``mq:status``) gets ``Pretranslated`` (``ManuallyConfirmed``) and, where it is a
memory's 100 % match, ``mq:percent="100"`` (else a rate it had is 0:
:func:`~ltmt.formats.cat_tool_statuses.mark_memoq_unit`). What a run marked for review is
counted as the tool shows it (:attr:`XliffDocument.review_marks`: Trados segments, memoQ rows,
XLIFF units). A segment either
tool locked is no unit: left as it is, as one marked ``translate="no"``, and counted in the
run's summary (:meth:`XliffDocument.locked`), as the units a reviewer signed off are apart from
those translated (:meth:`XliffDocument.signed_off`). A segment a reviewer rejected
(``needs-translation`` with a target: Trados ``RejectedTranslation``, memoQ ``Rejected``) is
never confirmed by a run, ``--exact-approved`` or not: filled, it is marked for review; given
its rejected translation again (a memory match of it), it is left rejected and said
(:meth:`XliffDocument.review_notes`). A segmented unit that
Trados does not describe has only its whole target's state: one segment filled marks the whole
unit for review (the other segments' translators' work too, until a reviewer clears it: XLIFF
1.2 gives a ``<mrk>`` no state, and unreviewed output must not be learnt as reviewed), and its
qualifier is its least trusted segment's (one machine-translated segment: ``mt-suggestion``).

Where a unit's source says its spaces matter (``xml:space="preserve"`` on it or on the unit), its
runs of spaces beside inline codes and after a label's colon, which the model writes as one, are
put back (:mod:`ltmt.formats.space_runs`), and a ``<source>``'s ``xml:space`` is set on its
``<target>`` too.

A translation longer than its unit's limit in characters (:mod:`ltmt.formats.size_limits`) is
written, marked for review whatever the caller asked, and noted (:attr:`XliffDocument.over_limit`,
:meth:`XliffDocument.review_notes`).

A 2.0 target in state ``initial`` (no translation done) is a draft a person wrote (Phrase
exports a translator's unconfirmed work so): kept as it is and counted
(:meth:`XliffDocument.drafts`), translated with ``overwrite``; one that is its source copied
(Phrase's prefill, compared loosely: whitespace, case, inline tags and a leading ``*``,
``TODO:`` or ``[de]`` mark aside) is untranslated. A 1.2 ``new`` target is no draft: Angular's
extract-i18n-merge and Xcode write the source, or the translation of an older source, there to
be translated, so it is translated and marked for review. A 2.0 segment without a state (the
spec's ``initial``) whose target is its source copied is untranslated too
(:attr:`XliffUnit.unstated_copy`: Okapi's copy), and so is a 1.2 target without a state that
copies its source in a file of such copies (:func:`~ltmt.formats.source_copies.tool_copies`:
Okapi Tikal, PrestaShop); in a file that translates the rest, such a copy is kept and counted
apart (:meth:`XliffDocument.copies_kept`), translated with ``--copies translate``.

Filled in place, the file is its own output (:class:`~ltmt.formats.output_sources.FilledInPlace`):
a target the record of what ltmt wrote there holds for another source than the unit's now (a
CAT tool's "edit source") is translated again while the file says it awaits review
(:attr:`XliffDocument.status_tells_review`); one confirmed since is kept and named (ltmt's own
``--no-fuzzy`` target as ltmt's). The record keeps each unit by its id
(:mod:`ltmt.formats.xliff_record_keys`): a unit added or moved since moves no other. Trados's
unconfirmed copy of the source (:attr:`XliffUnit.source_copy`) is untranslated, and counted
(:meth:`XliffDocument.source_copies`).

A unit a reviewer signed off with an empty target (2.0 ``reviewed`` or ``final`` with
``<target/>``, 1.2 ``approved="yes"`` alike) had no text signed off: filled, it is marked for
review whatever the caller asked, and said (:meth:`XliffDocument.review_notes`).

A 1.2 unit's ``approved="yes"`` is taken off when ltmt writes its target (the approval was of
another target, or of none). ``overwrite`` retranslates finished units but not those a reviewer
signed off (1.2 ``approved="yes"``, ``final``, ``signed-off``; 2.0 ``final``, ``reviewed``).

Trados's track changes and comments are read as the text they leave
(:mod:`ltmt.formats.review_marks`): a segment kept keeps them as they are, one ltmt writes as it
was (``--overwrite``) too; a segment ltmt translates gets none, the comments of its source
staying there, and the run's summary names those (:meth:`XliffDocument.review_notes`), as it
does a target whose tracked changes or comments a new translation replaced.

A translation whose codes are not the source's is filled with every code of the source once (a
code it lost put back after its text; where its tags no longer nest, plain text followed by
the inline codes), always marked for review and counted as not repaired
(:attr:`XliffDocument.codes_put_back`). The rest of the file is written back through lxml: the XML
declaration, what comes before the root and the root's start tag stay byte for byte; inside,
lxml may normalise quoting and empty elements.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.cat_tool_statuses import mark_memoq_unit, mark_trados_segment
from ltmt.formats.common import (
    ROOT_START,
    XML_SPACE,
    atomic_write,
    line_ends_like,
    local_name,
    read_bytes,
)
from ltmt.formats.documents import Unit
from ltmt.formats.end_tags import keep_end_tags
from ltmt.formats.inline import fill as fill_inline
from ltmt.formats.inline import to_text
from ltmt.formats.json_identifiers import is_identifier
from ltmt.formats.marked_for_review import MEMOQ, TRADOS, XLIFF_12, XLIFF_20, ReviewMarks
from ltmt.formats.review_marks import has_comment, has_review_marks
from ltmt.formats.size_limits import declared_limit, too_long_message
from ltmt.formats.source_copies import kept_copies, tool_copies
from ltmt.formats.space_runs import keep_space_runs
from ltmt.formats.xliff import (
    EXACT_SUBSTATE,
    MT_SUBSTATE,
    REVIEW_SUBSTATES,
    XliffUnit,
    check_languages,
    iter_units,
    load_xliff,
    segment_marks,
)
from ltmt.formats.xliff_icu import CASE, BranchingUnits, is_message
from ltmt.formats.xliff_kept_marks import mark_kept
from ltmt.formats.xliff_record_keys import recorded_as
from ltmt.wording import counted, first_few, them

logger = logging.getLogger(__name__)

# XLIFF 1.2's state qualifiers of where a target came from, by how far a reviewer can trust it
# (higher: more): a unit of several segments is qualified by its least trusted segment
QUALIFIER_TRUST = {
    "mt-suggestion": 0,
    "leveraged-mt": 0,
    "fuzzy-match": 1,
    "leveraged-tm": 1,
    "exact-match": 2,
    "id-match": 2,
}
# how a segment of a 1.2 unit was filled: whether it awaits review, and its state qualifier
SegmentMark = tuple[bool, str | None]


class XliffDocument:
    """An XLIFF file held as an lxml tree (see the module docstring)."""

    format = "xliff"
    # its CAT tool's status (1.2 state, Trados conf, memoQ status) says which targets await
    # review, whoever wrote them: ltmt's kept for an older source is translated again only
    # while it awaits review (:func:`ltmt.formats.existing_output.drop_outdated`)
    status_tells_review = True

    def __init__(
        self, path: Path, data: bytes, tree: Any, version: int, tgt_lang: str | None
    ) -> None:
        self.path = Path(path)
        self.data = data
        self.tree = tree
        self.version = version
        self.tgt_lang = tgt_lang
        every = list(iter_units(tree, version))
        self._units = [u for u in every if not u.locked]
        self._locked = len(every) - len(self._units)
        # the targets a reviewer rejected (state needs-translation: Trados RejectedTranslation,
        # memoQ Rejected), by unit key: filled, marked for review; the same text again, kept
        self._rejected = {
            str(i): target
            for i, u in enumerate(self._units)
            if u.state == "needs-translation"
            and u.target is not None
            and (target := to_text(u.target).text).strip()
        }
        self._rejected_again: list[str] = []  # the ids of those a run gave the same text
        # the units whose target ltmt wrote, unconfirmed, for a source changed since (the
        # record of what it wrote there says so): translated again
        self._again: set[str] = set()
        # the units a reviewer signed off (2.0 reviewed, final) with an empty target: the
        # sign-off was of no text, so what a run fills them with is marked for review
        self._empty_signed_off = {
            str(i) for i, u in enumerate(self._units) if u.signed_off and not u.is_done()
        }
        self._empty_signed_off_filled: list[str] = []  # the ids of those a run filled
        # the segments filled whose source has a Trados comment (it stays there, the target
        # gets none), and those whose target's tracked changes or comments a run replaced
        self._comments_on_source: list[str] = []
        self._review_marks_replaced: list[str] = []
        # the 1.2 targets without a state that copy their source: a tool's copy, untranslated,
        # in a file of copies; kept in another (a translator's English), said apart
        unmarked = {
            str(i): (to_text(u.source).text, to_text(u.target).text)
            for i, u in enumerate(self._units)
            if u.unmarked and not is_identifier(to_text(u.source).text)
        }
        self._copies = set(tool_copies(unmarked))
        self._copies_kept = kept_copies(unmarked, self._copies)
        # the segments of each segmented 1.2 unit (its <trans-unit>), gathered once
        self._segments: dict[Any, list[XliffUnit]] = {}
        for unit in self._units:
            if unit.mid:
                self._segments.setdefault(unit.holder, []).append(unit)
        self._root_attributes = dict(tree.getroot().attrib)
        # the units whose translation's inline codes were not the source's: put back, reviewed
        self.codes_put_back: set[str] = set()
        # translated units fill wrote as they were (--overwrite): their state kept, not ltmt's
        self.kept_reviewed: set[str] = set()
        # the units whose translation is over their length limit, each with what is wrong;
        # and those filled whose limit is in a unit not measured, with that unit
        self.over_limit: dict[str, str] = {}
        self._unchecked_limits: dict[str, str] = {}
        # per segmented 1.2 unit (its <trans-unit>), how each of its segments was filled
        self._segment_marks: dict[Any, dict[str, SegmentMark]] = {}
        # what a run marked for review, as the tool that reads each mark shows it
        self.review_marks = ReviewMarks()
        self.branching = self._branching_units()

    def _branching_units(self) -> BranchingUnits:
        """The units whose source is an ICU plural or select (:mod:`ltmt.formats.xliff_icu`),
        with a warning that names those left untranslated."""
        branching = BranchingUnits(self.tgt_lang or "de")
        for index, unit in enumerate(self._units):
            branching.add(str(index), to_text(unit.source).text)
        if branching.unsupported:
            logger.warning(
                "%s: %s with an ICU plural or select that ltmt cannot take apart (unit %s) "
                "left untranslated; translate them by hand",
                self.path,
                counted(len(branching.unsupported), "unit"),
                ", ".join(self._units[int(key)].unit_id or key for key in branching.unsupported),
            )
        return branching

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> XliffDocument:
        data = read_bytes(Path(path), "an XLIFF file")
        tree, version = load_xliff(path, data)
        if src_lang or tgt_lang:
            check_languages(tree, version, Path(path), src_lang or "", tgt_lang or "")
        return cls(path, data, tree, version, tgt_lang)

    def units(self) -> list[Unit]:
        """Every unit, less those whose source is an identifier (:meth:`pending`)."""
        sources = [(i, u, to_text(u.source).text) for i, u in enumerate(self._units)]
        return [Unit(str(i), text, u.context) for i, u, text in sources if not is_identifier(text)]

    def signed_off(self) -> int:
        """How many units with a source (no identifier) hold a target a reviewer signed off
        (:attr:`XliffUnit.signed_off`): kept, even with ``--overwrite``."""
        return sum(
            u.is_done() and u.signed_off and bool(text.strip()) and not is_identifier(text)
            for u in self._units
            for text in (to_text(u.source).text,)
        )

    def locked(self) -> int:
        """How many segments Trados or memoQ locked: no units, left as they are."""
        return self._locked

    def drafts(self) -> int:
        """How many units with a source hold a draft (:attr:`XliffUnit.draft`: a 2.0 target in
        state ``initial`` that is not the source copied): kept as they are,
        translated with ``--overwrite``."""
        return sum(
            u.draft and not is_identifier(text)
            for u in self._units
            for text in (to_text(u.source).text,)
        )

    def source_copies(self) -> int:
        """How many units to translate hold their source copied by a tool: by Trados, not
        confirmed since (:attr:`XliffUnit.source_copy`: ``conf="Draft" origin="source"``), by
        Okapi in 2.0 without a state (:attr:`XliffUnit.unstated_copy`), in a 1.2 file of
        copies without a state (:func:`~ltmt.formats.source_copies.tool_copies`), or kept
        until ``--copies translate`` (:meth:`translate_copies`)."""
        copies = {
            str(i) for i, u in enumerate(self._units) if u.source_copy or u.unstated_copy
        } | self._copies
        return sum(1 for key in {u.group or u.key for u in self.pending()} if key in copies)

    def copies_kept(self) -> dict[str, str]:
        """The 1.2 units without a state whose target is their source copied, kept as
        translations in a file of fewer copies than a tool leaves
        (:func:`~ltmt.formats.source_copies.kept_copies`), each key with its name
        (:meth:`unit_name`)."""
        return {key: self.unit_name(key) for key in self._copies_kept}

    def translate_copies(self) -> None:
        """Make the units of :meth:`copies_kept` untranslated (``--copies translate``)."""
        self._copies.update(self._copies_kept)
        self._copies_kept = []

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units to translate: those without a finished target; with ``overwrite`` every
        unit but those a reviewer signed off (:attr:`XliffUnit.signed_off`). A source written
        as an identifier (``cart.items``: Symfony's key-based units) is left untranslated."""
        pending = []
        for i, u in enumerate(self._units):
            key, source = str(i), to_text(u.source).text
            untranslated = key in self._again or key in self._copies
            kept = u.is_done() and not untranslated and (not overwrite or u.signed_off)
            if kept or not source.strip():
                continue
            if u.draft and not overwrite:  # a person's (or tool's) draft: kept
                continue
            if is_identifier(source):  # a key-based unit's key (cart.items): no text
                continue
            if key in self.branching.expansions:
                pending.extend(self.branching.case_units(key, u.context))
            elif key not in self.branching.unsupported:
                pending.append(Unit(key, source, u.context))
        return pending

    def held_translations(self) -> dict[str, str]:
        """The targets the file holds, and those filled since, by unit key: what the record of
        what ltmt wrote into it holds (:class:`~ltmt.formats.output_sources.FilledInPlace`)."""
        return {
            str(i): text
            for i, u in enumerate(self._units)
            if u.target is not None and (text := to_text(u.target).text).strip()
        }

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the units of ``keys`` pending: ltmt wrote their target, not confirmed since,
        for a source changed since (Trados's or memoQ's source edit)."""
        self._again.update(keys)

    def mark_kept_for_review(self, keys: Collection[str]) -> list[str]:
        """Mark for review, as they are, the targets of the units of ``keys``, which the
        memory holds for another source (:func:`~ltmt.formats.xliff_kept_marks.mark_kept`);
        the keys marked, or marked before. Those a reviewer signed off are left as they are.
        (Filled as they were, they were the translator's, kept unmarked: trial s73.)"""
        marked = []
        for key in keys:
            unit = self._units[int(key)]
            if unit.signed_off:
                continue
            if not unit.needs_review:
                mark_kept(unit)
            marked.append(key)
        return marked

    def unit_name(self, key: str) -> str:
        """What the unit ``key`` (an ICU message's case: its unit's) is called where ltmt points
        at it: ``line 6``, its source's line in the file read, as ``ltmt qa`` names it (its key,
        the unit's place among the file's units, read as an id: trial s73)."""
        unit = self._units[int(key.partition(CASE)[0])]
        line = unit.source.sourceline
        return f"line {line}" if line is not None else f"unit {unit.unit_id or key}"

    def marked_for_review(self) -> set[str]:
        """The keys of the units whose target awaits review (:attr:`XliffUnit.needs_review`:
        Trados ``Draft``, memoQ ``Pretranslated``, 1.2 ``needs-review-*``, 2.0 ltmt's marks)."""
        return {str(i) for i, u in enumerate(self._units) if u.needs_review}

    def record_keys(self) -> dict[str, str]:
        """By unit key (its place among the file's units), the key the record of what ltmt
        wrote into the file keeps it under (:func:`recorded_as`): its id, so that a unit
        added, removed or moved since shifts no other (regression trial s72: keyed by place,
        one unit inserted had every translator's target after it named as of a changed
        source on every run)."""
        return {str(i): key for i, key in enumerate(recorded_as(self._units))}

    def unit_ids(self, keys: Iterable[str]) -> list[str]:
        """The ids of the units of ``keys`` (``u1/2``: a Trados segment's), as warnings name
        them."""
        return [self._units[int(key)].unit_id or key for key in keys]

    def whole_units(self, units: list[Unit]) -> list[Unit]:
        """Each unit that ``units`` translate case by case, as one unit of its whole source
        (:class:`~ltmt.formats.documents.WholeMessages`)."""
        return [
            Unit(key, to_text(self._units[int(key)].source).text, self._units[int(key)].context)
            for key in self.branching.groups(units)
        ]

    def is_message(self, text: str) -> bool:
        """Whether ``text`` (a unit's tagged text) is a message ICU accepts, its inline codes
        aside."""
        return is_message(text)

    @property
    def broken_messages(self) -> dict[str, str]:
        """The units whose ICU message assembled from its cases' translations ICU rejects,
        left untranslated: what is wrong, by unit key."""
        return self.branching.broken_messages(
            lambda key: f"unit {self._units[int(key)].unit_id or key}"
        )

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        for key, text in self._whole_units(translations):
            if not key.isdigit() or int(key) >= len(self._units):
                raise InputError(f"{self.path}: no unit {key!r} to fill")
            unit = self._units[int(key)]
            if key in self._rejected and text.strip() == self._rejected[key].strip():
                self._rejected_again.append(unit.unit_id or key)  # left rejected
                continue
            # a translated unit (not for review, not rejected) written as it was keeps its state
            # (a copy of the source is no translator's: its state is ltmt's)
            translated = unit.is_done() and not unit.needs_review and key not in self._copies
            held = to_text(unit.target).text if translated else None
            # a target's tracked changes and comments, put back where it is written as it was
            reviewed = _content_copy(unit.target) if has_review_marks(unit.target) else None
            if unit.target is None:
                unit.target = self._add_target(unit)
            source = to_text(unit.source)
            if _preserves_space(unit.source):
                text = keep_space_runs(source.text, text)
                _space_as_source(unit.source, unit.target)
            whole = fill_inline(unit.target, text, source, repeats=key in self.branching.expansions)
            if not whole:
                self.codes_put_back.add(key)
            too_long = self._check_limit(key, unit)
            if key in self._empty_signed_off:
                self._empty_signed_off_filled.append(unit.unit_id or key)
            review = mark_fuzzy or not whole or too_long or key in self._rejected
            review = review or key in self._empty_signed_off
            unchanged = whole and not too_long and key not in self._rejected
            if unchanged and held is not None and to_text(unit.target).text == held:
                self.kept_reviewed.add(key)  # the translator's: --overwrite changed nothing
                if reviewed is not None:
                    _restore_content(unit.target, reviewed)
                continue
            if reviewed is not None:
                self._review_marks_replaced.append(unit.unit_id or key)
            if has_comment(unit.source):
                self._comments_on_source.append(unit.unit_id or key)
            self._mark(unit, review=review, from_memory=key in from_memory)
        if translations:
            self._declare_target_language()
        return len(translations)

    def _whole_units(self, translations: Mapping[str, str]) -> list[tuple[str, str]]:
        """``translations`` by unit key: an ICU message's cases put together once each has one
        (:meth:`BranchingUnits.take`), the rest as they are."""
        whole = []
        for key, text in translations.items():
            taken = self.branching.take(key, text) if CASE in key else (key, text)
            if taken is not None:
                whole.append(taken)
        return whole

    def _check_limit(self, key: str, unit: Any) -> bool:
        """Whether the target just written for the unit ``key`` (a segment's: its unit's whole
        target) is longer than the unit's limit in characters; noted for :meth:`review_notes`,
        as is a limit in a unit ltmt does not measure."""
        limit = declared_limit(unit.holder, self.version)
        if limit is None:
            return False
        if limit.maximum is None:
            self._unchecked_limits[key] = limit.unit
            return False
        target = unit.whole_target if unit.mid else unit.target
        message = too_long_message(to_text(target).text, limit.maximum)
        if message is None:
            self.over_limit.pop(key, None)
            return False
        self.over_limit[key] = f"unit {unit.unit_id}: {message}"
        return True

    def review_notes(self) -> list[str]:
        """The units whose translation is longer than their limit (shorten them), those
        whose limit is in a unit ltmt does not measure (not checked), and those a reviewer
        rejected whose translation (a memory match's, the model's) was the rejected one again:
        left as they are, rejected."""
        notes = []
        if self._rejected_again:
            notes.append(
                f"{counted(len(self._rejected_again), 'segment')} rejected by a reviewer got "
                f"the rejected translation again ({first_few(self._rejected_again)}): kept "
                "as rejected; translate by hand"
            )
        if self._empty_signed_off_filled:
            notes.append(
                f"{counted(len(self._empty_signed_off_filled), 'segment')} marked reviewed or "
                f"final with an empty target ({first_few(self._empty_signed_off_filled)}): "
                "filled and marked for review (no text was signed off); confirm them in the "
                "CAT tool"
            )
        if self._comments_on_source:
            count = len(self._comments_on_source)
            notes.append(
                f"{counted(count, 'segment')} translated whose source has a Trados comment "
                f"({first_few(self._comments_on_source)}): the comment stays on the source, "
                f"{'its translation has' if count == 1 else 'their translations have'} none"
            )
        if self._review_marks_replaced:
            count = len(self._review_marks_replaced)
            notes.append(
                f"{counted(count, 'segment')} translated again whose target had tracked "
                f"changes or comments ({first_few(self._review_marks_replaced)}): "
                f"{'its' if count == 1 else 'their'} new target has none"
            )
        if self.over_limit:
            said, count = "; ".join(list(self.over_limit.values())[:5]), len(self.over_limit)
            marked = "it is" if count == 1 else "they are"
            notes.append(
                f"{counted(count, 'unit')} longer than the length limit the file gives "
                f"{them(count)} ({said}): shorten {them(count)}; {marked} marked for review"
            )
        for unit, count in sorted(Counter(self._unchecked_limits.values()).items()):
            notes.append(
                f"{counted(count, 'unit')} with a length limit in {unit} not checked (ltmt "
                'measures limits in characters: size-unit="char", xliff:codepoints)'
            )
        return notes

    def _add_target(self, unit: Any) -> Any:
        from lxml import etree

        if unit.mid:
            return self._add_segment_target(unit)
        source = unit.source
        anchor = next((c for c in unit.holder if local_name(c.tag) == "seg-source"), source)
        target = etree.Element(source.tag[: -len("source")] + "target")  # same namespace
        # indented as the element before it: the space after it is the anchor's, the space
        # before it the anchor's own indentation
        previous = anchor.getprevious()
        indent = anchor.getparent().text if previous is None else previous.tail
        target.tail = anchor.tail
        if indent is not None and not indent.strip():
            anchor.tail = indent
        anchor.addnext(target)
        return target

    def _add_segment_target(self, unit: Any) -> Any:
        """The target ``<mrk>`` of a segment of a segmented 1.2 unit: the unit's ``<target>``
        made first where it has none, as its ``<seg-source>`` is (the same ``<mrk>`` segments,
        left empty, and what lies between them), a segment its target lacks added at its end;
        every segment of the unit then reads the new elements."""
        from lxml import etree

        seg_source = next(c for c in unit.holder if local_name(c.tag) == "seg-source")
        target = unit.whole_target
        if target is None:
            target = etree.Element(seg_source.tag[: -len("seg-source")] + "target")
            target.tail = seg_source.tail
            seg_source.addnext(target)
        if _is_empty(target):  # a CAT tool's empty <target/> is laid out as a new one
            _lay_out_as(seg_source, target)
        marks = {mark.get("mid"): mark for mark in segment_marks(target)}
        if unit.mid not in marks:
            mark = etree.SubElement(target, unit.source.tag, mid=unit.mid, mtype="seg")
            marks[unit.mid] = mark
        for other in self._units:
            if other.holder is unit.holder and other.mid:
                other.whole_target = target
                other.target = marks.get(other.mid, other.target)
        return marks[unit.mid]

    def _mark(self, unit: Any, review: bool, from_memory: bool) -> None:
        if self.version == 2:
            unit.holder.set("state", "translated")
            if review:
                unit.holder.set("subState", EXACT_SUBSTATE if from_memory else MT_SUBSTATE)
            elif unit.holder.get("subState") in REVIEW_SUBSTATES:
                del unit.holder.attrib["subState"]
            self.review_marks.set(unit.holder, XLIFF_20, review=review)
            return
        if unit.holder.get("approved") == "yes":  # approval was of another target, or none
            del unit.holder.attrib["approved"]
        segment_review = review
        # the spec's value for a source translated before, word for word
        qualifier = "exact-match" if from_memory else "mt-suggestion" if review else None
        if unit.mid:  # a <mrk> takes no state: the unit's is the weakest of its segments'
            review, qualifier = self._unit_mark(unit, review, qualifier)
        target = unit.whole_target if unit.mid else unit.target
        target.set("state", "needs-review-translation" if review else "translated")
        if qualifier is not None:
            target.set("state-qualifier", qualifier)
        elif "state-qualifier" in target.attrib:
            del target.attrib["state-qualifier"]
        mark_trados_segment(unit.trados_segment, segment_review, from_memory)
        # memoQ marks the whole unit: a memory's match where each segment filled is one
        memoq = mark_memoq_unit(unit.holder, review, exact=qualifier == "exact-match")
        if unit.trados_segment is not None:  # Trados shows its segments by their conf
            self.review_marks.set(unit.trados_segment, TRADOS, review=segment_review)
        else:
            self.review_marks.set(unit.holder, MEMOQ if memoq else XLIFF_12, review=review)

    def _unit_mark(self, unit: Any, review: bool, qualifier: str | None) -> SegmentMark:
        """The mark of the whole segmented 1.2 unit whose segment ``unit`` was just filled so:
        awaiting review where any of its segments does, qualified as its least trusted one
        (:data:`QUALIFIER_TRUST`), its segments not filled by ltmt judged by the target's state
        before (one machine-translated segment makes the unit ``mt-suggestion``, whatever the
        order the segments are filled in)."""
        marks = self._segment_marks.get(unit.holder)
        if marks is None:
            marks = self._segment_marks[unit.holder] = self._marks_before(unit.holder)
        marks[unit.mid] = (review, qualifier)
        trusted = [q for _, q in marks.values() if q in QUALIFIER_TRUST]
        weakest = min(trusted, key=QUALIFIER_TRUST.__getitem__, default=None)
        return any(awaits for awaits, _ in marks.values()), weakest

    def _marks_before(self, holder: Any) -> dict[str, SegmentMark]:
        """The marks of the segments of the 1.2 unit ``holder`` that have a translation before
        ltmt fills them: the unit target's state (Trados's of the segment, where it has one)
        and state qualifier."""
        marks: dict[str, SegmentMark] = {}
        for other in self._segments[holder]:
            if other.target is None:
                continue
            if to_text(other.target).text.strip():
                whole = other.whole_target
                before = whole.get("state-qualifier") if whole is not None else None
                marks[other.mid] = (other.needs_review, before)
        return marks

    def _declare_target_language(self) -> None:
        if not self.tgt_lang:
            return
        root = self.tree.getroot()
        if self.version == 2:
            if not root.get("trgLang"):
                root.set("trgLang", self.tgt_lang)
            return
        for element in root.iter():
            if local_name(element.tag) == "file" and not element.get("target-language"):
                element.set("target-language", self.tgt_lang)

    def save(self, out_path: Path) -> None:
        atomic_write(Path(out_path), self.serialize())

    def serialize(self) -> bytes:
        """The document as bytes, the original prolog and root start tag kept; a UTF-16 file
        stays UTF-16, with its byte order mark."""
        wide = _utf16(self.data)
        if wide is None:
            return self._serialize(self.data, self.tree.docinfo.encoding or "UTF-8")
        codec, mark = wide
        as_utf8 = self.data[len(mark) :].decode(codec).encode("utf-8")
        return mark + self._serialize(as_utf8, "UTF-8").decode("utf-8").encode(codec)

    def _serialize(self, data: bytes, encoding: str) -> bytes:
        """:meth:`serialize` of the tree with ``data`` (the file in ``encoding``, an encoding
        whose ASCII characters are single bytes) as the original, with its line ends: the parser
        reads a Windows file's ``\r\n`` as ``\n``, so its body would otherwise come back mixed."""
        from lxml import etree

        root = self.tree.getroot()
        keep_end_tags(root, data)
        body = etree.tostring(root, encoding=encoding, xml_declaration=False)
        original = ROOT_START.match(data)
        if original is None:
            whole = etree.tostring(self.tree, encoding=encoding, xml_declaration=True) + b"\n"
            return line_ends_like(data, whole)
        prolog, start = data[: original.start(1)], original.group(1)
        if dict(root.attrib) == self._root_attributes:
            body = re.sub(
                rb"\A<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>", lambda _: start, body, count=1
            )
        return line_ends_like(data, prolog + body + data[len(data.rstrip()) :])


def _is_empty(element: Any) -> bool:
    """Whether ``element`` holds neither elements nor text (``<target/>``, or only spaces)."""
    return len(element) == 0 and not (element.text or "").strip()


def _lay_out_as(seg_source: Any, target: Any) -> None:
    """Fill ``target`` with a copy of ``seg_source``'s content, its segment ``<mrk>``s left
    empty: the text and space between segments (``</mrk> <mrk>``) then stay as the source's,
    rather than the segments being glued together when each is added at the end."""
    import copy

    target.text = seg_source.text
    for child in seg_source:
        target.append(copy.deepcopy(child))
    for mark in segment_marks(target):
        for child in list(mark):
            mark.remove(child)
        mark.text = None


def _content_copy(element: Any) -> Any:
    """A copy of ``element`` with its content (its tail left out)."""
    import copy

    held = copy.deepcopy(element)
    held.tail = None
    return held


def _restore_content(element: Any, held: Any) -> None:
    """Make ``element``'s text and children those of ``held`` (:func:`_content_copy`), its
    attributes and tail left as they are."""
    for child in list(element):
        element.remove(child)
    element.text = held.text
    for child in list(held):
        element.append(child)


def _preserves_space(element: Any) -> bool:
    """Whether the spaces of ``element`` are its text's: the ``xml:space`` of it or of its
    nearest ancestor that has one (a 1.2 ``<trans-unit>``, a 2.0 ``<unit>``) is ``preserve``."""
    for holder in (element, *element.iterancestors()):
        space = holder.get(XML_SPACE)
        if space is not None:
            return bool(space == "preserve")
    return False


def _space_as_source(source: Any, target: Any) -> None:
    """Give a ``<target>`` the ``xml:space`` its ``<source>`` has (both versions let either
    carry it; one set on the unit holds for both already)."""
    space = source.get(XML_SPACE)
    if space is not None and local_name(source.tag) == "source" and target.get(XML_SPACE) is None:
        target.set(XML_SPACE, space)


def _utf16(data: bytes) -> tuple[str, bytes] | None:
    """``(codec, byte order mark)`` of a UTF-16 file (one without a mark is refused as binary
    before it gets here); ``None`` for any other encoding."""
    if data.startswith(codecs.BOM_UTF16_LE) and not data.startswith(codecs.BOM_UTF32_LE):
        return "utf-16-le", codecs.BOM_UTF16_LE
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", codecs.BOM_UTF16_BE
    return None
