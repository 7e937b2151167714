"""The gender of a German noun, from the table made from the training data."""

from __future__ import annotations

import gzip

import pytest

from ltmt.errors import InputError
from ltmt.terminology.genders import TABLE, gender_of, named_gender, seen_after_die


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


@pytest.mark.parametrize(
    ("value", "gender"),
    [
        *[("m", "m"), ("F", "f"), ("n", "n"), ("der", "m"), ("Die", "f"), ("DAS", "n")],
        *[("masculine", "m"), ("Feminine", "f"), ("neuter", "n"), (" n ", "n"), ("", "")],
    ],
)
def test_a_gender_is_named_by_its_letter_or_article_in_any_case(value: str, gender: str) -> None:
    assert named_gender(value) == gender


def test_another_gender_name_is_an_error_naming_the_values_allowed() -> None:
    with pytest.raises(
        InputError,
        match=r"^gender 'neutrum' is not one of m, f, n or der, die, das; write one or leave it "
        "empty$",
    ):
        named_gender("neutrum")


def test_a_given_gender_goes_before_the_tables() -> None:
    """The Godot trial: the table lacks "Inventar"; a glossary term that gives its gender
    is read by it, even against the table's ("Datei" given as neuter stays neuter)."""
    assert gender_of("Inventar") is None
    assert gender_of("Inventar", "n") == "n"
    assert gender_of("Datei", "n") == "n"
    assert gender_of("Datei", "") == "f"


@pytest.mark.parametrize(
    ("plural", "singular", "seen"),
    [  # "die Werte": a plural; "des Werts" and "den Ordnern" are seen after other articles
        ("Werte", "Wert", True),
        ("Werts", "Wert", False),
        ("Ordnern", "Ordner", False),
        ("Messwerte", "Messwert", True),  # by its last part, where the singular's starts
        ("Studente", "Student", False),  # "Ente" starts where no part of "Student" does
    ],
)
def test_a_form_seen_after_die_is_a_plural_or_a_feminine(plural, singular, seen):
    assert seen_after_die(plural, singular) is seen
