"""A line that names a day or a month in English gets CLDR's name for it (Babel's data)."""

from __future__ import annotations

import pytest

from ltmt.calendar_names import calendar_name, month_names, month_number


@pytest.mark.parametrize(
    ("line", "target", "expected"),
    [
        # what the shipped model got wrong in Django's catalog
        ("May", "de", "Mai"),
        ("may", "de", "Mai"),
        ("Mon", "de", "Mo"),
        ("Sun", "de", "So"),
        ("Feb.", "de", "Feb."),  # with its period: as written within a date
        ("Mar.", "de", "März"),
        ("Dec.", "de", "Dez."),
        ("dec", "de", "Dez"),  # German writes its nouns with a capital
        ("Monday", "de", "Montag"),
        ("March", "de", "März"),
        # the common abbreviations CLDR does not list
        ("Sept", "de", "Sep"),
        ("Thur", "de", "Do"),
        ("Tues", "de", "Di"),
        # capitals stay capitals; French writes them in lower case
        ("MON", "de", "MO"),
        ("Monday", "fr", "lundi"),
        ("Monday", "de-AT", "Montag"),
    ],
)
def test_a_day_or_month_gets_the_target_languages_name(line, target, expected):
    assert calendar_name(line, target) == expected


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("M", "de"),  # an initial: ambiguous
        ("Open", "de"),
        ("May 2024", "de"),  # more than the name
        ("Mo", "de"),
        ("Monday", "xx"),  # a language Babel has no data for
    ],
)
def test_other_lines_get_no_name(line, target):
    assert calendar_name(line, target) is None


def test_month_numbers_and_names():
    assert [month_number(n) for n in ("March", "Mar", "Mar.", "Sept", "Monday", "Version")] == [
        3,
        3,
        3,
        9,
        None,
        None,
    ]
    assert (month_names("de")["März"], month_names("de")["Okt."], month_names("xx")) == (3, 10, {})
