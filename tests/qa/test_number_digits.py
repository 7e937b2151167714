"""A number as qa's checks compare a source's with its translation's: its digits alone."""

from __future__ import annotations

import pytest

from ltmt.qa.number_digits import digits_of


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1,299.99", "129999"),
        ("1.299,99", "129999"),
        ("1\u202f299.99", "129999"),
        ("0.5", "05"),  # a leading zero stays: 0.5 is not 5
        ("0,50", "050"),
        ("3/4", "34"),
        ("0", "0"),
    ],
)
def test_a_number_is_its_digits_without_separators(number: str, expected: str) -> None:
    assert digits_of(number) == expected
