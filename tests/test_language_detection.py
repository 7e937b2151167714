"""Which language a text is written in (fastText's identification, placeholders left out)."""

from __future__ import annotations

import pytest

from ltmt.language_detection import (
    DOCUMENT_SURE,
    SHORT_SURE,
    SURE,
    detect,
    document_language,
    language_name,
    language_of,
    pairs_language_problem,
    told_language,
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Datei konnte nicht geöffnet werden.", "de"),
        ("The file could not be opened because of a permission problem.", "en"),
        ("Le fichier est introuvable, veuillez réessayer plus tard.", "fr"),
        # placeholders are no words: the sentence around them decides
        ("Die Datei %s konnte nicht nach %s kopiert werden: %s", "de"),
    ],
)
def test_a_sentence_is_told_by_its_language(text, language):
    found = detect(text)
    assert found[0].language == language and found[0].confidence >= SURE
    assert len(found) == 3 and found[0].confidence >= found[1].confidence >= found[2].confidence
    assert language_of(text) == language


@pytest.mark.parametrize("text", ["", "   ", "%s: %d", "{count}", "42 / 7"])
def test_a_text_without_letters_has_no_language(text):
    assert detect(text) == [] and language_of(text) is None


def test_a_short_string_is_a_language_only_when_the_detector_is_sure():
    assert detect("OK")[0].confidence < SURE
    assert language_of("OK") is None


def test_a_document_reads_as_the_language_of_its_text_together():
    strings = ["Datei öffnen", "Speichern unter", "Die Datei %s wurde gespeichert.", "OK"]
    found = document_language(strings)
    assert found is not None and found.language == "de" and found.confidence >= DOCUMENT_SURE
    assert document_language(["%s", "42"]) is None
    # only the first characters are read: a long document costs no more than a short one
    assert document_language(["Die Datei wurde gespeichert."] * 5_000 + ["x" * 100]) is not None


@pytest.mark.parametrize(
    "texts",
    [
        ["Restore 50 HP.", "Open the chest."],  # read as Italian (0.83)
        ["Restore 50 HP."],  # as Italian (0.90)
    ],
)
def test_a_short_english_table_is_too_little_to_read_as_another_language(texts):
    """(a user's trial) a CSV table of two rows warned that it reads as Italian: a few words
    are read so (``words=0``), but not surely enough for so few."""
    misread = document_language(texts, words=0)
    assert misread is not None and misread.language == "it"
    assert document_language(texts) is None


def test_a_short_text_reads_as_its_language_where_the_detector_is_sure_enough():
    found = document_language(["Fenster schließen und Änderungen speichern"])
    assert found is not None and found.language == "de" and found.confidence >= SHORT_SURE


@pytest.mark.parametrize(
    "texts",
    [
        ["Le Monde"],  # read as French (0.98)
        ["Our café serves crème brûlée."],  # as French (0.91)
        ["Welcome back", "Pizza Quattro Formaggi"],  # as Italian (0.93)
        ["Vamos!"],  # as Portuguese (0.96)
    ],
)
def test_a_few_foreign_words_in_english_are_not_told_apart_from_english(texts):
    """(a regression trial) the server refused English menu strings that name a dish."""
    assert told_language(texts, "en") is None


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (["Le fichier a été enregistré. Voulez-vous le fermer maintenant ?"], "fr"),
        (["ファイルを開けませんでした。"], "ja"),  # one "word", in a script English is not
        (["open the file", "ファイルを開けませんでした。"], "ja"),
    ],
)
def test_a_sentence_or_another_script_is_told_apart_from_english(texts, language):
    found = told_language(texts, "en")
    assert found is not None and found.language == language


@pytest.mark.parametrize(
    ("code", "name"), [("de", "German"), ("en", "English"), ("fr", "French"), ("qqq", "qqq")]
)
def test_languages_are_named_in_english(code, name):
    assert language_name(code) == name


def test_german_quote_marks_do_not_make_a_text_french():
    """Only the words are read: German catalogs quote with ``»%s«``, French's marks."""
    strings = ["Lege Gruppe »%s« (GID %d) an …", "Füge Benutzer »%s« der Gruppe »%s« hinzu …"]
    assert detect(" ".join(strings))[0].language == "de"


ENGLISH = ["Could not open the file for reading", "The configuration was saved"]
GERMAN = ["Die Datei konnte nicht zum Lesen geöffnet werden", "Die Konfiguration wurde gespeichert"]
FRENCH = ["Impossible d'ouvrir le fichier en lecture", "La configuration a été enregistrée"]


@pytest.mark.parametrize(
    ("sources", "targets", "problem"),
    [
        (ENGLISH, GERMAN, None),
        (
            GERMAN,
            ENGLISH,
            "its sources read as German (de) and its translations as English (en): the two sides "
            "look swapped (the import is of English → German pairs)",
        ),
        (
            ENGLISH,
            FRENCH,
            "its translations read as French (fr), not German (the import is of English → "
            "German pairs)",
        ),
        (
            FRENCH,
            GERMAN,
            "its sources read as French (fr), not English (the import is of English → German "
            "pairs)",
        ),
        (["OK", "%s"], ["OK", "%s"], None),  # too little to tell: no problem
    ],
)
def test_pairs_whose_sides_read_as_other_languages_are_a_problem(sources, targets, problem):
    assert pairs_language_problem(sources, targets, "en", "de") == problem


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (["Enregistrer les modifications", "Annuler", "Supprimer le compte"], "fr"),
        (["Guardar cambios", "Eliminar la cuenta"], "es"),
        (["Einstellungen", "Abbrechen", "Speichern", "Löschen"], "de"),
    ],
)
def test_a_short_file_of_another_language_is_still_told(texts: list[str], language: str) -> None:
    """Asking a short text for 0.95 (to spare a short English table's loanwords) let three
    button labels in French, Spanish or German go untold (a regression trial): their words
    are no English words, so the document's 0.8 holds."""
    found = document_language(texts)
    assert found is not None and found.language == language
