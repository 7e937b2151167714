"""Translating a document's units: the suggestions a memory match does not replace."""

from __future__ import annotations

from ltmt.formats.documents import Unit
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import reuse_exact


def test_a_fuzzy_plural_entry_kept_counts_once() -> None:
    """Two forms of one fuzzy entry were counted as two suggestions kept."""
    units = [
        Unit("1#0", "%d entry", entry="1", form=0, suggestion=True),
        Unit("1#1", "%d entries", entry="1", form=1, suggestion=True),
        Unit("2", "Search entries", suggestion=True),
    ]
    report = RunReport()
    assert reuse_exact(units, lambda sources, _: [None] * len(sources), report) == []
    assert report.suggestions_kept == 2
