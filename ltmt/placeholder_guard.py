"""The placeholder guard: a memory must not make a translation lose a ``%s`` or a number,
nor add a ``%s``.

A fused output that drops a placeholder of its line (``%s``, ``{name}``, tags:
:func:`ltmt.formats.placeholder_syntax.placeholder_matches`), has one its line lacks
(:func:`ltmt.formats.placeholder_syntax.placeholders_added`: a match's ``: %s`` carried into an
input without it, which a printf would read with no argument behind it) or lost one of its
line's numbers beyond repair (:func:`ltmt.numbers_kept.numbers_beyond_repair`: a match's
``1024`` in place of the line's ``4096``) is decoded again without memory, and the output
that keeps more placeholders wins, then the one that adds fewer, then the one that keeps more
numbers (the fused one on a tie): a memory must not change what a format string needs, nor a
number. The re-decode follows the line's glossary terms too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.numbers_kept import kept_shape, repair_numbers
from ltmt.pictographs import without_tags

if TYPE_CHECKING:
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


def guard_placeholders(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    outputs: list[str],
    hits: Sequence[list[TermHit]],
) -> set[int]:
    """Re-decode with ``translator``'s model alone the ``fused`` outputs (indices into
    ``units``, ``encoded``, ``outputs`` and ``hits``) that lost or added placeholders or lost
    numbers beyond repair; replaces those ``outputs`` the plain model does better on, and
    returns their indices."""
    suspects = []
    for i in fused:
        shape = _kept_shape(units[i].text, outputs[i])
        if shape < (0, 0, 0):
            suspects.append((i, shape))
    suspects.sort(key=lambda item: len(encoded[item[0]]))
    replaced: set[int] = set()
    for start in range(0, len(suspects), translator.batch_size):
        chunk = suspects[start : start + translator.batch_size]
        batch = [encoded[i] for i, _ in chunk]
        plain = translator.decode(
            batch, translator.terms.constrained_state(batch, None, [hits[i] for i, _ in chunk])
        )
        for (i, shape), text in zip(chunk, plain):
            if translator.number_repair:
                text = repair_numbers(units[i].text, text)
            if _kept_shape(units[i].text, text) > shape:
                outputs[i] = text
                replaced.add(i)
    if suspects:
        logger.info(
            "placeholder guard: %d fused outputs lost or added placeholders or lost numbers, %d "
            "replaced by the model's own",
            len(suspects),
            len(replaced),
        )
    return replaced


def _kept_shape(line: str, output: str) -> tuple[int, int, int]:
    """:func:`ltmt.numbers_kept.kept_shape` of ``output`` for ``line``, the tags that stand for
    the line's pictographs left out: one the output lost gets its pictographs back all the
    same (:meth:`ltmt.pictographs.SetAside.put_back`), and a decode without memory for it
    cost the fused words their memory."""
    return kept_shape(without_tags(line), without_tags(output))
