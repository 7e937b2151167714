"""Terms learnt from a memory: consistent pairs are found with their evidence, others are not."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.terminology.suggest import (
    SuggestConfig,
    cases_inside_sentences,
    suggest_terms,
    written_as_nouns,
)

MEMORY = [
    ("Push to the repository", "In das Depot übertragen"),
    ("The repository is empty", "Das Depot ist leer"),
    ("Clone a repository", "Ein Depot klonen"),
    ("Two repositories found", "Zwei Depots gefunden"),  # plural and inflection count
    ("Delete the branch", "Den Zweig löschen"),
    ("The branch is gone", "Der Ast ist weg"),
    ("Rename a branch", "Eine Abzweigung umbenennen"),
    ("Show the branch %s", "Den Zweig %s anzeigen"),
    ("Open the file", "Datei öffnen"),
    ("The file is empty", "Die Datei ist leer"),
    ("Save all files", "Alle Dateien speichern"),
]


def test_consistent_terms_are_found_with_evidence():
    found = {s.source: s for s in suggest_terms(MEMORY)}
    assert found["repository"].target == "Depot"
    assert (found["repository"].agreeing, found["repository"].segments) == (4, 4)
    assert found["file"].target == "Datei"
    assert found["file"].consistency == 1.0
    assert found["repository"].to_dict()["consistency"] == 1.0


def test_an_inconsistent_term_is_not_proposed():
    found = {s.source for s in suggest_terms(MEMORY)}
    assert "branch" not in found  # Zweig / Ast / Abzweigung: 2 of 4 agree
    loose = {s.source for s in suggest_terms(MEMORY, SuggestConfig(min_consistency=0.5))}
    assert "branch" in loose


def test_rare_phrases_need_evidence():
    assert suggest_terms(MEMORY[:2]) == []
    with pytest.raises(ConfigError, match="min_consistency must be in"):
        SuggestConfig(min_consistency=1.5)


def test_multi_line_entries_are_counted_line_by_line():
    usage = (
        "  -?, --help     show this help message.\n      --version  show the version.\n",
        "  -?, --help     diese Hilfemeldung anzeigen\n      --version  die Version anzeigen\n",
    )
    pairs = [usage] * 4 + [("print the version", "die Version ausgeben")]
    found = {s.source: s for s in suggest_terms(pairs)}
    # taken whole, every usage text would pair "help message" with "Version" (4 of 4 segments)
    assert [s for s in found if found[s].target == "Version"] == ["version"]
    assert (found["version"].agreeing, found["version"].segments) == (5, 5)
    # lines of an entry whose line counts differ cannot be paired: the entry stays whole, and
    # "show" and "exit", which stand beside "version" in every segment, borrowed its "Version"
    uneven = [("show the version.\nexit", "die Version anzeigen")] * 3
    assert [(s.source, s.segments) for s in suggest_terms(uneven)] == [("version", 3)]


# Adverbs start German sentences with a capital as nouns do; inside a sentence they have none.
ADVERBS = [
    ("However, the file is open", "Jedoch ist die Datei geöffnet"),
    ("However, it failed", "Jedoch ist es fehlgeschlagen"),
    ("However, nothing changed", "Jedoch hat sich nichts geändert"),
    ("The push failed, however", "Das Übertragen ist jedoch fehlgeschlagen"),
    ("Quickly open the file", "Die Datei schnell öffnen"),
    ("Quickly close it", "Schnell schließen"),
    ("Quickly save", "Schnell speichern"),
    ("Save the file", "Die Datei speichern"),
]


def test_only_words_written_as_nouns_inside_sentences_are_noun_like():
    found = {s.source: (s.target, s.noun_like) for s in suggest_terms(ADVERBS)}
    assert found == {
        "however": ("Jedoch", False),
        "quickly": ("Schnell", False),
        "file": ("Datei", True),
    }


@pytest.mark.parametrize(
    ("target", "noun_like"),
    [
        ("Datei", True),  # a capital inside a sentence
        ("Schnell", False),  # a capital only where a sentence or line starts
        ("Jedoch", False),  # without one inside a sentence, though a sentence starts with it
        ("Neue Datei", False),  # every word counts: an adjective inflects inside the phrase
        ("Depot", True),  # never seen inside a sentence: the German noun table knows it
        ("Fehler", True),  # only where a sentence starts: the German noun table knows it
        ("Öffnen", False),  # only where a line starts, and a verb written as a noun there
    ],
)
def test_noun_like_is_how_the_memory_writes_a_word_inside_sentences(target, noun_like):
    cases = cases_inside_sentences(
        [
            "Schnell speichern. Die Datei ist neue",
            "Fehler: Jedoch fehlt die Datei jedoch",
            "%s Datei\nSchnell\nDepot\nÖffnen",
        ]
    )
    assert written_as_nouns(target, cases) is noun_like


# German compounds translate English phrases of several words: "infusion pump" is one word,
# "Infusionspumpe", so each English word of it co-occurs with it as often as the phrase does.
DEVICE_MEMORY = [
    (
        "Switch off the infusion pump before cleaning.",
        "Schalten Sie die Infusionspumpe vor der Reinigung aus.",
    ),
    ("The infusion pump shows the flow rate.", "Die Infusionspumpe zeigt die Förderrate an."),
    (
        "Connect the catheter to the infusion pump.",
        "Verbinden Sie den Katheter mit der Infusionspumpe.",
    ),
    ("The flow rate must not exceed 50 ml/h.", "Die Förderrate darf 50 ml/h nicht überschreiten."),
    ("Check the flow rate every hour.", "Überprüfen Sie die Förderrate jede Stunde."),
    ("Remove the catheter carefully.", "Entfernen Sie den Katheter vorsichtig."),
    ("Flush the catheter with saline.", "Spülen Sie den Katheter mit Kochsalzlösung."),
    (
        "The occlusion alarm indicates a blocked line.",
        "Der Okklusionsalarm zeigt eine blockierte Leitung an.",
    ),
    ("Silence the occlusion alarm.", "Schalten Sie den Okklusionsalarm stumm."),
    ("An occlusion alarm stops the infusion.", "Ein Okklusionsalarm stoppt die Infusion."),
    (
        "Store the infusion pump in a dry place.",
        "Lagern Sie die Infusionspumpe an einem trockenen Ort.",
    ),
    ("The catheters are sterile.", "Die Katheter sind steril."),
]


def test_a_compound_is_suggested_for_the_phrase_it_translates_not_for_each_word():
    found = {s.source: (s.target, s.agreeing, s.segments) for s in suggest_terms(DEVICE_MEMORY)}
    # "pump", "infusion" (4 of its 5 segments are the pump's), "flow", "rate", "occlusion" and
    # "alarm" each got the compound, and the phrases were dropped for them
    assert found == {
        "catheter": ("Katheter", 4, 4),
        "infusion pump": ("Infusionspumpe", 4, 4),
        "flow rate": ("Förderrate", 3, 3),
        "occlusion alarm": ("Okklusionsalarm", 3, 3),
    }


@pytest.mark.parametrize(
    ("memory", "word", "phrase"),
    [
        (  # the word brings the target outside the phrase too
            [
                ("Push to the remote repository", "In das entfernte Depot übertragen"),
                ("The remote repository is empty", "Das entfernte Depot ist leer"),
                ("Clone a remote repository", "Ein entferntes Depot klonen"),
                ("Create a repository", "Ein Depot anlegen"),
            ],
            "repository",
            "remote repository",
        ),
        (  # the phrase's segments hold another word's translation too: the target is one word's
            [
                ("Open the file", "Die Datei öffnen"),
                ("Open the file now", "Die Datei jetzt öffnen"),
                ("Open the file again", "Die Datei erneut öffnen"),
            ],
            "file",
            "open the file",
        ),
        (  # the target is one word's, the other word comes with its own elsewhere
            [
                ("Only local files may be selected", "Nur lokale Dateien können gewählt werden"),
                ("Limit to local file: URLs", "Auf lokale file:-Adressen begrenzen"),
                ("Limit to local file: URIs", "Auf lokale file:-Adressen begrenzen"),
                ("Open a file", "Eine Datei öffnen"),
                ("Save the file", "Die Datei speichern"),
                ("The file is empty", "Die Datei ist leer"),
            ],
            "local",
            "local file",
        ),
    ],
)
def test_a_phrase_whose_target_translates_one_word_of_it_gives_way_to_the_word(
    memory, word, phrase
):
    found = {s.source: s.target for s in suggest_terms(memory)}
    assert word in found and phrase not in found
