"""The repair of a 12-hour time a German translation writes as another time of day."""

from __future__ import annotations

import time

import pytest

from ltmt.clock_repair import repair_clock_times, repair_times
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("source", "output", "repaired"),
    [
        # ifu2 trial, session 74: the evening dose written as a second morning one
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 20.00 Uhr.",
        ),
        (
            "Check the line at 9:00 AM and 9:00 PM.",
            "Die Leitung um 9:00 Uhr und 9:00 Uhr prüfen.",
            "Die Leitung um 9:00 Uhr und 21:00 Uhr prüfen.",
        ),
        # hubspot trial, session 74: 4 pm written as 4 a.m.
        ("It starts at 4 pm CET.", "Es beginnt um 4 Uhr CET.", "Es beginnt um 16 Uhr CET."),
        ("Your 8 PM dose", "Deine 8-Uhr-Dosis", "Deine 20-Uhr-Dosis"),
        ("at 08:30 PM", "um 08:30 Uhr", "um 20:30 Uhr"),
        ("at 12 AM", "um 12 Uhr", "um 0 Uhr"),
        ("at 12:30 AM", "um 12:30 Uhr", "um 0:30 Uhr"),
        ("Reminder at 8:00 PM", "Erinnerung um 8:00 AM", "Erinnerung um 8:00 PM"),
        ("Reminder at 8:00 AM", "Erinnerung um 8:00 pm", "Erinnerung um 8:00 am"),
        ("8:00 AM \u2013 6:00 PM", "8:00 AM \u2013 6.00 Uhr", "8:00 AM \u2013 18.00 Uhr"),
        (
            "Take 2 tablets at 2 PM",
            "Nehmen Sie 2 Tabletten um 2 Uhr",
            "Nehmen Sie 2 Tabletten um 14 Uhr",
        ),
        # right as it is: unchanged
        ("at 12 PM", "um 12 Uhr", "um 12 Uhr"),
        ("at 8 PM", "um 8 Uhr abends", "um 8 Uhr abends"),
        ("at 8 AM and 8 PM", "um 8 Uhr und 20 Uhr", "um 8 Uhr und 20 Uhr"),
        # which digits are the time cannot be told: unchanged (the translator counts it)
        (
            "It starts on 19 December at 4 pm.",
            "Am 4. Dezember beginnt es.",
            "Am 4. Dezember beginnt es.",
        ),
        ("Take 2 tablets at 2 PM", "Nehmen Sie 2 Tabletten um 2", "Nehmen Sie 2 Tabletten um 2"),
        ("Give 8.00 mL at 8 PM", "8.00 ml um 8 Uhr geben", "8.00 ml um 8 Uhr geben"),
        ("at 8 AM and 8 PM", "um 8 Uhr", "um 8 Uhr"),
    ],
)
def test_repair_times(source: str, output: str, repaired: str) -> None:
    assert repair_times(source, output) == repaired


def test_repair_clock_times_says_which_outputs_it_repaired_and_which_stay_wrong() -> None:
    # hubspot trial, session 74: the model's own output for a line whose match it left out
    sources = ["at 4 pm", "on 19 December at 4 pm", "at 4 pm", "Open the file"]
    outputs = ["um 4 Uhr", "Am 4. Dezember am 19. Dezember", "um 16 Uhr", "Datei öffnen"]
    units = [Unit(n, text) for n, text in enumerate(sources)]
    assert repair_clock_times(units, outputs) == ({0}, {1})
    assert outputs == ["um 16 Uhr", "Am 4. Dezember am 19. Dezember", "um 16 Uhr", "Datei öffnen"]


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("9 PM " * 20000, "9 Uhr " * 20000),
        ("8 AM and 8 PM " * 10000, "8 Uhr und 8 Uhr " * 10000),
        ("1:" * 50000 + " PM", "1." * 50000),
        ("4 pm " * 1000, "0" * 100000 + "4-Uhr"),
        # every time of the clock, many times over
        (
            "".join(f"{h}:{m:02} {x} " for h in range(1, 13) for m in range(60) for x in "AP"),
            "".join(f"{h}.{m:02} Uhr " for h in range(1, 13) for m in range(60)) * 3,
        ),
    ],
)
def test_long_adversarial_lines_are_repaired_in_linear_time(source: str, output: str) -> None:
    started = time.perf_counter()
    repair_times(source, output)
    assert time.perf_counter() - started < 2.0
