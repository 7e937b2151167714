"""qa's sentences check: a translation that lost a whole sentence of its source
(``Do not reuse the sensor. Risk of infection.`` → ``Den Sensor nicht wiederverwenden.``).

Whether it did is the translator's own rule (:func:`ltmt.sentence_memory.lost_sentences`): the
translation says fewer sentences than its one-line source of several, and is shorter than the
source less half its shortest sentence. German runs as long as English or longer, so a
translation that joins two short sentences with a comma or a semicolon (``Speichern Sie,
dann schließen Sie die App.``) says them all and is not shorter: it passes. The sentence named
is the one whose leaving out pairs the source's other sentences, in order, with the
translation's closest by length, or those about as close, each named (:func:`missing_sentences`:
``'Remove the old filter.' or 'Insert the new filter.'``).
"""

from __future__ import annotations

import math
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
        return ["lacks a sentence of its source: check that each is translated"]
    kind = "a sentence" if len(ways[0]) == 1 else f"{len(ways[0])} sentences"
    named = " or ".join(", ".join(repr(s.strip()) for s in way) for way in ways[:_MOST_NAMED])
    return [f"lacks {kind} of its source: {named}; translate it"]


def missing_sentences(said: list[str], written: list[str]) -> list[list[str]]:
    """The sentences of ``said`` (a source's, several) that ``written`` (its translation's)
    has none for: of the ways of leaving out as many as ``written`` has fewer, the one whose
    other sentences are, in order, closest in length to ``written``'s (the smallest sum of the
    log ratios of their lengths, German's usual length aside: :data:`_GERMAN_LONGER`), with
    those about as close (:data:`_NEAR`), best first: sentences of one length cannot be told
    apart by it. ``[]`` where there are too many ways to try (:data:`_MOST_TRIED`)."""
    kept, lengths = len(written), [len(sentence.strip()) + 1 for sentence in written]
    if not 0 < kept < len(said) or math.comb(len(said), kept) > _MOST_TRIED:
        return []

    def distance(chosen: tuple[int, ...]) -> float:
        return sum(
            abs(math.log(length / (len(said[n].strip()) + 1)) - _GERMAN_LONGER)
            for n, length in zip(chosen, lengths, strict=True)
        )

    ranked = sorted((distance(chosen), chosen) for chosen in combinations(range(len(said)), kept))
    best = ranked[0][0]
    return [
        [sentence for n, sentence in enumerate(said) if n not in chosen]
        for score, chosen in ranked
        if score - best <= _NEAR
    ]
