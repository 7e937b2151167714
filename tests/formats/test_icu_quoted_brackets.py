"""ICU's quoted angle brackets: the runs read, hidden as numbered stand-ins and shown again."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.icu_quoted_brackets import hidden_runs, quoted_runs, shown_runs


@pytest.mark.parametrize(
    ("message", "runs"),
    [
        ("Press '<'Enter'>' to confirm.", ("'<'Enter'>'",)),
        ("Use '<'Tab'>' or '<'Esc'>'.", ("'<'Tab'>'", "'<'Esc'>'")),
        ("Type '<b>' for bold.", ("'<b>'",)),  # one quoted literal: a tag as text
        ("Write '<'{name}'>'", ("'<'", "'>'")),  # an argument between: two runs
        ("A quoted '<it''s>' apostrophe", ("'<it''s>'",)),
        ("It's <b>bold</b>, isn't it?", ()),  # an apostrophe before no bracket
        ("Don''t press <b>Enter</b>", ()),
        ("Unclosed '< here", ()),  # FormatJS reads it to the end: left as it was
        ("Say '{name}' now", ()),  # quoted braces: ICU quoting of its own
    ],
)
def test_runs_of_quoted_angle_brackets(message: str, runs: tuple[str, ...]) -> None:
    assert quoted_runs(message) == runs


def test_runs_are_hidden_as_numbered_stand_ins_and_shown_again() -> None:
    message = "Use '<'Tab'>' or '<'Esc'>'."
    runs = quoted_runs(message)
    assert hidden_runs(message, runs) == "Use %1$s or %2$s."
    # a translation that reorders them gets each back where it puts it
    assert shown_runs("Mit %2$s oder %1$s.", runs) == "Mit '<'Esc'>' oder '<'Tab'>'."
    # a translation read back: its runs the source's are stand-ins, another stays as written
    assert hidden_runs("Mit '<'Esc'>' oder '<'Tabulator'>'.", runs) == (
        "Mit %2$s oder '<'Tabulator'>'."
    )


def test_a_message_with_a_percent_sign_has_no_stand_in() -> None:
    """``%`` of its own could be read as a stand-in: None, and the message is left to a
    person."""
    message = "Press '<'Enter'>' for 100%."
    assert hidden_runs(message, quoted_runs(message)) is None


@pytest.mark.parametrize(
    "text",
    [
        "'<" + "'" * 50_000,
        "'<" * 50_000,
        "'<'a" * 30_000 + "'",
        "'<''" * 30_000,
        "'<'" + "a" * 60_000,
    ],
    ids=["apostrophes", "openings", "glued", "doubled", "letters"],
)
def test_long_adversarial_input_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    quoted_runs(text)
    hidden_runs(text, quoted_runs(text))
    assert time.perf_counter() - started < 1.0
