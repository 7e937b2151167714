"""Which of a text's spans a stretch of it touches, asked in logarithmic time.

:class:`~ltmt.terminology.matching.TermMatcher` asks, for each word and each term length, whether
the words touch a placeholder, an identifier or a slug. Scanning every span for every word took
time in the product of the two: a line of 10,000 options or identifiers (a minified file, a
long log line) stalled ``ltmt translate`` and ``ltmt qa``. The spans, sorted once by start with
the running maximum of their ends, answer each question with a binary search.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanLookup:
    """``(start, end)`` spans of a text, in any order and possibly overlapping, for the two
    questions :meth:`overlaps` and :meth:`crosses` (half-open spans: ``text[start:end]``)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # the greatest end among the first i + 1 spans
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def _furthest_end_before(self, position: int) -> int:
        """The greatest end among the spans that start before ``position`` (-1 where none)."""
        count = bisect.bisect_left(self._starts, position)
        return self._reach[count - 1] if count else -1

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span has a character in ``[start, end)``, or lies empty inside it:
        ``s < end and start < e``."""
        return self._furthest_end_before(end) > start

    def crosses(self, position: int) -> bool:
        """Whether a span starts before ``position`` and ends after it: ``s < position < e``,
        a stretch that begins or ends at ``position`` holding part of the span, not all."""
        return self._furthest_end_before(position) > position
