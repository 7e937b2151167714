"""German separable verbs found written apart or with ``zu``/``ge`` inside."""

from __future__ import annotations

import pytest

from ltmt.terminology.separable_verbs import separable_parts, separated_at


@pytest.mark.parametrize(
    ("target", "parts"),
    [
        ("anmelden", ("an", "meld")),
        ("zurücksetzen", ("zurück", "setz")),  # the longest prefix, not "zu"
        ("abändern", ("ab", "änder")),
        ("einloggen", ("ein", "logg")),
        ("festlegen", ("fest", "leg")),
        ("Anmeldung", None),  # a noun
        ("melden", None),  # no separable prefix
        ("antun", None),  # a stem too short to look for
        ("sich anmelden", None),  # several words
    ],
)
def test_separable_parts(target, parts):
    assert separable_parts(target) == parts


@pytest.mark.parametrize(
    ("output", "found"),
    [
        ("Melden Sie sich an, um fortzufahren.", {0}),
        ("Bitte melden Sie sich zuerst an.", {6}),
        ("Um fortzufahren, melden Sie sich an.", {17}),
        ("Er meldet sich an und startet das Spiel.", {3}),
        ("Klicken Sie hier, um sich anzumelden.", {26}),
        ("Sie sind als %s angemeldet", {16}),
        ("Melden Sie sich, um an fortzufahren.", set()),  # the prefix in another clause
        ("Melden Sie den Fehler an den Support.", set()),  # "an" is no clause's end here
        ("Loggen Sie sich ein.", set()),  # another verb
    ],
)
def test_separated_at(output, found):
    assert separated_at("anmelden", output) == found


def test_a_target_that_is_no_separable_verb_is_never_found_apart():
    assert separated_at("Ordner", "Öffnen Sie den Ordner an.") == set()
