"""Which path each input of a translation takes: no model, the fast path, or fusion.

A blank segment comes back empty and a 100 % match returns its stored target, with the input's
edge whitespace, in its case and with its no-break spaces (:func:`without_model`; a match whose
target's case cannot be told, or whose target lacks a placeholder of its source that the
software fills in, is read by fusion instead). The rest is decoded in length-sorted batches
(:func:`plan_batches`): inputs without a match their fusion method would read
(:func:`needs_fusion`) are batched apart and take the fast path, so they come out the same
whatever else is in the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ltmt.accelerators import accelerators_given
from ltmt.folded_characters import separators_for_reuse
from ltmt.formats.placeholders import lacks_placeholders
from ltmt.fusion.selection import MatchSelection, select_matches
from ltmt.match_case import recased, same_case_first
from ltmt.segments import Match, Segment, Translation
from ltmt.text import split_edges

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion
    from ltmt.model.backbone import Backbone
    from ltmt.translator import Translator
    from ltmt.units import Unit


def without_model(
    text: str,
    found: tuple[Match, ...],
    exact_reuse: bool,
    target_language: str = "",
    accelerator_markers: tuple[str, ...] = (),
) -> Translation | None:
    """The translation of ``text`` that needs no model: empty for a blank one, the stored target
    of a 100 % match among ``found`` (its memory matches, best first; one of the same case as
    ``text`` first) with ``exact_reuse``, as :func:`reusable_target` gives it; ``None`` when the
    model has to translate it. ``target_language``: the translator's, which the memory was
    checked to be in (:attr:`Translation.target_language`). A line of ``text`` with a keyboard
    accelerator of ``accelerator_markers`` whose stored translation marks none gets one placed,
    as a decoded line does (:func:`ltmt.accelerators.accelerators_given`: ``&Import`` stored as
    ``Importieren`` is reused as ``&Importieren``), counted in :attr:`Translation.accelerators`."""
    language = target_language
    if not text.strip():
        return Translation(text, "", found, "empty", target_language=language)
    if exact_reuse and found and found[0].score >= 100:
        reused = _reused_match(text, found)
        if reused is not None:
            target, placed = accelerators_given(text, reused[1], accelerator_markers)
            return Translation(
                text, target, found, "exact", target_language=language, accelerators=placed
            )
    return None


def _reused_match(text: str, found: Sequence[Match]) -> tuple[Segment, str] | None:
    """The 100 % match of ``found`` that ``text`` reuses (one of ``text``'s case first) and its
    target as reused (:func:`reusable_target`); None where none can be."""
    for match in same_case_first(text, [m for m in found if m.score >= 100]):
        target = reusable_target(text, match.segment)
        if target is not None:
            return match.segment, target
    return None


def reused_segment(text: str, found: Sequence[Match]) -> Segment | None:
    """The segment of ``found`` whose target :func:`without_model` reuses for ``text`` (a 100 %
    match, one of ``text``'s case first), so that a caller judges the match reused, not merely
    the best ranked; None where none can be reused."""
    reused = _reused_match(text, found)
    return None if reused is None else reused[0]


def stored_edges_replaced(text: str, found: Sequence[Match]) -> bool:
    """Whether the 100 % match of ``found`` that ``text`` reuses stored whitespace at an edge
    of its target (``Usage:`` → ``Aufruf: ``) that the reused target has as ``text`` has it
    instead (:func:`reused_target`): ``ltmt translate`` says how many, so a translator's space
    is not dropped unseen."""
    reused = _reused_match(text, found)
    if reused is None:
        return False
    stored_lead, _, stored_trail = split_edges(reused[0].target)
    lead, _, trail = split_edges(reused[1])
    return bool(stored_lead and stored_lead != lead) or bool(stored_trail and stored_trail != trail)


def reusable_target(text: str, segment: Segment) -> str | None:
    """The stored target of ``segment``, a 100 % match of ``text``, as ``text`` reuses it: with
    its edge whitespace (:func:`reused_target`) and in its case (:func:`ltmt.match_case.recased`:
    ``Yes`` gets ``Ja`` of a stored ``YES`` → ``JA``); None where its case cannot be told, and
    ``text`` is decoded; None too where the stored target lacks a placeholder of its source
    that the software fills in (:func:`~ltmt.formats.placeholders.lacks_placeholders`: a
    ``{name}``, not a price's ``$5`` or a key's ``<F5>``): fusion reads the match, and the
    placeholder guard keeps what the output must carry. The no-break spaces of ``text`` that the
    stored source writes as plain spaces are put in the target as in a decoded output
    (:func:`~ltmt.folded_characters.separators_for_reuse`: ``2\u00a0°C``)."""
    if lacks_placeholders(segment):
        return None
    target = recased(text, segment.source, reused_target(text, segment))
    if target is None:
        return None
    return separators_for_reuse(text, segment.source, target)


def reused_target(text: str, segment: Segment) -> str:
    """The stored target of ``segment``, a 100 % match of ``text``, with ``text``'s leading and
    trailing whitespace: the score reads normalised text, so ``created directory %s\n`` matches
    a stored ``created directory %s`` whose translation lacks the newline that the string prints,
    and a target stored with a line break or a space its source lacks (``Save`` → ``Speichern\n``)
    would fail ``msgfmt -c`` or show the space. An edge where the stored source has ``text``'s
    and the target one of the same kind (:func:`same_kind_of_edge`) is the translator's and is
    kept: coreutils' help lines indented to align their German columns (``          w/o user
    IDs: %lu\n`` → ``            ohne User-ID: %lu\n``), a blank line more after a paragraph."""
    lead, _, trail = split_edges(text)
    source_lead, _, source_trail = split_edges(segment.source)
    target_lead, body, target_trail = split_edges(segment.target)
    if source_lead == lead and same_kind_of_edge(source_lead, target_lead, outer=0):
        lead = target_lead
    if source_trail == trail and same_kind_of_edge(source_trail, target_trail, outer=-1):
        trail = target_trail
    return lead + body + trail


def same_kind_of_edge(source_edge: str, target_edge: str, outer: int) -> bool:
    """Whether two edges of whitespace are both empty, or both not and alike in whether their
    ``outer`` character (0: a leading edge's first, -1: a trailing edge's last) is a line break:
    what ``msgfmt -c`` asks of a PO entry's ``msgid`` and ``msgstr``."""
    if not source_edge or not target_edge:
        return source_edge == target_edge
    return (source_edge[outer] in "\r\n") == (target_edge[outer] in "\r\n")


def needs_fusion(
    fusion: Fusion | None, text: str, found: tuple[Match, ...], backbone: Backbone | None = None
) -> bool:
    """Whether an input ``text`` with memory matches ``found`` has a match ``fusion`` would read
    over ``backbone`` (:func:`read_matches`; a method without a match selection reads any)."""
    if fusion is None or not found:
        return False
    read = read_matches(fusion, text, found, backbone)
    return True if read is None else bool(read)


def read_matches(
    fusion: Fusion, text: str, found: Sequence[Match], backbone: Backbone | None = None
) -> list[Match] | None:
    """The matches of ``found`` that ``fusion`` reads for input ``text`` over ``backbone``, as
    it reads them (narrowed, repaired: the method's own match selection,
    :mod:`ltmt.fusion.selection`: its ``selection_for(backbone)``, else its
    ``config.selection``); remembered by the fusion's segment cache where it has one, which its
    ``prepare`` reads too. ``None`` for a method without a match selection."""
    selection_for = getattr(fusion, "selection_for", None)
    if selection_for is not None and backbone is not None:
        selection = selection_for(backbone)
    else:
        selection = getattr(getattr(fusion, "config", None), "selection", None)
    if not isinstance(selection, MatchSelection):
        return None
    from ltmt.fusion.datastore import SegmentCache

    cache = getattr(fusion, "cache", None)
    if isinstance(cache, SegmentCache):
        return cache.selected(found, text, selection)
    return select_matches(found, text, selection)


def matches_read(
    translator: Translator, unit: Unit, matches: Sequence[Sequence[Match]]
) -> Sequence[Match]:
    """The matches of ``unit``'s segment (``matches`` per segment) that ``translator``'s fusion
    reads for it (:func:`read_matches`; all of them for a fusion without a match selection)."""
    found = matches[unit.segment]
    fusion = translator.fusion
    read = None if fusion is None else read_matches(fusion, unit.text, found, translator.backbone)
    return found if read is None else read


def plan_batches(
    lengths: Sequence[int], fused: Callable[[int], bool], batch_size: int
) -> list[tuple[list[int], bool]]:
    """The batches that decode inputs of token ``lengths``: ``(indices, fused)``, each at most
    ``batch_size`` inputs sorted by length; those ``fused(index)`` says need no fusion first, in
    batches of their own (asked shortest first)."""
    by_length = sorted(range(len(lengths)), key=lengths.__getitem__)
    plain = [i for i in by_length if not fused(i)]
    plain_set = set(plain)
    rest = [i for i in by_length if i not in plain_set]
    return [
        (group[start : start + batch_size], is_fused)
        for group, is_fused in ((plain, False), (rest, True))
        for start in range(0, len(group), batch_size)
    ]
