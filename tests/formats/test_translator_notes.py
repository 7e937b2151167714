"""Notes that ask a translator to keep a string as it is."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.translator_notes import (
    keeps_whole,
    locked_strings,
    max_length,
    says_not_to_translate,
    stated_max_length,
)


@pytest.mark.parametrize(
    ("note", "not_to_translate", "whole"),
    [
        ("Do not translate", True, True),
        ("Brand name. DON\u2019T TRANSLATE", True, True),
        ("Do not translate.", True, True),
        ("Note: DO NOT TRANSLATE", True, True),
        ("{0} is the file name. Do not translate {0}.", True, False),
        ('Do not translate the product name "Contoso Notes".', True, False),
        ('Tooltip. Don\'t translate "account" as "Konto" in Swiss builds.', True, False),
        # what the string is, then the instruction (a user's trial: both were translated)
        ("Feature name, do not translate", True, True),
        ("Trademark - don't translate.", True, True),
        ("Product name \u2013 do not translate it", True, True),
        ("Feature name. Do not localize.", True, True),
        ("DNT", True, True),
        ("DNT.", True, True),
        ("DNT - brand name", True, True),
        ("DNT: product name", True, True),
        # DNT elsewhere than first is Do Not Track, the setting a label names (trial s75 7)
        ("Label for the privacy setting: DNT", False, False),
        ("Shown in the banner - DNT", False, False),
        ("Brand name, DNT", False, False),
        ("Sends the DNT header", False, False),
        ("DNT header sent to sites", False, False),
        ("dnt", False, False),
        ("Feature name, do not translate {0}", True, False),
        ('Button - don\'t translate "Save" as "Sichern"', True, False),
        ("Do not localize the date format", False, False),
        ("{Locked}", False, True),
        ("{Locked} product name", False, True),
        ('{Locked="Contoso"}', False, False),  # some strings in it, not the whole value
        ("{MaxLength=30}", False, False),
        ("Translate freely", False, False),
    ],
)
def test_notes_that_keep_a_string(note: str, not_to_translate: bool, whole: bool) -> None:
    assert (says_not_to_translate(note), keeps_whole(note)) == (not_to_translate, whole)


@pytest.mark.parametrize(
    ("note", "limit"),
    [
        ("{MaxLength=30}", 30),
        ("Tagline. { MaxLength = 8 }", 8),
        ("{MaxLength=abc}", None),
        ("", None),
        ("{MaxLength=" + "9" * 5000 + "}", None),  # raised: Python reads no such number
    ],
)
def test_a_max_length_instruction(note: str, limit: int | None) -> None:
    assert max_length(note) == limit


@pytest.mark.parametrize(
    ("note", "limit"),
    [
        ("Name of the extension (max 45 characters)", 45),
        ("Maximum 12 chars", 12),
        ("Tooltip; max. 30 characters", 30),
        ("Must be at most 20 characters long", 20),
        ("Shows up to 3 items", None),  # no characters
        ("{MaxLength=30}", None),  # Microsoft's instruction: max_length
        ("max 123456789 characters", 123456789),
        ("max " + "9" * 5000 + " characters", None),  # raised: Python reads no such number
        ("max " * 20_000, None),
        ("max " + " " * 50_000 + "1", None),
    ],
)
def test_a_limit_said_in_words(note: str, limit: int | None) -> None:
    assert stated_max_length(note) == limit


@pytest.mark.parametrize(
    ("note", "strings"),
    [
        ('{Locked="Quick Entry"}', ("Quick Entry",)),
        ('Feature hint. {Locked="Quick Entry","Contoso"}', ("Quick Entry", "Contoso")),
        ('{ locked = "Contoso" }', ("Contoso",)),
        ("{Locked=qps-ploc,qps-plocm}", ()),  # pseudo-locales, not strings
        ("{Locked}", ()),
        ('Locked="x"', ()),
    ],
)
def test_the_strings_a_comment_locks(note: str, strings: tuple[str, ...]) -> None:
    assert locked_strings(note) == strings


@pytest.mark.parametrize(
    "note",
    [
        ", " * 25_000 + "x",
        "do not translate" + " " * 50_000 + "x",
        " - " * 20_000 + "x",
        "{Locked=" + '"a",' * 20_000,
        ".  " + " " * 50_000 + "DNTx",
        " " * 50_000 + "DNT" + " " * 50_000 + "x",
    ],
)
def test_a_long_note_is_read_at_once(note: str) -> None:
    started = time.perf_counter()
    keeps_whole(note), says_not_to_translate(note), locked_strings(note)
    assert time.perf_counter() - started < 1
