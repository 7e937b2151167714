"""A new string of a keyed catalog whose English another string of the file has, word for word,
takes the translation the file keeps for it.

A one-language catalog (``.properties``, JSON, YAML: :class:`~ltmt.formats.keyed_catalog.
KeyedCatalog`) names its strings by key, and a key name tells no meaning apart (``ltmt qa``'s
``inconsistent`` check compares keys of one source: :mod:`ltmt.qa.catalog_checks`). A run that
kept the team's ``appTitle=Bestellungen`` gave the new ``worklistTitle``, also ``Purchase
Orders``, the model's ``Kaufordnungen`` (session 71). So a pending string whose source
(normalised as the memory compares sources: :func:`ltmt.text.normalize`) is that of strings
kept from the output, all kept with one translation, takes it as a 100 % memory match is
taken: in the string's case (``SAVE`` gets ``SPEICHERN`` of ``Save`` kept as ``Speichern``:
:func:`ltmt.match_case.recased`; one whose case cannot be told is not taken), the model not
run, unflagged (:data:`KEPT`, said in the run's summary). A 100 % match in the user's memory
is better (the memory's approved translation, which the translator reuses), and so is the
model where the file keeps that source two ways. The record of the output holds the copy as
ltmt's writing, not as the memory's approved translation (:data:`~ltmt.formats.output_sources.
COPIED`): the string it copies may be of unknown origin, so ``memory import --reviewed-only``
leaves the copy out until someone edits it. A plural's forms are neither reused nor given (an
entry is filled whole).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from ltmt.formats.documents import Document, Unit
from ltmt.formats.keyed_catalog import KeyedCatalog
from ltmt.formats.unit_translation import KEPT, ExactFn, Outcome, as_stored, preference
from ltmt.match_case import recased
from ltmt.segments import Translation
from ltmt.text import normalize

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

# by normalised source: the sources as written that a file keeps one translation for, and it
KeptBySource = Mapping[str, tuple[tuple[str, ...], str]]


def kept_by_source(
    document: Document,
    pending: Collection[str],
    record: Record | None = None,
    outdated: Collection[str] = (),
) -> KeptBySource:
    """The translations ``document`` (a keyed catalog; else none) keeps for units not
    ``pending`` (keys: those this run translates, or an interrupted run did), by the units'
    normalised source, each with the sources as written that it is kept for, where all of one
    source are kept with one translation. Only a translation kept for the very source its unit
    has now is given: not one of the keys ``outdated`` (kept, their source changed since: the
    record of the output or the memory says so), nor, where the output has a ``record``, one
    whose place it does not hold for the unit's source now (a German of ``Archive`` kept at a
    key now ``Delete`` gave a new ``Delete`` key ``Archivieren``, session 71). Nor is a source
    the file gives several contexts for its translator (a Transifex ``context``: ``Open`` of a
    task status and ``Open`` of a button, :data:`~ltmt.formats.keyed_catalog.Entry.context`):
    one of them is no translation of another."""
    if not isinstance(document, KeyedCatalog):
        return {}
    held = document.translations
    found: dict[str, tuple[list[str], set[str]]] = {}
    contexts: dict[str, set[str]] = {}  # by normalised source: the entries' contexts
    for entry in document.entries:
        if not entry.plural:
            contexts.setdefault(normalize(entry.source), set()).add(entry.context)
    for unit in document.units():
        if (
            unit.key in held
            and unit.key not in pending
            and unit.key not in outdated
            and not unit.entry
            and held[unit.key]
            and (record is None or record.written_for(unit))
        ):
            sources, texts = found.setdefault(normalize(unit.source), ([], set()))
            sources.append(unit.source)
            texts.add(held[unit.key])
    return {
        source: (tuple(sources), texts.pop())
        for source, (sources, texts) in found.items()
        if len(texts) == 1 and len(contexts.get(source, ())) <= 1
    }


def reuse_kept(
    units: Sequence[Unit],
    kept: KeptBySource,
    exact: ExactFn | None,
) -> list[Outcome]:
    """The outcomes (:data:`KEPT`) of those of ``units`` whose normalised source ``kept``
    (:func:`kept_by_source`) holds and that have no 100 % match in the memory (``exact``;
    None: no memory), the file's translation written in the unit's case as a 100 % match's is
    (:func:`ltmt.match_case.recased`: ``SAVE`` gets ``SPEICHERN`` of ``Save`` kept as
    ``Speichern``); one whose case cannot be told, or that breaks the unit's format rules, is
    not taken (the model translates the unit)."""
    units = [u for u in units if not u.entry and normalize(u.source) in kept]
    if units and exact is not None:
        found = exact([u.source for u in units], [preference(u) for u in units])
        units = [u for u, match in zip(units, found, strict=True) if match is None]
    outcomes = []
    for unit in units:
        sources, kept_text = kept[normalize(unit.source)]
        source = unit.source if unit.source in sources else sources[0]
        text = recased(unit.source, source, kept_text)
        if text is None:
            continue
        restored = as_stored(unit, text)
        if restored.ok:
            outcomes.append(Outcome(unit, restored, Translation(unit.source, text, method=KEPT)))
    return outcomes
