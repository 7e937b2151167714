"""The words before a placed glossary target, inflected to agree with its gender."""

from __future__ import annotations

import pytest

from ltmt.terminology.agreement import agreeing_variants, in_dative_plural


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
            "Sie wählen einen gültigen Kennwort",
            "Kennwort",
            "n",
            [
                "Sie wählen ein gültiges Kennwort",
                "Sie wählen einem gültigen Kennwort",
                "Sie wählen eines gültigen Kennwort",
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
            "Sie löschen diese alte große Zweig",
            "Zweig",
            "m",
            [
                "Sie löschen dieser alte große Zweig",
                "Sie löschen diesen alten großen Zweig",
                "Sie löschen diesem alten großen Zweig",
                "Sie löschen dieses alten großen Zweig",
            ],
        ),
        # a preposition fused with the article, at the line's start too
        ("zum Markierung", "Markierung", "f", ["zur Markierung"]),
        ("Wert im Datei", "Datei", "f", ["Wert in der Datei"]),
        # no determiner: strong endings
        ("Vorschau neues Datei", "Datei", "f", ["Vorschau neue Datei", "Vorschau neuer Datei"]),
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
        "zu einem unerwünschten Ereignis"
    ]
    assert agreeing_variants("ein unerwünschtes Ereignis", "unerwünschtes Ereignis", "n") == []
    assert agreeing_variants("mit einen Git Depot", "Git Depot", "n") == ["mit einem Git Depot"]


@pytest.mark.parametrize(
    ("text", "target", "gender", "variants"),
    [
        # the dative alone: "Zu entfernter Zweig wechseln" was left as a nominative
        (
            "Zu entfernter Zweig wechseln",
            "entfernter Zweig",
            "m",
            ["Zum entfernten Zweig wechseln"],
        ),
        (
            "Zu den entfernter Zweig wechseln",
            "entfernter Zweig",
            "m",
            ["Zum entfernten Zweig wechseln"],
        ),
        ("Merge mit entfernter Zweig", "entfernter Zweig", "m", ["Merge mit entferntem Zweig"]),
        ("mit einen gültigen Kennwort", "Kennwort", "n", ["mit einem gültigen Kennwort"]),
        ("aus dieser alte große Datei", "Datei", "f", ["aus dieser alten großen Datei"]),
        ("zu neue Datei", "Datei", "f", ["zur neuen Datei"]),
        ("von neues Datei", "Datei", "f", ["von neuer Datei"]),  # "von der": no one word
        ("Daten vom alter Server", "Server", "m", ["Daten vom alten Server"]),
        # the accusative alone, or either
        ("für diese alte große Zweig", "Zweig", "m", ["für diesen alten großen Zweig"]),
        ("in die alte Zweig", "Zweig", "m", ["in den alten Zweig", "in dem alten Zweig"]),
        # agrees in a case the preposition governs
        ("Mit dem entfernten Zweig", "entfernter Zweig", "m", []),
        ("zum entfernten Zweig", "entfernter Zweig", "m", []),
        ("in den alten Zweig", "Zweig", "m", []),
        # "zu" after a determiner is "too", no preposition
        ("eine zu alte Datei", "Datei", "f", []),
    ],
)
def test_a_preposition_before_the_phrase_chooses_its_cases(text, target, gender, variants):
    assert agreeing_variants(text, target, gender) == variants


@pytest.mark.parametrize(
    ("text", "target", "written"),
    [
        (
            "Vergleichen mit den entfernte Zweige",
            "entfernte Zweige",
            "Vergleichen mit den entfernten Zweigen",
        ),
        ("Merge mit entfernte Zweige", "entfernte Zweige", "Merge mit entfernten Zweigen"),
        ("aus diese Ordner", "Ordner", "aus diesen Ordnern"),
        ("mit keine Dateien", "Dateien", "mit keinen Dateien"),
        ("mit den Pull-Requests", "Pull-Requests", "mit den Pull-Requests"),  # -s: no -n
        # not the dative alone, or a determiner with no plural, or no noun
        ("für die entfernte Zweige", "entfernte Zweige", "für die entfernte Zweige"),
        ("in den Zweige", "Zweige", "in den Zweige"),
        ("mit einem Zweige", "Zweige", "mit einem Zweige"),
        ("mit den Zweige", "Repositorys", "mit den Zweige"),
    ],
)
def test_a_plural_after_a_dative_preposition_is_a_dative_plural(text, target, written):
    assert in_dative_plural(text, target) == written
