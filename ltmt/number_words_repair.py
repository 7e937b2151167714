"""The repair of a number a German translation writes in words other than its source's.

A contract writes ``within 10 (ten) days``; a fuzzy match of ``30 (thirty) days`` lent its
``(dreißig)``, whose digits the match repair swapped and whose words it could not, and the
translation said ``10 (dreißig) Tagen`` (the legal2 trial). :func:`repair_number_words` writes
the words beside such digits as German says the source's number (``num2words``: ``10
(zehn) Tagen``), English words kept too (``14 (fourteen)`` → ``14 (vierzehn)``);
:func:`repair_worded_numbers` counts a translation that still says a number of its source's
in words nowhere (``60 Tagen`` for ``60 (sixty) days``) as not repairable, so that
``--strict`` fails: where the words belong is the translator's to choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.number_words import german_words, number_word_problems
from ltmt.text import repaired_in_place, with_edits

if TYPE_CHECKING:
    from ltmt.units import Unit


def repair_number_words(source: str, output: str) -> str:
    """``output`` (German) with the words beside a number's digits that say another number
    than ``source`` writes there in digits and words, or keep its English words, written as
    German says the number (:func:`ltmt.number_words.number_word_problems`); their first
    letter's case kept (``Dreißig (30)`` at a sentence's start)."""
    edits = [
        (
            problem.found.start,
            problem.found.end,
            _cased(german_words(problem.wanted.value), problem.found.words),
        )
        for problem in number_word_problems(source, output)
        if problem.found is not None
    ]
    return with_edits(output, edits) if edits else output


def repair_worded_numbers(units: Sequence[Unit], outputs: list[str]) -> tuple[set[int], set[int]]:
    """Repair the numbers in words of ``outputs`` (one per unit of ``units``, German) in place
    (:func:`repair_number_words`). Returns the indices (into ``units``) of the outputs it
    changed that now say every such number right, and of those that still do not, changed or
    not: not repairable, which the run says (and ``--strict`` fails on)."""
    return repaired_in_place(
        [unit.text for unit in units],
        outputs,
        repair_number_words,
        number_word_problems,
        applies=lambda source: "(" in source,
    )


def _cased(words: str, written: str) -> str:
    """``words`` with a capital first letter where ``written`` has one."""
    return words[:1].upper() + words[1:] if written[:1].isupper() else words
