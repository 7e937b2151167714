"""qa's check of Laravel's pipe plurals (:mod:`ltmt.qa.laravel_checks`)."""

from __future__ import annotations

import pytest

from ltmt.qa.laravel_checks import form_problems
from ltmt.qa.number_checks import number_problems

LARAVEL = {"syntax": "laravel"}
RANGES = "{0} There are none|[1,19] There are some|[20,*] There are many"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "one apple|:count apples",
            "ein Apfel, :count Äpfel",
            [
                "has 1 form parted by |, the source 2: Laravel picks a form by the count (one "
                "form shows for every count); write as many"
            ],
        ),
        (
            RANGES,
            "{0} Es gibt keine|[1,20] Es gibt einige|Es gibt viele",
            [
                "changes the intervals of its forms ([1,20] for [1,19], none for [20,*]): "
                "Laravel picks a form by them; keep the source's"
            ],
        ),
        (RANGES, "{0} Keine|[1,19] Einige|[20,*] Viele", []),
        ("one apple|:count apples", "ein Apfel|:count Äpfel", []),
        # Laravel's plural without a count or intervals (trial s75: read as one sentence)
        (
            "There is one apple|There are many apples",
            "Es gibt einen Apfel, der viele Äpfel sind.",
            [
                "has 1 form parted by |, the source 2: Laravel picks a form by the count (one "
                "form shows for every count); write as many"
            ],
        ),
        ("There is one apple|There are many apples", "Es gibt einen Apfel|Es gibt viele Äpfel", []),
    ],
)
def test_form_problems(source: str, target: str, expected: list[str]) -> None:
    assert form_problems(source, target, LARAVEL) == expected
    assert form_problems(source, target, {}) == []  # not a Laravel file's: text


def test_a_laravel_plurals_intervals_are_no_numbers_of_its_text() -> None:
    target = "{0} Es gibt keine|[1,20] Es gibt einige|Es gibt viele"
    assert number_problems(RANGES, target, LARAVEL) == []
    assert number_problems(RANGES, target, {}) != []
