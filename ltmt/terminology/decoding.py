"""The glossary's part of a translator's decoding: every output carries its line's targets.

The :class:`~ltmt.translator.Translator` finds each line's glossary terms (:func:`term_hits`) and
decodes as usual (:meth:`GlossaryDecoding.decode_first`, which keeps the fast path's alignment of
lines with terms); :meth:`GlossaryDecoding.follow` then changes only the outputs that lack a
target. A missing target is placed where the model translated its source term
(:mod:`ltmt.terminology.placement`, from the alignment attention kept in a :class:`GlossaryPass`);
what placement cannot fix is decoded again under the per-step constraint of
:mod:`ltmt.terminology.constraints`, which the translator's placeholder guard uses too
(:meth:`GlossaryDecoding.constrain`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from ltmt.clock_times import times_changed
from ltmt.numbers_kept import kept_shape
from ltmt.output_limit import reached_limit
from ltmt.terminology.adjectival_nouns import in_adjective_declension, in_plural_declension
from ltmt.terminology.agreement import agreeing_variants, in_dative_plural, in_weak_declension
from ltmt.terminology.clause_terms import CLOSING_SIGNS, is_clause_term, whole_line_output
from ltmt.terminology.constraints import (
    DEFAULT_BIAS,
    TermTokens,
    breaks_placeholders,
    constrain,
    misshapen,
    output_shape,
    runs_on,
    source_limit,
)
from ltmt.terminology.function_words import ARTICLES, NEGATIONS
from ltmt.terminology.genders import gender_of
from ltmt.terminology.german_forms import plural_forms
from ltmt.terminology.matching import (
    TermHit,
    TermMatcher,
    hit_as_written,
    plural_at,
    substitute,
    term_renders,
)
from ltmt.terminology.modifier_compounds import head_compound, writes_modifier
from ltmt.terminology.placement import Missing, alignment, place_terms
from ltmt.terminology.term_damage import damaged, only_targets
from ltmt.terminology.verb_use import not_forced

if TYPE_CHECKING:
    from ltmt.fusion.base import FusionState
    from ltmt.segments import Match
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)
_Option = TypeVar("_Option")


@dataclass
class _Placing:
    """A line whose missing targets :meth:`GlossaryDecoding.place_missing` placed: its number,
    its output as decoded (text and token ids) with their attention, the targets it lacked and
    those it had, the token ids with the targets placed, and its input."""

    line: int
    text: str
    ids: list[int]
    attention: list[list[float]]
    missing: list[Missing]
    kept: list[str]
    edited: list[int]
    source: str = ""  # the input line (placement's ``source``)


@dataclass
class GlossaryPass:
    """The output token ids and alignment attention of lines that have glossary terms (``fast``:
    from the fast path's first decode, or read afterwards for torch outputs)."""

    fast: dict[int, tuple[list[int], list[list[float]]]] = field(default_factory=dict)


def encode_units(translator: Translator, units: Sequence[Unit]) -> list[list[int]]:
    """:meth:`~ltmt.translator.Translator.encode` of ``units``' texts, a truncation logged by
    the unit's segment."""
    return translator.encode([u.text for u in units], [u.segment for u in units])


def term_hits(matchers: Sequence[TermMatcher | None], unit: Unit) -> list[TermHit]:
    """The glossary terms found in ``unit`` by its segment's matcher (none without one), but
    for a noun target met as a verb (:func:`~ltmt.terminology.verb_use.not_forced`: "Can you
    refund me?" is no place for ``Rückerstattung``); a name kept as written in the line's
    spelling, its signs of ownership with it, as ``ltmt qa`` reads it
    (:func:`~ltmt.terminology.matching.hit_as_written`)."""
    matcher = matchers[unit.segment]
    found = matcher.find(unit.text) if matcher is not None else []
    return [hit_as_written(unit.text, hit) for hit in found if not not_forced(unit.text, hit)]


def _targets(hits: Sequence[TermHit]) -> list[str]:
    """The targets of a line's ``hits``: a compound whose first part renders one carries
    another as its head (:func:`~ltmt.terminology.matching.term_renders`)."""
    return [hit.term.target for hit in hits]


def lacking(hits: Sequence[TermHit], output: str) -> list[TermHit]:
    """The ``hits`` (a line's glossary terms) whose target ``output`` does not render
    (:func:`~ltmt.terminology.matching.term_renders`)."""
    return [hit for hit in hits if not term_renders(hit.term, output, _targets(hits))]


def terms_missed(matcher: TermMatcher | None, source: str, output: str) -> list[str]:
    """The glossary terms of ``source`` (as it writes them) that ``matcher`` finds and
    decoding follows (:func:`term_hits`) whose targets ``output``, its translation, lacks; a
    source written in capitals has its translation in capitals, and a target written so in
    it is there (``GRENZSOLDAT`` for ``Grenzsoldat``)."""
    from ltmt.capitals import in_capitals, written_in_capitals
    from ltmt.units import Unit

    hits = term_hits([matcher], Unit(0, source))
    missed = lacking(hits, output)
    if written_in_capitals(source):
        missed = [hit for hit in missed if in_capitals(hit.term.target) not in output]
    return [source[hit.start : hit.end] for hit in missed]


def with_terms(unit: Unit, hits: Sequence[TermHit]) -> Unit:
    """What the model reads for ``unit``: its glossary terms already replaced by their targets."""
    return replace(unit, text=substitute(unit.text, hits)) if hits else unit


class GlossaryDecoding:
    """The glossary steps of ``translator``'s decoding (module docstring). It decodes with the
    translator's model, settings and fusion as they are at each call."""

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self._term_tokens: TermTokens | None = None

    def decode_first(
        self,
        batch: list[list[int]],
        chunk: list[int],
        hits: list[list[TermHit]],
        state: FusionState | None,
        glossary: GlossaryPass,
    ) -> list[str]:
        """The first decode of a batch (``chunk``: its lines' indices in ``hits``). On the fast
        path, the output tokens and alignment attention of lines with glossary terms are kept in
        ``glossary``, so that a target the output lacks can be placed where the model translated
        its source term (torch outputs get theirs later, only where a target is missing)."""
        translator = self.translator
        fast = translator.decoder.fast if state is None else None
        if fast is None or not any(hits[i] for i in chunk):
            return translator.decode(batch, state)
        token_ids, attention = fast.decode_aligned(batch, translator.decode_config)
        glossary.fast.update(
            (i, (ids, weights)) for i, ids, weights in zip(chunk, token_ids, attention) if hits[i]
        )
        return translator.detokenise(token_ids)

    def follow(
        self,
        units: Sequence[Unit],
        hits: list[list[TermHit]],
        matches: list[tuple[Match, ...]],
        outputs: list[str],
        glossary: GlossaryPass,
    ) -> None:
        """Make every output carry its line's glossary targets, changing only those that lack one.

        An output gets a missing target in place of the word the model wrote for its source term
        (:mod:`ltmt.terminology.placement`; the fast path's attention, or one teacher-forced pass
        for torch outputs; no second decode). What that cannot fix (no place, or the result lost
        a placeholder, a number, a time's AM/PM or its length, or the target's place is a
        negation or an article) is decoded again from the input with the targets in place: on
        the fast path first where the line has no memory to fuse (:meth:`copy_targets`; a line
        whose copy lacks a target, or writes a time as another, then gets it on the article,
        where that was all that stopped it), then under the per-step constraint
        (:mod:`ltmt.terminology.constraints`). If that output lost its shape, ran on past the
        source's end (:func:`runs_on`) or wrote a time as another, the input as written is
        decoded under the constraint too, and the better-shaped output is kept (the first on a
        tie); one that runs on, or writes a time of the source as another that the output
        without the term kept (:func:`changes_times`: ``9.30 Uhr`` for ``9:30 PM``), is never
        taken: the output without the term stays, and the term is reported missing. Nor is
        any step's output that glues a target in front of the output without it, or says
        nothing but its targets (:func:`~ltmt.terminology.term_damage.damaged`: ``Beleg
        {0}-Receipt(s) anhängend``, ``Beleg`` for ``Scan receipt``).
        """
        before = list(outputs)
        whole = whole_lines(units, hits, outputs)
        outputs[:] = [whole.get(i, text) for i, text in enumerate(outputs)]
        missing = [i for i, found in enumerate(hits) if lacking(found, outputs[i])]
        # a clause's target is given to the model in place, not put on one word of its own
        clauses = {i for i in missing if any(is_clause_term(h.term) for h in hits[i])}
        placeable = [i for i in missing if i not in clauses]
        torch_lines = [i for i in placeable if i not in glossary.fast]
        self.align_torch_outputs(torch_lines, units, outputs, glossary)
        placed = self.place_missing(
            [i for i in placeable if i in glossary.fast], units, hits, glossary
        )
        for i, text in placed.items():
            outputs[i] = text
        missing = [i for i in missing if i not in placed]
        plain = [i for i in missing if not matches[units[i].segment]]
        copied = self.copy_targets(plain, units, hits)
        copied = {
            i: text
            for i, text in copied.items()
            if not changes_times(units[i].text, outputs[i], text)
            and not damaged(units[i].text, hits[i], outputs[i], text)
        }
        # a plain line that found no place but on an article, and did not copy its targets, gets
        # them there: the meaning stays, and it costs no decode on torch (a fused line is
        # decoded again with its memory)
        on_articles = self.place_missing(
            [i for i in plain if i in glossary.fast and i not in copied and i not in clauses],
            units,
            hits,
            glossary,
            keep=NEGATIONS,
        )
        for i, text in (copied | on_articles).items():
            outputs[i] = text
        placed |= on_articles
        missing = [i for i in missing if i not in copied and i not in on_articles]
        first = self.decode_with_terms(missing, units, hits, matches, substitute=True)
        outputs_first = dict(zip(missing, first))
        bad = [
            i
            for i in missing
            if misshapen(units[i].text, outputs_first[i])
            or self.runs_on(units[i].text, outputs_first[i])
            or changes_times(units[i].text, outputs[i], outputs_first[i])
        ]
        second = self.decode_with_terms(bad, units, hits, matches, substitute=False)
        alternatives = dict(zip(bad, second))
        for i in missing:
            options = [outputs_first[i], *([alternatives[i]] if i in alternatives else [])]
            taken = [
                text
                for text in options
                if not self.runs_on(units[i].text, text)
                and not changes_times(units[i].text, outputs[i], text)
                and not damaged(units[i].text, hits[i], outputs[i], text)
            ]
            if taken:  # else the output without the term stays, its term reported missing
                outputs[i] = max(taken, key=lambda text: output_shape(units[i].text, text))
        for i, found in enumerate(hits):
            if outputs[i] != before[i]:  # a target the step wrote takes its determiner's case
                outputs[i] = declined(outputs[i], units[i].text, found)
            else:  # "alle Beamte" is wrong wherever it came from
                outputs[i] = in_plural_declension_of(outputs[i], units[i].text, found)
            if found:
                outputs[i] = one_full_stop(outputs[i], [hit.term.target for hit in found])
        placed |= whole
        if placed or copied or missing:
            logger.info(
                "glossary: of %d lines with terms, %d got a missing target placed, %d copied "
                "it from the input, %d were decoded again under the constraint (%d also as "
                "written)",
                sum(bool(found) for found in hits),
                len(placed),
                len(copied),
                len(missing),
                len(bad),
            )

    def place_missing(
        self,
        chosen: list[int],
        units: Sequence[Unit],
        hits: list[list[TermHit]],
        glossary: GlossaryPass,
        keep: frozenset[str] = NEGATIONS | ARTICLES,
    ) -> dict[int, str]:
        """Fast-path outputs of lines ``chosen`` with their missing targets placed
        (:mod:`ltmt.terminology.placement`, which places none on the words ``keep``); left out:
        lines where a target finds no place, whose output as decoded ran to its length limit
        (:meth:`ran_to_limit`), or whose result would pass the token limit, lose or add a
        placeholder, or lose a number or a time's AM/PM that the output as decoded has
        (:func:`loses_numbers`: the word a target replaced held it), or that glue a target in
        front of the output or leave nothing but targets
        (:func:`~ltmt.terminology.term_damage.damaged`)."""
        tokens = self.tokens()
        placings: list[_Placing] = []
        for i in chosen:
            ids, attention = glossary.fast[i]
            if self.ran_to_limit(ids, attention):
                continue
            text = self.translator.backbone.tokenizer.decode(ids, skip_special_tokens=True)
            kept = [h.term.target for h in hits[i] if term_renders(h.term, text, _targets(hits[i]))]
            missing = [
                Missing(
                    self.source_span(units[i].text, hit),
                    tokens.required(hit.term.target).token_ids,
                    hit.term.target,
                    units[i].text[hit.start : hit.end],
                    plural_at(units[i].text, hit),
                    hit.term.gender,
                    writes_modifier(units[i].text, hit.end),
                )
                for hit in hits[i]
                if hit.term.target not in kept
            ]
            edited = place_terms(
                ids, attention, missing, tokens.pieces, kept, tokens.word_ids, keep, units[i].text
            )
            if edited is not None:
                placings.append(
                    _Placing(i, text, ids, attention, missing, kept, edited, units[i].text)
                )
        self.in_number([p for p in placings if any(t.plural for t in p.missing)], units)
        placed: dict[int, str] = {}
        for placing in placings:
            i, text = placing.line, placing.text
            limit = source_limit(
                self.translator.decode_config, len(placing.attention[0]) if placing.attention else 0
            )
            if len(placing.edited) > limit:
                continue
            result = self.translator.backbone.tokenizer.decode(
                placing.edited, skip_special_tokens=True
            )
            # the length rule of ``misshapen`` is not asked: the words are the model's and the
            # targets, and an output that ran to its limit was left out above (ran_to_limit)
            if loses_numbers(units[i].text, text, result, placing.missing):
                continue
            if damaged(units[i].text, hits[i], text, result):
                continue  # glued in front, or all that is left: the line goes on as missing
            if not breaks_placeholders(units[i].text, result) or breaks_placeholders(
                units[i].text, text
            ):
                placed[i] = result
        # a target that leads a compound (placed before its head: "Kühlschmierstoff-Tafel")
        # agrees through that compound, whose gender is its head's
        singular = {
            p.line: [
                head_compound(placed[p.line], term.target, term.gender) or term.target
                for term in p.missing
                if not term.plural
            ]
            for p in placings
            if p.line in placed
        }
        genders = {hit.term.target: hit.term.gender for found in hits for hit in found}
        shown = {i: with_terms(units[i], hits[i]) for i in placed}
        self.in_agreement(placed, singular, shown, genders)
        for placing in placings:
            for term in placing.missing:
                if placing.line not in placed:
                    continue
                inflect = in_dative_plural if term.plural else in_weak_declension
                placed[placing.line] = inflect(placed[placing.line], term.target)
        return placed

    def ran_to_limit(self, ids: Sequence[int], attention: Sequence[Sequence[float]]) -> bool:
        """Whether the output ``ids`` (``attention``: a row per token, a weight per source
        token) ran to the decoder's length limit (:func:`~ltmt.output_limit.reached_limit`): a
        loop or a cut, not a translation to place a target in. The word placement replaces
        may be the whole loop (``UltraGripTM-GripTM-…``, no space in it), and the result came
        out short, passed off as whole; such a line is decoded again instead."""
        sources = len(attention[0]) if attention else 0
        return reached_limit(self.translator.decode_config, sources, len(ids))

    def in_agreement(
        self,
        placed: dict[int, str],
        targets: dict[int, list[str]],
        shown: dict[int, Unit],
        genders: Mapping[str, str] | None = None,
    ) -> None:
        """Make the determiner and adjectives before each of ``targets`` (singular, per line)
        in the ``placed`` outputs agree with its gender where they do not
        (:mod:`~ltmt.terminology.agreement`: "eine neue Markierung" for "einen neuen
        Markierung"): of the cases that gender allows and the model's determiner stands in
        (``keep_case``: "bevor das Standzeit" is "die Standzeit"), the one it scores best as the
        translation of the line shown with its targets in place (``shown``); one scoring call
        per round of targets (the decoder's: CTranslate2's, or a torch pass). Nothing changes for
        a target whose gender neither the glossary gives (``genders``: a target's
        :attr:`~ltmt.terminology.terms.Term.gender`) nor
        :func:`~ltmt.terminology.genders.gender_of` knows."""
        if not placed:
            return
        score = self.translator.decoder.score
        lines = [i for i in placed if targets.get(i)]
        sources: dict[int, list[int]] = {}
        for n in range(max((len(targets[i]) for i in lines), default=0)):
            options: list[tuple[int, str]] = []
            for i in lines:
                target = targets[i][n] if n < len(targets[i]) else ""
                gender = gender_of(target, (genders or {}).get(target, "")) if target else None
                variants = (
                    []
                    if gender is None
                    else agreeing_variants(placed[i], targets[i][n], gender, keep_case=True)
                )
                if len(variants) == 1:  # one form agrees: nothing to score
                    placed[i] = variants[0]
                options.extend((i, variant) for variant in variants if len(variants) > 1)
            if not options:
                continue
            new = sorted({i for i, _ in options} - sources.keys())
            sources.update(zip(new, encode_units(self.translator, [shown[i] for i in new])))
            outputs = self.translator.output_ids([text for _, text in options])
            scores = score([sources[i] for i, _ in options], outputs)
            placed.update(best_scored(options, scores))

    def copy_targets(
        self, chosen: list[int], units: Sequence[Unit], hits: list[list[TermHit]]
    ) -> dict[int, str]:
        """Outputs of lines ``chosen`` (plain lines: no memory match to fuse) decoded by the fast
        path from the input with the targets in place, which the model mostly copies; kept where
        the output carries every target and keeps the input's shape (:func:`misshapen`), so that
        only the rest needs the slower decode under the constraint."""
        fast = self.translator.decoder.fast
        if fast is None or not chosen:
            return {}
        shown = [with_terms(units[i], hits[i]) for i in chosen]
        decoded = fast.decode(encode_units(self.translator, shown), self.translator.decode_config)
        copied: dict[int, str] = {}
        for i, text in zip(chosen, self.translator.detokenise(decoded), strict=True):
            if all(
                term_renders(hit.term, text, _targets(hits[i])) for hit in hits[i]
            ) and not misshapen(units[i].text, text):
                copied[i] = text
        return copied

    def in_number(self, placings: list[_Placing], units: Sequence[Unit]) -> None:
        """Put each target of a term the input writes in the plural, in ``placings`` (lines with
        their missing targets placed), in the German plural form the model scores best as the
        translation of its line (:func:`~ltmt.terminology.german_forms.plural_forms`: "Alle Depots
        auflisten" for "List all repositories", not "Alle Depot"); the forms of every line are
        scored in one call per term (the decoder's: CTranslate2's, or a torch pass). The target
        as placed is among them only where its plural may be written so ("Ordner"): the model
        scores the shorter singular better ("Die Pull-Request prüfen"), as each token added
        costs. A line whose forms all fail to place keeps it."""
        if not placings:
            return
        score = self.translator.decoder.score
        sources = encode_units(self.translator, [units[p.line] for p in placings])
        for n in range(max(len(p.missing) for p in placings)):
            options: list[tuple[int, list[int], Missing]] = []  # (placing, output, its term)
            for index, p in enumerate(placings):
                if n >= len(p.missing) or not p.missing[n].plural:
                    continue
                options += [(index, *option) for option in self.plural_options(p, n)]
            if not options:
                continue
            scores = score([sources[i] for i, _, _ in options], [o for _, o, _ in options])
            best = best_scored([(i, (edited, term)) for i, edited, term in options], scores)
            for index, (edited, term) in best.items():
                placings[index].edited = edited
                placings[index].missing[n] = term

    def plural_options(self, placing: _Placing, n: int) -> list[tuple[list[int], Missing]]:
        """The ``n``-th missing target of ``placing`` placed in each of its plural forms
        (:func:`~ltmt.terminology.german_forms.plural_forms`), as (output token ids, its term): the
        form the target has as placed is its output as it is; one that finds no place is left
        out."""
        tokens = self.tokens()
        missing = placing.missing[n]
        options: list[tuple[list[int], Missing]] = []
        for form in plural_forms(missing.target, missing.gender):
            if form == missing.target:
                options.append((placing.edited, missing))
                continue
            term = replace(missing, target_ids=tokens.required(form).token_ids, target=form)
            trials = [*placing.missing[:n], term, *placing.missing[n + 1 :]]
            edited = place_terms(
                placing.ids,
                placing.attention,
                trials,
                tokens.pieces,
                placing.kept,
                tokens.word_ids,
                frozenset(),
                placing.source,
            )
            if term.target_ids and edited is not None:
                options.append((edited, term))
        return options

    def align_torch_outputs(
        self, chosen: list[int], units: Sequence[Unit], outputs: list[str], glossary: GlossaryPass
    ) -> None:
        """Alignment attention for the torch (fused) outputs of lines ``chosen``, read in one
        teacher-forced pass per batch and kept in ``glossary`` like the fast path's."""
        for start in range(0, len(chosen), self.translator.batch_size):
            chunk = chosen[start : start + self.translator.batch_size]
            sources = encode_units(self.translator, [units[i] for i in chunk])
            written = self.translator.output_ids([outputs[i] for i in chunk])
            for i, ids, weights in zip(
                chunk, written, alignment(self.translator.backbone, sources, written)
            ):
                if ids:
                    glossary.fast[i] = (ids, weights)

    def source_span(self, text: str, hit: TermHit) -> tuple[int, int]:
        """The source tokens of ``hit`` in the tokenised ``text`` (counted by tokenising the
        text before and through it: terms are whole words)."""
        count = self.translator.count_words
        start = count(text[: hit.start]) if hit.start else 0
        return start, max(start + 1, count(text[: hit.end]))

    def decode_with_terms(
        self,
        chosen: list[int],
        units: Sequence[Unit],
        hits: list[list[TermHit]],
        matches: list[tuple[Match, ...]],
        substitute: bool,
    ) -> list[str]:
        """Decode units ``chosen`` (with their fusion) under the term constraint; ``substitute``:
        the model reads the input with the glossary targets in place."""
        texts: list[str] = []
        for start in range(0, len(chosen), self.translator.batch_size):
            chunk = chosen[start : start + self.translator.batch_size]
            shown = [with_terms(units[i], hits[i]) if substitute else units[i] for i in chunk]
            batch = encode_units(self.translator, shown)
            state = None
            if self.translator.fusion is not None:
                state = self.translator.fusion.prepare(
                    self.translator.backbone,
                    [units[i].text for i in chunk],
                    [matches[units[i].segment] for i in chunk],
                )
            texts.extend(
                self.translator.decode(
                    batch, self.constrained_state(batch, state, [hits[i] for i in chunk])
                )
            )
        return texts

    def decode_alone(
        self,
        batch: list[list[int]],
        hits: Sequence[Sequence[TermHit]],
        sources: Sequence[str],
    ) -> list[str]:
        """``batch`` decoded by the model alone (a guard's or a retry's decode), each output
        carrying its line's glossary ``hits`` (:meth:`constrained_state`), but one that runs
        on past the end of its line (``sources``: the text each line reads; :meth:`runs_on`):
        that line's output is the model's own without the constraint, as :meth:`follow` keeps
        it. Held to a term it had not placed, the model wrote ``Geben Sie 5 mL mit dem oralen
        Syring an. Appell. Appell-Syring Applikationsspritze`` for ``Measure 5 mL with the
        oral syringe.``, and the placeholder guard kept it. So is the output of a line that
        says nothing but its targets (:func:`~ltmt.terminology.term_damage.only_targets`:
        ``Beleg`` for ``Scan receipt``)."""
        translator = self.translator
        texts = translator.decode(batch, self.constrained_state(batch, None, hits))
        ran_on = [
            n
            for n, text in enumerate(texts)
            if hits[n]
            and (self.runs_on(sources[n], text) or only_targets(sources[n], hits[n], text))
        ]
        if ran_on:
            plain = translator.decode([batch[n] for n in ran_on])
            for n, text in zip(ran_on, plain, strict=True):
                texts[n] = text
            logger.info(
                "glossary: %d outputs of the model alone ran on under the constraint, or said "
                "nothing but its targets; decoded without it",
                len(ran_on),
            )
        return texts

    def runs_on(self, source: str, output: str) -> bool:
        """Whether ``output`` says more than ``source`` (:func:`runs_on`), in this
        translator's languages."""
        target = self.translator.line_forms.target_language
        return runs_on(source, output, self.translator.source_language, target)

    def constrained_state(
        self,
        batch: list[list[int]],
        state: FusionState | None,
        hits: Sequence[Sequence[TermHit]],
    ) -> FusionState | None:
        """``state`` wrapped so that each line's output carries its glossary ``hits``."""
        if not any(hits):
            return state
        bias = DEFAULT_BIAS if self.translator.term_bias is None else self.translator.term_bias
        lengths = [len(ids) for ids in batch]
        return constrain(self.tokens(), hits, lengths, self.translator.decode_config, state, bias)

    def tokens(self) -> TermTokens:
        """The glossary targets' tokens for this translator's model (made on first use)."""
        if self._term_tokens is None:
            self._term_tokens = TermTokens(self.translator.backbone)
        return self._term_tokens


def changes_times(source: str, before: str, after: str) -> bool:
    """Whether ``after``, an output of the glossary's step, writes more of ``source``'s 12-hour
    times as another time than ``before``, the model's output without the term, does
    (:func:`ltmt.clock_times.times_changed`: ``Nimm deine 9.30 Uhr Dosis.`` for ``Take your
    9:30 PM dose now.``, where the model wrote ``9:30 PM``): following a term must not move a
    dose by twelve hours. The numbers check, which compares digits, passes it."""
    return len(times_changed(source, after)) > len(times_changed(source, before))


def loses_numbers(source: str, before: str, after: str, terms: Sequence[Missing]) -> bool:
    """Whether ``after``, the model's output ``before`` with targets of ``terms`` placed in
    it, keeps fewer of ``source``'s numbers (beyond repair: :func:`~ltmt.numbers_kept.
    kept_shape`) or writes more of its times as another (:func:`changes_times`): the word a
    target replaced held a time, its AM/PM or a code (``8:00 Dosis`` for ``8:00 PM-Dipse``).
    A term whose source has a digit (``MP3 player``) may take its number with it."""
    if changes_times(source, before, after):
        return True
    if any(c.isdigit() for term in terms for c in term.source):
        return False
    return kept_shape(source, after)[2] < kept_shape(source, before)[2]


def in_plural_declension_of(output: str, source: str, hits: Sequence[TermHit]) -> str:
    """``output`` with each target of ``hits`` for a term ``source`` writes in the plural
    declined as :func:`~ltmt.terminology.adjectival_nouns.in_plural_declension` does."""
    for hit in hits:
        if plural_at(source, hit):
            output = in_plural_declension(output, hit.term.target)
    return output


def declined(output: str, source: str, hits: Sequence[TermHit]) -> str:
    """``output`` with each target of ``hits`` that is an adjective's noun in the dictionary's
    form and stands for a term the ``source`` writes in the singular given its determiner's
    ending (:func:`~ltmt.terminology.adjectival_nouns.in_adjective_declension`: "des
    Verantwortlichen", where the target was placed or copied as "des Verantwortlicher"), and
    each that stands for one in the plural its plural's after a determiner
    (:func:`~ltmt.terminology.adjectival_nouns.in_plural_declension`: "alle Beamten")."""
    for hit in hits:
        if plural_at(source, hit):
            output = in_plural_declension(output, hit.term.target)
        else:
            output = in_adjective_declension(output, hit.term.target)
    return output


def whole_lines(
    units: Sequence[Unit], hits: list[list[TermHit]], outputs: Sequence[str]
) -> dict[int, str]:
    """The outputs of the lines that are one glossary term (and their closing signs) whose
    output is not its target already, but for case: the target and those signs
    (:func:`~ltmt.terminology.clause_terms.whole_line_output`), by line."""
    whole: dict[int, str] = {}
    for i, found in enumerate(hits):
        text = whole_line_output(units[i].text, found[0]) if len(found) == 1 else None
        if text is not None and _bare(text) != _bare(outputs[i]):
            whole[i] = text
    return whole


def _bare(text: str) -> str:
    """``text`` case-folded, without blanks and closing signs
    (:data:`~ltmt.terminology.clause_terms.CLOSING_SIGNS`) at its ends."""
    return text.strip(" \t\n" + CLOSING_SIGNS).casefold()


def one_full_stop(text: str, targets: Sequence[str]) -> str:
    """``text`` with the full stop after each of ``targets`` that ends in one (an
    abbreviation: "i.v.") dropped where the sentence's own follows it: "das Medikament
    i.v.." is "das Medikament i.v."; an ellipsis after it ("i.v....") stays."""
    for target in {t for t in targets if t.endswith(".")}:
        text = re.sub(rf"(?<!\w){re.escape(target)}\.(?!\.)", lambda m: m.group()[:-1], text)
    return text


def best_scored(
    options: Sequence[tuple[int, _Option]], scores: Sequence[float]
) -> dict[int, _Option]:
    """Per line, its option (``(line, option)`` pairs, in order) with the highest of ``scores``
    (one per option); the first on a tie."""
    best: dict[int, tuple[float, _Option]] = {}
    for (line, option), score in zip(options, scores, strict=True):
        if line not in best or score > best[line][0]:
            best[line] = (score, option)
    return {line: option for line, (_, option) in best.items()}
