"""Pieces of English the model half wrote, told from German words."""

from __future__ import annotations

import pytest

from ltmt.terminology.fragments import garbled, german_word, half_written, no_german_word


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("zeiving", True),  # Re|zeiving: the rest of "Receiving"
        ("datei", False),  # Haupt|datei: a compound's last part
        ("dateiverwaltung", False),  # a compound of its own
        ("er-Schlange", False),  # each hyphenated part is German
        ("Party", True),
        ("in", False),  # German function words the table lacks (English writes them alike)
        ("so", False),
        ("In", False),
    ],
)
def test_no_german_word(rest: str, expected: bool) -> None:
    assert no_german_word(rest) is expected


@pytest.mark.parametrize(
    ("word", "source", "expected"),
    [
        ("Rezeiving", "by the Disclosing Party to the Receiving Party", True),
        ("Acme", "Sign in to Acme", False),  # a name the input writes
        ("Partei", "by the Disclosing Party", False),  # German
        ("Rezeiving", "", False),  # no input to tell a name by
        ("in", "Push the branch into the remote repository.", False),  # den Branch in das ...
    ],
)
def test_garbled(word: str, source: str, expected: bool) -> None:
    assert garbled(word, source) is expected


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("zeiving", True),  # Re|zeiving: the rest of "Receiving"
        ("kript", True),  # Abtreibere|s|kript
        ("shell", False),  # Konfigurations|shell: a word German shares with English
        ("position", False),  # Zeiger|position
        ("Information", False),
        ("datei", False),  # German
        ("er-zeiving", True),  # a hyphenated part half written
    ],
)
def test_half_written(rest: str, expected: bool) -> None:
    assert half_written(rest) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kunde", True),  # the table's
        ("Chance", True),  # German shares it with English: the table leaves it out
        ("Person", True),
        ("Ras", False),  # Ra|s|en: the stem of Rasen, an English word too short to count
        ("Rase", False),
        ("Of", False),  # Of|en
    ],
)
def test_german_word(word: str, expected: bool) -> None:
    assert german_word(word) is expected
