"""The polarity guard: a fused output must not say a near match's negation or comparison
where the line differs from the match's source in it.

A memory match one word away from the line can be its opposite: ``Xarelto must not be used in
children below 18 years of age.`` for the line ``Xarelto must be used in children below 18
years of age.``, ``Do not store above 25 °C.`` for ``Do not store below 25 °C.``; fused, the
output kept the match's ``nicht`` and ``über`` (a pharma trial, session 76). A fused line
whose output keeps a match's negation or comparison word that the line lacks
(:func:`ltmt.match_polarity.polarity_kept`, over the matches the fusion read; a negation of
the line's lacked is the negation guard's), is decoded again without memory, as the
placeholder guard decodes its lines (:func:`ltmt.placeholder_guard.decoded_without_memory`:
glossary terms, form of address, numbers repaired); the model's own output replaces it where
it no longer says so and keeps the line's placeholders and numbers as well
(:func:`ltmt.placeholder_guard.kept_tag_shape`). A line still saying its match's polarity is
flagged by the translator (``Translation.match_polarity``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.match_polarity import polarity_kept
from ltmt.placeholder_guard import Replaced, decoded_without_memory, kept_tag_shape
from ltmt.routing import matches_read

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


def guard_polarity(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
    hits: Sequence[list[TermHit]],
    outputs: list[str],
) -> Replaced:
    """Decode again without memory the ``fused`` lines (indices into ``units``, ``encoded``,
    ``hits`` and ``outputs``; ``matches`` per segment) whose output says a read match's
    polarity (module docstring), and replace those ``outputs`` the model's own output serves
    better; says which, and of those the ones whose numbers its repair left wrong
    (:class:`ltmt.placeholder_guard.Replaced`)."""
    read = {i: matches_read(translator, units[i], matches) for i in fused}
    suspects = [i for i in fused if polarity_kept(units[i].text, outputs[i], read[i])]
    if not suspects:
        return Replaced()
    suspects.sort(key=lambda i: len(encoded[i]))
    plain, wrong = decoded_without_memory(translator, suspects, units, encoded, hits)
    replaced: set[int] = set()
    for i, text in zip(suspects, plain, strict=True):
        line = units[i].text
        if polarity_kept(line, text, read[i]) is None and kept_tag_shape(
            line, text
        ) >= kept_tag_shape(line, outputs[i]):
            outputs[i] = text
            replaced.add(i)
    logger.info(
        "polarity guard: %d fused outputs said a match's negation or comparison that their "
        "line does not, %d replaced by the model's own",
        len(suspects),
        len(replaced),
    )
    return Replaced(replaced, {suspects[n] for n in wrong} & replaced)
