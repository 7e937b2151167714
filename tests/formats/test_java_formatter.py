"""A one-argument message that Java's Formatter formats (:mod:`ltmt.formats.java_formatter`)."""

from __future__ import annotations

import re

import pytest

from ltmt.formats.java_formatter import formatted_by_java, single_argument_aliases


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Hello, %1$s!", "Hallo, %s!", {"%s": "%1$s"}),
        ("%1$d files", "%d Dateien", {"%d": "%1$d"}),
        ("Used: %1$.1f MB%n", "Belegt: %.1f MB%n", {"%.1f": "%1$.1f"}),  # %n is no argument
        ("100%% of %1$s", "100 %% von %s", {"%s": "%1$s"}),
        ("%1$d files", "%s Dateien", {}),  # another type
        ("Hello, %1$s!", "Hallo, %s und %s!", {}),  # a second argument
        ("%1$s of %2$s", "%s von %s", {}),  # a source of two arguments
        ("Hello, %2$s!", "Hallo, %s!", {}),  # its second argument
        ("Hello, %s!", "Hallo, %s!", {}),  # unnumbered already: nothing to stand for
        ("Hello, %1$s!", "Hallo, %1$s!", {}),
    ],
)
def test_one_unnumbered_conversion_stands_for_a_one_argument_sources(source, target, expected):
    assert single_argument_aliases(source, target) == expected


def _unsized(conversion: str) -> str:
    """A conversion without its width, as ``ltmt qa`` compares them (``%1$-8s`` → ``%1$s``)."""
    return re.sub(r"-?\d+(?=[a-z]$)", "", conversion)


def test_conversions_are_compared_as_the_caller_writes_them() -> None:
    assert single_argument_aliases("Width %1$-8s", "Breite %12s", _unsized) == {"%s": "%1$s"}
    assert single_argument_aliases("Width %1$-8s", "Breite %12s") == {}  # as written: another


@pytest.mark.parametrize(
    ("syntax", "flags", "expected"),
    [
        ("java-formatter", (), True),
        ("", ("java-printf-format",), True),
        ("", ("c-format",), False),
        ("", ("python-format",), False),
        ("mozilla-plurals", (), False),
        ("", (), False),
    ],
)
def test_java_formats_the_strings_of_its_syntax_or_flag(syntax, flags, expected):
    assert formatted_by_java(syntax, flags) is expected
