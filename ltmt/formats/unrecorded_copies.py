"""A file filled in place that has no record of its own, whose targets the file itself marks as
awaiting review: ltmt's own machine translation, where the user's records say so.

An XLIFF file ltmt filled and that was then moved or copied (a translation kit, a client's round
trip) is found by no record (:mod:`ltmt.formats.output_sources`: by its path or its bytes), so a
target of a source changed since was kept as translated (trial s73: ``Man kann bis zu 50
Schritte aufgeben.`` for ``up to 100 steps``), although the file says it awaits review
(``subState="ltmt:mt"``, 1.2 ``needs-review-translation``). Such a target that the records of
this user's outputs say ltmt wrote, for other sources only (:meth:`~ltmt.formats.output_sources.
OutputSources.user_history`), is ltmt's machine translation of an older source: translated
again. A target the file marks as confirmed is a translator's word, kept as before; so is one
no record holds, and one ltmt wrote for the unit's own source too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ltmt.formats.documents import Document
from ltmt.formats.output_sources import FilledInPlace, OutputSources, outdated

logger = logging.getLogger(__name__)


def translate_own_again(document: Document, out_path: Path, output_sources: OutputSources) -> int:
    """Make pending the units of ``document`` (filled in place, found by no record) whose target
    it marks as awaiting review and that ``output_sources`` (its user's records) say ltmt wrote
    for other sources only (module docstring); how many."""
    marked_for_review = getattr(document, "marked_for_review", None)
    if not isinstance(document, FilledInPlace) or marked_for_review is None:
        return 0
    if not getattr(document, "status_tells_review", False):
        return 0  # a PO catalog's fuzzy flag is msgmerge's too: no word of ltmt's
    held = document.held_translations()
    marked = set(marked_for_review())
    kept = [(unit, held[unit.key]) for unit in document.units() if unit.key in held.keys() & marked]
    if not kept:
        return 0
    history = output_sources.user_history()
    if history is None:
        return 0
    again = outdated(history, kept).again
    if again:
        document.translate_again(again)
        logger.info(
            "%s: %d marked for review that ltmt wrote for another source (its records of other "
            "files say so) translated again",
            out_path,
            len(again),
        )
    return len(again)
