"""A near match's polarity kept where its source differs from the line: a ``nicht`` or an
``über`` that the memory, not the line, says.

A memory match that differs from the line by a negation or a comparison word is near in score
and opposite in sense: with ``Xarelto must not be used in children below 18 years of age.`` →
``Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.`` in memory, the fused
translation of ``Xarelto must be used in children below 18 years of age.`` kept the ``nicht``,
and with ``Do not store above 25 °C.`` → ``Nicht über 25 °C lagern.``, that of ``Do not store
below 25 °C.`` kept the ``über`` (a pharma trial, session 76). The line and the match's source
are compared on each axis of :data:`AXES` (a negation, a bound, a time) by how many of each
way's English words they say (:func:`english_ways`). Where the match's source says more of a
way than the line, an output that keeps the match's target's own German words of that way
(:func:`german_ways`: the same words, as many as the target says less the line's shortfall)
keeps the match's polarity: ``nicht`` where the line says no ``not``, ``über`` where it says
``below`` and the match ``above``. A line's negation or comparison that the output lacks is
what qa's negation check and :mod:`ltmt.comparison_words` find already.

German's words are counted as written, not as meant: ``Nicht über 25 °C`` says ``über`` and a
negation, as its source ``Do not store above 25 °C`` says ``above`` and one. Holding an output
to its match's target's own words, never to a reading of German, keeps an idiom (``Jetzt
nicht`` for ``Maybe later``) and another word of the way (``über Emacs`` for ``through
Emacs`` beside a match's ``mindestens``) out, and so does a negation the source may say with
one (``unable``, ``missing``, an ``un``-word: counted on correct references, 2 % of the dev
users' test strings were flagged without it). English bound words count only where they
compare: a sign, or ``below``/``above``/``under``/``over`` before a number (a few words may
stand between: ``under the age of 12``), not ``over the network``; ``min`` not after a number
or a slash (``5 min``, ``mL/min``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.negation_checks import english_negations
from ltmt.qa.negation_counts import sayable_in_english
from ltmt.wording import shortened

if TYPE_CHECKING:
    from ltmt.segments import Match

NEGATION = "negation"
# the least score of a near match, one whose polarity a translation may take: one of other
# words differs from the line in too much for a shared ``nach`` or ``vor`` to be its (a 50 %
# match flagged 6 of general/train's first 2,000 references, none of them at 70 or more)
NEAR = 70.0
# the ways a line and its match may differ in, by axis: a negation, a bound, a time
AXES = ((NEGATION,), ("below", "above"), ("before", "after"))
# a number a bound word compares with, a few words or a sign between (``under the age of 12``,
# ``below < 5``): bounded repeats of disjoint classes, linear on any input
_BEFORE_A_NUMBER = r"(?=\s+(?:[^\W\d]+\s+){0,3}[<>\u2264\u2265~]?\s?\d)"
# a sign that compares (``< 15 mL/min``, ``≤ 5``), not an arrow, a tag nor ``<<``
_SIGN_BELOW = r"(?<![<>=-])(?:<=?|[\u2264\u2a7d])(?=\s?[\d.,])"
_SIGN_ABOVE = r"(?<![<>=-])(?:>=?|[\u2265\u2a7e])(?=\s?[\d.,])"
# ``than`` after a comparative, a few words between (``more column names than columns``)
_THAN = r"(?:[^\W\d]+\s+){0,3}?than\b"
# ``min``, not minutes (``5 min``, ``mL/min``)
_MIN = r"(?<![\d/])(?<!\d\s)\bmin\b"
_ENGLISH = {
    "below": re.compile(
        rf"{_SIGN_BELOW}|\b(?:below|under){_BEFORE_A_NUMBER}"
        rf"|\b(?:less|fewer|lower|smaller|shorter)\s+{_THAN}|\bat\s+most\b|\bmaxim(?:um|al)\b"
        r"|\bmax\b|\bup\s+to(?=\s+\d)",
        re.IGNORECASE,
    ),
    "above": re.compile(
        rf"{_SIGN_ABOVE}|\b(?:above|over){_BEFORE_A_NUMBER}"
        rf"|\b(?:more|greater|higher|larger|longer|older)\s+{_THAN}|\bat\s+least\b"
        rf"|\bminim(?:um|al)\b|{_MIN}",
        re.IGNORECASE,
    ),
    "before": re.compile(r"\bbefore\b|\bprior\s+to\b|\bearlier\s+than\b", re.IGNORECASE),
    "after": re.compile(r"\bafter\b|\blater\s+than\b", re.IGNORECASE),
}
# German's words of each way as written (``Nicht über`` says ``über``: module docstring)
_GERMAN = {
    # not a compound's first part (``Nicht-Mitglieder``: ``non-``)
    NEGATION: re.compile(
        r"\b(?:nicht|nichts|nie|niemals|kein\w*|weder|ohne)\b(?![-\u2010\u2011])", re.IGNORECASE
    ),
    "below": re.compile(
        rf"{_SIGN_BELOW}|\bunter(?:halb)?\b|\b(?:weniger|geringer|niedriger|kleiner|kürzer)\b"
        r"|\b(?:höchst|maxim)\w*|\bmax\b|\bbis\s+zu\b",
        re.IGNORECASE,
    ),
    "above": re.compile(
        rf"{_SIGN_ABOVE}|\büber(?:halb)?\b|\boberhalb\b|\b(?:mehr|größer|höher|länger|älter)\b"
        rf"|\b(?:mindest|minim)\w*|{_MIN}|\bab(?=\s+\d)",
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
    """A way (:data:`AXES`) a translation says in its memory match's target's words where the
    line says fewer of it than the match's source (the match's ``nicht`` or ``über`` kept):
    ``way``, ``match_source``, the match's source, and ``word``, the first of its target's
    words the translation says (case-folded)."""

    way: str
    match_source: str
    word: str = ""

    def message(self, source: str) -> str:
        """The finding said for a reviewer: ``the translation says 'nicht' where the source
        says no negation, as the memory match 'Xarelto must not ...' does: check that it does
        not say the opposite``."""
        said = self.word or _GERMAN_NAMES[self.way]
        instead = _said_instead(self.way, source)
        match = shortened(self.match_source, 50)
        return (
            f"the translation says {said!r} where the source says {instead}, as the memory "
            f"match {match!r} does: check that it does not say the opposite"
        )


def english_ways(text: str) -> Counter[str]:
    """How many of each way's English words ``text`` says (:data:`AXES`): its negations
    (:func:`ltmt.qa.negation_checks.english_negations`) and comparison words, placeholders
    aside."""
    text = without_placeholders(text)
    ways = Counter({way: len(pattern.findall(text)) for way, pattern in _ENGLISH.items()})
    ways[NEGATION] = len(english_negations(text))
    return ways


def german_ways(text: str) -> Counter[tuple[str, str]]:
    """Each German word of each way that ``text`` says, as written (case aside), by way and
    word: ``("negation", "nicht")``, ``("above", "über")``; placeholders aside."""
    text = without_placeholders(text)
    return Counter(
        (way, found.casefold())
        for way, pattern in _GERMAN.items()
        for found in pattern.findall(text)
    )


def polarity_kept(source: str, output: str, matches: Iterable[Match]) -> PolarityKept | None:
    """The first way in which ``output`` (a fused translation of ``source``) keeps the words
    of one of ``matches`` (those fusion read; :data:`NEAR` or more) whose source says more of
    it than ``source``
    (module docstring), else None: the output says more of the match's target's words of that
    way than the target says less the line's shortfall (``nicht`` once where the target says
    it once and the line one ``not`` fewer than the match's source). A negation kept must
    also be more than ``source`` may say with one (:func:`ltmt.qa.negation_counts.
    sayable_in_english`: ``unable``, ``missing``, an ``un``-word), as qa's negation check
    reads an added one."""
    wanted = english_ways(source)
    said = german_ways(output)
    for match in matches:
        if match.score < NEAR:
            continue
        pair = match.segment
        differs = english_ways(pair.source)
        if differs == wanted:
            continue
        target = german_ways(pair.target)
        for axis in AXES:
            for way in axis:
                fewer = differs[way] - wanted[way]
                if fewer <= 0:
                    continue
                words = {(w, word): n for (w, word), n in target.items() if w == way}
                stored = sum(words.values())
                kept = sum(min(said[key], n) for key, n in words.items())
                if stored >= fewer and kept > stored - fewer and _beyond_sayable(way, source, kept):
                    word = next(word for (_, word), n in words.items() if said[way, word])
                    return PolarityKept(way, pair.source, word)
    return None


def _beyond_sayable(way: str, source: str, kept: int) -> bool:
    """Whether ``kept`` negating words are more than ``source`` may say with a negation (any
    number of another way's words)."""
    return way != NEGATION or kept > sayable_in_english(without_placeholders(source))


def _said_instead(way: str, source: str) -> str:
    """What ``source`` says in place of ``way``: ``no negation``, its other way's word where
    it says one (``'below'``), else ``no 'above'``."""
    if way == NEGATION:
        return "no negation"
    other = next(w for axis in AXES if way in axis for w in axis if w != way)
    found = _ENGLISH[other].search(without_placeholders(source))
    return f"no {way!r}" if found is None else repr(found.group())
