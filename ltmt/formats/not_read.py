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

from ltmt.wording import agreeing

# the reason a pair of codes alone (a side without a word outside its placeholders and tags: a
# TMX unit's lone tag, a Handlebars page's ``{{#if trial}}`` or ``{{/each}}``) is left out under
NO_WORDS = "no words"
# the reason an entry with a source and no translation (an empty cell of a table's target
# column, a key the translated file lacks or leaves empty) is left out under: the count that
# tells a user who imported the untranslated export (:func:`no_translations`)
UNTRANSLATED = "untranslated"


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

    def described(self) -> str:
        """``2 awaiting review, 1 untranslated``: the counts that are not 0, by reason in
        alphabetical order, each said in its count's number."""
        counts = self.by_reason().items()
        return ", ".join(f"{n} {agreeing(reason, n)}" for reason, n in counts if n)


def no_translations(path: object, not_read: NotRead | None) -> str | None:
    """The one-line error of the file ``path`` that made no pair because each of its entries
    with a source is untranslated, as ``not_read`` counted them (an untranslated export
    imported by mistake); None where it counted none, or others too (fuzzy ones)."""
    counts = not_read.counts if not_read is not None else Counter[str]()
    untranslated = counts[UNTRANSLATED]
    if not untranslated or any(n for reason, n in counts.items() if reason != UNTRANSLATED):
        return None  # (fuzzy ones too: the old "no translated entries" says them)
    entries = "entry" if untranslated == 1 else "entries"
    return (
        f"{path}: the file holds no translations ({untranslated} {entries} without one): is "
        "it the untranslated export? import the translated file"
    )


def none_read(path: object, not_read: NotRead | None) -> str | None:
    """The one-line error of the file ``path`` that made no pair although ``not_read`` counted
    entries it left out, saying how many and why (``2 awaiting review``); None where it counted
    none (an empty file). Those all untranslated are :func:`no_translations`'s. "no translated
    entries: untranslated and fuzzy ones are not read" was said of a file of XLIFF segments
    awaiting review (trial s77), which are neither."""
    if not_read is None or not any(not_read.counts.values()):
        return None
    return (
        f"{path}: no segments found: {not_read.described()} not read (only finished "
        "translations are read: review or translate those entries in the file first)"
    )
