"""A US date or 12-hour time of a source, written as the translation writes it in German."""

from __future__ import annotations

import pytest

from ltmt.qa.date_numbers import as_translated, time_problems
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


@pytest.mark.parametrize(
    ("source", "target", "times"),
    [
        # healthcare trial, session 73: an evening time's digits kept as another time of day
        (
            "You missed your 8:00 PM dose.",
            "Sie haben Ihre Dosis um 8:00 verpasst.",
            [("8:00 PM", "20:00 Uhr")],
        ),
        (
            "You missed your 8:00 PM dose.",
            "Sie haben Ihre Dosis um 8:00 Uhr verpasst.",
            [("8:00 PM", "20:00 Uhr")],
        ),
        ("Reminder at 8:00 PM", "Erinnerung um 8:00 AM", [("8:00 PM", "20:00 Uhr")]),
        ("Reminder at 8 PM", "Erinnerung um 8 Uhr", [("8 PM", "20 Uhr")]),
        # the German form as the translation writes its times: with a full stop
        ("Open until 6:00 PM", "Geöffnet bis 6.00 Uhr", [("6:00 PM", "18.00 Uhr")]),
        ("8:00 AM \u2013 6:00 PM", "8:00 AM \u2013 6.00 Uhr", [("6:00 PM", "18:00 Uhr")]),
        ("at 12 AM", "um 12 Uhr", [("12 AM", "0 Uhr")]),
        ("at 12:30 AM", "um 12:30 Uhr", [("12:30 AM", "0:30 Uhr")]),
        # ifu2 trial, session 74: the evening time named, not its sentence's full stop, nor
        # the morning time written as German writes it
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
            [("8:00 PM", "20.00 Uhr")],
        ),
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Um 8.00 Uhr und um 8:00 PM.",
            [],
        ),
        ("The webinar starts at 4 pm.", "Das Webinar beginnt um 4 Uhr.", [("4 pm", "16 Uhr")]),
        # regtimes trial, session 74: the old repair's crossed output passed ("nothing found")
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 20 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            [("8 PM", "20 Uhr")],
        ),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            [("8 PM", "20 Uhr")],
        ),
        ("Dinner at 7 PM.", "Essen um 19 Uhr morgens.", [("7 PM", "19 Uhr")]),
        ("Dinner at 7 PM.", "Essen um 7 Uhr PM.", [("7 PM", "19 Uhr")]),
        # kept: the 24-hour clock, its AM/PM, a word for the time of day, a morning's digits
        ("You missed your 8:00 PM dose.", "Sie haben Ihre Dosis um 20:00 Uhr verpasst.", []),
        ("Reminder at 8 PM", "Erinnerung um 20 Uhr", []),
        ("Reminder at 8:00 PM", "Erinnerung um 8:00 PM", []),
        ("Open until 6:00 PM", "Geöffnet bis 18.00 Uhr", []),
        ("Open 8:00 AM \u2013 6:00 PM", "Geöffnet 8:00\u201318:00 Uhr", []),
        ("Reminder at 8 PM", "Erinnerung um 8 Uhr abends", []),
        ("Reminder at 8:00 AM", "Erinnerung um 8:00 Uhr", []),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 20 Uhr.",
            [],
        ),
        # the digits lost altogether: the numbers check's "lacks the number"
        ("Reminder at 8 PM", "Erinnerung", []),
    ],
)
def test_a_12_hour_time_written_as_another_time_of_day_is_found(source, target, times):
    """Each with the German 24-hour form to write: ``lacks the time 8:00 PM: ...; write 20:00
    Uhr``."""
    assert time_problems(source, target) == [
        f"lacks the time {time}: the translation writes it as another time of day; write {clock}"
        for time, clock in times
    ]


def test_the_numbers_check_says_a_time_moved_by_twelve_hours_once():
    """8:00 for 8:00 PM kept every digit, so the numbers check passed it."""
    assert number_problems("You missed your 8:00 PM dose.", "Dosis um 8:00 verpasst.", {}) == [
        "lacks the time 8:00 PM: the translation writes it as another time of day; write 20:00 Uhr"
    ]
    assert number_problems("Reminder at 8 PM", "Erinnerung um 20 Uhr", {}) == []
    # a time whose digits are gone is a lost number, not a time moved
    assert number_problems("Reminder at 8 PM", "Erinnerung um 9 Uhr", {}) == [
        "lacks the number 8; has 9, which the source does not"
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # hubspot trial, session 74: an approved "16 Uhr" for "4 pm" read as lacking the 4
        (
            "The webinar starts on 12 December at 4 pm.",
            "Das Webinar beginnt am 12. Dezember um 16 Uhr.",
        ),
        (
            "Thursday, 12\u00a0December at 4\u00a0pm CET",
            "Donnerstag, 12.\u00a0Dezember, um 16\u00a0Uhr MEZ",
        ),
        ("at 4 pm", "um 16.00 Uhr"),
        ("at 4 pm", "um 16:00 Uhr"),
        ("at 4:00 PM", "um 16 Uhr"),
        ("at 4:00 PM", "um 16.00 Uhr"),
        ("at 8 AM", "um 8 Uhr"),
        ("at 8:00 AM", "um 08:00 Uhr"),
        ("at 12 AM", "um 24 Uhr"),
        ("Your 8 PM dose is due.", "Deine 20-Uhr-Dosis ist fällig."),
    ],
)
def test_the_numbers_check_takes_a_time_on_the_24_hour_clock_for_the_same(source, target):
    assert number_problems(source, target, {}) == []


def test_the_numbers_check_says_a_morning_time_written_for_an_afternoon_one():
    assert number_problems("at 4 pm", "um 4 Uhr", {}) == [
        "lacks the time 4 pm: the translation writes it as another time of day; write 16 Uhr"
    ]
