"""What the model leaves of a printf conversion whose start it lost (a healthcare trial,
session 73: ``%2$@ (%3$.1f mg)`` came back ``%2$@3$.1f mg)``)."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.conversion_remnants import (
    broken_conversions,
    remnant_pattern,
    separator,
    with_conversions,
    without_remnants,
)
from ltmt.formats.placeholder_syntax import find_placeholders

DOSE = "Take %1$d tablet(s) of %2$@ (%3$.1f mg)"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # its "%" lost, glued to the placeholder before it or apart
        (DOSE, "%1$d Tabletten von %2$@3$.1f mg)", [("3$.1f", "%3$.1f", "%2$@")]),
        (DOSE, "%1$d Tabletten von %2$s3$.1f mg) %3$.1f", [("3$.1f", "%3$.1f", "%2$s")]),
        (DOSE, "%1$d Tabletten von %2$@ 3$.1f mg)", [("3$.1f", "%3$.1f", "")]),
        ("%1$@ and %2$@ are friends", "%1$@2$@ sind Freunde", [("2$@", "%2$@", "%1$@")]),
        # its "%" and argument number lost: glued to the placeholder the source writes before it
        (DOSE, "%1$d Tabletten von %2$@.1f mg)", [(".1f", "%3$.1f", "%2$@")]),
        ("Take %d of %@ (%.1f mg)", "%d von %@.1f mg)", [(".1f", "%.1f", "%@")]),
        ("%1$@: %2$-5d", "%1$@-5d", [("-5d", "%2$-5d", "%1$@")]),
        # none: the conversion kept, a word glued, a tail apart from its placeholder or glued
        # to another one, a lone conversion letter, a number and a dollar sign, one in a word
        (DOSE, "%1$d Tabletten von %2$@ (%3$.1f mg)", []),
        (DOSE, "%1$d Tabletten von %2$@ .1f mg) %3$.1f", []),
        (DOSE, "%1$d.1f Tabletten von %2$@ mg) %3$.1f", []),
        ("Take %d of %@ (%d mg)", "%d von %@d mg) %d", []),
        ("%1$@ costs %2$d $", "%1$@ kostet 2$ oder a3$.1f %2$d $", []),
        ("Sent %s at %d", "%s um %d gesendet", []),
    ],
)
def test_broken_conversions(source: str, target: str, expected: list[tuple[str, str, str]]) -> None:
    found = broken_conversions(source, target)
    assert [(r.text, r.conversion, r.after) for r in found] == expected
    assert all(target[r.start : r.end] == r.text for r in found)


@pytest.mark.parametrize(
    ("source", "rest", "expected"),
    [
        (DOSE, " mg)", " ("),
        (DOSE, " mg", " "),  # an opening bracket the line does not close is left out
        ("%1$@, %2$d", "", ", "),
        ("%1$@ and %2$@", "", ""),  # words between: lost with the "%", not put back
        ("%1$d%2$s", "", ""),
    ],
)
def test_separator_is_the_sources_signs_between_the_two(
    source: str, rest: str, expected: str
) -> None:
    conversion = find_placeholders(source)[-1]
    assert separator(source, conversion, rest) == expected


def test_a_remnant_is_read_as_its_conversion_or_as_no_number() -> None:
    target = "%1$d Tabletten von %2$@3$.1f mg)"
    assert with_conversions(DOSE, target) == "%1$d Tabletten von %2$@%3$.1f mg)"
    assert without_remnants(DOSE, target) == "%1$d Tabletten von %2$@  mg)"
    assert with_conversions(DOSE, "%1$d von %2$@ (%3$.1f mg)") == "%1$d von %2$@ (%3$.1f mg)"


@pytest.mark.parametrize("text", ["%%", "<b>", "{name}"])
def test_only_a_printf_conversion_has_a_remnant(text: str) -> None:
    source = f"%1$@ {text}"
    assert remnant_pattern(source, find_placeholders(source)[-1]) is None


@pytest.mark.parametrize(
    "target",
    ["3$.1f" * 20_000, "%2$@" + "3$.1" * 20_000, "3" * 50_000 + "$", "0" * 50_000 + "!"],
    ids=["remnants", "unfinished", "digits", "zeros"],
)
def test_a_long_adversarial_line_is_read_in_linear_time(target: str) -> None:
    source = "%1$@ (%2$05.1f) %3$#@items@"
    started = time.perf_counter()
    for conversion in find_placeholders(source):
        pattern = remnant_pattern(source, conversion)
        assert pattern is not None
        pattern.find(target, "%1$@")
    assert time.perf_counter() - started < 1.0
