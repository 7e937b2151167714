"""A source's 12-hour times that a translation writes as another time."""

from __future__ import annotations

import time

import pytest

from ltmt.clock_times import times_as_written, times_changed


@pytest.mark.parametrize(
    ("source", "output", "changed"),
    [
        # the healthcare trial: the glossary's re-decode wrote 9:30 PM as half past nine
        ("Take your 9:30 PM dose now.", "Nimm deine 9.30 Uhr Dosis.", ["9:30 PM"]),
        ("You missed your 8:00 PM dose.", "Sie verpassten Ihre 8:00 Dosis.", ["8:00 PM"]),
        ("Your 8 PM dose is due.", "Deine 8 Uhr Dosis ist fällig.", ["8 PM"]),
        ("Your 8 PM dose is due.", "Deine 8:00 Dosis ist fällig.", ["8 PM"]),
        ("Reminder at 8:00 PM", "Erinnerung um 8:00 AM", ["8:00 PM"]),  # the other half
        ("Reminder at 8:00 AM", "Erinnerung um 8:00 PM", ["8:00 AM"]),
        ("at 12 AM", "um 12 Uhr", ["12 AM"]),  # midnight is 0 Uhr, not noon
        ("8:00 AM \u2013 6:00 PM", "8:00 AM \u2013 6.00 Uhr", ["6:00 PM"]),
        ("8 AM to 8 PM", "8 Uhr bis 8 Uhr", ["8 PM"]),
        ("Take 2 tablets at 2 PM", "Nehmen Sie 2 Tabletten um 2", ["2 PM"]),
        # kept: its AM/PM, the 24-hour clock, a time of day in words
        ("Take your 9:30 PM dose now.", "Nimm dein 9:30 PM jetzt.", []),
        ("You missed your 8:00 PM dose.", "Sie verpassten Ihre 8:00 PM-Dosis.", []),
        ("at 9:30 p.m.", "um 9:30 p. m.", []),
        ("Your 8 PM dose is due.", "Deine 20-Uhr-Dosis ist fällig.", []),
        ("Open until 6:00 PM", "Geöffnet bis 18:00 Uhr", []),
        ("Open until 6:00 PM", "Geöffnet bis 18.00 Uhr", []),
        ("Open until 6:00 PM", "Geöffnet bis 6 Uhr abends", []),
        # a compound's end says it too (a reference pair of the general data: newstest)
        ("published at 8 pm on Sunday", "Sonntagabend 8 Uhr veröffentlicht", []),
        ("Due at 9 PM", "Fällig um 9 Uhr (Weihnachten)", ["9 PM"]),  # no word's inside
        ("8 AM to 8 PM", "8 Uhr bis 20 Uhr", []),
        ("Reminder at 8:00 AM", "Erinnerung um 8:00 Uhr", []),  # a morning's digits are its own
        ("at 12 PM", "um 12 Uhr", []),
        ("at 12 AM", "um 0 Uhr", []),
        ("Take 2 tablets at 2 PM", "Nehmen Sie 2 Tabletten um 14 Uhr", []),
        # digits lost altogether are the numbers check's, not a time changed
        ("Take 2 tablets at 2 PM", "Nehmen Sie 2 Tabletten", []),
        ("Open until 6:00 PM", "Geöffnet", []),
        ("No time here: 8 items", "Keine Zeit: 8 Elemente", []),
        # ifu2 trial, session 74: times of one hour's digits are counted, not blamed one by
        # one; the sentence's full stop is no part of the time
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
            ["8:00 PM"],
        ),
        ("Take one at 8:00 AM and one at 8:00 PM.", "Eine um 8.00 Uhr und eine um 8:00 PM.", []),
        (
            "Take one at 8:00 AM and one at 8:00 PM.",
            "Eine um 8:00 PM und eine um 8:00 PM.",
            ["8:00 AM"],
        ),
        ("Check at 9:00 AM and 9:00 PM.", "Um 9:00 Uhr und 9:00 Uhr prüfen.", ["9:00 PM"]),
        ("Check at 9:00 AM and 9:00 PM.", "Um 9:00 Uhr und 21:00 Uhr prüfen.", []),
    ],
)
def test_times_changed(source: str, output: str, changed: list[str]) -> None:
    assert times_changed(source, output) == changed


@pytest.mark.parametrize(
    ("source", "output", "written"),
    [
        # hubspot trial, session 74: the approved "16 Uhr" for "4 pm" read as lacking the 4
        ("at 4 pm.", "um 16 Uhr.", "at 16 Uhr."),
        ("at 4 pm", "um 16.00 Uhr", "at 16.00"),
        ("at 4 pm", "um 16:00 Uhr", "at 16:00"),
        ("at 4\u00a0pm CET", "um 16\u00a0Uhr MEZ", "at 16\u00a0Uhr CET"),
        ("at 4:00 PM", "um 16 Uhr", "at 16 Uhr"),
        ("at 4:30 PM", "um 16.30 Uhr", "at 16.30"),
        ("at 8 AM", "um 08:00 Uhr", "at 08:00"),
        ("at 12 AM", "um 0 Uhr", "at 0 Uhr"),
        ("at 12 AM", "um 24 Uhr", "at 24 Uhr"),
        ("Your 8 PM dose", "Deine 20-Uhr-Dosis", "Your 20-Uhr dose"),
        # not on the 24-hour clock: as the source writes it
        ("at 4 pm", "um 4 Uhr", "at 4 pm"),
        ("at 4:30 PM", "um 16 Uhr", "at 4:30 PM"),  # other minutes
        ("at 4 pm", "um 16", "at 4 pm"),  # a bare 16 may be any number
        ("at 4 pm", "um 116 Uhr", "at 4 pm"),
        ("no time: 4 items", "16 Uhr", "no time: 4 items"),
    ],
)
def test_times_as_written(source: str, output: str, written: str) -> None:
    assert times_as_written(source, output) == written


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("9 PM " * 20000, "9 Uhr " * 20000),
        ("1:" * 50000 + " PM", "1." * 50000),
        ("9:30 P.M" * 10000, "9:30 p. " * 10000),
        ("x " * 50000, "nacht" * 20000),
        ("8 AM and 8 PM " * 10000, "8 Uhr und 8 Uhr " * 10000),
        ("4 p" * 50000 + "m", "4 Uhr" * 20000),
        ("4 pm " * 1000, "0" * 100000 + "4-Uhr"),
        (
            "".join(f"{h}:{m:02} {x} " for h in range(1, 13) for m in range(60) for x in "AP"),
            "".join(f"{h}.{m:02} Uhr " for h in range(1, 13) for m in range(60)) * 3,
        ),
    ],
)
def test_long_adversarial_lines_are_read_in_linear_time(source: str, output: str) -> None:
    started = time.perf_counter()
    times_changed(source, output)
    times_as_written(source, output)
    assert time.perf_counter() - started < 2.0
