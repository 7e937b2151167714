"""Entries of a pairs file that its reader did not read as pairs, counted by why.

A PO catalog's fuzzy and untranslated entries, an XLIFF file's units without a translation or
awaiting review, a TMX unit without a target: an import that counted only the pairs it read said
``29 added, 0 skipped`` of a file that held more, and the rest stood in a warning on stderr alone
(its ``--json`` report, and the server's answer, had no field for them). A caller that reports on an
import hands the reader a :class:`NotRead`; the reader counts into it instead of warning (so nothing
is said twice), and the caller puts the counts into its report
(:attr:`ltmt.memory.report.ImportReport.not_read`). A reader given none warns as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# the reason a pair of codes alone (a side without a word outside its placeholders and tags: a
# TMX unit's lone tag, a Handlebars page's ``{{#if trial}}`` or ``{{/each}}``) is left out under
NO_WORDS = "no words"


@dataclass
class NotRead:
    """How many entries of the files read were left out, by reason (``fuzzy``,
    ``untranslated``, ``awaiting review``, ``needing translation``, ``empty target`` ...)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str, count: int = 1) -> None:
        """Count ``count`` entries not read for ``reason``."""
        if count:
            self.counts[reason] += count

    def by_reason(self) -> dict[str, int]:
        """The counts, by reason in alphabetical order (a report's field)."""
        return dict(sorted(self.counts.items()))
