"""Placeholders wrapped in a code (Android's ``<xliff:g>``, XLIFF's ``<g>``) set aside and put
back (:mod:`ltmt.formats.wrapped_placeholders`)."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.wrapped_placeholders import Unwrapped, Wrapper, rewrapped, unwrapped

COUNT = '<xliff:g id="count" example="3">%d</xliff:g>'
FIRST, SECOND = '<xliff:g id="a">%1$s</xliff:g>', '<xliff:g id="b">%2$s</xliff:g>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"You have {COUNT} tasks due today.",
            Unwrapped("You have %d tasks due today.", (Wrapper(COUNT, "%d"),)),
        ),
        (
            f"{FIRST} of {SECOND}",
            Unwrapped("%1$s of %2$s", (Wrapper(FIRST, "%1$s"), Wrapper(SECOND, "%2$s"))),
        ),
        (
            'Open <g id="1">{name}</g>.',
            Unwrapped("Open {name}.", (Wrapper('<g id="1">{name}</g>', "{name}"),)),
        ),
        (
            'A <pc id="1" dataRefStart="d1">$count</pc> b',
            Unwrapped(
                "A $count b", (Wrapper('<pc id="1" dataRefStart="d1">$count</pc>', "$count"),)
            ),
        ),
        (
            'Use <x id="1" equiv-text="%d"/> now',
            Unwrapped("Use %d now", (Wrapper('<x id="1" equiv-text="%d"/>', "%d"),)),
        ),
        (
            "Use <ph id='2' equiv='{n}'/> now",
            Unwrapped("Use {n} now", (Wrapper("<ph id='2' equiv='{n}'/>", "{n}"),)),
        ),
    ],
)
def test_a_code_around_one_placeholder_is_taken_off(text, expected):
    assert unwrapped(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You have %d tasks due today.",  # no code
        "Tap <b>%d</b> to go on.",  # markup, no wrapper of a placeholder
        '<xliff:g id="app">Gmail</xliff:g> is ready',  # words, which the model translates
        'Save <xliff:g id="p">%%</xliff:g>',  # a literal percent
        'A <g id="1"> %d</g> b',  # more than the placeholder
        'A <g id="1">%d and %s</g> b',  # two placeholders
        '%d of <xliff:g id="b">%d</xliff:g>',  # which %d is wrapped cannot be told again
        'Use <x id="1"/> now',  # a code that says nothing of what it stands for
        'Use <ph id="1"/> then %s </ph>',  # a self-closing code, then a stray closing tag
    ],
)
def test_nothing_is_taken_off_but_a_code_around_one_placeholder_alone(text):
    assert unwrapped(text) is None


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("%2$s von %1$s", f"{SECOND} von {FIRST}"),  # the German's order
        ("%1$s von", None),  # a placeholder lost
        ("%1$s, %1$s von %2$s", None),  # one said twice: which one to wrap is unknown
        ("%1$d von %2$s", None),  # another placeholder
    ],
)
def test_wrappers_go_back_around_the_same_placeholders(stored, expected):
    bare = unwrapped(f"{FIRST} of {SECOND}")
    assert bare is not None
    assert rewrapped(stored, bare.wrappers) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<g " * 20000,
        '<g a="' + "x" * 60000,
        "<g " + "= " * 30000,
        "<x " + "a " * 30000,
        "<x " + "/" * 60000,
        '<xliff:g id="a">' + "%d" * 30000,
        "<g>%d</g " * 10000,
        " equiv-text=" * 10000,
        ('<ph id="1" equiv="' + "'" * 5) * 5000,
    ],
)
def test_long_adversarial_input_is_read_in_linear_time(text):
    started = time.perf_counter()
    assert unwrapped(text) is None
    assert time.perf_counter() - started < 1.0
