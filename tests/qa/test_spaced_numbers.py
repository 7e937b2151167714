"""A number of digit groups split by spaces is said whole where the translation writes one."""

from __future__ import annotations

import pytest

from ltmt.qa.number_checks import number_problems
from ltmt.qa.spaced_numbers import said_whole


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # a fintech trial (session 70) was told "lacks the number 456; has 123 465"
        (
            "Your 2FA code: 123 456",
            "Ihr 2FA-Code: 123 465",
            ["lacks the number 123 456; has 123 465, which the source does not"],
        ),
        (
            "Card 4242 4242 4242 4242",
            "Karte 4242 4242 4242 4224",
            [
                "lacks the number 4242 4242 4242 4242; has 4242 4242 4242 4224, which the "
                "source does not"
            ],
        ),
        ("Your 2FA code: 123 456", "Ihr 2FA-Code: 123 456", []),
        # written otherwise, the number is compared by its runs, as before
        ("Your 2FA code: 123 456", "Ihr 2FA-Code: 123456", ["lacks the number 123, 456"]),
        (
            "Pay in 3 days",
            "Zahlen Sie in 4 Tagen",
            ["lacks the number 3; has 4, which the source does not"],
        ),
    ],
)
def test_a_spaced_number_changed_is_said_whole(source: str, target: str, expected: list[str]):
    assert number_problems(source, target, {}) == expected


def test_only_groups_of_the_same_shape_are_read_as_one_number():
    # 123 456 against 12 345: no spaced number of its groups in the translation
    assert said_whole(["456"], ["12", "345"], "Code 123 456", "Code 12 345") == (
        ["456"],
        ["12", "345"],
    )
