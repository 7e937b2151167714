"""qa's dates check for dates written out: a month the translation changed."""

from __future__ import annotations

import pytest

from ltmt.qa.month_checks import changed_months
from ltmt.qa.pair_checks import date_problems


@pytest.mark.parametrize(
    ("source", "target", "changed"),
    [
        # medical trial, session 63: an expiry date a month off passed
        ("Expires Nov. 30, 2026.", "Gültig bis 30. Okt. 2026.", [("Nov.", "Okt.")]),
        ("Expires November 30, 2026.", "Gültig bis 30. Oktober 2026.", [("November", "Oktober")]),
        ("Expires November 30, 2026.", "Gültig bis 30.10.2026.", [("November", "10")]),
        ("On 5 May 2026", "Am 5. Juni 2026", [("May", "Juni")]),
        # the month kept, however written
        ("Expires Nov. 30, 2026.", "Gültig bis 30. November 2026.", []),
        ("Expires November 30, 2026.", "Gültig bis 30.11.2026.", []),
        ("Expires Dec. 1, 2026.", "Gültig bis 1. Dez. 2026.", []),
        ("On 5 May 2026", "Am 5. Mai 2026", []),
        # no month of a date: a verb, a number of another kind, a month the translation drops
        ("You may 5 times", "Sie dürfen 5 Mal", []),
        ("Version 2.10.2024", "Version 2.10.2024", []),
        ("Expires Nov. 30, 2026.", "Gültig bis Ende 2026.", []),
    ],
)
def test_a_changed_month_of_a_date_is_found(source, target, changed):
    assert changed_months(source, target) == changed


def test_the_dates_check_names_both_months():
    assert date_problems("Expires Nov. 30, 2026.", "Gültig bis 30. Okt. 2026.", {}) == [
        "the date's month Nov. is Okt. in the translation"
    ]
