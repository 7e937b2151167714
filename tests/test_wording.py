"""Counts in what ltmt prints take the noun's number."""

from __future__ import annotations

import pytest

from ltmt.wording import counted


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (1, "segment", None, "1 segment"),
        (0, "segment", None, "0 segments"),
        (2, "segment", None, "2 segments"),
        (1, "entry", "entries", "1 entry"),
        (3, "entry", "entries", "3 entries"),
        (1, "index posting", None, "1 index posting"),
    ],
)
def test_counted(count, singular, plural, expected):
    assert counted(count, singular, plural) == expected
