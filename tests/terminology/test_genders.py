"""The gender of a German noun, from the table made from the training data."""

from __future__ import annotations

import gzip

import pytest

from ltmt.terminology.genders import TABLE, gender_of


@pytest.mark.parametrize(
    ("noun", "gender"),
    [
        ("Datei", "f"),
        ("Verzeichnis", "n"),
        ("Ordner", "m"),
        ("Zwischenspeicherdatei", "f"),  # a compound: its longest last part in the table
        ("Konvertierung-Angabe", "f"),  # hyphenated: the last part
        ("Betreuer Skript-Umgebung", "f"),  # several words: the last
        ("Verzweigung", "f"),  # unknown, but -ung is feminine
        ("Kunde", "m"),  # masculine nouns declined weak: der Kunde, des Kunden
        ("Name", "m"),
        ("Kollege", "m"),
        ("Neukunde", "m"),
        ("Lesezeichenchen", "n"),
        ("datei", None),  # not a noun as written
        ("Xyzzq", None),
        ("", None),
    ],
)
def test_gender_of(noun, gender):
    assert gender_of(noun) == gender


def test_the_table_says_how_it_was_made():
    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        head = [next(handle) for _ in range(3)]
    assert head[0].startswith("# German noun genders")
    assert "eval/build_german_genders.py" in head[1] and "l10n/train" in head[1]
    assert head[2].strip().endswith("words")
