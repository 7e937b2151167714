"""Swiss Standard German's ss for sharp s."""

from __future__ import annotations

import pytest

from ltmt.swiss_spelling import sharp_s_words, swiss_spelling, writes_ss


@pytest.mark.parametrize(
    ("language", "swiss"),
    [
        ("de-CH", True),
        ("de_CH", True),
        ("de_CH.UTF-8", True),
        ("de-LI", True),
        ("deu-CH", True),
        ("de", False),
        ("de-DE", False),
        ("de-AT", False),
        ("fr-CH", False),
        ("", False),
    ],
)
def test_which_languages_write_ss(language, swiss):
    assert writes_ss(language) is swiss


def test_sharp_s_is_written_ss_in_swiss_german_alone():
    # Flutter trial, session 65
    assert swiss_spelling("Die Größe ist zu groß.", "de-CH") == "Die Grösse ist zu gross."
    assert swiss_spelling("STRAẞE", "de_CH") == "STRASSE"
    assert swiss_spelling("Die Größe ist zu groß.", "de") == "Die Größe ist zu groß."
    assert sharp_s_words("Geben Sie den Straßennamen ein", "de-CH") == ["Straßennamen"]
    assert sharp_s_words("Geben Sie den Straßennamen ein", "de-DE") == []
