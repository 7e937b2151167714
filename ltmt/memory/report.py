"""The result of an import: what was added, what was already there, what was skipped and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ltmt.wording import agreeing, counted


@dataclass(frozen=True)
class ImportReport:
    """Counts of one import into one user's memory.

    ``read`` = ``added`` + ``duplicates`` + sum of ``skipped``; ``duplicates`` counts pairs already
    stored (or repeated within the input), ``refreshed`` those of them made the newest
    translation of their source (it had another translation stored since); ``older`` counts the
    pairs added dated before the stored translation of their source, which stays the one
    reused (one stored already, an alternative already, is not counted again:
    :mod:`ltmt.memory.dated`); ``skipped`` maps a cleaning reason to its count and
    ``examples`` gives the position of the first few skipped pairs (``file.tsv:12``).
    ``not_read`` maps a reason to the count of the file's entries that were never read as
    pairs (``fuzzy``, ``untranslated``: :mod:`ltmt.formats.not_read`), which ``read`` does not
    count.
    """

    user: str
    read: int = 0
    added: int = 0
    duplicates: int = 0
    refreshed: int = 0
    older: int = 0
    skipped: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    not_read: Mapping[str, int] = field(default_factory=dict)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line: ``u1: 980 added, 15 duplicates (2 made the newest translation of their
        source), 5 skipped (3 length ratio, 2 empty target); 4 older than the stored translation:
        kept as alternatives; not read: 24 fuzzy, 22 untranslated``"""
        refreshed = ""
        if self.refreshed:
            its = "its" if self.refreshed == 1 else "their"
            refreshed = f" ({self.refreshed} made the newest translation of {its} source)"
        line = (
            f"{self.user}: {self.added} added, {counted(self.duplicates, 'duplicate')}"
            f"{refreshed}, {self.skipped_total} skipped"
        )
        if self.skipped_total:
            line += f" ({_by_reason(self.skipped)})"
        if self.older:
            line += f"; {self.older} older than the stored translation: kept as alternatives"
        if any(self.not_read.values()):
            line += f"; not read: {_by_reason(self.not_read)}"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "refreshed": self.refreshed,
            "older": self.older,
            "skipped": dict(self.skipped),
            "examples": list(self.examples),
            "not_read": dict(self.not_read),
        }


def _by_reason(counts: Mapping[str, int]) -> str:
    """``3 length ratio, 2 empty target``: the counts that are not 0, by reason, each said in
    its count's number (:func:`~ltmt.wording.agreeing`)."""
    return ", ".join(f"{n} {agreeing(reason, n)}" for reason, n in sorted(counts.items()) if n)
