"""PrestaShop's numbered markers: which marker pairs with which, and which pairs hold words."""

from __future__ import annotations

import re

import pytest

from ltmt.formats.numbered_markers import (
    NUMBERED_MARKER,
    markers_in,
    numbers_with_text,
    partner,
)


@pytest.mark.parametrize(
    ("marker", "other"),
    [("[1]", "[/1]"), ("[/1]", "[1]"), ("[12]", "[/12]"), ("[/2]", "[2]")],
)
def test_a_marker_pairs_with_the_other_end_of_its_number(marker: str, other: str) -> None:
    assert partner(marker) == other


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Questions? [1]Call us[/1] at [2]+49 30 1234567[/2].", {"1", "2"}),
        ("[1] [/1] and [2]x[/2]", {"2"}),  # no words between
        ("[/1]reversed[1]", set()),  # its end before its start
        ("See [1] and array[1].", set()),
        ("[1]a [2]b[/2] c[/1]", {"1", "2"}),
    ],
)
def test_the_pairs_with_words_between_their_markers(text: str, numbers: set[str]) -> None:
    assert numbers_with_text(text) == numbers


def test_markers_are_read_in_linear_time_from_adversarial_text() -> None:
    """Long runs of brackets and digits with no marker's end: read once, no backtracking."""
    text = "[" * 50_000 + "1" * 50_000 + "[/" * 50_000 + "[1" * 50_000
    assert markers_in(text) == []
    assert numbers_with_text(text + "[1]" * 20_000) == frozenset()
    opened = "".join(f"[{n}]" for n in range(20_000))
    closed = "".join(f"[/{n}]" for n in range(20_000))
    assert len(numbers_with_text(opened + " " * 50_000 + "x" + closed)) == 20_000
    assert re.fullmatch(NUMBERED_MARKER, "[" + "1" * 100_000 + "]") is not None
