"""Lines written in capitals: which lines, and their sentence case and capitals both ways."""

from __future__ import annotations

import pytest

from ltmt.capitals import (
    capitalised_starts,
    in_capitals,
    lower_case_starts,
    sentence_case,
    written_in_capitals,
)


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


@pytest.mark.parametrize(
    ("sources", "translations", "expected"),
    [
        # the dev users' lines the shipped model wrote with a small first letter
        (["Bad system call"], ["falscher Systemaufruf"], ["Falscher Systemaufruf"]),
        (["No"], ["nein"], ["Nein"]),
        (["Usage: %s FILE"], ["aufruf: %s DATEI"], ["Aufruf: %s DATEI"]),
        (["Skipping: %.*s"], ["  übersprungen: %.*s"], ["  Übersprungen: %.*s"]),
        # a source that does not start with a capitalised word
        (["NUL-terminated names"], ["null-terminierte Namen"], ["null-terminierte Namen"]),
        (["git switch -"], ["git switch -"], ["git switch -"]),
        (["%s: done"], ["%s: fertig"], ["%s: fertig"]),
        # a translation that does not start with a word in small letters
        (["Open %s"], ["%s öffnen"], ["%s öffnen"]),
        (["Show ls-tree"], ["ls-tree anzeigen"], ["ls-tree anzeigen"]),
        # the next line starts a sentence only after one that ends
        (
            ["Print sizes.", "Sizes are in bytes"],
            ["Größen ausgeben.", "größen sind in Bytes"],
            ["Größen ausgeben.", "Größen sind in Bytes"],
        ),
        (
            ["Print sizes in", "Blocks of 1024 bytes"],
            ["Größen in", "blöcken von 1024 Bytes ausgeben"],
            ["Größen in", "blöcken von 1024 Bytes ausgeben"],
        ),
        (  # the model carried the end of a sentence onto the next line
            ["If you want, run", "To abort, run"],
            ["Wenn Sie möchten, können Sie", "ausführen. Um abzubrechen"],
            ["Wenn Sie möchten, können Sie", "ausführen. Um abzubrechen"],
        ),
    ],
)
def test_a_line_that_starts_a_sentence_starts_with_a_capital(sources, translations, expected):
    assert capitalised_starts(sources, translations, "de") == expected


def test_turkish_keeps_its_small_letters():
    assert capitalised_starts(["Icons"], ["simgeler"], "tr") == ["simgeler"]


def test_lower_case_starts_reads_a_matchs_lines():
    assert lower_case_starts("Prune all objects", "alle Objekte entfernen")
    assert not lower_case_starts("Prune all objects", "Alle Objekte entfernen")
    assert not lower_case_starts("prune all objects", "alle Objekte entfernen")
    assert not lower_case_starts("Prune\nall", "alle Objekte")  # lines do not pair up
