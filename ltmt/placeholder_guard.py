"""The placeholder guard: a memory must not make a translation lose a ``%s`` or a number,
nor add a ``%s``.

A fused output that drops a placeholder of its line (``%s``, ``{name}``, tags:
:func:`ltmt.formats.placeholder_syntax.placeholder_matches`), has one its line lacks
(:func:`ltmt.formats.placeholder_syntax.placeholders_added`: a match's ``: %s`` carried into an
input without it, which a printf would read with no argument behind it) or lost one of its
line's numbers beyond repair (:func:`ltmt.numbers_kept.numbers_beyond_repair`: a match's
``1024`` in place of the line's ``4096``; a number's or a placeholder's percent sign is part of
it, :mod:`ltmt.percent_signs`: ``Score: {$a}`` for ``Score: {$a}%``) is decoded again without
memory, and the output that keeps more placeholders wins, then the one that adds fewer, then
the one that keeps more numbers (the fused one on a tie): a memory must not change what a
format string needs, nor a number. The re-decode follows the line's glossary terms too, and the
form of address asked (:mod:`ltmt.address_steering`); one that runs on under the terms'
constraint is the model's own without it
(:meth:`~ltmt.terminology.decoding.GlossaryDecoding.decode_alone`), which then gets its terms as
a line decoded without memory gets them (:func:`_with_targets`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ltmt.folded_characters import restore_folded
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.numbers_kept import (
    counts_lost_in_german,
    kept_shape,
    lost_beyond_words,
    repair_outputs,
)
from ltmt.percent_signs import lost_percents
from ltmt.pictographs import without_tags
from ltmt.qa.unit_checks import lost_units
from ltmt.terminology.decoding import GlossaryPass, lacking

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Replaced:
    """The outputs the guard replaced (indices into its units), and of those the ones whose
    numbers the repair of the model's own output changed and left wrong (``numbers_wrong``):
    :func:`ltmt.numbers_kept.repair_outputs` of the output kept, not of the fused one it
    replaced. An output the guard put in counts as no number repair: the guard chose it for
    the numbers it keeps."""

    outputs: set[int] = field(default_factory=set)
    numbers_wrong: set[int] = field(default_factory=set)


def guard_placeholders(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    outputs: list[str],
    hits: Sequence[list[TermHit]],
) -> Replaced:
    """Re-decode with ``translator``'s model alone the ``fused`` outputs (indices into
    ``units``, ``encoded``, ``outputs`` and ``hits``) that lost or added placeholders or lost
    numbers beyond repair; replaces those ``outputs`` the plain model does better on, and
    says which (:class:`Replaced`)."""
    suspects = []
    for i in fused:
        shape = kept_tag_shape(units[i].text, outputs[i])
        if shape < (0, 0, 0):
            suspects.append((i, shape))
    suspects.sort(key=lambda item: len(encoded[item[0]]))
    indices = [i for i, _ in suspects]
    plain, wrong = decoded_without_memory(translator, indices, units, encoded, hits)
    replaced: set[int] = set()
    for (i, shape), text in zip(suspects, plain, strict=True):
        if kept_tag_shape(units[i].text, text) > shape:
            outputs[i] = text
            replaced.add(i)
    if suspects:
        logger.info(
            "placeholder guard: %d fused outputs lost or added placeholders or lost numbers, %d "
            "replaced by the model's own",
            len(suspects),
            len(replaced),
        )
    return Replaced(replaced, {indices[n] for n in wrong} & replaced)


def numbers_still_lost(
    indices: Iterable[int], units: Sequence[Unit], outputs: Sequence[str], german: bool = False
) -> set[int]:
    """The outputs ``indices`` (into ``units`` and ``outputs``) that still lack a number of
    their line beyond repair, once the guard has run: neither the repair, the retry with the
    line's numbers as tags, nor the model alone kept it, so the run says so (``numbers: ...
    could not be repaired``, and ``--strict`` fails) rather than pass ``SKU-001515`` for
    ``SKU-000015``, or ``Entfernen nach $50 pro Monat`` for ``Earn 2% cashback up to $50 per
    month``, as a translation. A count a translation may write in words (``zwei``, ``18 Uhr``
    for ``6 pm``) is no number lost (:func:`ltmt.numbers_kept.lost_beyond_words`); a percent
    sign lost after its number or placeholder (``{$a}`` for ``{$a}%``:
    :func:`ltmt.percent_signs.lost_percents`) is, and so is a measure's unit lost after its
    number (``15 Ming`` for ``15 mg``: :func:`ltmt.qa.unit_checks.lost_units`, as qa's units
    check reads it, outside placeholders). A tag is read as a space: without it, ``is
    <x/>5`` (``is ±5``) read as the code ``is5`` and its translation ``ist <x/>5`` as ``ist5``,
    a number lost that both have. In ``german`` outputs, a small count written neither in
    digits nor in German words is lost too (:func:`ltmt.numbers_kept.counts_lost_in_german`:
    ``over 10 seconds`` gone from a fused match's ``Stellt 150 Lebenspunkte wieder her.``)."""
    read = [
        (i, without_tags(units[i].text, filler=" "), without_tags(outputs[i], filler=" "))
        for i in indices
    ]
    return {
        i
        for i, source, output in read
        if lost_beyond_words(source, output)
        or lost_percents(source, output)
        or lost_units(without_placeholders(source), without_placeholders(output))
        or (german and bool(counts_lost_in_german(source, output)))
    }


def decoded_without_memory(
    translator: Translator,
    indices: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    hits: Sequence[list[TermHit]],
) -> tuple[list[str], set[int]]:
    """The model's own outputs for the lines ``indices`` of ``units`` (following their glossary
    terms), their numbers repaired as a line decoded without memory gets them
    (:func:`ltmt.numbers_kept.repair_outputs`: a number written with a repeated digit once put
    back, a line still lacking one decoded again with its numbers as tags) where ``translator``
    repairs numbers: the model wrote ``SKU-001515`` for ``SKU-000015`` with and without a
    match, and only the retry kept it, so the fused output that lost it was kept on a tie.
    Steered to the translator's form of address as every decode of a line is
    (:meth:`~ltmt.translator.Translator.decode_ids`). With the outputs come those the repair
    changed and left with a number wrong, as positions in ``indices``."""
    lines = [units[i] for i in indices]
    line_hits = [hits[i] for i in indices]
    plain = translator.decode_ids(
        [encoded[i] for i in indices], line_hits, sources=[unit.text for unit in lines]
    )
    _with_targets(translator, lines, line_hits, plain)
    plain = [restore_folded(unit.text, text) for unit, text in zip(lines, plain, strict=True)]
    if not translator.number_repair:
        return plain, set()
    _, wrong = repair_outputs(translator, lines, plain, skip=())
    return plain, wrong


def _with_targets(
    translator: Translator,
    lines: Sequence[Unit],
    hits: Sequence[list[TermHit]],
    outputs: list[str],
) -> None:
    """Give each of ``outputs`` (the model's own, one per line of ``lines``) that lacks a
    glossary target the model can write (``hits``: its line's terms) its targets as a line
    decoded without memory gets them (:meth:`~ltmt.terminology.decoding.GlossaryDecoding.follow`:
    placed where the model translated the term, else decoded again; never an output that
    runs on): the decode under the constraint that ran on came back without them
    (:meth:`~ltmt.terminology.decoding.GlossaryDecoding.decode_alone`)."""
    if not any(hits):
        return
    terms = translator.terms
    chosen = [
        n
        for n, found in enumerate(hits)
        if any(
            terms.tokens().required(hit.term.target).token_ids for hit in lacking(found, outputs[n])
        )
    ]
    if not chosen:
        return
    texts = [outputs[n] for n in chosen]
    no_memory: list[tuple[Match, ...]] = [()] * (1 + max(lines[n].segment for n in chosen))
    terms.follow(
        [lines[n] for n in chosen], [hits[n] for n in chosen], no_memory, texts, GlossaryPass()
    )
    for n, text in zip(chosen, texts, strict=True):
        outputs[n] = text


def kept_tag_shape(line: str, output: str) -> tuple[int, int, int]:
    """:func:`ltmt.numbers_kept.kept_shape` of ``output`` for ``line``, the tags that stand for
    the line's pictographs left out: one the output lost gets its pictographs back all the
    same (:meth:`ltmt.pictographs.SetAside.put_back`), and a decode without memory for it
    cost the fused words their memory."""
    return kept_shape(without_tags(line), without_tags(output))
