"""The negation guard: an output that drops its source's negation is decoded again.

The model drops a ``not`` now and then, and the sentence it leaves reads well and says the
opposite: ``Do not take this medication if you are pregnant.`` came out ``Medikament nehmen,
wenn Sie schwanger sind.`` from the default model with or without memory (a healthcare app's
trial, session 73), and a fused ``do not unapply patches if previously applied`` came out
``Patches entfernen, ...`` (a dev user's). Where a line's output lacks every negation of its
source, or its ``unless`` (``Do not ... unless`` as ``nicht ..., wenn``), as ``ltmt qa``'s
negation check reads them (:func:`ltmt.qa.negation_checks.negation_dropped`: the same check,
not a second one), the line is decoded again; not a fused line whose match of
:data:`NEAR_EXACT` or more says as many negations fewer than its own source (the user's
reviewed wording: a regression trial, session 75, where the decode again dropped such a match
and took seconds a line). It is decoded again as its first decode was (with its memory,
under its glossary terms' constraint, steered to the form of address asked), with
:data:`BONUSES` nats added to the tokens of German's negating words (:data:`NEGATING_WORDS`):
the smallest first, a larger one only for the lines still without a negation (more than 3 nats,
the default model wrote ``Medikament nicht ohne ohne Schwangerschaft.``). A fused line that
still lacks one is decoded so without its memory (a match lacking the negation drew it away).
The first output that says as many replaces the line's unless it is worse otherwise: as a
steered output of the form of address is judged (:func:`ltmt.address_steering.steered_better`:
run on, a glossary target tacked on, a placeholder or number lost; out of the form of address
asked where the first was in it), or qa's check finds it says too few or too many
(:func:`negation_lost`), or it says more negating words than the source (``Nichts nehmen Sie
nichts``, ``aber nicht das Verzeichnis nicht``), a word twice in a row where the first does not
(:func:`ltmt.line_seams.doubled_words`), or more words the spelling dictionary does not know
than the first (``Medikamentieren Sie nicht``, where a dictionary is installed). Its numbers
are repaired as the first output's were (:func:`repair_replaced`). A line whose output keeps
one negation of two (no ``unless`` lost), or says more, is never decoded again: qa's check
flags it. It runs last, after every other step's decode (the placeholder guard's, the
retries'), on each line the model translates (a sentence of a line translated sentence by
sentence, a line of a segment of several). The translation of a segment that still says fewer
negations than its source, or more (``nicht ... nicht`` for one ``not``: not decoded again),
read whole as qa reads it, is flagged (``Translation.negation_lost``): ``ltmt translate`` names
it and ``--strict`` fails.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ltmt.address_steering import (
    IMPERSONAL,
    AddressPenalty,
    address_missed,
    other_form_tokens,
    steered_better,
    word_tokens,
)
from ltmt.folded_characters import restore_folded
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.line_seams import doubled_words
from ltmt.numbers_kept import repair_outputs
from ltmt.output_limit import unfinished_outputs
from ltmt.qa.formality_checks import addresses_reader
from ltmt.qa.negation_checks import (
    english_negations,
    negation_dropped,
    negation_problems,
    negations_short,
)
from ltmt.qa.negation_counts import UNLESS
from ltmt.routing import matches_read
from ltmt.spelling import Dictionary, dictionary_for
from ltmt.text import match_score

if TYPE_CHECKING:
    from ltmt.fusion.base import FusionState
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# nats added to a negating word's tokens, tried in turn (measured on the default model: 1 gave
# ``Medikamentieren Sie nicht, wenn ...``, 3 ``Medikament nicht nehmen, wenn ...``; more than 3
# wrote two negations or none of the sentence's sense, ``Nichts nehmen Sie nichts``)
BONUSES = (1.0, 2.0, 3.0)
# German's negating words as a sentence writes them, first or within
_NEGATING = (
    "nicht",
    "nichts",
    "nie",
    "niemals",
    "ohne",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
)
NEGATING_WORDS = tuple(form for word in _NEGATING for form in (word, word.capitalize()))
_NEGATING_SET = frozenset(NEGATING_WORDS)
_WORD = re.compile(r"\w+")
# a match's score from which its approved translation's way of saying a negation is the line's
# (:func:`said_as_approved`): the line says the match's words but a few
NEAR_EXACT = 90.0


def negation_lost(source: str, output: str) -> bool:
    """Whether ``output`` says fewer negations than ``source`` (none of one, one of two) or
    more (``nicht ... nicht`` for one ``not``), as ``ltmt qa``'s negation check finds them
    (:func:`ltmt.qa.negation_checks.negation_problems`)."""
    return bool(negation_problems(source, output, {}))


class NegationBonus(AddressPenalty):
    """A :class:`~ltmt.fusion.base.FusionState` that adds ``bonus`` nats to the last token of
    each of ``words`` (token ids) in every row of its batch where the row has written the
    word's other tokens (the form of address's penalty, its sign turned); ``inner``: the state
    it wraps, or None."""

    def __init__(
        self,
        words: Sequence[tuple[int, ...]],
        sentences: int,
        bonus: float,
        inner: FusionState | None = None,
    ) -> None:
        super().__init__(words, [True] * sentences, inner, penalty=-bonus)


class GuardedNegations(NamedTuple):
    """What :func:`guard_negations` did: ``replaced``, the lines whose output a decode that
    says a negation replaced; ``without_memory``, those of them it decoded without their
    memory (no longer fused)."""

    replaced: set[int]
    without_memory: set[int]


def guard_negations(
    translator: Translator,
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
    hits: Sequence[Sequence[TermHit]],
    outputs: list[str],
    fused: Collection[int],
) -> GuardedNegations:
    """Decode again the lines of ``units`` whose output (``outputs``, replaced in place) lacks
    every negation of its source or its ``unless`` (:func:`ltmt.qa.negation_checks.
    negation_dropped`; one that says fewer otherwise, or more, is only flagged), but for a
    fused line's approved match (:func:`said_as_approved`), steered to German's negating words
    (module docstring); ``encoded``: their token ids, ``matches``: per segment, ``hits``: their
    glossary terms, ``fused``: the lines whose output read memory (decoded again with it
    first, then without)."""
    lost = [
        i
        for i, unit in enumerate(units)
        if negation_dropped(unit.text, outputs[i])
        and not (i in fused and _said_as_matched(translator, unit, matches, outputs[i]))
    ]
    if not lost:
        return GuardedNegations(set(), set())
    words = word_tokens(translator.backbone, NEGATING_WORDS)
    dictionary = dictionary_for(translator.written_language or "")
    replaced: set[int] = set()
    without_memory: set[int] = set()
    # as first decoded (a fused line with its memory), then a fused line without it
    tries = [(bonus, True) for bonus in BONUSES] + [(bonus, False) for bonus in BONUSES]
    for bonus, with_memory in tries:
        rows = [i for i in lost if i not in replaced and (with_memory or i in fused)]
        for start in range(0, len(rows), translator.batch_size):
            chunk = rows[start : start + translator.batch_size]
            read = [matches[units[i].segment] if with_memory and i in fused else () for i in chunk]
            texts, cut = _decoded(translator, words, bonus, units, encoded, chunk, read, hits)
            for i, text, unfinished in zip(chunk, texts, cut, strict=True):
                text = restore_folded(units[i].text, text)
                source, first = units[i].text, outputs[i]
                if _better(translator, dictionary, source, text, first, hits[i], unfinished):
                    outputs[i] = text
                    replaced.add(i)
                    if i in fused and not with_memory:
                        without_memory.add(i)
    logger.info(
        "negation guard: %d of %d lines that lost their source's negation decoded again saying one",
        len(replaced),
        len(lost),
    )
    return GuardedNegations(replaced, without_memory)


def said_as_approved(source: str, output: str, read: Sequence[Match]) -> Match | None:
    """The match of ``read`` (the matches fusion read for ``source``), :data:`NEAR_EXACT` at
    least, whose own pair says its negations as ``output`` says ``source``'s: its source has
    ``source``'s English negating words, and its target says as many negations fewer than
    them as ``output`` says fewer than ``source``'s (:func:`ltmt.qa.negation_checks.
    negations_short`: ``shall not exceed`` as ``ist auf ... begrenzt``, ``shall not, and shall
    not permit`` as ``weder ... noch``, a reviewer's wording); ``None`` where there is none.
    Such an output is the user's own wording of the negation, not a decode that dropped it
    (a legal trial and a regression trial, session 75), where it says the pair's target but
    for a few words (:data:`NEAR_EXACT` as a match score): an output of other words that lost a
    negation is decoded again. A 100 % match whose stored target lacks the negation is the
    user's too (a dev user's memory pairs ``but not the admin dir.`` with a line that does not
    say it: kept as stored, where session 74 decoded it again)."""
    short = negations_short(source, output)
    if not short:  # it says them all: nothing to approve
        return None
    wanted = _negating_words(source)
    for match in read:
        pair = match.segment
        if (
            match.score >= NEAR_EXACT
            and _negating_words(pair.source) == wanted
            and negations_short(pair.source, pair.target) == short
            and match_score(output, pair.target) >= NEAR_EXACT
        ):
            return match
    return None


def _said_as_matched(
    translator: Translator, unit: Unit, matches: Sequence[tuple[Match, ...]], output: str
) -> bool:
    """Whether the fused ``output`` of ``unit`` says its negation as a near-exact match it read
    does (:func:`said_as_approved`)."""
    return said_as_approved(unit.text, output, matches_read(translator, unit, matches)) is not None


def _negating_words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in english_negations(without_placeholders(text)))


def _german_negations(text: str) -> int:
    return sum(word in _NEGATING_SET for word in _WORD.findall(text))


def _decoded(
    translator: Translator,
    words: Sequence[tuple[int, ...]],
    bonus: float,
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    chunk: Sequence[int],
    read: Sequence[tuple[Match, ...]],
    hits: Sequence[Sequence[TermHit]],
) -> tuple[list[str], list[bool]]:
    """The lines ``chunk`` of ``units`` (``encoded``: their token ids) decoded with ``bonus``
    nats on ``words``, with the memory matches ``read`` (one tuple per line, empty: none),
    under their glossary terms' constraint and steered to the form of address asked; the
    outputs, and whether each ran to the length limit."""
    batch = [list(encoded[i]) for i in chunk]
    texts = [units[i].text for i in chunk]
    state = None
    if translator.fusion is not None and any(read):
        state = translator.prepare_state(texts, read)
    state = translator.terms.constrained_state(batch, state, [hits[i] for i in chunk])
    if translator.formality is not None:
        other = [
            *other_form_tokens(translator.backbone, translator.formality),
            *word_tokens(translator.backbone, IMPERSONAL),
        ]
        state = AddressPenalty(other, [addresses_reader(text) for text in texts], state)
    decoded = translator.decode(batch, NegationBonus(words, len(chunk), bonus, state))
    return decoded, unfinished_outputs(translator, batch, decoded)


def _better(
    translator: Translator,
    dictionary: Dictionary | None,
    source: str,
    text: str,
    first: str,
    hits: Sequence[TermHit],
    unfinished: bool,
) -> bool:
    """Whether ``text``, a decode of ``source`` steered to a negation, may replace its
    ``first`` output (module docstring)."""
    if negation_lost(source, text) or _more_negations(source, text):
        return False
    if doubled_words(source, text) and not doubled_words(source, first):
        return False
    # a word made up to place the negation (``Medikamentieren Sie nicht``)
    if _misspelt(dictionary, source, text) > _misspelt(dictionary, source, first):
        return False
    if _address_lost(translator, source, text, first):
        return False
    return steered_better(translator, source, text, first, hits, unfinished)


def _more_negations(source: str, text: str) -> bool:
    """Whether ``text`` says more of German's negating words (:data:`NEGATING_WORDS`) than
    ``source`` says English ones (:func:`ltmt.qa.negation_checks.english_negations`, and
    ``unless``: ``nicht ..., wenn ... nicht``): steered
    too far, it says the negation twice (``aber nicht das Verzeichnis nicht``, ``ohne ohne``),
    which German may read as none."""
    said = _german_negations(text)
    source = without_placeholders(source)
    return said > len(english_negations(source)) + len(UNLESS.findall(source))


def _misspelt(dictionary: Dictionary | None, source: str, text: str) -> int:
    """How many words of ``text`` (of ``source``) ``dictionary`` does not know (0 without
    one: :meth:`ltmt.spelling.Dictionary.unknown_words`)."""
    return 0 if dictionary is None else len(dictionary.unknown_words(text, source))


def _address_lost(translator: Translator, source: str, text: str, first: str) -> bool:
    """Whether ``text`` misses the form of address asked (:func:`ltmt.address_steering.
    address_missed`) where the ``first`` output of ``source`` had it."""
    form = translator.formality
    if form is None or not address_missed(text, source, form):
        return False
    return not address_missed(first, source, form)


def repair_replaced(
    translator: Translator,
    units: Sequence[Unit],
    outputs: list[str],
    replaced: Collection[int],
    hits: Sequence[Sequence[TermHit]],
) -> tuple[set[int], set[int]]:
    """The numbers of the ``replaced`` lines' new outputs (``outputs``, in place) repaired as
    every output's are (:func:`ltmt.numbers_kept.repair_outputs`), without its retry's decode
    (which is not steered to the negation); the lines it changed that then have every number
    right, and those it changed that still have one wrong (indices into ``units``)."""
    chosen = sorted(replaced)
    texts = [outputs[i] for i in chosen]
    right, wrong = repair_outputs(
        translator,
        [units[i] for i in chosen],
        texts,
        skip=range(len(chosen)),
        hits=[hits[i] for i in chosen] if hits else (),
    )
    for i, text in zip(chosen, texts, strict=True):
        outputs[i] = text
    return {chosen[n] for n in right}, {chosen[n] for n in wrong}
