"""A near match's polarity kept where its source differs from the line: a ``nicht`` or an
``über`` that the memory, not the line, says.

A memory match that differs from the line by a negation or a comparison word is near in score
and opposite in sense: with ``Xarelto must not be used in children below 18 years of age.`` →
``Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.`` in memory, the fused
translation of ``Xarelto must be used in children below 18 years of age.`` kept the ``nicht``,
and with ``Do not store above 25 °C.`` → ``Nicht über 25 °C lagern.``, that of ``Do not store
below 25 °C.`` kept the ``über`` (a pharma trial, session 76). The line and the match's source
are compared on each axis of :data:`AXES` (a negation, a bound, a time), by how many of each
way's English words they say (:func:`english_ways`); where they differ, the output is held to
the match's target by how many of that way's German words each says (:func:`german_ways`):
an output that says as many as the target where the line says fewer than the match's source
keeps the match's (``nicht`` where the line says no negation), and one that says no more than
the target where the line says more lacks the line's (``über`` where it says ``below``).

German's words are counted as written, not as meant: ``Nicht über 25 °C`` says ``über`` and a
negation, as its source ``Do not store above 25 °C`` says ``above`` and one. The counts hold an
output to its match's target, never to a fixed reading of German, so an idiom both say
(``Jetzt nicht`` for ``Maybe later``) is no finding unless a match of the other polarity put it
there. English bound words count only where they compare: a sign or ``below``/``above``/
``under``/``over`` before a number (a few words may stand between: ``under the age of 12``),
not ``over the network``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.negation_checks import english_negations, negations_short
from ltmt.qa.negation_counts import plain_in_german
from ltmt.wording import shortened

if TYPE_CHECKING:
    from ltmt.segments import Match

NEGATION = "negation"
# the ways a line and its match may differ in, by axis: a negation, a bound, a time
AXES = ((NEGATION,), ("below", "above"), ("before", "after"))
# a number a bound word compares with, a few words or a sign between (``under the age of 12``,
# ``below < 5``): bounded repeats of disjoint classes, linear on any input
_BEFORE_A_NUMBER = r"(?=\s+(?:[^\W\d]+\s+){0,3}[<>\u2264\u2265~]?\s?\d)"
# a sign that compares (``< 15 mL/min``, ``≤ 5``), not an arrow, a tag nor ``<<``
_SIGN_BELOW = r"(?<![<>=-])(?:<=?|[\u2264\u2a7d])(?=\s?[\d.,])"
_SIGN_ABOVE = r"(?<![<>=-])(?:>=?|[\u2265\u2a7e])(?=\s?[\d.,])"
_ENGLISH = {
    "below": re.compile(
        rf"{_SIGN_BELOW}|\b(?:below|under){_BEFORE_A_NUMBER}"
        r"|\b(?:less|fewer|lower|smaller|shorter)\s+than\b|\bat\s+most\b|\bmaxim(?:um|al)\b"
        r"|\bmax\b\.?(?=\s?\d)|\bup\s+to(?=\s+\d)",
        re.IGNORECASE,
    ),
    "above": re.compile(
        rf"{_SIGN_ABOVE}|\b(?:above|over){_BEFORE_A_NUMBER}"
        r"|\b(?:more|greater|higher|larger|longer|older)\s+than\b|\bat\s+least\b"
        r"|\bminim(?:um|al)\b|\bmin\b\.?(?=\s?\d)",
        re.IGNORECASE,
    ),
    "before": re.compile(r"\bbefore\b|\bprior\s+to\b|\bearlier\s+than\b", re.IGNORECASE),
    "after": re.compile(r"\bafter\b|\blater\s+than\b", re.IGNORECASE),
}
# German's words of each way as written (``Nicht über`` says ``über``: module docstring)
_GERMAN = {
    "below": re.compile(
        rf"{_SIGN_BELOW}|\bunter(?:halb)?\b|\b(?:weniger|geringer|niedriger|kleiner|kürzer)\b"
        r"|\b(?:höchst|maxim)\w*|\bmax\b\.?(?=\s?\d)|\bbis\s+zu\b",
        re.IGNORECASE,
    ),
    "above": re.compile(
        rf"{_SIGN_ABOVE}|\büber(?:halb)?\b|\boberhalb\b|\b(?:mehr|größer|höher|länger|älter)\b"
        r"|\b(?:mindest|minim)\w*|\bmin\b\.?(?=\s?\d)|\bab(?=\s+\d)",
        re.IGNORECASE,
    ),
    "before": re.compile(r"\b(?:vor|bevor|vorher|zuvor|früher)\b", re.IGNORECASE),
    "after": re.compile(r"\b(?:nach|nachdem|danach|später)\b", re.IGNORECASE),
}
# how a finding names each way's words
_GERMAN_NAMES = {
    NEGATION: "nicht",
    "below": "unter",
    "above": "über",
    "before": "vor",
    "after": "nach",
}


class PolarityKept(NamedTuple):
    """A way (:data:`AXES`) a translation says as a memory match's target does where the
    line differs from the match's source: ``way``; ``kept`` True where the line says fewer of
    it (the match's ``nicht`` kept), False where it says more (the line's lacked);
    ``match_source``, the match's source."""

    way: str
    kept: bool
    match_source: str

    def message(self, source: str) -> str:
        """The finding said for a reviewer: ``the translation says 'nicht' where the source
        says no negation, as the memory match 'Xarelto must not ...' does: check that it does
        not say the opposite``, or ``the translation lacks the source's 'below', as the memory
        match 'Store at 25 °C.' does: ...``."""
        match = shortened(self.match_source, 50)
        if self.kept:
            said = f"says {_GERMAN_NAMES[self.way]!r} where the source says "
            said += _said_instead(self.way, source)
        else:
            said = f"lacks the source's {_english_word(self.way, source)!r}"
        return (
            f"the translation {said}, as the memory match {match!r} does: check that it does "
            "not say the opposite"
        )


def english_ways(text: str) -> Counter[str]:
    """How many of each way's English words ``text`` says (:data:`AXES`): its negations
    (:func:`ltmt.qa.negation_checks.english_negations`) and comparison words, placeholders
    aside."""
    text = without_placeholders(text)
    ways = Counter({way: len(pattern.findall(text)) for way, pattern in _ENGLISH.items()})
    ways[NEGATION] = len(english_negations(text))
    return ways


def german_ways(text: str) -> Counter[str]:
    """How many of each way's German words ``text`` says as written: plain negations
    (:func:`ltmt.qa.negation_counts.plain_in_german`) and comparison words, placeholders
    aside."""
    text = without_placeholders(text)
    ways = Counter({way: len(pattern.findall(text)) for way, pattern in _GERMAN.items()})
    ways[NEGATION] = plain_in_german(text)
    return ways


def polarity_kept(source: str, output: str, matches: Iterable[Match]) -> PolarityKept | None:
    """A way in which ``output`` (a fused translation of ``source``) says what one of
    ``matches`` (those fusion read) says and ``source`` does not, or lacks what ``source``
    says and the match does not (module docstring; a match's word kept is named before a
    line's lacked), else None."""
    wanted = english_ways(source)
    said = german_ways(output)
    lacked = None
    for match in matches:
        pair = match.segment
        differs = english_ways(pair.source)
        if differs == wanted:
            continue
        target = german_ways(pair.target)
        for axis in AXES:
            for way in axis:
                found = _kept(wanted[way] - differs[way], target[way], said[way])
                if found:  # the match's word kept: said first
                    return PolarityKept(way, True, pair.source)
                if (
                    found is False
                    and lacked is None
                    and (way != NEGATION or _short(source, output))
                ):
                    lacked = PolarityKept(way, False, pair.source)
    return lacked


def _kept(more: int, target: int, output: int) -> bool | None:
    """True where the line says ``-more`` fewer of ``way`` than the match's source and the
    output says more than its ``target``'s count less them (the match's kept), False where the
    line says ``more`` and the output no more than the target (the line's lacked), else None."""
    if more < 0 and target >= -more and output > target + more:
        return True
    if more > 0 and output <= target:
        return False
    return None


def _short(source: str, output: str) -> bool:
    """Whether ``output`` says fewer negations than ``source`` as qa counts them (a negation
    said in other words, ``un``-, ``-los``, ``fehlt``, is no negation lacked)."""
    return negations_short(source, output) > 0


def _said_instead(way: str, source: str) -> str:
    """What ``source`` says in place of ``way``: ``no negation``, its other way's word where
    it says one (``'below'``), else ``no 'above'``."""
    if way == NEGATION:
        return "no negation"
    other = next(w for axis in AXES if way in axis for w in axis if w != way)
    found = _ENGLISH[other].search(without_placeholders(source))
    return f"no {way!r}" if found is None else repr(found.group())


def _english_word(way: str, source: str) -> str:
    """The first English word of ``way`` that ``source`` says (``not``, ``below``)."""
    text = without_placeholders(source)
    found = english_negations(text) if way == NEGATION else _ENGLISH[way].findall(text)
    return found[0] if found else way
