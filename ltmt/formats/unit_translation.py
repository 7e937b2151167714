"""Translating a document's units with any translate function: placeholders and format strings
repaired, paired inline codes put back, plural forms kept apart, 100 % memory matches reused,
and what happened counted in a :class:`~ltmt.formats.run_report.RunReport`.

``translate(texts, prefer)`` takes a list of segments (which may hold newlines and edge
spaces) with what their memory matches should share on a tie (:func:`preference`: the PO
``msgctxt`` and plural form) and returns one string or
:class:`~ltmt.segments.Translation` per segment. Each output is fitted to its source by
:func:`ltmt.formats.placeholders.restore` and, where the unit declares format flags
(``c-format`` ...), made and checked valid by :mod:`ltmt.formats.format_strings`. A unit that
cannot be made valid is counted as not repairable (:attr:`Outcome.ok` False: its document leaves
it untranslated in PO and XLIFF).
A unit with XLIFF paired codes (``<g>``, ``<pc>``, ``<mrk>``) that is not a 100 % memory match is
translated again without them, and the codes put back (:mod:`ltmt.formats.paired_tags`).
Identical units (source, context and plural form) are translated once. The forms of a plural
entry whose outputs came out the same although their sources differ are translated again with a
number in place of the count (``1 hour`` / ``2 hours``). Whole files: :mod:`ltmt.formats.pipeline`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ltmt.accelerators import text_ampersands
from ltmt.copied_forms import copied_forms
from ltmt.copied_sentences import copied_sentences, written_again
from ltmt.date_formats import localise_dates
from ltmt.formats.documents import (
    Unit,
)
from ltmt.formats.format_strings import (
    check_format,
    check_plural_format,
    fix_directives,
    format_flags,
    unchecked_flags,
)
from ltmt.formats.kept_parts import put_back, with_stand_ins
from ltmt.formats.key_contexts import same_context
from ltmt.formats.lost_after_tags import stopped_at_closing_tag
from ltmt.formats.markup_structure import warn_of_scrambled_markup
from ltmt.formats.match_pairs import edge_words_in_matches, words_in_matches
from ltmt.formats.paired_tags import (
    PairedText,
    pairs_over_terms,
    place_pairs,
    strip_pairs,
    without_tags,
)
from ltmt.formats.parts_apart import PART_BREAK, copied_over_parts, joined_parts
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.formats.placeholders import (
    Restored,
    localised_in,
    protect,
    restore,
    reuse_lacks_fields,
    reused_as_stored,
)
from ltmt.formats.plurals import differ_by_number
from ltmt.formats.run_report import RunReport, entry_name
from ltmt.formats.shrunk_pairs import shrunk_pairs, translated_in_place, word_count
from ltmt.formats.wordless import (
    ampersand_left_alone,
    field_after_the_end,
    lost_every_word,
    words_lost_between,
)
from ltmt.numbers_kept import numbers_said_wrong
from ltmt.quote_pairs import paired_again
from ltmt.routing import reused_segment, stored_edges_replaced
from ltmt.segments import MEMORY_FREE, Match, Segment, Translation
from ltmt.spelling import unknown_in
from ltmt.stray_quotes import stray_quotes, without_stray_quotes
from ltmt.swiss_spelling import swiss_spelling
from ltmt.term_swapped_copies import copied_around_terms
from ltmt.units import is_one_name, meant_as_written, split_segment
from ltmt.wording import first_few, shortened

if TYPE_CHECKING:
    from ltmt.terminology.terms import Term
    from ltmt.translator import ProgressCallback, Translator

logger = logging.getLogger(__name__)

TranslateFn = Callable[[list[str], list[dict[str, Any]]], Sequence["str | Translation"]]
# (texts, preferences) -> each text's 100 % memory match as reused (method "exact"), or None
ExactFn = Callable[[list[str], list[dict[str, Any]]], Sequence["Translation | None"]]
# what made a translation the file keeps for another string of the same source, reused as it is
# (:mod:`ltmt.formats.same_sources`): neither memory nor the model
KEPT = "kept"
NOT_FUSION = MEMORY_FREE | {"exact"}


def memory_use(method: str) -> str:
    """How a translation made by ``method`` (:attr:`Translation.method`) is counted in a run's
    report: ``exact`` (a memory match reused), ``fuzzy`` (fused), ``empty``, ``model`` or
    :data:`KEPT` (the file's translation of the same source)."""
    if method in ("exact", "empty", KEPT):
        return method
    return "model" if method in NOT_FUSION else "fuzzy"


@dataclass(frozen=True)
class Outcome:
    """One unit's translation after repair: ``ok`` False means it must not be shipped.
    ``translation``: what the translate function returned for the text it was given (for a
    unit with paired codes, the text without them), whose method and memory matches made it.
    ``fitted``: fitting the output to the unit changed it (a placeholder put back, edges, dates),
    as :attr:`Translation.fitted` says; a unit's paired codes put back around the words that
    translate theirs are not a change (the model never saw them). ``searched``: the memory
    matches of the unit's own source where ``translation`` is of another text (the unit's
    without its paired codes); None where they are ``translation``'s."""

    unit: Unit
    restored: Restored
    translation: Translation
    exact_same_context: bool = False
    fitted: bool = False
    searched: tuple[Match, ...] | None = None
    # the unit's tracked insertions left out of its translation, their words untracked
    insertions_untracked: int = 0
    # translated a part at a time: a memory match of other words left a part without its
    # words (ltmt.formats.parts_apart), which the run names
    parts_apart: bool = False

    @property
    def method(self) -> str:
        return self.translation.method

    @property
    def matches(self) -> tuple[Match, ...]:
        """The memory matches of the unit's source as written, best first, as a memory search
        scores them: for a unit with paired codes, those of its text with the codes, not of
        the text without them that was translated."""
        return self.translation.matches if self.searched is None else self.searched

    @property
    def text(self) -> str:
        return self.restored.text

    @property
    def ok(self) -> bool:
        return self.restored.ok


def answered(outcome: Outcome) -> Translation:
    """The translation answered for ``outcome`` (by the server and
    :meth:`ltmt.translator.Translator.translate`): the decoder's, with the fitted text, the
    unit's own source and its own source's memory matches (a tagged text's, not those of the
    text without tags that was decoded); ``fitted`` where fitting changed the output, not where
    paired tags were put back (the output of a tagged text differs from its decoded text
    always)."""
    decoded = outcome.translation
    return replace(
        decoded,
        source=outcome.unit.source,
        text=outcome.text,
        fitted=decoded.fitted or outcome.fitted,
        matches=outcome.matches,
    )


class TranslatorFn:
    """The translate function of ``translator`` for ``user`` (preferences passed on): the
    decoder's outputs, which the pipeline fits to their units itself (:func:`fit`). It also
    finds the glossary terms those translations follow (:meth:`term_spans`), so that a paired
    code cutting a term is put around the term's translation
    (:func:`~ltmt.formats.paired_tags.pairs_over_terms`). ``glossary``: terms of this call
    only, on top of the translator's (as :meth:`ltmt.translator.Translator.translate` takes)."""

    def __init__(
        self,
        translator: Translator,
        user: str | None,
        progress: ProgressCallback | None = None,
        glossary: Sequence[Term] = (),
    ) -> None:
        from ltmt.lookup import term_matcher

        self.translator = translator
        self.user = user
        self.progress = progress
        self.glossary = glossary
        self.matcher = term_matcher(
            translator.memory, user, translator.user_glossary, translator.glossary, glossary
        )

    def __call__(self, texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        return self.translator.translate(
            texts,
            user=self.user,
            prefer=prefer,
            fit=False,
            progress=self.progress,
            glossary=self.glossary,
        )

    def term_spans(self, text: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` of each glossary term in ``text`` (the user's stored terms, as
        the run started, and the translator's)."""
        if self.matcher is None:
            return []
        return [(hit.start, hit.end) for hit in self.matcher.find(text)]

    def names_kept(self, source: str) -> tuple[str, ...]:
        """The glossary's names in ``source`` kept as written
        (:func:`~ltmt.terminology.matching.names_kept`)."""
        from ltmt.terminology.matching import names_kept

        return names_kept(self.matcher, source)

    def term_at_end(self, source: str, output: str) -> bool:
        """Whether ``output`` has a glossary target of ``source`` tacked on at its end, away
        from where the source has the term (:func:`~ltmt.terminology.term_position.tacked_on`)."""
        from ltmt.terminology.term_position import tacked_on

        if self.matcher is None:
            return False
        return bool(tacked_on(source, output, self.matcher.find(source)))

    def address_missed(self, source: str, output: str) -> str | None:
        """The form of address ``--formality`` asked for (``informal``, ``formal``) where
        ``output`` of ``source`` reads in the other form or impersonally
        (:func:`~ltmt.address_steering.address_missed`); else None."""
        from ltmt.address_steering import address_missed

        form = self.translator.formality
        return form if form is not None and address_missed(output, source, form) else None

    def terms_missed(self, source: str, output: str) -> list[str]:
        """The glossary terms of ``source`` (as it writes them) whose targets ``output`` lacks:
        decoding could not place them (:func:`~ltmt.terminology.decoding.terms_missed`)."""
        from ltmt.terminology.decoding import terms_missed

        return terms_missed(self.matcher, source, output)

    def term_leftover(self, source: str, output: str) -> list[str]:
        """The words ``output`` writes beside a glossary target of ``source`` that are left of
        the model's own rendering of the term (none: no such word;
        :func:`~ltmt.terminology.term_position.leftover_words`)."""
        from ltmt.terminology.term_position import leftover_words

        if self.matcher is None:
            return []
        return leftover_words(source, output, self.matcher.find(source))


def for_translator(
    translator: Translator,
    user: str | None,
    progress: ProgressCallback | None = None,
    glossary: Sequence[Term] = (),
) -> TranslatorFn:
    """The translate function of ``translator`` for ``user`` (:class:`TranslatorFn`);
    ``progress(n)``: told as ``n`` more texts of a call finish (the translator's callback), so
    that a caller can show how far a long call is; ``glossary``: terms of this call only."""
    return TranslatorFn(translator, user, progress, glossary)


def exact_for_translator(translator: Translator, user: str | None) -> ExactFn:
    """The 100 % memory matches of ``translator``'s memory for ``user``, as the translator
    reuses them (:func:`ltmt.routing.without_model`), the model never run: None for a text
    without one (and for every text without a memory, a user, or with ``exact_reuse`` off)."""
    from ltmt.lookup import memory_matches
    from ltmt.routing import without_model

    def exact(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
        found = memory_matches(translator.memory, user, texts, translator.top_k, prefer)
        reused = (
            without_model(
                text,
                matches,
                translator.exact_reuse,
                translator.written_language,
                translator.line_forms.accelerator_markers,
            )
            for text, matches in zip(texts, found, strict=True)
        )
        return [t if t is not None and t.method == "exact" else None for t in reused]

    return exact


def reuse_exact(
    units: Sequence[Unit],
    exact: ExactFn,
    report: RunReport | None = None,
    settled: Collection[str] = frozenset(),
) -> list[Outcome]:
    """The outcomes of those of ``units`` (translations that are only suggestions:
    :attr:`Unit.suggestion`) that have a 100 % memory match stored for their own context and
    plural form (:func:`own_match`), as stored; a plural entry's only where every form of it in
    ``units`` has one. The others are kept as they are: counted in ``report`` as suggestions
    kept, an entry once however many plural forms it has, but for those of ``settled`` (keys:
    ltmt's own that the caller writes unflagged, :mod:`ltmt.formats.own_suggestions`). A match
    of another ``msgctxt`` or form translates the words for another place, and the translator's
    suggestion, made for this one, is the better start."""
    found = list(exact([u.source for u in units], [preference(u) for u in units]))
    if len(found) != len(units):
        raise ValueError(f"exact returned {len(found)} outputs for {len(units)} inputs")
    found = [
        t if t is not None and own_match(u, t) is not None else None
        for u, t in zip(units, found, strict=True)
    ]
    unmatched_entries = {u.entry for u, t in zip(units, found, strict=True) if t is None}
    outcomes, kept = [], set()
    for unit, translation in zip(units, found, strict=True):
        if translation is None or (unit.entry and unit.entry in unmatched_entries):
            if unit.key not in settled:
                kept.add(unit.entry or unit.key)  # a plural's forms are one entry kept
            continue
        outcome = _outcome(unit, translation)
        outcomes.append(outcome)
        if report is not None:
            _count(report, outcome, translation)
    if report is not None:
        report.suggestions_kept += len(kept)
    return outcomes


def exact_outcomes(
    units: Sequence[Unit],
    exact: ExactFn,
    report: RunReport,
    usable: Callable[[str], bool] = lambda text: True,
) -> list[Outcome]:
    """The outcomes of those of ``units`` that have a 100 % memory match whose text is
    ``usable``, as stored (counted in ``report``); the others are left out, to be translated."""
    found = exact([u.source for u in units], [preference(u) for u in units])
    outcomes = []
    for unit, translation in zip(units, found, strict=True):
        if translation is None or not usable(translation.text):
            continue
        outcome = _outcome(unit, translation)
        outcomes.append(outcome)
        _count(report, outcome, translation)
    return outcomes


def entry_place(unit: Unit) -> str:
    """Where ``unit`` is in its document, as a warning names it: ``entry 3`` for a unit keyed
    by its position (counted from 1), else its key."""
    return f"entry {int(unit.key) + 1}" if unit.key.isdigit() else f"key {unit.key!r}"


def line_place(unit: Unit) -> str:
    """Where ``unit`` is in a document keyed by line (text, JSON Lines): ``line 290``."""
    return f"line {int(unit.key) + 1}"


def translate_units(
    units: Sequence[Unit],
    translate: TranslateFn,
    report: RunReport | None = None,
    *,
    place: Callable[[Unit], str] = entry_place,
) -> list[Outcome]:
    """Translate ``units`` (see the module docstring); counts go to ``report``. A unit whose
    output ran to the model's length limit (:attr:`Translation.unfinished`) is named in a
    warning by ``place`` (where it is in its file: ``line 290``). A unit with parts to keep
    as written (:attr:`Unit.kept`) is given with a stand-in for each
    (:func:`_with_kept_parts`)."""
    if any(unit.kept for unit in units):
        return _with_kept_parts(units, translate, report, place)
    first = {_key(u): u for u in reversed(units)}
    keys = list(dict.fromkeys(_key(u) for u in units))
    results = _call(translate, [k[0] for k in keys], [preference(first[k]) for k in keys])
    by_key = dict(zip(keys, results, strict=True))
    names = getattr(translate, "names_kept", lambda source: ())  # Swiss ss leaves them be
    outcomes = [_outcome(unit, by_key[_key(unit)], names(unit.source)) for unit in units]
    language = next((r.target_language for r in results if r.target_language), "")
    _translate_paired(units, outcomes, translate, language)
    _translate_parts_apart(units, outcomes, translate, language)
    _separate_plural_forms(outcomes, translate, report, language)
    if report is not None:
        terms = getattr(translate, "term_spans", None)  # a glossary may keep a name as written
        at_end = getattr(translate, "term_at_end", None)
        leftover = getattr(translate, "term_leftover", None)
        missed = getattr(translate, "address_missed", None)
        lacked = getattr(translate, "terms_missed", None)
        for outcome, unit in zip(outcomes, units, strict=True):
            # one translated a part at a time is no longer the copy of other words it was
            made = outcome.translation if outcome.parts_apart else by_key[_key(unit)]
            _count(report, outcome, made, terms, at_end, leftover, missed, lacked)
    _warn_unfinished([u for u in units if by_key[_key(u)].unfinished], place)
    warn_of_scrambled_markup(outcomes, report, place)
    return outcomes


def _with_kept_parts(
    units: Sequence[Unit],
    translate: TranslateFn,
    report: RunReport | None,
    place: Callable[[Unit], str],
) -> list[Outcome]:
    """:func:`translate_units` of ``units``, each part of one that its file keeps as written
    (a locked name, .NET's escaped braces) given to the model as a field of its own and put
    back into the translation (:mod:`ltmt.formats.kept_parts`): the outcome is the unit's."""
    given = [
        replace(u, source=with_stand_ins(u.source, u.kept), kept=(), shown=u.shown or u.source)
        if u.kept
        else u
        for u in units
    ]
    outcomes = translate_units(given, translate, report, place=place)
    return [
        replace(
            outcome,
            unit=unit,
            restored=replace(
                outcome.restored, text=put_back(outcome.restored.text, unit.source, unit.kept)
            ),
        )
        if unit.kept
        else outcome
        for unit, outcome in zip(units, outcomes, strict=True)
    ]


def _warn_unfinished(units: Sequence[Unit], place: Callable[[Unit], str]) -> None:
    """A warning for each of ``units``, whose output ran to the model's length limit."""
    for unit in units:
        logger.warning(
            "the model's output for %s (%s) stopped at its length limit, unfinished (cut short "
            "or repeating itself); check its translation",
            shortened(repr(unit.source), 50),
            place(unit),
        )


def with_tags_apart(
    translator: Translator,
    texts: Sequence[str],
    user: str | None,
    prefer: Sequence[Mapping[str, Any]] | None,
    glossary: Sequence[Term],
) -> list[Translation] | None:
    """``texts`` translated by ``translator`` and fitted, those with paired tags (``Click <a
    href="/billing">here</a>``) as ``ltmt translate`` and the server translate them
    (:func:`translate_units`: without their tags, the tagged words apart, the tags put back);
    None where no text has paired tags. ``prefer``: one mapping per text, its ``context`` the
    context of a tagged text's unit."""
    from ltmt.formats.paired_tags import strip_pairs

    tagged = [n for n, text in enumerate(texts) if strip_pairs(text) is not None]
    if not tagged:
        return None
    wanted = list(prefer) if prefer is not None else [{}] * len(texts)
    results: dict[int, Translation] = {}
    plain = [n for n in range(len(texts)) if n not in set(tagged)]
    if plain:
        done = translator.translate(
            [texts[n] for n in plain],
            user,
            prefer=[wanted[n] for n in plain] if prefer is not None else None,
            glossary=glossary,
        )
        results.update(zip(plain, done, strict=True))
    units = [Unit(str(n), texts[n], str(wanted[n].get("context") or "")) for n in tagged]
    outcomes = translate_units(units, for_translator(translator, user, glossary=glossary))
    results.update((n, answered(o)) for n, o in zip(tagged, outcomes, strict=True))
    return [results[n] for n in range(len(texts))]


def translate_texts(
    texts: Sequence[str], translate: TranslateFn, report: RunReport | None = None
) -> list[Restored]:
    """Translate ``texts`` and fit each output to its source (placeholders, edges, lines)."""
    units = [Unit(str(i), text) for i, text in enumerate(texts)]
    return [o.restored for o in translate_units(units, translate, report)]


def preference(unit: Unit) -> dict[str, Any]:
    """What a memory match of ``unit`` should share on a tie: its context and plural form."""
    wanted: dict[str, Any] = {"context": unit.context}
    if unit.entry:
        wanted["plural"] = unit.form
    return wanted


def _key(unit: Unit) -> tuple[str, str, int | None]:
    return unit.source, unit.context, unit.form if unit.entry else None


def _call(
    translate: TranslateFn, texts: list[str], prefer: list[dict[str, Any]]
) -> list[Translation]:
    outputs = list(translate(texts, prefer))
    if len(outputs) != len(texts):
        raise ValueError(f"translate returned {len(outputs)} outputs for {len(texts)} inputs")
    return [
        Translation(source, output) if isinstance(output, str) else output
        for source, output in zip(texts, outputs, strict=True)
    ]


def _outcome(unit: Unit, translation: Translation, kept: Iterable[str] = ()) -> Outcome:
    stored = reused_as_stored(translation, _plural_form(unit))
    if stored:
        restored = as_stored(unit, translation.text)
    else:
        restored = fit(unit, translation.text, localised_in(translation), kept)
    # approved only for the very same source (a 100 % match may differ in case or spacing),
    # reused as stored (one whose target lacked a field was repaired: for review)
    own = own_match(unit, translation)
    same_context = stored and own is not None and own.source == unit.source
    return Outcome(unit, restored, translation, same_context, restored.text != translation.text)


def _plural_form(unit: Unit) -> int | None:
    """The plural form ``unit`` is (None: no plural's form)."""
    return unit.form if unit.entry else None


def reuse_repaired(outcome: Outcome) -> bool:
    """Whether ``outcome`` reused a 100 % memory match whose stored target lacked a named field
    of the source (:func:`~ltmt.formats.placeholders.reuse_lacks_fields`): its target was
    repaired as the model's output is, so it is no approved translation."""
    return reuse_lacks_fields(outcome.translation, _plural_form(outcome.unit))


def own_match(unit: Unit, translation: Translation) -> Segment | None:
    """The memory segment that ``translation`` reuses (a 100 % match: method ``exact``) where it
    was stored for ``unit``'s own context and plural form, else None. A unit that is no plural
    form takes no form's match: ``%d notes selected`` stored as a plural entry's form 1 is
    written for another message, whose count picks it."""
    if translation.method != "exact":
        return None
    segment = reused_segment(translation.source, translation.matches)
    form = unit.form if unit.entry else None
    if segment is None or not shares_place(
        segment.metadata, {"context": unit.context, "plural": form}
    ):
        return None
    return segment


def as_stored(unit: Unit, text: str) -> Restored:
    """A memory's approved ``text`` for ``unit`` as it was stored: nothing repaired, only the
    unit's format rules checked (a translation that breaks them is not shipped)."""
    form = unit.form if unit.entry else None  # a plural's first form may leave out its count
    invalid = check_plural_format(format_flags(unit.flags), unit.source, text, form)
    return Restored(text, False, not invalid, tuple(invalid))


def shares_place(metadata: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    """Whether a memory segment's ``metadata`` was stored for the place ``wanted`` names: its
    ``context`` (none and empty alike, one key's spellings alike: :func:`~ltmt.formats.
    key_contexts.same_context`) and ``plural`` form (None: no plural form)."""
    return all(
        same_context(metadata.get(key), value) if key == "context" else metadata.get(key) == value
        for key, value in wanted.items()
    )


def fit(unit: Unit, output: str, target_language: str = "", kept: Iterable[str] = ()) -> Restored:
    """``output`` fitted to ``unit``: placeholders repaired, then (for format flags) stray
    ``%`` fixed and the format rules checked; ``ok`` False when it is still not valid. With a
    ``target_language`` (the model's), the source's date formats are written in its form
    (:func:`ltmt.date_formats.localise_dates`) where the format rules allow it, and ``ß``
    written ``ss`` for Swiss German (:mod:`ltmt.swiss_spelling`; ``kept``: glossary names
    written as they are), a quotation of two kinds of marks given one pair
    (``»{{title}}“`` → ``»{{title}}«``: :mod:`ltmt.quote_pairs`), and a quote mark that pairs
    with nothing and that the source lacks taken out (``%date%«``: :mod:`ltmt.stray_quotes`,
    counted in ``stray_quotes``)."""
    restored = _fit_placeholders(unit, output)
    if not target_language or not restored.text.strip():
        return restored
    localised = localise_dates(unit.source, restored.text, target_language)
    localised = swiss_spelling(localised, target_language, kept)
    localised = paired_again(unit.source, localised, target_language)
    stray = len(stray_quotes(unit.source, localised))
    localised = without_stray_quotes(unit.source, localised)
    flags = format_flags(unit.flags)
    if localised == restored.text or (flags and check_format(flags, unit.source, localised)):
        return restored
    return replace(restored, text=localised, stray_quotes=stray)


def _fit_placeholders(unit: Unit, output: str) -> Restored:
    """:func:`fit` before the dates: placeholders repaired, the format rules checked."""
    protected = protect(unit.source)
    restored = restore(protected, output)
    flags = format_flags(unit.flags)
    if not flags or not restored.text.strip():
        return restored
    fixed = fix_directives(flags, unit.source, restored.text)
    if fixed != restored.text:
        again = restore(protected, fixed)
        problems = (*restored.problems, "stray '%' fixed", *again.problems)
        restored = Restored(again.text, True, again.ok, problems)
    invalid = check_format(flags, unit.source, restored.text)
    if invalid:
        return Restored(restored.text, restored.repaired, False, (*restored.problems, *invalid))
    return restored


def _translate_paired(
    units: Sequence[Unit], outcomes: list[Outcome], translate: TranslateFn, language: str
) -> None:
    """Translate again, without their paired inline codes, the units that have some (and were
    not a 100 % memory match), and put the codes back (:mod:`ltmt.formats.paired_tags`)."""
    todo = [
        (index, paired)
        for index, unit in enumerate(units)
        if outcomes[index].method != "exact"
        and (paired := strip_pairs(unit.source, docbook=unit.docbook)) is not None
    ]
    if isinstance(translate, TranslatorFn):  # a pair that cuts a term goes around all of it
        todo = [(i, pairs_over_terms(p, translate.term_spans(p.text))) for i, p in todo]
    again: list[tuple[int, PairedText]] = []  # units whose pairs shrank, translated again
    for (index, paired), (whole, inner) in zip(
        todo, _paired_translations(units, todo, translate), strict=True
    ):
        outcomes[index] = _placed(units[index], paired, whole, inner, outcomes[index], language)
        in_place = _shrunk_in_place(units[index].source, paired, inner, outcomes[index].text)
        if in_place is not None:
            again.append((index, in_place))
    if not again:
        return
    for (index, paired), (whole, inner) in zip(
        again, _paired_translations(units, again, translate), strict=True
    ):
        outcome = _placed(units[index], paired, whole, inner, outcomes[index], language)
        if outcome.restored.ok and not shrunk_pairs(units[index].source, outcome.text):
            outcomes[index] = outcome


def _paired_translations(
    units: Sequence[Unit], todo: Sequence[tuple[int, PairedText]], translate: TranslateFn
) -> list[tuple[Translation, list[str]]]:
    """For each ``(index, paired)`` of ``todo`` (``units[index]`` without its paired codes),
    the translation of its text and those of its pairs' texts, all in one batch."""
    texts: list[str] = []
    prefer: list[dict[str, Any]] = []
    for index, paired in todo:
        for text in (paired.text, *paired.to_translate):
            texts.append(text)
            prefer.append(preference(units[index]))
    results = iter(_call(translate, texts, prefer) if texts else [])
    return [
        (next(results), [next(results).text for _ in paired.to_translate]) for _, paired in todo
    ]


def _placed(
    unit: Unit,
    paired: PairedText,
    whole: Translation,
    inner: list[str],
    first: Outcome,
    language: str,
) -> Outcome:
    """``unit``'s outcome from the translation of its text without its paired codes
    (``whole``) and of their texts (``inner``): the codes put back (``first``: the unit's
    outcome before, whose matches it keeps)."""
    plain = fit(replace(unit, source=paired.text), whole.text)
    followed = _followed(whole)
    remembered = words_in_matches(paired, followed)
    edges = edge_words_in_matches(paired, followed)
    apart = unit.kept_apart
    text = (
        place_pairs(paired, plain.text, inner, remembered, apart, edges)
        if plain.text.strip()
        else ""
    )
    # a tracked insertion left out, its words untracked: not repaired back in, empty
    untracked = [p for p in paired.pairs if text and p.opening in apart and p.opening not in text]
    source = without_tags(unit.source, untracked)
    fitted = fit(replace(unit, source=source), text, language)
    changed = plain.text != whole.text or fitted.text != text
    return Outcome(
        unit,
        fitted,
        whole,
        fitted=changed,
        searched=first.matches,
        insertions_untracked=len(untracked),
    )


def _shrunk_in_place(
    source: str, paired: PairedText, inner: list[str], text: str
) -> PairedText | None:
    """``paired`` (``source`` without its pairs, their texts translated ``inner``) with each
    pair that ``text`` (its translation, the pairs put back) has around one word of four or
    more a placeholder for its own translation of two words or more
    (:mod:`ltmt.formats.shrunk_pairs`); None where no pair shrank so."""
    shrunk = {(s.opening, s.source) for s in shrunk_pairs(source, text)}
    if not shrunk:
        return None
    own = dict(zip([pair for pair in paired.pairs if not pair.token], inner, strict=True))
    in_place = {
        pair: own[pair].strip()
        for pair in own
        if (pair.opening, pair.inner) in shrunk and word_count(own[pair]) >= 2
    }
    return translated_in_place(paired, in_place) if in_place else None


def _translate_parts_apart(
    units: Sequence[Unit],
    outcomes: list[Outcome],
    translate: TranslateFn,
    language: str,
) -> None:
    """Translate again a part at a time the units laid over parts (a subtitle sentence's
    cues) whose translation copies a memory match of other words, each part fitted to its
    source (:mod:`ltmt.formats.parts_apart`)."""
    todo = [i for i, unit in enumerate(units) if copied_over_parts(unit, outcomes[i].translation)]
    texts = [part for i in todo for part in units[i].parts]
    prefer = [preference(units[i]) for i in todo for _ in units[i].parts]
    results = iter(_call(translate, texts, prefer) if texts else [])
    for index in todo:
        unit, whole = units[index], outcomes[index].translation
        made = [next(results).text for _ in unit.parts]
        fitted = [
            fit(replace(unit, source=part, parts=()), text, language)
            for part, text in zip(unit.parts, made, strict=True)
        ]
        restored = joined_parts(fitted)
        outcomes[index] = Outcome(
            unit,
            restored,
            replace(whole, text=PART_BREAK.join(made), copies_other_words=False),
            fitted=any(f.text.strip() != t.strip() for f, t in zip(fitted, made, strict=True)),
            searched=outcomes[index].matches,
            parts_apart=True,
        )


def _followed(translation: Translation) -> list[tuple[str, str]]:
    """The ``(source, target)`` of the memory matches ``translation`` followed, best first:
    its matches where memory made it (fused), none where the model wrote it alone."""
    if not translation.used_memory:
        return []
    return [(match.segment.source, match.segment.target) for match in translation.matches]


def _separate_plural_forms(
    outcomes: list[Outcome], translate: TranslateFn, report: RunReport | None, language: str
) -> None:
    """Where a plural entry's forms came out identical although their sources differ, translate
    them again with a number for the count; keep the new forms when they then differ."""
    entries: dict[str, list[int]] = {}
    for index, outcome in enumerate(outcomes):
        if outcome.unit.entry:
            entries.setdefault(outcome.unit.entry, []).append(index)
    for positions in entries.values():
        first = outcomes[positions[0]]
        same = [
            i
            for i in positions[1:]
            if outcomes[i].text == first.text and outcomes[i].unit.source != first.unit.source
        ]
        if not same or first.method == "exact":
            continue
        fixed = differ_by_number(
            first.unit.source, outcomes[same[0]].unit.source, lambda texts: _texts(translate, texts)
        )
        if fixed is None:
            if report is not None:
                report.plural_identical += 1
                report.example_of(first.unit.shown or first.unit.source, "plural forms identical")
            continue
        singular, plural = fixed
        outcomes[positions[0]] = _refit(first, singular, language)
        for i in same:
            outcomes[i] = _refit(outcomes[i], plural, language)


def _texts(translate: TranslateFn, texts: list[str]) -> list[str]:
    return [t.text for t in _call(translate, texts, [{} for _ in texts])]


def _refit(outcome: Outcome, text: str, language: str) -> Outcome:
    restored = fit(outcome.unit, text, language)
    changed = restored.text != text
    return Outcome(
        outcome.unit, restored, outcome.translation, fitted=changed, searched=outcome.searched
    )


def _has_placeholders(unit: Unit) -> bool:
    """Whether ``unit`` has what its translation must carry over: placeholders, format flags,
    or ampersands of its text, which the model gets as tags (``AT&T``, ``Copy & Paste``:
    :func:`ltmt.accelerators.text_ampersands`)."""
    source = unit.source
    return bool(protect(source).placeholders or format_flags(unit.flags) or text_ampersands(source))


def _count(
    report: RunReport,
    outcome: Outcome,
    translation: Translation,
    terms: Callable[[str], list[tuple[int, int]]] | None = None,
    at_end: Callable[[str, str], bool] | None = None,
    leftover: Callable[[str, str], list[str]] | None = None,
    missed: Callable[[str, str], str | None] | None = None,
    lacked: Callable[[str, str], list[str]] | None = None,
) -> None:
    if not outcome.unit.source.strip():  # a blank line: nothing was translated
        return
    named = outcome.unit.shown or outcome.unit.source  # as its file writes it
    lost = (
        []
        if outcome.method == "exact" or lacked is None
        else lacked(outcome.unit.source, outcome.text)
    )
    if lost:
        report.terms_missed_in(named, lost)
        report.example_of(
            named,
            f"glossary term {first_few(repr(term) for term in lost)} not in the translation",
        )
    form = (
        None
        if outcome.method == "exact" or missed is None
        else missed(outcome.unit.source, outcome.text)
    )
    if form is not None:
        report.address_missed_in(named, form)
    if (
        outcome.method != "exact"
        and at_end is not None
        and at_end(outcome.unit.source, outcome.text)
    ):
        report.term_at_end_in(named)
        report.example_of(named, "glossary term placed at the end")
    left = (
        []
        if outcome.method == "exact" or leftover is None
        else leftover(outcome.unit.source, outcome.text)
    )
    if left:
        report.term_leftover_in(named, left)
        report.example_of(
            named,
            f"glossary term beside {first_few(repr(word) for word in left)}, a leftover of the "
            "model's own words for it",
        )
    report.units += 1
    use = memory_use(outcome.method)
    if use == "exact":
        report.exact += 1
        if reuse_lacks_fields(translation, _plural_form(outcome.unit)):
            report.exact_lacking_in(entry_name(named, outcome.unit.context))
        from ltmt.memory.import_checks import numbers_disagree  # qa's checks: not at import

        reused = reused_segment(translation.source, translation.matches)
        stored = reused.metadata if reused is not None else {}
        if numbers_disagree(outcome.unit.source, outcome.text, stored):  # bad memory
            report.exact_numbers_in(entry_name(named, outcome.unit.context))
            wrong = numbers_said_wrong(outcome.unit.source, outcome.text)
            report.example_of(named, f"100 % memory match with other numbers ({wrong})")
        report.exact_same_context += outcome.exact_same_context
        report.exact_edges_replaced += stored_edges_replaced(
            translation.source, translation.matches
        )
    elif use == "fuzzy":
        report.fuzzy += 1
        report.copy_guarded += translation.copy_guarded
        if translation.copies_other_words:
            report.copy_of_other_words_in(named)
            report.example_of(named, "translated as a stored match of other words")
    else:
        report.no_match += 1
        report.matches_set_aside += translation.match_set_aside
    # the numbers of the decode whose text is the output: a unit with paired codes is the
    # translation of its text without them, not of the first decode with them, whose output
    # was put aside (its garbled <a href=»/page.do?id=42«> read as a number the source lacks)
    decoded = outcome.translation
    report.numbers_repaired += decoded.numbers_repaired
    report.numbers_not_repairable_in(
        decoded.numbers_not_repairable,
        entry_name(named, outcome.unit.context),
    )
    if decoded.numbers_not_repairable:
        wrong = numbers_said_wrong(outcome.unit.source, outcome.text)
        report.example_of(named, f"numbers not repaired ({wrong})")
    report.seams_repaired += translation.seams_repaired
    report.tracked_untracked += outcome.insertions_untracked
    report.doubled_repaired += translation.doubled_repaired
    report.stray_quotes += outcome.restored.stray_quotes > 0
    report.accelerators += translation.accelerators
    report.with_placeholders += _has_placeholders(outcome.unit)
    unchecked = unchecked_flags(outcome.unit.flags, outcome.unit.source)
    if unchecked:
        report.format_unchecked_in(unchecked[0], named)
    # more pieces than the lines the model saw, or than the sentences memory had it translate
    # apart (short ones, often: no long line): a long line was split into sentences
    lines = len(split_segment(translation.source)[0])
    split = translation.pieces > max(lines, translation.by_sentence)
    report.split += split and not translation.sentence_split
    report.sentence_split += split and translation.sentence_split
    report.cut += translation.cut
    if translation.sentences_lost:
        report.sentences_lost_in(named)
    if translation.negation_lost:
        report.negation_lost_in(named)
        report.example_of(named, "lost the source's negation: it may say the opposite")
    if translation.match_polarity:
        report.match_polarity_in(named)
    if not outcome.text.strip():
        report.empty += 1
    elif outcome.method != "exact" and _kept_as_name(outcome.unit.source, outcome.text):
        report.name_kept_in(named)
    elif outcome.method != "exact" and _copied(outcome.unit.source, outcome.text, terms):
        report.copied_in(named)
        report.example_of(named, "left as in the source")
    elif outcome.method != "exact" and (copies := _sentences_copied(outcome)):
        report.partly_copied_in(copies[0])
        report.example(f"{copies[0][:60]!r}: left as in the source")
    elif outcome.method != "exact" and lost_every_word(outcome.unit.source, outcome.text):
        report.wordless_in(entry_name(named, outcome.unit.context))
        report.example_of(named, "lost all its words")
    elif outcome.method != "exact":
        _count_spelling(report, outcome, translation)
    if outcome.method != "exact" and words_lost_between(outcome.unit.source, outcome.text):
        # {{.Count}} {{.Total}}-Dateien
        report.words_lost_between_in(entry_name(named, outcome.unit.context))
    if outcome.method != "exact" and field_after_the_end(outcome.unit.source, outcome.text):
        # Keine neue Liste verpassen. {name}
        report.field_after_the_end_in(entry_name(named, outcome.unit.context))
    if outcome.method != "exact" and stopped_at_closing_tag(outcome.unit.source, outcome.text):
        # Suche die <link="loc_mill"><u>Old Mill</u></link> for ... </link> at night.
        report.stopped_at_tag_in(entry_name(named, outcome.unit.context))
    if outcome.method != "exact" and ampersand_left_alone(outcome.unit.source, outcome.text):
        # Versand & for Shipping & Handling
        report.ampersand_alone_in(entry_name(named, outcome.unit.context))
    if not outcome.ok:
        report.not_repairable_in(entry_name(named, outcome.unit.context))
        report.invalid_format += any("-format: " in p for p in outcome.restored.problems)
        what = "; ".join(outcome.restored.problems) or "not repairable"
        report.example_of(named, what)
    elif outcome.restored.repaired:
        report.repaired += 1


def _count_spelling(report: RunReport, outcome: Outcome, translation: Translation) -> None:
    """Count an output with words its language's spelling dictionary does not know
    (:func:`ltmt.spelling.unknown_in`)."""
    dictionary, unknown = unknown_in(translation, outcome.text)
    report.spelling_dictionary = report.spelling_dictionary or dictionary
    if unknown:
        report.misspelt_in(unknown)
        words = ", ".join(repr(word) for word in unknown[:3])
        report.example_of(outcome.unit.shown or outcome.unit.source, f"{words} in no dictionary")


def _sentences_copied(outcome: Outcome) -> list[str]:
    """The sentences of a longer source its output writes again as they are (the model
    translated the others): :func:`ltmt.copied_sentences.copied_sentences`; or the SmartFormat
    forms it left as in the source (:func:`ltmt.copied_forms.copied_forms`: ``Hole {count}
    {count:plural:gem|gems}``)."""
    source, text = outcome.unit.source, outcome.text
    return copied_sentences(source, text) or copied_forms(source, text)


def left_as_source(
    translation: Translation, terms: Callable[[str], list[tuple[int, int]]] | None = None
) -> bool:
    """Whether the model left ``translation`` as its source: not a reused 100 % match, not one
    name kept as written, a word to translate (:func:`_copied`; ``terms`` as there): what the
    run's summary counts ``left as in the source by the model``."""
    source, output = translation.source, translation.text
    return (
        translation.method != "exact"
        and not _kept_as_name(source, output)
        and _copied(source, output, terms)
    )


def _kept_as_name(source: str, output: str) -> bool:
    """Whether ``output`` is its ``source`` kept as written as one name (:func:`is_one_name`:
    ``Trackly``)."""
    return output.strip() == source.strip() and is_one_name(source)


def _copied(
    source: str, output: str, terms: Callable[[str], list[tuple[int, int]]] | None = None
) -> bool:
    """Whether ``output`` is its source unchanged (or but for German's capitals:
    :func:`ltmt.copied_sentences.written_again`), for a source with a word to translate
    (outside its placeholders: ``%s: %s`` has none; code is kept on purpose: ``--help``; so
    are key combinations alone, ``CmdOrCtrl+Shift+F``, and date formats alone, ``%H:%M``; and
    so are the glossary's terms, whose ``(start, end)`` in a text ``terms`` gives: ``Pro``
    that the glossary keeps as written); or the source written again with only its glossary
    terms translated (:func:`ltmt.term_swapped_copies.copied_around_terms`: ``Managing
    Teammitglieder``)."""
    spans = terms(source) if terms is not None else []
    if not split_segment(source)[0] or meant_as_written(source):
        return False
    if not written_again(source, output):
        return copied_around_terms(source, output, spans)
    for start, end in sorted(spans, reverse=True):
        source = source[:start] + " " + source[end:]
    return re.search(r"[^\W\d_]{2,}", without_placeholders(source)) is not None
