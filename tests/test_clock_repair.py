"""The repair of a 12-hour time a German translation writes as another time of day."""

from __future__ import annotations

import time

import pytest

from ltmt.clock_halves import marker_after
from ltmt.clock_repair import repair_clock_times, repair_times
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("source", "output", "repaired"),
    [
        # regtimes trial, session 74: a time that says its half takes the source's time of
        # that half, and the place left over the other one, whatever their order
        (
            "Take it at 8 PM, not at 8 AM.",
            "Nehmen Sie sie nicht um 8 AM, sondern um 8 Uhr.",
            "Nehmen Sie sie nicht um 8 AM, sondern um 20 Uhr.",
        ),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die 8:00 AM-Dosis vergessen haben, nehmen Sie sie um 8 Uhr.",
            "Wenn Sie die 8:00 AM-Dosis vergessen haben, nehmen Sie sie um 20 Uhr.",
        ),
        (
            "Call us at 8 PM if nobody answered at 8 AM.",
            "Wenn um 8 Uhr morgens niemand geantwortet hat, rufen Sie uns um 8 Uhr.",
            "Wenn um 8 Uhr morgens niemand geantwortet hat, rufen Sie uns um 20 Uhr.",
        ),
        (
            "Open at 8 AM, closed at 8 PM.",
            "Um 8 Uhr geschlossen, um 8 Uhr früh geöffnet.",
            "Um 20 Uhr geschlossen, um 8 Uhr früh geöffnet.",
        ),
        # a time in a URL is none: the URL stays as it is
        (
            "Join at 8 PM via https://ex.com/join-8am-group.",
            "Über https://ex.com/join-8am-group um 8 Uhr beitreten.",
            "Über https://ex.com/join-8am-group um 20 Uhr beitreten.",
        ),
        (
            "Back up at 9 PM to /srv/9pm",
            "Um 9 Uhr nach /srv/9pm sichern",
            "Um 21 Uhr nach /srv/9pm sichern",
        ),
        # an AM/PM after Uhr goes with the rewritten hour: the 24-hour clock says it
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr PM.", "Abendessen um 20 Uhr."),
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr p.m.", "Abendessen um 20 Uhr."),
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr (PM).", "Abendessen um 20 Uhr."),
        ("Dinner at 8 PM", "Um 8 Uhr p. m. Ortszeit", "Um 20 Uhr Ortszeit"),
        (
            "Your reservation: Friday, 7 PM.",
            "Deine Bedenken: Freitag, 7 Uhr PM.",
            "Deine Bedenken: Freitag, 19 Uhr.",
        ),
        ("Dinner at 8 PM", "Essen um 8 Uhr am Montag", "Essen um 20 Uhr am Montag"),  # German am
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
        # regtimes trial, session 74: which of two places of one hour's digits is the evening
        # cannot be told where neither says its half (German often puts the second clause
        # first): unchanged, where in-order pairing wrote "if you forgot the 20:00 dose"
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr vergessen haben, nehmen Sie sie um 8 Uhr.",
            "Wenn Sie die Dosis um 8 Uhr vergessen haben, nehmen Sie sie um 8 Uhr.",
        ),
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
        ),
        # a time that says the other half is never turned where the source has both halves
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
        ),
        (
            "Take it at 8 PM, not at 8 AM.",
            "Nehmen Sie sie um 8 AM, nicht um 8 AM.",
            "Nehmen Sie sie um 8 AM, nicht um 8 AM.",
        ),
        # nor written on the 24-hour clock against its word: 20 Uhr morgens says no time
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr morgens.", "Abendessen um 8 Uhr morgens."),
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr AM.", "Abendessen um 8 Uhr AM."),
        # the model's crossed output (today's repair wrote it): left, and counted (below)
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 20 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            "Wenn Sie die Dosis um 20 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
        ),
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
        # regtimes trial, session 74: each was "repaired" into the wrong or a self-contradicting
        # time, so --strict passed; now each is left and counted as not repairable
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
        ),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr vergessen haben, nehmen Sie sie um 8 Uhr.",
        ),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 20 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
        ),
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr morgens."),
        ("Dinner at 8 PM.", "Abendessen um 20 Uhr morgens."),
    ],
)
def test_a_time_whose_pairing_or_half_cannot_be_told_is_counted_not_repairable(
    source: str, output: str
) -> None:
    outputs = [output]
    assert repair_clock_times([Unit(0, source)], outputs) == (set(), {0})
    assert outputs == [output]


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("9 PM " * 20000, "9 Uhr " * 20000),
        ("8 PM " * 20000, "8 Uhr PM " * 20000),
        ("8 AM and 8 PM " * 10000, "8 Uhr morgens und 8 Uhr " * 10000),
        ("8 PM " * 20000, "20 Uhr morgens " * 20000),
        ("at 8 PM x-" * 20000, "a-" * 50000 + "8 Uhr"),
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


def test_german_am_after_a_bare_hour_is_no_am_to_turn() -> None:
    # ``um 8 am Montag`` says "at 8 on Monday"; turning its ``am`` writes ``8 pm Montag``
    assert repair_times("Dinner at 8 PM", "Essen um 8 am Montag") != "Essen um 8 pm Montag"


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("um 8 am Montag", None),
        ("um 8 am 24. Mai", None),
        ("um 8 am Abend", None),
        ("um 8 am.", "a"),
        ("um 8am Montag", "a"),
        ("um 8 AM Montag", "A"),
        ("um 8 am und 8 pm", "a"),
    ],
)
def test_an_am_marker_is_no_german_am(text: str, half: str | None) -> None:
    found = marker_after(text, text.index("8") + 1)
    assert (found["half"] if found else None) == half
