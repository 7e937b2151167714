"""Which spans a stretch of text touches, by binary search (:mod:`ltmt.terminology.span_lookup`),
checked against the plain scan it replaces."""

from __future__ import annotations

import itertools

import pytest

from ltmt.terminology.span_lookup import SpanLookup

# unsorted, overlapping, nested and empty spans
SPANS = [(10, 14), (2, 5), (3, 4), (20, 20), (12, 30), (40, 41)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 2, False),  # ends where a span starts
        (0, 3, True),
        (5, 10, False),  # between two spans, touching both
        (4, 5, True),
        (19, 21, True),  # an empty span inside
        (20, 21, True),  # a longer span covers it
        (31, 40, False),
        (41, 50, False),
    ],
)
def test_overlaps(start: int, end: int, expected: bool) -> None:
    assert SpanLookup(SPANS).overlaps(start, end) is expected


@pytest.mark.parametrize(
    ("position", "expected"),
    [(2, False), (3, True), (5, False), (12, True), (30, False), (40, False), (41, False)],
)
def test_crosses(position: int, expected: bool) -> None:
    assert SpanLookup(SPANS).crosses(position) is expected


def test_no_spans_touch_nothing() -> None:
    lookup = SpanLookup([])
    assert not lookup
    assert not lookup.overlaps(0, 10)
    assert not lookup.crosses(5)


def test_every_answer_is_the_plain_scans() -> None:
    for start, end in itertools.combinations(range(-1, 44), 2):
        scan = any(s < end and start < e for s, e in SPANS)
        assert SpanLookup(SPANS).overlaps(start, end) is scan, (start, end)
    for position in range(-1, 44):
        scan = any(s < position < e for s, e in SPANS)
        assert SpanLookup(SPANS).crosses(position) is scan, position
