"""How many negations a source and its German translation say, for qa's negation check."""

from __future__ import annotations

import pytest

from ltmt.qa.negation_counts import (
    GERMAN_UN,
    doubled_in_german,
    plain_in_german,
    said_in_english,
    said_in_german,
    sayable_in_english,
)


@pytest.mark.parametrize(
    ("words", "source", "said"),
    [
        (["not"], "Do not reuse.", 1),
        (["not", "without"], "Do not administer without a physician.", 2),
        (["not"], "Do not disconnect the catheter unless the clamp is closed.", 2),
        ([], "Sterile unless the package is opened.", 1),
        (["Neither", "nor"], "Neither hot nor cold.", 1),  # nor goes on with neither
        (["Cannot", "not"], "Cannot decrypt header, not enough space", 1),
        (["not"], "Not enough memory", 1),
        ([], "Open the file.", 0),
    ],
)
def test_the_source_says_its_negating_words_and_its_unless(words, source, said):
    assert said_in_english(words, source) == said


@pytest.mark.parametrize(
    ("found", "target", "source", "said"),
    [
        (["nicht"], "Nicht wiederverwenden.", "Do not reuse.", 1),
        (
            ["nicht", "ohne"],
            "Nicht ohne Arzt verabreichen.",
            "Do not administer without a doctor.",
            2,
        ),
        # an un-word says the source's un-word, no negation ...
        (["unbeaufsichtigt"], "Nie unbeaufsichtigt lassen.", "Never leave it unattended.", 0),
        (["ungeschlagen"], "Noch ungeschlagen.", "Never leave it unattended.", 0),
        # ... but a negation where the source has none of its own
        (["ungültig"], "Der Schlüssel ist ungültig.", "The key is not valid.", 1),
        (["unbeaufsichtigt"], "Unbeaufsichtigt lassen.", "Never leave it alone.", 1),
        # German's unless, and nur (erst for unless) as a negation and unless together
        ([], "Nicht trennen, es sei denn, sie ist zu.", "Do not disconnect unless closed.", 1),
        (["nur"], "Nur installieren, wenn Sie sicher sind.", "Do not install unless sure.", 2),
        ([], "Erst dann bemerkt, wenn ...", "Unnoticed unless ...", 2),
        ([], "Erst öffnen.", "Open first.", 0),
        # an exception or a concession says the source's, no negation (legal trial, session 75)
        ([], "Ausgenommen wie in Ziffer 4.2, speichert er.", "Except as in 4.2, he shall not.", 0),
        (["außer"], "Außer hier speichert er.", "Except here, he shall not store.", 0),
        (["Ungeachtet"], "Ungeachtet dessen haftet er.", "Notwithstanding this, not liable.", 0),
        (["Unbeschadet"], "Unbeschadet dessen haftet er.", "Notwithstanding this, not liable.", 0),
        (["Unabhängig"], "Unabhängig davon kündigt er.", "Regardless, he may not terminate.", 0),
        (
            ["Ungeachtet", "unbefugt", "nicht"],
            "Ungeachtet dessen darf er unbefugt nicht speichern.",
            "Notwithstanding this, he may not store unauthorised.",
            1,
        ),
        (["Ungeachtet", "nicht"], "Ungeachtet dessen haftet er nicht.", "Notwithstanding, not.", 1),
        # ... but one where the source has no exception, and an unless's ausgenommen
        (["außer"], "Außer hier speichern.", "Do not store here.", 1),
        ([], "Ausgenommen, es ist zu.", "Sterile unless it is closed.", 1),
    ],
)
def test_the_translation_says_german_s_negations(found, target, source, said):
    assert said_in_german(found, target, source) == said


@pytest.mark.parametrize(
    ("target", "plain", "doubled"),
    [
        ("Lassen Sie nicht vor Ablauf des Verfallsdatums nicht mehr verwenden.", 2, True),
        ("Nicht nicht auswertbar", 2, True),
        ("Nicht vor dem Verfallsdatum verwenden.", 1, False),
        # a list's items, a second clause, a compound's first part, an idiom
        ("Es ist kein Verzeichnis, keine Datei und kein Symlink.", 3, False),
        ("Nicht trennen, wenn die Klemme nicht geschlossen ist.", 2, False),
        ("Kann nicht auf ein Nicht-Verzeichnis verschoben werden.", 1, False),
        ("Nicht zuletzt dank der Presse, nicht nur heute.", 0, False),
        ("Bei Patienten mit weniger als 10 kg verwenden.", 0, False),
        # a number's separator ends no clause (legal trial, session 75) ...
        ("4.3 Die Haftung darf nicht über 20.000 je Anspruch nicht übersteigen.", 2, True),
        ("Nicht 2,5 mg, nicht 10:30 Uhr überschreiten", 2, False),
        ("Darf nicht 2,5 mg nicht überschreiten", 2, True),
        # ... but punctuation beside one does
        ("Nicht über 4.2. Keine Daten speichern.", 2, False),
        ("Nicht 20.000, kein Cent mehr.", 2, False),
    ],
)
def test_german_s_plain_negations_and_a_clause_that_says_two(target, plain, doubled):
    assert plain_in_german(target) == plain
    assert doubled_in_german(target) is doubled


@pytest.mark.parametrize(
    ("source", "sayable"),
    [
        ("Use only with approved infusion sets.", 0),  # only is no negation
        ("Do not use before the expiry date.", 1),  # nor is before
        ("Never leave the patient unattended.", 2),
        ("Sterile unless the package is opened.", 1),
        ("out of memory", 1),
        ("Size mismatch", 1),
        ('"Without that goal, it could not be kept."', 2),  # a quoted one too
        ("cannot use a non-datagram socket", 2),
        ("Open the file.", 0),
    ],
)
def test_what_a_translation_may_say_with_a_negation(source, sayable):
    assert sayable_in_english(source) == sayable


@pytest.mark.parametrize(
    ("word", "negates"),
    [
        ("ungültig", True),
        ("unbefugt", True),
        ("uninteressant", True),
        ("Ungeachtet", True),  # an un-word, taken by an exception (notwithstanding)
        # a word of un- that says no negation (der Europäischen Union: legal trial, s75)
        ("Union", False),
        ("Unionsrecht", False),
        ("Universität", False),
        ("Uniform", False),
        ("Unikat", False),
        ("Unicode", False),
        ("und", False),
        ("unter", False),
    ],
)
def test_a_german_un_word_negates_but_union_and_its_like(word, negates):
    assert (GERMAN_UN.fullmatch(word) is not None) is negates
