"""A US date or 12-hour time of a source, written as the translation writes it in German."""

from __future__ import annotations

import pytest

from ltmt.qa.date_numbers import as_translated
from ltmt.qa.number_checks import number_problems


@pytest.mark.parametrize(
    ("source", "target", "written"),
    [
        ("On 3/14/2024", "Am 14.03.2024", "On 14.03.2024"),
        ("On 3/14/2024", "Am 14.3.2024", "On 14.3.2024"),
        ("On 3/14/2024", "Am 14. März 2024", "On 14. März 2024"),
        ("starts at 2:30 PM", "beginnt um 14:30 Uhr", "starts at 14:30"),
        ("starts at 2:30 p.m.", "beginnt um 14.30 Uhr", "starts at 14.30"),
        ("at 2 PM", "um 14 Uhr", "at 14 Uhr"),
        ("at 12 AM", "um 0 Uhr", "at 0 Uhr"),
        ("at 12:15 PM", "um 12:15 Uhr", "at 12:15"),
        ("at 9:05 am", "um 09:05 Uhr", "at 09:05"),
        # another date or time in the translation: as written, the numbers check's to flag
        ("On 3/14/2024", "Am 14.04.2024", "On 3/14/2024"),
        ("starts at 2:30 PM", "beginnt um 2:30 Uhr", "starts at 2:30 PM"),
        # no month 14: no US date
        ("On 14/3/2024", "Am 14.3.2024", "On 14/3/2024"),
    ],
)
def test_a_us_date_or_time_is_read_as_the_translation_writes_it(source, target, written):
    assert as_translated(source, target) == written


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # qa trial, session 64: correctly localised dates and times were lost numbers
        ("On 3/14/2024", "Am 14.03.2024", []),
        ("starts at 2:30 PM", "beginnt um 14:30 Uhr", []),
        (
            "On 3/14/2024",
            "Am 15.03.2024",
            ["lacks the number 3/14/2024; has 15.03.2024, which the source does not"],
        ),
    ],
)
def test_the_numbers_check_takes_a_localised_date_or_time_for_the_same(source, target, problems):
    assert number_problems(source, target, {}) == problems
