"""The weak-match guard: a fused output must not say what only a weak match says.

A method that reads weak matches (the shipped trained kNN reads one of any score beside none
better) can carry a clause of a match of other words into the output: a Qt tooltip ``Saves all
<span>open</span> documents.``, beside a match of score 39, ``Could not open <b>%1</b>.`` →
``<b>%1</b> konnte nicht geöffnet werden.``, came out ``... Dokumente.</p></body> konnte nicht
geöffnet werden`` (the Qt trial, s76): a message about saving that says "could not be opened",
and no check saw it. :func:`borrowed_run` finds such an output: every match the fusion read
scored below :data:`WEAK_SCORE` as the memory search found it (where kNN fusion reads none:
``KnnConfig.min_score``; not as read, where the repair carried the line's own words into it and
scored it 67: :mod:`ltmt.fusion.repair`), and the output says :data:`MIN_RUN` words or more of
such a match's translation in a row, one of them of :data:`MIN_LETTERS` letters or more. Such
a line is decoded again without memory, and where the model's own output does not say those
words (the line's own words do not ask for them), it replaces the fused one, and the line
counts as one whose match was set aside (``Translation.match_set_aside``), as the tail guard's
do (:mod:`ltmt.tail_guard`); where it says them too, the fused output stays. A good match's
wording is what fusion is for, and is left alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.placeholder_guard import Replaced, decoded_without_memory
from ltmt.routing import read_matches
from ltmt.text import word_list

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# the score below which a match says other words mostly (kNN fusion reads none below it)
WEAK_SCORE = 50.0
# the fewest words of a match's translation in a row, one of them of MIN_LETTERS letters or
# more, that an output says of it alone: two short words in common are any two sentences'
MIN_RUN = 3
MIN_LETTERS = 4
# the most words of an output or a match's translation compared (the aligner's time grows with
# their product): a longer text is not judged
MAX_WORDS = 500


def borrowed_run(output: str, read: Sequence[Match]) -> tuple[str, ...] | None:
    """The longest run of words of ``output`` (case-folded, placeholders left out) that a match
    of ``read`` (the matches fusion read for its line, as the memory search found them) says in
    its translation, where every match of ``read`` scores below :data:`WEAK_SCORE` and the run
    is of :data:`MIN_RUN` words or more, one of :data:`MIN_LETTERS` letters or more; None
    otherwise."""
    if not read or any(match.score >= WEAK_SCORE for match in read):
        return None
    said = _words(output)
    if not said or len(said) > MAX_WORDS:
        return None
    best: tuple[str, ...] = ()
    for match in read:
        theirs = _words(match.segment.target)
        if len(theirs) > MAX_WORDS:
            continue
        found = SequenceMatcher(None, said, theirs, autojunk=False).find_longest_match()
        if found.size > len(best):
            best = tuple(said[found.a : found.a + found.size])
    if len(best) < MIN_RUN or all(len(word) < MIN_LETTERS for word in best):
        return None
    return best


def says_run(text: str, run: Sequence[str]) -> bool:
    """Whether ``text``'s words (as :func:`borrowed_run` reads them) say ``run`` in a row."""
    words, size = _words(text), len(run)
    return any(tuple(words[i : i + size]) == tuple(run) for i in range(len(words) - size + 1))


def guard_weak_matches(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
    outputs: list[str],
    hits: Sequence[list[TermHit]],
) -> Replaced:
    """Replace the ``fused`` outputs (indices into ``units``, ``encoded``, ``outputs`` and
    ``hits``; ``matches`` per segment) that say words only a weak match says
    (:func:`borrowed_run`) by the model's own output without memory, where that lacks them;
    says which, and of those the ones whose numbers its repair left wrong
    (:class:`ltmt.placeholder_guard.Replaced`)."""
    fusion = translator.fusion
    if fusion is None:
        return Replaced()
    runs: dict[int, tuple[str, ...]] = {}
    for i in fused:
        found = matches[units[i].segment]
        read = read_matches(fusion, units[i].text, found, translator.backbone)
        if read is not None:  # as found: a repair rescored them with the line's own words
            ids = {match.segment.id for match in read}
            found = tuple(match for match in found if match.segment.id in ids)
        run = borrowed_run(outputs[i], found)
        if run is not None:
            runs[i] = run
    if not runs:
        return Replaced()
    suspects = sorted(runs, key=lambda i: len(encoded[i]))
    plain, wrong = decoded_without_memory(translator, suspects, units, encoded, hits)
    replaced = set()
    for n, (i, text) in enumerate(zip(suspects, plain, strict=True)):
        if says_run(text, runs[i]):
            wrong.discard(n)
            continue
        outputs[i] = text
        replaced.add(i)
    if replaced:
        logger.info(
            "weak-match guard: %d fused outputs said words only a weak match says, decoded "
            "again without memory",
            len(replaced),
        )
    return Replaced(replaced, {suspects[n] for n in wrong})


def _words(text: str) -> list[str]:
    return word_list(without_placeholders(text))
