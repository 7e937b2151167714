"""The words before a placed glossary target, inflected to agree with its gender."""

from __future__ import annotations

import pytest

from ltmt.terminology.agreement import agreeing_variants


@pytest.mark.parametrize(
    ("text", "target", "gender", "variants"),
    [
        # an ein-word and an adjective (mixed endings): each case of a feminine noun
        (
            "Ein neues Markierung erzeugen",
            "Markierung",
            "f",
            ["Eine neue Markierung erzeugen", "Einer neuen Markierung erzeugen"],
        ),
        # the article (weak endings)
        (
            "Der ausgewählte Verzeichnis fehlt",
            "Verzeichnis",
            "n",
            [
                "Das ausgewählte Verzeichnis fehlt",
                "Dem ausgewählten Verzeichnis fehlt",
                "Des ausgewählten Verzeichnis fehlt",
            ],
        ),
        (
            "einen gültigen Kennwort",
            "Kennwort",
            "n",
            ["ein gültiges Kennwort", "einem gültigen Kennwort", "eines gültigen Kennwort"],
        ),
        # a der-word, two adjectives
        ("dieser alten großen Datei", "Datei", "f", []),  # agrees (dative or genitive)
        (
            "dieser alte große Datei",
            "Datei",
            "f",
            ["diese alte große Datei", "dieser alten großen Datei"],
        ),
        (
            "diese alte große Zweig",
            "Zweig",
            "m",
            [
                "dieser alte große Zweig",
                "diesen alten großen Zweig",
                "diesem alten großen Zweig",
                "dieses alten großen Zweig",
            ],
        ),
        # a preposition fused with the article
        ("zum Markierung", "Markierung", "f", ["zur Markierung"]),
        ("im Datei", "Datei", "f", ["in der Datei"]),
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
