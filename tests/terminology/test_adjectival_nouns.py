"""Which glossary targets are German adjectives' nouns, whose forms decline as adjectives do."""

from __future__ import annotations

import time

import pytest

from ltmt.terminology.adjectival_nouns import (
    adjectival_stem,
    declined_forms,
    in_adjective_declension,
    in_plural_declension,
)


@pytest.mark.parametrize(
    ("noun", "stem"),
    [
        # GDPR's key terms (trial s75 legal2: "des Verantwortlichen" became "des Verantwortlicher")
        ("Verantwortlicher", "Verantwortlich"),
        ("Betroffener", "Betroffen"),
        ("Beschäftigter", "Beschäftigt"),
        ("Datenschutzbeauftragter", "Datenschutzbeauftragt"),
        ("Angestellter", "Angestellt"),
        ("Versicherter", "Versichert"),
        ("Vorsitzender", "Vorsitzend"),
        ("Auszubildender", "Auszubildend"),
        ("Sachverständiger", "Sachverständig"),
        ("Arbeitsloser", "Arbeitslos"),
        ("Dritter", "Dritt"),
        ("Verantwortliches", "Verantwortlich"),  # a neuter's -es
        # nouns that decline as nouns: an agent noun ("des Anbieters") is none
        ("Anbieter", None),
        ("Auftragsverarbeiter", None),
        ("Vertreter", None),
        ("Zeiger", None),
        ("Gesellschafter", None),
        ("Betrachter", None),
        ("Anwender", None),
        ("Aussender", None),
        ("Vermieter", None),
        ("Bestätiger", None),
        ("Besucher", None),
        # another form than the dictionary's, or no noun
        ("Verantwortliche", None),
        ("Vertrag", None),
        ("Kunde", None),
        ("verantwortlicher", None),
        ("Daten-Schutz", None),
    ],
)
def test_an_adjectives_noun_is_told_by_its_shape(noun: str, stem: str | None) -> None:
    assert adjectival_stem(noun) == stem


def test_the_declined_forms_are_the_adjectives_endings() -> None:
    assert declined_forms("Verantwortlicher") == (
        "Verantwortliche",
        "Verantwortlichen",
        "Verantwortlichem",
        "Verantwortlicher",
        "Verantwortliches",
    )
    assert declined_forms("Anbieter") == ()


@pytest.mark.parametrize(
    ("placed", "declined"),
    [
        # trial s75 legal2: the glossary step wrote the dictionary's form after any determiner
        ("Der Kunde ist der Verantwortlicher.", "Der Kunde ist der Verantwortliche."),
        ("auf Weisung des Verantwortlicher.", "auf Weisung des Verantwortlichen."),
        (
            "dokumentierte Anweisungen der Verantwortlicher",
            "dokumentierte Anweisungen der Verantwortlichen",
        ),
        ("mit der Verantwortlicher", "mit der Verantwortlichen"),  # a feminine's dative
        ("informiert den Verantwortlicher", "informiert den Verantwortlichen"),
        ("einem neuen Verantwortlicher", "einem neuen Verantwortlichen"),  # adjectives between
        ("zum Verantwortlicher", "zum Verantwortlichen"),
        ("die Verantwortlicher", "die Verantwortliche"),
        (
            "der Verantwortlicher und des Verantwortlicher",
            "der Verantwortliche und des Verantwortlichen",
        ),
        # the dictionary's form is right after an indefinite nominative, or with no determiner
        ("Ein Verantwortlicher benennt", "Ein Verantwortlicher benennt"),
        ("als Verantwortlicher", "als Verantwortlicher"),
        # a determiner of two readings, another word, another target: as it is
        ("dieses Verantwortliches", "dieses Verantwortliches"),
        ("den Datenschutz-Verantwortlicher", "den Datenschutz-Verantwortlicher"),
        ("des Verantwortlicherseits", "des Verantwortlicherseits"),
    ],
)
def test_a_placed_adjectives_noun_takes_its_determiners_ending(placed: str, declined: str) -> None:
    target = "Verantwortliches" if "Verantwortliches" in placed else "Verantwortlicher"
    assert in_adjective_declension(placed, target) == declined


def test_a_noun_that_declines_as_a_noun_is_left_as_placed() -> None:
    assert in_adjective_declension("des Anbieter", "Anbieter") == "des Anbieter"


def test_a_line_of_many_places_takes_linear_time() -> None:
    """Each place read the whole text before it for its determiner: 3,000 places on one line
    took 34 s; the words right before it are read (the bound is loose: a shared machine)."""
    text = "Weisung des Verantwortlicher. " * 3_000
    start = time.perf_counter()
    declined = in_adjective_declension(text, "Verantwortlicher")
    assert time.perf_counter() - start < 5.0
    assert declined == "Weisung des Verantwortlichen. " * 3_000


@pytest.mark.parametrize(
    ("noun", "stem"),
    [
        ("Insolvenzgläubiger", None),  # trial s75: its head Gläubiger is an agent noun
        ("Pfandgläubiger", None),
        ("Strafverteidiger", None),
        ("Pflichtverteidiger", None),
        ("Reisender", "Reisend"),  # no head "sender": its root is the participle's -end
        ("Geografischer", "Geografisch"),  # no head "fischer"
        ("Datenschutzbeauftragter", "Datenschutzbeauftragt"),
    ],
)
def test_adjectival_stem_judges_a_compound_by_its_head(noun: str, stem: str | None) -> None:
    assert adjectival_stem(noun) == stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir informierten alle Beamte.", "Wir informierten alle Beamten."),
        ("Die Beamter unterschreiben.", "Die Beamten unterschreiben."),
        ("Keine Beamte kamen.", "Keine Beamten kamen."),
        ("Einige Beamte kamen.", "Einige Beamte kamen."),  # strong: -e stays
        ("Beamte kamen.", "Beamte kamen."),
    ],
)
def test_in_plural_declension(text: str, expected: str) -> None:
    assert in_plural_declension(text, "Beamter") == expected


def test_alle_before_a_singular_term_takes_the_plural_ending() -> None:
    text = "Alle Beamter müssen unterschreiben."
    assert in_adjective_declension(text, "Beamter") == "Alle Beamten müssen unterschreiben."
