"""The repair of a frequency a German translation says otherwise than its source, and the
guard that sets a fused output aside that still does.

A fuzzy match of ``20 mg once daily`` fused for ``20 mg twice daily`` said ``20 mg einmal
täglich`` or ``20 mg täglich``, for ``once weekly`` ``20 mg einmal`` (the pharma trial,
session 76): fusion writes the match's frequency over the line's, and no check read it
(:mod:`ltmt.frequency_words` reads it now). :func:`repair_frequency` rewrites such an output
where one narrow rewrite makes it say the line's one frequency: a count before a period written
as the line's (``einmal täglich`` → ``zweimal täglich``), a count put before the period's adverb
where none is (``täglich`` → ``zweimal täglich``), the period's adverb put after a count that
ends a clause (``zweimal.`` → ``zweimal täglich.``) or written for another period's the line
does not name (``einmal täglich`` → ``einmal wöchentlich``). An output no such rewrite makes
right is left as it is. :func:`guard_frequencies` decodes a fused output that is still wrong
again without memory (as the placeholder guard does:
:func:`ltmt.placeholder_guard.decoded_without_memory`) and keeps the model's own where it says
the frequency and keeps the line's placeholders and numbers as well;
:func:`repair_frequencies` counts what is left wrong as not repairable, which ``--strict``
fails on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ltmt.frequency_words import (
    GERMAN_ADVERB,
    GERMAN_ADVERBS,
    Frequency,
    english_frequencies,
    frequency_problems,
    german_count,
    german_counts,
)
from ltmt.placeholder_guard import decoded_without_memory, kept_tag_shape
from ltmt.text import repaired_in_place, with_edits

if TYPE_CHECKING:
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# what may follow a count that ends a clause (``zweimal.``, ``zweimal, danach``)
_CLAUSE_END = re.compile(r"\s*(?:[^\w\s]|$)")
# the spaces before a period's adverb, where its count ends
_SPACES_BEFORE = re.compile(r"\s+$")
_PERIOD_OF = {adverb: period for period, adverb in GERMAN_ADVERBS.items()}


def repair_frequency(source: str, output: str) -> str:
    """``output`` (German) rewritten to say the one frequency ``source`` says where a narrow
    rewrite does (module docstring) and leaves no frequency wrong; else ``output``."""
    if not frequency_problems(source, output):
        return output
    wanted = english_frequencies(source)
    if any(frequency.every is not None for frequency in wanted):
        return output
    text = _counts_before_adverbs(output, wanted)
    if len(wanted) == 1 and frequency_problems(source, text):
        frequency = wanted[0]
        if frequency.times is not None:
            text = _count_written(text, frequency.times, frequency.period)
        text = _period_written(source, text, frequency.period)
    return output if frequency_problems(source, text) else text


def _counts_before_adverbs(text: str, wanted: Sequence[Frequency]) -> str:
    """``text`` with the count right before each of its period adverbs written as the count of
    the source's frequency in its place (``15 mg täglich …, gefolgt von 20 mg einmal täglich``
    for ``15 mg twice daily …, followed by 20 mg once daily``: ``zweimal täglich``), where it
    says as many adverbs as ``wanted`` has frequencies, each of the same period in the same
    order; a count said by none is put in, but a ``once``."""
    adverbs = list(GERMAN_ADVERB.finditer(text))
    periods = [_PERIOD_OF[found.group()] for found in adverbs]
    if periods != [frequency.period for frequency in wanted]:
        return text
    before = {found.end(): (value, found) for value, found in german_counts(text)}
    edits = []
    for frequency, adverb in zip(wanted, adverbs, strict=True):
        if frequency.times is None:
            continue
        space = _SPACES_BEFORE.search(text, 0, adverb.start())
        said = before.get(space.start() if space else adverb.start())
        if said is None and frequency.times > 1:
            edits.append((adverb.start(), adverb.start(), f"{german_count(frequency.times)} "))
        elif said is not None and said[0] != frequency.times:
            edits.append((said[1].start(), said[1].end(), _as_written(frequency.times, said[1])))
    return with_edits(text, edits) if edits else text


def _as_written(times: int, found: re.Match[str]) -> str:
    """German's count ``times`` as the count ``found`` writes one: in digits where it does
    (``2-mal``, ``2 x``), else in a word (``zweimal``) with its first capital."""
    digits = found.group("digits") or found.group("times")
    if digits:
        return str(times) + found.group()[len(digits) :]
    written = german_count(times)
    return written[:1].upper() + written[1:] if found.group()[:1].isupper() else written


def _count_written(text: str, count: int, period: str) -> str:
    """``text`` with its one count written as ``count`` where it says another, or ``count``
    put before the one adverb of ``period`` where it says none."""
    counts = german_counts(text)
    if len(counts) == 1:
        value, found = counts[0]
        if value == count:
            return text
        return text[: found.start()] + _as_written(count, found) + text[found.end() :]
    adverbs = [
        found for found in GERMAN_ADVERB.finditer(text) if _PERIOD_OF[found.group()] == period
    ]
    if counts or len(adverbs) != 1:
        return text
    at = adverbs[0].start()
    return f"{text[:at]}{german_count(count)} {text[at:]}"


def _period_written(source: str, text: str, period: str) -> str:
    """``text`` with the adverb of ``period`` written for its one adverb of a period ``source``
    names nowhere, or, with no such adverb, after its one count where that ends a clause."""
    if GERMAN_ADVERBS[period] in text:
        return text
    others = list(GERMAN_ADVERB.finditer(text))
    if len(others) == 1:
        other = _PERIOD_OF[others[0].group()]
        if any(found.period == other for found in english_frequencies(source)):
            return text
        return text[: others[0].start()] + GERMAN_ADVERBS[period] + text[others[0].end() :]
    counts = german_counts(text)
    if others or len(counts) != 1:
        return text
    end = counts[0][1].end()
    if not _CLAUSE_END.match(text, end):
        return text
    return f"{text[:end]} {GERMAN_ADVERBS[period]}{text[end:]}"


def repair_frequencies(units: Sequence[Unit], outputs: list[str]) -> tuple[set[int], set[int]]:
    """Repair the frequencies of ``outputs`` (one per unit of ``units``, German) in place
    (:func:`repair_frequency`). Returns the indices (into ``units``) of the outputs it changed
    that now say every frequency of their line, and of those that still do not, changed or
    not: not repairable, which the run says (and ``--strict`` fails on)."""
    return repaired_in_place(
        [unit.text for unit in units],
        outputs,
        repair_frequency,
        frequency_problems,
        applies=lambda source: bool(english_frequencies(source)),
    )


class GuardedFrequencies(NamedTuple):
    """What :func:`guard_frequencies` did: ``repaired``, the lines whose fused output a rewrite
    made right; ``replaced``, those whose fused output the model's own replaced, and of those
    the ones its number repair left wrong (``numbers_wrong``)."""

    repaired: set[int]
    replaced: set[int]
    numbers_wrong: set[int]


def guard_frequencies(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    hits: Sequence[list[TermHit]],
    outputs: list[str],
) -> GuardedFrequencies:
    """Repair the frequencies of the ``fused`` outputs (indices into ``units``, ``encoded``,
    ``hits`` and ``outputs``: :func:`repair_frequency`), decode those still wrong again
    without memory, and replace each with the model's own where that says more of its line's
    frequencies (repaired too) and keeps its placeholders and numbers as well."""
    suspects, repaired = [], set()
    for i in fused:
        line = units[i].text
        if not frequency_problems(line, outputs[i]):
            continue
        outputs[i] = repair_frequency(line, outputs[i])
        if frequency_problems(line, outputs[i]):
            suspects.append(i)
        else:
            repaired.add(i)
    if not suspects:
        return GuardedFrequencies(repaired, set(), set())
    suspects.sort(key=lambda i: len(encoded[i]))
    plain, wrong = decoded_without_memory(translator, suspects, units, encoded, hits)
    replaced: set[int] = set()
    for i, text in zip(suspects, plain, strict=True):
        line = units[i].text
        text = repair_frequency(line, text)
        fewer = len(frequency_problems(line, text)) < len(frequency_problems(line, outputs[i]))
        if fewer and kept_tag_shape(line, text) >= kept_tag_shape(line, outputs[i]):
            outputs[i] = text
            replaced.add(i)
    logger.info(
        "frequency guard: %d fused outputs said another frequency than their line, %d "
        "replaced by the model's own",
        len(suspects),
        len(replaced),
    )
    positions = {i: n for n, i in enumerate(suspects)}
    wrong_after = {i for i in replaced if positions[i] in wrong}
    return GuardedFrequencies(repaired, replaced, wrong_after)
