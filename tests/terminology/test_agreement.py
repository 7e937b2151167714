"""The words before a placed glossary target, inflected to agree with its gender."""

from __future__ import annotations

import pytest

from ltmt.terminology.agreement import agreeing_variants


@pytest.mark.parametrize(
    ("text", "target", "gender", "variants"),
    [
        # an ein-word and an adjective (mixed endings): each singular case of a feminine noun
        (
            "Sie löschen einen neuen Markierung",
            "Markierung",
            "f",
            ["Sie löschen eine neue Markierung", "Sie löschen einer neuen Markierung"],
        ),
        (
            "mit einen gültigen Kennwort",
            "Kennwort",
            "n",
            [
                "mit ein gültiges Kennwort",
                "mit einem gültigen Kennwort",
                "mit eines gültigen Kennwort",
            ],
        ),
        # a phrase that opens the line is a nominative or an accusative
        ("Ein neues Markierung erzeugen", "Markierung", "f", ["Eine neue Markierung erzeugen"]),
        (
            "Der ausgewählte Verzeichnis fehlt",
            "Verzeichnis",
            "n",
            ["Das ausgewählte Verzeichnis fehlt"],
        ),
        (
            "ungültiger Konvertierung-Angabe: %c",
            "Konvertierung-Angabe",
            "f",
            ["ungültige Konvertierung-Angabe: %c"],
        ),
        # the target as a hyphenated compound's last part: the phrase before the compound
        (
            "ungültiger Konvertierung-Angabe: %c",
            "Angabe",
            "f",
            ["ungültige Konvertierung-Angabe: %c"],
        ),
        # a der-word, two adjectives
        ("aus dieser alten großen Datei", "Datei", "f", []),  # agrees (dative)
        (
            "aus dieser alte große Datei",
            "Datei",
            "f",
            ["aus diese alte große Datei", "aus dieser alten großen Datei"],
        ),
        (
            "für diese alte große Zweig",
            "Zweig",
            "m",
            [
                "für dieser alte große Zweig",
                "für diesen alten großen Zweig",
                "für diesem alten großen Zweig",
                "für dieses alten großen Zweig",
            ],
        ),
        # a preposition fused with the article, at the line's start too
        ("zum Markierung", "Markierung", "f", ["zur Markierung"]),
        ("Wert im Datei", "Datei", "f", ["Wert in der Datei"]),
        # no determiner: strong endings
        ("mit neues Datei", "Datei", "f", ["mit neue Datei", "mit neuer Datei"]),
        # nothing to change
        ("Die alte Markierung löschen", "Markierung", "f", []),  # agrees already
        ("Markierung setzen", "Markierung", "f", []),  # nothing before it
        ("Fehler bei einer Element-Datei", "Element", "n", []),  # the compound's head decides
        ("Die Elemente", "Element", "n", []),  # not a word of its own
        ("Er hat Markierung", "Markierung", "f", []),  # hat: no determiner nor adjective
        ("werden Markierung", "Markierung", "f", []),  # a function word is no adjective
        ("kein Treffer", "Markierung", "f", []),  # the target is not there
    ],
)
def test_agreeing_variants(text, target, gender, variants):
    assert agreeing_variants(text, target, gender) == variants


def test_the_adjectives_of_a_target_of_several_words_agree_with_its_noun():
    """ "mit einem unerwünschten Ereignis", not "mit einem unerwünschtes Ereignis": the target's
    own adjective inflects with the phrase; a target led by a noun keeps its words."""
    assert agreeing_variants("zu einem unerwünschtes Ereignis", "unerwünschtes Ereignis", "n") == [
        *("zu ein unerwünschtes Ereignis", "zu einem unerwünschten Ereignis"),
        "zu eines unerwünschten Ereignis",
    ]
    assert agreeing_variants("ein unerwünschtes Ereignis", "unerwünschtes Ereignis", "n") == []
    assert agreeing_variants("mit einen Git Depot", "Git Depot", "n") == [
        *("mit ein Git Depot", "mit einem Git Depot", "mit eines Git Depot"),
    ]
