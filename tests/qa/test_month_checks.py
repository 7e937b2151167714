"""qa's dates check for dates written out: a month the translation changed."""

from __future__ import annotations

import pytest

from ltmt.qa.month_checks import changed_months, english_order, lost_months
from ltmt.qa.pair_checks import date_problems


@pytest.mark.parametrize(
    ("source", "target", "changed"),
    [
        # medical trial, session 63: an expiry date a month off passed
        ("Expires Nov. 30, 2026.", "Gültig bis 30. Okt. 2026.", [("Nov.", "Okt.")]),
        ("Expires November 30, 2026.", "Gültig bis 30. Oktober 2026.", [("November", "Oktober")]),
        ("Expires November 30, 2026.", "Gültig bis 30.10.2026.", [("November", "10")]),
        ("On 5 May 2026", "Am 5. Juni 2026", [("May", "Juni")]),
        # a card in capitals (subtitles trial s76: ROMAN for NOVEMBER went unsaid)
        ("BERLIN, NOVEMBER 9, 1989", "BERLIN, 9. OKTOBER 1989", [("NOVEMBER", "OKTOBER")]),
        ("BERLIN, NOVEMBER 9, 1989", "BERLIN, 9. NOVEMBER 1989", []),
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


def test_a_spaced_numeric_dates_other_month_is_named():
    assert changed_months("Released on March 1, 2027", "Erschienen am 1. 4. 2027") == [
        ("March", "4")
    ]


def test_the_dates_check_names_both_months():
    assert date_problems("Expires Nov. 30, 2026.", "Gültig bis 30. Okt. 2026.", {}) == [
        "the date's month Nov. is Okt. in the translation"
    ]


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        # marketing trial, session 65: the month gone, the day and year kept, nothing said
        (
            "Upgrade to Pro for only €19/month until March 1, 2027.",
            "Upgrades für nur €19/month 1, 2027.",
            ["March 1, 2027"],
        ),
        ("On 1 March 2027.", "Am 1 2027.", ["1 March 2027"]),
        # a card in capitals (subtitles trial s76: BERLIN, ROMAN 9, 1989)
        ("BERLIN, NOVEMBER 9, 1989", "BERLIN, ROMAN 9, 1989", ["NOVEMBER 9, 1989"]),
        # the month kept, however written, or changed (changed_months says so)
        ("Until March 1, 2027.", "Bis 1. März 2027.", []),
        ("Until March 1, 2027.", "Bis März 1, 2027.", []),
        ("Until March 1, 2027.", "Bis 01.03.2027.", []),
        ("Until March 1, 2027.", "Bis 1. April 2027.", []),
        # regression trial D, session 65: a spaced numeric date writes its month too
        ("Released on March 1, 2027", "Erschienen am 1. 3. 2027", []),
        ("Released on March 1, 2027", "Erschienen am 1.\u00a03.\u00a02027", []),
        # a number lost too: the numbers check's
        ("Until March 1, 2027.", "Bis Ende 2027.", []),
    ],
)
def test_a_written_dates_lost_month_is_found(source, target, lost):
    assert lost_months(source, target) == lost


def test_the_dates_check_says_the_month_is_gone():
    source = "Upgrade to Pro for only €19/month until March 1, 2027."
    assert date_problems(source, "Upgrades für nur €19/month 1, 2027.", {}) == [
        "the date March 1, 2027 has no month in the translation: write the month"
    ]


@pytest.mark.parametrize(
    ("target", "found"),
    [
        # marketing trial, session 65: the model kept English's order
        ("Bis März 1, 2027.", [("März 1, 2027", "1. März 2027")]),
        ("Endet Okt. 3 2026", [("Okt. 3 2026", "3. Okt. 2026")]),
        ("BIS MÄRZ 1, 2027", [("MÄRZ 1, 2027", "1. MÄRZ 2027")]),
        # German's order, a month and a year, a name English writes alike
        ("Bis 1. März 2027.", []),
        ("Ab März 2027 gilt 1 Preis.", []),
        ("Bis April 1, 2027.", []),
    ],
)
def test_a_german_month_in_english_order_is_found(target, found):
    assert english_order(target) == found


def test_the_dates_check_says_to_write_german_order():
    assert date_problems("Until March 1, 2027.", "Bis März 1, 2027.", {}) == [
        "the date März 1, 2027 is in English order: write 1. März 2027"
    ]
