"""The half of the day a German translation says right after a time's digits."""

from __future__ import annotations

import time

import pytest

from ltmt.clock_halves import Said, StatedHalf, contradicts_24_hour
from ltmt.clock_times import ClockDigits


def _stated(text: str, hour: int) -> StatedHalf | None:
    digits = ClockDigits(text)
    [place] = digits.places(hour, None)
    return digits.stated_half(place)


@pytest.mark.parametrize(
    ("text", "hour", "after_noon", "said", "says"),
    [
        ("um 8 AM", 8, False, Said.MARKER, "AM"),
        ("die 8:00 AM-Dosis", 8, False, Said.MARKER, "AM"),
        ("um 8 p.m.", 8, True, Said.MARKER, "p.m."),
        # regtimes trial, session 74: the model's mix of both clocks; what a repair takes away
        ("um 8 Uhr PM.", 8, True, Said.MARKER_AFTER_UHR, " PM"),
        ("um 8 Uhr p.m.", 8, True, Said.MARKER_AFTER_UHR, " p.m."),
        ("um 8 Uhr (PM).", 8, True, Said.MARKER_AFTER_UHR, " (PM)"),
        ("um 8 Uhr P.M. heute", 8, True, Said.MARKER_AFTER_UHR, " P.M."),
        ("um 8 Uhr morgens", 8, False, Said.WORD, "morgens"),
        ("um 6 Uhr früh", 6, False, Said.WORD, "früh"),
        ("um 10 Uhr vormittags", 10, False, Said.WORD, "vormittags"),
        ("um 3 Uhr nachmittags", 3, True, Said.WORD, "nachmittags"),
        ("um 8 Uhr abends", 8, True, Said.WORD, "abends"),
        ("um 11 Uhr nachts", 11, True, Said.WORD, "nachts"),
        ("um 2 Uhr nachts", 2, False, Said.WORD, "nachts"),
        ("um 12 Uhr nachts", 12, False, Said.WORD, "nachts"),
        ("um 20 Uhr morgens", 20, False, Said.WORD, "morgens"),
    ],
)
def test_the_half_a_translation_says_after_a_time(
    text: str, hour: int, after_noon: bool, said: Said, says: str
) -> None:
    half = _stated(text, hour)
    assert half is not None
    assert (half.after_noon, half.said, text[half.start : half.end]) == (after_noon, said, says)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("um 8 Uhr", 8),
        ("um 8 Uhr am Montag", 8),  # German's am, not an AM
        ("um 8 Uhr Morgen früh", 8),  # a word apart from the time
        ("die 8-Uhr-Dosis", 8),
        ("um 8 Uhr, abends", 8),
    ],
)
def test_a_time_with_no_half_after_it_says_none(text: str, hour: int) -> None:
    assert _stated(text, hour) is None


@pytest.mark.parametrize(
    ("text", "hour", "contradicts"),
    [
        ("um 20 Uhr morgens", 20, True),
        ("um 23 Uhr vormittags", 23, True),
        ("um 0 Uhr abends", 0, True),
        ("um 20 Uhr abends", 20, False),
        ("um 23 Uhr nachts", 23, False),
        ("um 0 Uhr nachts", 0, False),
        ("um 20 Uhr", 20, False),
        ("um 8 Uhr abends", 8, False),  # a 12-hour time's digits: its half is the pairing's
    ],
)
def test_a_24_hour_time_with_the_other_halfs_word_contradicts_itself(
    text: str, hour: int, contradicts: bool
) -> None:
    assert contradicts_24_hour(hour, _stated(text, hour)) is contradicts


@pytest.mark.parametrize(
    "text",
    [
        ("8 Uhr" + " " * 50) * 4000 + "morgens",
        "8 Uhr (P. " * 20000,
        ("8 Uhr" + " " * 100000 + "x ") * 2,
    ],
)
def test_long_adversarial_lines_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    digits = ClockDigits(text)
    for place in digits.places(8, None):
        digits.stated_half(place)
    assert time.perf_counter() - started < 2.0
