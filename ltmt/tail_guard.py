"""The tail guard: a fused output that stopped where the match it followed goes on is set aside.

A fused output that repeats the start of a match it read and lacks the match's last words,
which its line says (:func:`ltmt.lost_tails.lost_tail`: ``... oder einen der in Abschnitt 2.``
for a match's ``... in Abschnitt 6. genannten sonstigen Bestandteile dieses Arzneimittels
sind.``), is decoded again without memory, following the line's glossary terms, its numbers
repaired as any line decoded without memory (:func:`ltmt.placeholder_guard.
decoded_without_memory`), and that output replaces it: the model's own wording of the whole
line, not the memory's wording of its first half. The line counts as one whose match was set
aside (``Translation.match_set_aside``), so the run's summary says so; the steps after it (the
negation guard, the numbers still lost) judge the output kept, and fail ``--strict`` as for
any line.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.lost_tails import lost_tail
from ltmt.placeholder_guard import Replaced, decoded_without_memory
from ltmt.routing import matches_read

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


def guard_tails(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
    outputs: list[str],
    hits: Sequence[list[TermHit]],
) -> Replaced:
    """Replace the ``fused`` outputs (indices into ``units``, ``encoded``, ``outputs`` and
    ``hits``; ``matches`` per segment) that lost the tail of a match they read by the model's
    own output without memory; says which, and of those the ones whose numbers its repair left
    wrong (:class:`ltmt.placeholder_guard.Replaced`)."""
    if translator.fusion is None:
        return Replaced()
    suspects = [
        i
        for i in fused
        if lost_tail(units[i].text, outputs[i], matches_read(translator, units[i], matches))
    ]
    if not suspects:
        return Replaced()
    suspects.sort(key=lambda i: len(encoded[i]))
    plain, wrong = decoded_without_memory(translator, suspects, units, encoded, hits)
    for i, text in zip(suspects, plain, strict=True):
        outputs[i] = text
    logger.info(
        "tail guard: %d fused outputs stopped where the match they followed goes on, decoded "
        "again without memory",
        len(suspects),
    )
    return Replaced(set(suspects), {suspects[n] for n in wrong})
