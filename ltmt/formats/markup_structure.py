"""A translation whose markup lost its source's structure, warned of as the run writes it.

A Help Center article's body given whole to the model came back with a ``<td>`` after
``</table>``, an empty ``<li>`` and text outside its elements; ``ltmt qa`` said so (``its <td>
is outside <tr>``), but ``ltmt translate`` wrote it with exit 0 and ``0 could not be repaired``
(trial s76). An output whose tags do not nest where its source's do, or that has an element
outside the element that holds it in the source, or text outside the block elements that
hold all of its source's (Qt Designer's rich text translated whole: ``</p>! Ein <p>``, with "1
repaired"; trial s76) (qa's check:
:func:`ltmt.qa.pair_checks.structure_problem`), is now named in a warning and counted as not
repaired (``--strict`` fails on it). Its text is written as it came: the warning says what to
check, as qa does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ltmt.formats.documents import Unit
from ltmt.formats.run_report import RunReport, entry_name
from ltmt.wording import shortened

if TYPE_CHECKING:
    from ltmt.formats.unit_translation import Outcome

logger = logging.getLogger(__name__)


def warn_of_scrambled_markup(
    outcomes: Sequence[Outcome], report: RunReport | None, place: Callable[[Unit], str]
) -> None:
    """Warn of each of ``outcomes`` (the model's, valid otherwise) whose markup lost its
    source's structure (module docstring), named by ``place``; each counted into ``report`` as
    not repaired."""
    from ltmt.qa.pair_checks import structure_problem  # qa reads formats: imported late

    for outcome in outcomes:
        source, text = outcome.unit.source, outcome.text
        if not outcome.ok or outcome.method == "exact" or "<" not in source or "<" not in text:
            continue
        problem = structure_problem(source, text)
        if problem is None:
            continue
        logger.warning(
            "the translation of %s (%s) does not keep the source's markup: %s; check it",
            shortened(repr(outcome.unit.shown or source), 50),
            place(outcome.unit),
            problem,
        )
        if report is not None:
            named = outcome.unit.shown or source
            report.not_repairable_in(entry_name(named, outcome.unit.context))
            report.example_of(named, problem)
