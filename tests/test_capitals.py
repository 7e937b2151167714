"""Lines written in capitals: which lines, and their sentence case and capitals both ways."""

from __future__ import annotations

import pytest

from ltmt.capitals import in_capitals, sentence_case, written_in_capitals


@pytest.mark.parametrize(
    ("line", "capitals"),
    [
        ("SELECT LINE", True),
        ("VIM - ATTENTION", True),
        ("FAILED", True),
        ("*** WARNING ***", True),
        ("NOTIFY YOUR SYSTEM MANAGER.", True),
        ("CANNOT OPEN %s", True),  # placeholders are not words
        ("OK", False),  # no word of four letters: an acronym
        ("RSA", False),
        ("MB 1000*1000", False),
        ("GTK_CAN_DEFAULT", False),  # an identifier
        ("WARNING: Circular directory", False),  # not every word
        ("%s", False),
        ("", False),
    ],
)
def test_written_in_capitals(line, capitals):
    assert written_in_capitals(line) is capitals


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("SELECT LINE", "Select line"),
        ("*** WARNING ***", "*** Warning ***"),
        ("CANNOT OPEN %S: %s", "Cannot open %S: %s"),  # %S is not %s: placeholders as written
    ],
)
def test_sentence_case_keeps_placeholders(line, sentence):
    assert sentence_case(line) == sentence


def test_in_capitals_keeps_placeholders_and_writes_german_capitals():
    assert in_capitals("Zeile %s öffnen: Straße\\n") == "ZEILE %s ÖFFNEN: STRASSE\\n"
