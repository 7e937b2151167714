"""qa's language check: translations that read as another language than the target's."""

from __future__ import annotations

import pytest

from ltmt.qa import check_pairs
from ltmt.qa.language_checks import language_findings
from ltmt.segments import PairRecord

FRENCH = [
    ("Cannot open the file", "Impossible d'ouvrir le fichier"),
    ("Save changes", "Enregistrer les modifications"),
    ("The file was deleted", "Le fichier a été supprimé"),
    ("Do you want to quit the application?", "Voulez-vous quitter l'application ?"),
    ("Settings", "Paramètres"),
]
GERMAN = [
    ("Cannot open the file", "Die Datei kann nicht geöffnet werden"),
    ("Save changes", "Änderungen speichern"),
    ("Do you want to quit the application?", "Möchten Sie die Anwendung beenden?"),
    ("Show the log of the remote branch", "Das Protokoll des Remote-Branches anzeigen"),
]


def records(pairs: list[tuple[str, str]], origin: str = "") -> list[PairRecord]:
    return [
        PairRecord(source, target, f"entry {n}", origin=origin)
        for n, (source, target) in enumerate(pairs, 1)
    ]


def test_a_file_of_another_language_is_said_once_on_its_first_entry():
    found = language_findings(records(FRENCH), "de")
    assert [(f.entry, f.message) for f in found] == [
        (
            0,
            "the file's translations read as French (fr), not German: check --tgt-lang, or "
            "that this is the right file",
        )
    ]
    found = language_findings(records(GERMAN), "fr")
    assert [f.message[:50] for f in found] == ["the file's translations read as German (de), not F"]


def test_an_entry_of_another_language_among_the_targets_is_flagged():
    pairs = [*GERMAN, ("The file was deleted", "Le fichier a été supprimé")]
    found = language_findings(records(pairs), "de")
    assert [(f.position, f.message) for f in found] == [
        ("entry 5", "the translation reads as French (fr), not German")
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Settings", "Paramètres"),  # too few words to tell
        # the words copied from the source (a command, options) are not read: English
        (
            "git remote set-head <name> (-a | --auto | -d | --delete | <branch>)",
            "git remote set-head <Name> (-a | --auto | -d | --delete | <Branch>)",
        ),
        ("Open the file", "Die Datei öffnen"),
    ],
)
def test_short_entries_and_words_copied_from_the_source_are_not_flagged(source, target):
    assert language_findings(records([*GERMAN, (source, target)]), "de") == []


def test_a_few_words_whose_second_guess_is_the_target_language_are_not_flagged():
    """Trial s77 (a Flutter app): one ARB entry's German read as French (0.85; German 0.14),
    and qa said the file was French; a short file of another language is still told."""
    one = [("Don't miss {name}'s new list.", "Keine neue Liste verpassen. {name}")]
    assert language_findings(records(one), "de") == []
    short_french = [("The file was deleted", "Le fichier a été supprimé")]
    found = language_findings(records(short_french), "de")
    assert [f.message[:50] for f in found] == ["the file's translations read as French (fr), not G"]


def test_each_file_of_a_folder_is_read_alone():
    folder = records(GERMAN, "po/de.po") + records(FRENCH, "po/fr.po")
    found = language_findings(folder, "de")
    assert [
        (f.entry, f.message.startswith("the file's translations read as French")) for f in found
    ] == [(4, True)]


def test_the_check_needs_the_target_language():
    assert check_pairs(records(FRENCH), checks=["language"]).not_run == {
        "language": "no target language given"
    }
    report = check_pairs(records(FRENCH), checks=["language"], language="de")
    assert [f.check for f in report.findings] == ["language"]
    assert report.summary() == "5 entries checked: 1 warning (language 1)"


NORWEGIAN = [
    ("Save the file", "Lagre filen"),
    ("Your session has expired. Please log in again.", "Økten din har utløpt. Logg inn igjen."),
    ("The file could not be opened.", "Filen kunne ikke åpnes."),
    ("Do you want to delete this folder?", "Vil du slette denne mappen?"),
    ("Settings were saved successfully.", "Innstillingene ble lagret."),
    ("Check your internet connection and try again.", "Sjekk tilkoblingen din og prøv igjen."),
]


@pytest.mark.parametrize("language", ["no", "nb", "nn", "nb-NO"])
def test_a_macrolanguage_and_its_members_are_one_language(language):
    """Bokmål checked with --tgt-lang nb read as Norwegian (no), "not Norwegian Bokmål"."""
    assert language_findings(records(NORWEGIAN), language) == []
    assert language_findings(records(NORWEGIAN), "de") != []


def test_sharp_s_in_a_swiss_german_translation_is_flagged():
    # Flutter trial, session 65: app_de_CH.arb wrote "Straßennamen" and "Größe"
    pairs = [
        ("Enter the street name", "Geben Sie den Straßennamen ein"),
        ("The size is too large", "Die Grösse ist zu gross."),
    ]
    found = language_findings(records(pairs), "de-CH")
    assert [(f.entry, f.message) for f in found] == [
        (0, "German (Switzerland) writes ss, not ß: write 'Strassennamen'")
    ]
    assert language_findings(records(pairs), "de") == []


def test_sharp_s_in_a_placeholder_or_url_of_a_swiss_translation_is_not_flagged():
    # regression trial D, session 65
    pairs = [
        ("Street: %(straße)s", "Strasse: %(straße)s"),
        ("See https://example.de/straße/karte", "Lesen Sie https://example.de/straße/karte"),
    ]
    assert language_findings(records(pairs), "de-CH") == []
