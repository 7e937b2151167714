"""A source's 12-hour times that a translation writes as another time."""

from __future__ import annotations

import time

import pytest

from ltmt.clock_times import in_identifier, times_as_written, times_changed


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
        # regtimes trial, session 74: a word for the time of day after a time says its half
        # (its place is that half's), and the 24-hour clock with the other's says no time
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            ["8 PM"],
        ),
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 20 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
            ["8 PM"],
        ),
        ("Dinner at 8 PM.", "Abendessen um 20 Uhr morgens.", ["8 PM"]),
        ("Dinner at 8 AM.", "Frühstück um 8 Uhr abends.", ["8 AM"]),
        ("Dinner at 8 PM.", "Abendessen um 8 Uhr PM.", ["8 PM"]),  # German writes 20 Uhr
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 20 Uhr.",
            [],
        ),
        ("Dinner at 8 PM.", "Abendessen um 20 Uhr abends.", []),
        ("Up at 6 AM.", "Um 6 Uhr früh aufstehen.", []),
        ("Call at 11 PM.", "Um 11 Uhr nachts anrufen.", []),
        # a time in a URL or an identifier is none, in the source or the translation
        (
            "Join at 8 PM via https://ex.com/join-8am-group.",
            "Über https://ex.com/join-8am-group um 20 Uhr beitreten.",
            [],
        ),
        (
            "Join at 8 PM via https://ex.com/join-8am-group.",
            "Über https://ex.com/join-8am-group um 8 Uhr beitreten.",
            ["8 PM"],
        ),
        ("Open 9AM-5PM", "Geöffnet 9-5 Uhr", ["5PM"]),  # a range's AM is no word before
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
        ("8 PM " * 20000, "20 Uhr morgens " * 20000),
        ("8 PM " * 20000, "a-8 Uhr " * 20000),
        ("a" * 100000 + "-8 PM", "b" * 100000 + "-8 Uhr"),
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


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("https://ex.com/join-8am-group", True),
        ("/srv/backup/9pm", True),
        ("slot_8am", True),
        ("?at=8pm", True),
        ("9AM-5PM", False),  # a range
        ("9 a.m.-5 p.m.", False),
        ("Mo-Fr 8 Uhr", False),
        ("24/7", False),  # digits before the slash: no word
        ("8-Uhr-Dosis", False),
    ],
)
def test_a_time_joined_to_a_word_before_it_is_in_an_identifier(text: str, joined: bool) -> None:
    digits = [n for n, character in enumerate(text) if character.isdigit()]
    last = max(n for n in digits if n == 0 or not text[n - 1].isdigit())
    assert in_identifier(text, last) is joined
