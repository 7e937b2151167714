"""Messages a catalog never gives the model that a 100 % memory match still translates.

A YAML catalog leaves an ICU plural or select to a person (the model broke its braces and
keywords: :mod:`ltmt.formats.yaml_catalog`). A translation of the whole message stored in the
user's memory (imported from an approved XLIFF file, where ltmt takes such messages apart) is
that person's work: on a first run it was left out of the output all the same, though
``ltmt memory search`` showed it as a 100 % match (trial s77). So it was of the messages JSON
and ARB files leave untranslated (ICU quoting, ``#`` of two plurals) and of a Java properties
``choice``. A document of :class:`MemoryOnly` names such messages; :func:`fill_from_memory`
fills those a 100 % match translates as stored, the model never run, and counts them as the
run's exact matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from ltmt.formats.documents import Unit
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import ExactFn, exact_outcomes


@runtime_checkable
class MemoryOnly(Protocol):
    """A document with messages only a 100 % memory match translates (module docstring)."""

    def memory_only_units(self) -> list[Unit]:
        """The messages the model never gets that have no translation yet, one unit each."""
        ...

    def reusable(self, text: str) -> bool:
        """Whether ``text``, a stored translation, may be written as one of them (an ICU
        message that ICU rejects is none)."""
        ...

    def fill_from_memory(self, translations: Mapping[str, str]) -> None:
        """Take ``translations`` (by unit key) as those messages' translations."""
        ...


def fill_from_memory(document: object, exact: ExactFn | None, report: RunReport) -> int:
    """Fill ``document``'s memory-only messages (:class:`MemoryOnly`) that ``exact`` (the
    user's 100 % memory matches; None: no memory) translates, counted in ``report``; returns
    how many were filled."""
    if exact is None or not isinstance(document, MemoryOnly):
        return 0
    units = document.memory_only_units()
    if not units:
        return 0
    outcomes = exact_outcomes(units, exact, report, document.reusable)
    filled = {o.unit.key: o.text for o in outcomes if o.ok and o.text.strip()}
    document.fill_from_memory(filled)
    return len(filled)
