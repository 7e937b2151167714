"""Drupal's ``%name`` and Symfony's ``%name%`` against printf's conversions
(:mod:`ltmt.formats.percent_names`), as the placeholder inventory reads them."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.percent_names import (
    DRUPAL_PERCENT,
    DRUPAL_TEXT_PERCENT,
    SYMFONY_PERCENT,
    drupal_text,
)
from ltmt.formats.placeholder_syntax import extract_placeholders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the names a printf conversion and a unit start (%i and "d", %ho and "st", %li and
        # "st"): Symfony's whole (a Symfony trial, session 77: the model wrote %ho.%, %li.%)
        ("Text %id% here.", ["%id%"]),
        ("Could not connect to %host%.", ["%host%"]),
        ('Subscribe to "%list%".', ["%list%"]),
        ("%lid% %hid% %tid% %zid% %jid%", ["%lid%", "%hid%", "%tid%", "%zid%", "%jid%"]),
        ("%id% of %d", ["%id%", "%d"]),  # beside printf too
        # as before: names of no conversion's shape
        (
            "%size% %count% %lunch% %lisa% %hits%",
            ["%size%", "%count%", "%lunch%", "%lisa%", "%hits%"],
        ),
        # printf's where its closing % starts a conversion or a %%, or is a conversion alone
        ("your %dx%d screen", ["%d", "%d"]),
        ("hit rate = %lu%%, %ld%% remaining", ["%lu", "%%", "%ld", "%%"]),
        ("Progress: %lu% done", ["%lu"]),
    ],
)
def test_a_symfony_name_is_whole_unless_its_closing_percent_starts_printf(
    text: str, expected: list[str]
) -> None:
    assert extract_placeholders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drupal's, whose ordinal ending is no unit: a format cannot write a number's "st"
        ("Could not reach the payment provider at %host. Try again.", ["%host"]),
        ("Order @id: %list", ["@id", "%list"]),
        ("%last, %end and %hosts", ["%last", "%end", "%hosts"]),
        # printf's with a unit glued, alone or not (apt's durations, coreutils, vim)
        ("%lid %lih %limin %lis", ["%li", "%li", "%li", "%li"]),
        ("%lis", ["%li"]),
        ("%dpx wide, %ds left, the %dth time", ["%d", "%d", "%d"]),
        ("Recipe has too many lines (%ud)", ["%u"]),
        ("%d %i %s %ld %lu %hd %lld", ["%d", "%i", "%s", "%ld", "%lu", "%hd", "%lld"]),
        # a conversion glued to a word (session 76's %sZahlen, coreutils' %snumbers)
        ("%sZahlen verwenden %s", ["%s", "%s"]),
        ("%snumbers use %s as a decimal point", ["%s", "%s"]),
        # ambiguous alone (apt writes %lid for days): printf's, as before
        ("Order %id was cancelled.", ["%i"]),
    ],
)
def test_a_drupal_name_is_whole_where_it_reads_as_no_conversion_and_unit(
    text: str, expected: list[str]
) -> None:
    assert extract_placeholders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drupal's @name or !name beside it: Drupal's %name, whatever its shape
        ("Order @number (%id) was cancelled.", ["@number", "%id"]),
        ("Please check !email: %hid and %lid", ["!email", "%hid", "%lid"]),
        ("@user: %title %lid", ["@user", "%title", "%lid"]),
        # but a conversion alone is printf's, and a printf text has no Drupal %name
        ("@count of %lu", ["@count", "%lu"]),
        ("@count %id of %s", ["@count", "%i", "%s"]),
        # not vue-i18n's linked message, nor Laravel's :name
        ("@:common.save %id", ["@:common.save", "%i"]),
        (":name has %id", [":name", "%i"]),
    ],
)
def test_in_a_drupal_text_a_name_of_a_conversions_shape_is_drupals(
    text: str, expected: list[str]
) -> None:
    assert extract_placeholders(text) == expected


def test_drupal_text_asks_for_a_drupal_sigil_and_no_conversion_alone() -> None:
    text = "@user %id"
    sigil = re.compile("@user").search(text)
    conversion = re.compile("%i").search(text)
    assert sigil is not None and conversion is not None
    assert drupal_text(text, [sigil], [conversion])
    assert not drupal_text(text, [], [conversion])
    alone = re.compile("%lu").search("@user %lu")
    assert alone is not None
    assert not drupal_text("@user %lu", [sigil], [alone])


@pytest.mark.parametrize(
    "text",
    [
        "%" + "a" * 50_000,
        "%" + "a" * 50_000 + "%",
        "%a" * 25_000,
        "% " + "%a " * 15_000,
        "%l" + "i" * 50_000 + "%" * 3,
        "@user " + "%lid " * 10_000,
        "%id%" * 12_000,
    ],
    ids=["name", "closed-name", "conversions", "spaced", "long-conversion", "drupal", "symfony"],
)
def test_the_patterns_do_not_backtrack_on_long_input(text: str) -> None:
    patterns = [re.compile(p) for p in (SYMFONY_PERCENT, DRUPAL_PERCENT, DRUPAL_TEXT_PERCENT)]
    started = time.perf_counter()
    for pattern in patterns:
        list(pattern.finditer(text))
    extract_placeholders(text)
    assert time.perf_counter() - started < 5  # a backtracking pattern takes minutes
