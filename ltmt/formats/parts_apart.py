"""A unit whose translation a file lays over pieces of its own (a subtitle sentence over its
cues: :attr:`~ltmt.formats.documents.Unit.parts`) translated piece by piece where its
translation is a memory match of other words (``copies_other_words``): the match's target,
laid over the cues by their share of the source, left a cue without its words (a name tag
joined with the next cue's ``I'm Thomas Brandt, ...`` showed ``Ich bin Thomas`` / ``Brandt,``
in the tag's time). Each piece's translation is then its own line of the unit's
(:data:`PART_BREAK`), which the file lays out a piece each (:func:`laid_out_parts`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ltmt.formats.documents import Unit
from ltmt.formats.placeholders import Restored
from ltmt.segments import Translation
from ltmt.wording import shortened

logger = logging.getLogger(__name__)

PART_BREAK = "\n"  # between the pieces' translations: a unit's source has none


def copied_over_parts(unit: Unit, translation: Translation) -> bool:
    """Whether ``translation`` of ``unit`` is to be made again a piece at a time: ``unit`` is
    laid over two pieces or more, and ``translation`` (not a 100 % match) is still a memory
    match's target for other words, which the pieces' shares cannot place."""
    return len(unit.parts) > 1 and translation.method != "exact" and translation.copies_other_words


def joined_parts(fitted: Sequence[Restored]) -> Restored:
    """The pieces' translations, each fitted to its piece, as the unit's: one a line."""
    return Restored(
        PART_BREAK.join(part.text.strip() for part in fitted),
        any(part.repaired for part in fitted),
        all(part.ok for part in fitted),
        tuple(problem for part in fitted for problem in part.problems),
        sum(part.stray_quotes for part in fitted),
    )


def laid_out_parts(text: str, pieces: int) -> list[str] | None:
    """``text`` a piece each where it is the translation of ``pieces`` pieces made apart
    (:func:`joined_parts`), else None (a translation of the whole, laid out by shares)."""
    parts = text.split(PART_BREAK)
    if pieces < 2 or len(parts) != pieces:
        return None
    return [part.strip() for part in parts]


def warn_parted(unit: Unit, place: str) -> None:
    """The warning for ``unit`` (at ``place``), translated a piece at a time."""
    logger.warning(
        "%s (%s): a memory match of other words would have left a cue without its words; "
        "its %d cues were translated apart: check that they read well",
        shortened(repr(unit.source), 50),
        place,
        len(unit.parts),
    )
