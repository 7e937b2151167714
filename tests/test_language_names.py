"""A line that is the English name of a language gets CLDR's name for it (langcodes' data)."""

from __future__ import annotations

import pytest

from ltmt.language_names import language_name


@pytest.mark.parametrize(
    ("line", "target", "expected"),
    [
        # what the shipped model got wrong in Django's catalog
        ("Dutch", "de", "Niederländisch"),
        ("Norwegian Bokmål", "de", "Norwegisch (Bokmål)"),
        ("Latvian", "de", "Lettisch"),
        ("Irish", "de", "Irisch"),
        ("Upper Sorbian", "de", "Obersorbisch"),
        ("Hindi", "de", "Hindi"),  # alike in both
        # capitalised as the line is, in a language that writes its names in lower case
        ("Irish", "fr", "Irlandais"),
        ("Irish", "de-AT", "Irisch"),
    ],
)
def test_an_english_language_name_gets_the_target_languages_name(line, target, expected):
    assert language_name(line, target) == expected


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("Open", "de"),  # no language
        ("Language: Irish", "de"),  # more than the name
        ("Chinese (Simplified)", "de"),  # found, but its English name is "Chinese"
        ("Brazilian Portuguese", "de"),  # found, but named "Portuguese (Brazil)"
        ("Deutsch", "de"),  # an autonym, not the English name
        ("Even", "de"),  # a language, and a word English writes in lower case
        ("Mon", "de"),  # a language, and Monday's abbreviation
        ("irish", "de"),  # not written as a name
        ("Irish", "en"),  # into English: nothing to do
        ("Irish", "xx"),  # a language CLDR has no names in
    ],
)
def test_other_lines_get_no_name(line, target):
    assert language_name(line, target) is None
