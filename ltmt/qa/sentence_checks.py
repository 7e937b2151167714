"""qa's sentences check: a translation that lost a whole sentence of its source
(``Do not reuse the sensor. Risk of infection.`` → ``Den Sensor nicht wiederverwenden.``).

Whether it did is the translator's own rule (:func:`ltmt.sentence_memory.lost_sentences`): the
translation says fewer sentences than its one-line source of several, and is shorter than the
source less half its shortest sentence. German runs as long as English or longer, so a
translation that joins two short sentences with a comma or a semicolon (``Speichern Sie,
dann schließen Sie die App.``) says them all and is not shorter: it passes. The sentence named
is the one whose leaving out pairs the source's other sentences, in order, with the
translation's that share the most of their numbers, names and cognates (``sensor`` and
``Sensor``, ``app`` and ``App``), then the closest by length, or those about as close, each named
(:func:`missing_sentences`: ``'Remove the old filter.' or 'Insert the new filter.'``). Where
neither tells clearly (``The file was saved. Please restart the app.`` → ``Die Datei wurde
gespeichert.``: by length alone the wrong one), none is named: ``lacks 1 of its source's 2
sentences``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from itertools import combinations
from typing import Any

from ltmt.qa.findings import TARGET_LANGUAGE
from ltmt.sentence_memory import lost_sentences, sentences_of

# the most ways of leaving sentences out that naming them tries; past it none is named
_MOST_TRIED = 500
# how much longer German writes a sentence than English: the median of the general dev set's
# reference lengths over their sources' (4,010 pairs, 1.15; a fixer's run by hand)
_GERMAN_LONGER = math.log(1.15)
# how much farther than the best a way of leaving sentences out may be and still be named:
# dropping each sentence of the dev sets' references in turn, 23 losses were flagged, 18 named
# right by the best alone; with the ways this near, 22 (5 of them beside one other way; a
# fixer's run by hand)
_NEAR = 0.1
# the most ways named
_MOST_NAMED = 3
# how much farther than the best by length every way not named must be for the best to be
# named by length alone (no way shares a word with the translation): a sentence's German can
# run 1.5 times its English ("The file was saved." → "Die Datei wurde gespeichert."), so the
# wrong way can be the nearer ("Please restart the app." was 0.18 nearer; SAP trial)
_CLEAR = 0.5
# a word or a number; the words a sentence and its translation share in their first letters
_WORD = re.compile(r"\w+")
_PREFIX = 4
# English words of three letters or more that German writes alike in another sense
_FALSE_FRIENDS = frozenset({"the", "and", "was", "die", "also", "will", "man", "hat", "rat"})


def sentence_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The sentences of ``source`` that ``target`` lacks (module docstring), named; an
    English source, the translation in the entry's target language (German where none is
    given)."""
    language = str(metadata.get(TARGET_LANGUAGE) or "de").replace("_", "-").split("-")[0]
    if not lost_sentences(source, target, "en", language):
        return []
    written = sentences_of(target, language) or [target]  # one sentence, or several lines
    ways = missing_sentences(sentences_of(source, "en"), written)
    if not ways:
        said = len(sentences_of(source, "en"))
        lacking = said - len(written)
        return [f"lacks {lacking} of its source's {said} sentences: check that each is translated"]
    kind = "a sentence" if len(ways[0]) == 1 else f"{len(ways[0])} sentences"
    named = " or ".join(", ".join(repr(s.strip()) for s in way) for way in ways[:_MOST_NAMED])
    return [f"lacks {kind} of its source: {named}; translate it"]


def missing_sentences(said: list[str], written: list[str]) -> list[list[str]]:
    """The sentences of ``said`` (a source's, several) that ``written`` (its translation's)
    has none for: of the ways of leaving out as many as ``written`` has fewer, those whose
    other sentences share, in order, the most words with ``written``'s (:func:`_shared`), and
    of these the one closest in length to ``written``'s (the smallest sum of the log ratios of
    their lengths, German's usual length aside: :data:`_GERMAN_LONGER`), with those about as
    close (:data:`_NEAR`), best first: sentences of one length cannot be told apart by it.
    ``[]`` where there are too many ways to try (:data:`_MOST_TRIED`), or where no way shares
    a word and another is not clearly farther by length (:data:`_CLEAR`)."""
    kept, lengths = len(written), [len(sentence.strip()) + 1 for sentence in written]
    if not 0 < kept < len(said) or math.comb(len(said), kept) > _MOST_TRIED:
        return []

    def shared(chosen: tuple[int, ...]) -> int:
        return sum(_shared(said[n], text) for n, text in zip(chosen, written, strict=True))

    def distance(chosen: tuple[int, ...]) -> float:
        return sum(
            abs(math.log(length / (len(said[n].strip()) + 1)) - _GERMAN_LONGER)
            for n, length in zip(chosen, lengths, strict=True)
        )

    ways = {chosen: shared(chosen) for chosen in combinations(range(len(said)), kept)}
    most = max(ways.values())
    ranked = sorted((distance(chosen), chosen) for chosen, n in ways.items() if n == most)
    best = ranked[0][0]
    if not most and any(_NEAR < score - best < _CLEAR for score, _ in ranked):
        return []  # by length alone, and not clearly
    return [
        [sentence for n, sentence in enumerate(said) if n not in chosen]
        for score, chosen in ranked
        if score - best <= _NEAR
    ]


def _shared(sentence: str, translation: str) -> int:
    """How many of the numbers, names and cognates of ``sentence`` (English) ``translation``
    says: a word that begins as one of its words does (``sensor``, ``Sensor``;
    ``infection``, ``Infektionsgefahr``: their first :data:`_PREFIX` letters), or a number
    or a short word it has as it is (``3``, ``app``)."""
    theirs = {word.lower() for word in _WORD.findall(translation)}
    starts = {word[:_PREFIX] for word in theirs if len(word) >= _PREFIX}
    return sum(
        1
        for word in {word.lower() for word in _WORD.findall(sentence)}
        if (word.isdigit() or len(word) >= 3)
        and word not in _FALSE_FRIENDS
        and (word in theirs or (len(word) >= _PREFIX and word[:_PREFIX] in starts))
    )
