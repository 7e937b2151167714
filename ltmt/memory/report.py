"""The result of an import: what was added, what was already there, what was skipped and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ltmt.wording import counted


@dataclass(frozen=True)
class ImportReport:
    """Counts of one import into one user's memory.

    ``read`` = ``added`` + ``duplicates`` + sum of ``skipped``; ``duplicates`` counts pairs already
    stored (or repeated within the input), ``refreshed`` those of them made the newest
    translation of their source (it had another translation stored since); ``skipped`` maps a
    cleaning reason to its count and ``examples`` gives the position of the first few skipped
    pairs (``file.tsv:12``).
    """

    user: str
    read: int = 0
    added: int = 0
    duplicates: int = 0
    refreshed: int = 0
    skipped: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line: ``u1: 980 added, 15 duplicates (2 made the newest translation of their
        source), 5 skipped (3 length ratio, 2 empty target)``"""
        refreshed = ""
        if self.refreshed:
            its = "its" if self.refreshed == 1 else "their"
            refreshed = f" ({self.refreshed} made the newest translation of {its} source)"
        line = (
            f"{self.user}: {self.added} added, {counted(self.duplicates, 'duplicate')}"
            f"{refreshed}, {self.skipped_total} skipped"
        )
        if self.skipped_total:
            parts = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()) if n)
            line += f" ({parts})"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "refreshed": self.refreshed,
            "skipped": dict(self.skipped),
            "examples": list(self.examples),
        }
