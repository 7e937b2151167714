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


@pytest.mark.parametrize(
    ("output", "swiss"),
    [
        # regression trial D, session 65: the model's German of ch.txt
        ("Blick auf die Hauptstraße 5, Berlin.", "Blick auf die Hauptstrasse 5, Berlin."),
        ("Straße: %(straße)s", "Strasse: %(straße)s"),
        ("Hello {straße}, Ihre Anordnung ist auf dem Weg.", None),
        ("Street: {{straße}}", None),
        ("Lesen Sie https://example.de/straße/karte für die Karte.", None),
        ("Schreiben info@großhandel.de für Details.", None),
        ("Download größe.pdf aus dem Portal.", None),
        (
            "Verwenden Sie die `--maße`-Flagge, um die Größe zu setzen.",
            "Verwenden Sie die `--maße`-Flagge, um die Grösse zu setzen.",
        ),
        # names in running text are written as Swiss German writes them
        ("Herr Groß wird Ihnen Kontakt geben.", "Herr Gross wird Ihnen Kontakt geben."),
        ("Willkommen nach Gießen!", "Willkommen nach Giessen!"),
        ("Die Straße endet. Dort", "Die Strasse endet. Dort"),
    ],
)
def test_only_running_text_is_written_ss(output, swiss):
    assert swiss_spelling(output, "de-CH") == (output if swiss is None else swiss)


def test_a_glossary_name_kept_as_written_keeps_its_sharp_s():
    # trial D: the glossary's "Weißbräu,Weißbräu" became "Weissbräu"
    kept = ("Weißbräu",)
    assert swiss_spelling("Order Weißbräu Bier online.", "de-CH", kept) == (
        "Order Weißbräu Bier online."
    )
    assert swiss_spelling("Die Größe von Weißbräus", "de-CH", kept) == "Die Grösse von Weissbräus"


def test_sharp_s_inside_placeholders_and_addresses_is_not_flagged():
    text = "Strasse: %(straße)s, https://example.de/straße, info@großhandel.de, Größe"
    assert sharp_s_words(text, "de-CH") == ["Größe"]
