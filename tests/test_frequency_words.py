"""Frequencies said in words (``twice daily``, ``once weekly``, ``the maximum daily dose``) and
the German translations that say another or none (the pharma trial, session 76)."""

from __future__ import annotations

import time

import pytest

from ltmt.frequency_words import (
    Frequency,
    english_frequencies,
    frequency_findings,
    german_counts,
    german_frequency,
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Take 20 mg twice daily.", [Frequency("twice daily", 2, "day", None)]),
        ("Take 20 mg once weekly.", [Frequency("once weekly", 1, "week", None)]),
        ("Take it three times a day.", [Frequency("three times a day", 3, "day", None)]),
        ("Take it 4 times per day.", [Frequency("4 times per day", 4, "day", None)]),
        ("Take it once a month.", [Frequency("once a month", 1, "month", None)]),
        ("Take 20 mg every 8 hours.", [Frequency("every 8 hours", None, "hour", "8")]),
        ("Take it every other day.", [Frequency("every other day", None, "day", "other")]),
        ("The maximum daily dose is 30 mg.", [Frequency("daily", None, "day", None)]),
        ("A dose of 5 mg per week.", [Frequency("per week", None, "week", None)]),
        # a period alone is read only in lower case and beside a number: a name, a span
        ("The New York Daily News said 5 things.", []),
        ("The daily news is read by many.", []),
        ("A day of fishing cost 20 dollars.", []),
        # a count without a period is no frequency
        ("Once installed, click twice.", []),
        ("It is 10 times faster.", []),
    ],
)
def test_english_frequencies(source, expected):
    assert english_frequencies(source) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("20 mg einmal täglich", [1]),
        ("zweimal täglich, dreimal wöchentlich", [2, 3]),
        ("2-mal täglich und 3 x täglich", [2, 3]),
        ("zwei Mal am Tag", [2]),
        ("doppelt täglich", [2]),
        ("die doppelte Dosis", []),  # no count of a period
        ("1920 x 1080 Pixel", []),
    ],
)
def test_german_counts(text, values):
    assert [value for value, _ in german_counts(text)] == values


@pytest.mark.parametrize(
    ("source", "target", "findings"),
    [
        # the trial's fused outputs
        (
            "The recommended dose is 20 mg twice daily.",
            "Die empfohlene Dosis beträgt 20 mg täglich.",
            ["lacks the frequency twice daily: say zweimal täglich"],
        ),
        (
            "The recommended dose is 20 mg once weekly.",
            "Die empfohlene Dosis beträgt 20 mg einmal.",
            ["lacks the frequency once weekly: say einmal wöchentlich"],
        ),
        (
            "Adults (≥ 18 years): 2.5 mg twice daily.",
            "Erwachsene (≥ 18 Jahre): 2,5 mg einmal täglich.",
            ["lacks the frequency twice daily: say zweimal täglich; has einmal instead"],
        ),
        (
            "The recommended dose is 0.5 mg/kg body weight twice daily.",
            "Die empfohlene Dosis beträgt 0,5 mg/kg Körpergewicht zweimal.",
            ["lacks the frequency twice daily: say zweimal täglich"],
        ),
        (
            "The maximum daily dose is 30 mg.",
            "Die maximale Dosis beträgt 30 mg.",
            ["lacks the frequency daily: say täglich"],
        ),
        (
            "15 mg twice daily for 21 days",
            "15 mg täglich 21 Tagen",
            ["lacks the frequency twice daily: say zweimal täglich"],
        ),
        (  # the period's words counted: "21 Tagen" is not "täglich"
            "15 mg twice daily for 21 days",
            "15 mg zweimal 21 Tagen",
            ["lacks the frequency twice daily: say zweimal täglich"],
        ),
        (
            "Take 20 mg once daily.",
            "Nehmen Sie zweimal täglich 20 mg.",
            ["lacks the frequency once daily: say einmal täglich; has zweimal instead"],
        ),
        (
            "Take 20 mg every 8 hours.",
            "Nehmen Sie 20 mg.",
            ["lacks the frequency every 8 hours: say alle 8 Stunden"],
        ),
        # said right, in German's ways
        ("Take 20 mg twice daily.", "Nehmen Sie 20 mg zweimal täglich ein.", []),
        ("Take 20 mg twice daily.", "Nehmen Sie zweimal am Tag 20 mg ein.", []),
        ("Take 20 mg twice daily.", "Nehmen Sie 2-mal täglich 20 mg ein.", []),
        ("Take 20 mg twice daily.", "Nehmen Sie 2 x täglich 20 mg ein.", []),
        ("Take 20 mg twice daily.", "Nehmen Sie 20 mg doppelt täglich.", []),
        ("Take 20 mg three times a day.", "Nehmen Sie dreimal pro Tag 20 mg.", []),
        ("Take 20 mg once weekly.", "Nehmen Sie einmal pro Woche 20 mg.", []),
        ("Take 20 mg once daily.", "Nehmen Sie täglich 20 mg.", []),  # "once" unsaid
        ("Take 20 mg every 8 hours.", "Nehmen Sie alle 8 Stunden 20 mg.", []),
        ("The maximum daily dose is 30 mg.", "Die Tageshöchstdosis beträgt 30 mg.", []),
        ("The maximum daily dose is 30 mg.", "Die maximale Dosis beträgt 30 mg/Tag.", []),
        (
            "15 mg twice daily for 21 days, then 20 mg once daily",
            "15 mg zweimal täglich für 21 Tage, dann 20 mg einmal täglich",
            [],
        ),
        # no frequency in the source: nothing read
        ("Click twice to open it.", "Zum Öffnen einmal klicken.", []),
    ],
)
def test_frequency_findings(source, target, findings):
    assert frequency_findings(source, target) == findings


def test_a_frequency_lost_twice_is_said_once():
    source = "It earns USD 800 per year, and others USD 18 000 per year."
    assert frequency_findings(source, "Er verdient 800 Dollar, andere 18 000 Dollar.") == [
        "lacks the frequency per year: say jährlich"
    ]


@pytest.mark.parametrize(
    ("frequency", "german"),
    [
        (Frequency("twice daily", 2, "day", None), "zweimal täglich"),
        (Frequency("15 times a week", 15, "week", None), "15-mal wöchentlich"),
        (Frequency("every 8 hours", None, "hour", "8"), "alle 8 Stunden"),
        (Frequency("every other day", None, "day", "other"), "jeden zweiten Tag"),
        (Frequency("once every two weeks", 1, "week", "two"), "einmal alle 2 Wochen"),
    ],
)
def test_german_frequency(frequency, german):
    assert german_frequency(frequency) == german


@pytest.mark.parametrize(
    "text",
    [
        "twice " * 20_000,
        "every " * 20_000 + "day",
        "3 " * 20_000 + "times",
        "once a " * 20_000,
        " - times" * 20_000,
    ],
    ids=["counts", "every", "digits", "a period", "dashes"],
)
def test_reading_takes_linear_time(text):
    start = time.perf_counter()
    english_frequencies(text)
    frequency_findings(text, "zweimal mal x " * 20_000 + "2 x " * 20_000)
    assert time.perf_counter() - start < 2.0
