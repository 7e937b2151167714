"""qa's sentences check: a translation that lost a whole sentence of its source, named."""

from __future__ import annotations

import pytest

from ltmt.qa.findings import TARGET_LANGUAGE
from ltmt.qa.pair_checks import PAIR_CHECKS
from ltmt.qa.sentence_checks import missing_sentences, sentence_problems

_FILTER = "Open the lid. Remove the old filter. Insert the new filter."


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # IFU trial, session 69: a dropped warning passed a plain qa run
        (
            "Do not reuse the sensor. Risk of infection.",
            "Den Sensor nicht wiederverwenden.",
            ["lacks a sentence of its source: 'Risk of infection.'; translate it"],
        ),
        # no word shared, and lengths too near to tell (SAP trial: by length, the wrong one)
        (
            "Read the manual first. Keep it for later.",
            "Lesen Sie zuerst das Handbuch.",
            ["lacks 1 of its source's 2 sentences: check that each is translated"],
        ),
        (
            "The file was saved. Please restart the app.",
            "Die Datei wurde gespeichert.",
            ["lacks 1 of its source's 2 sentences: check that each is translated"],
        ),
        (
            "The service is currently unavailable. Please try again later.",
            "Der Dienst ist nicht verfügbar.",
            ["lacks 1 of its source's 2 sentences: check that each is translated"],
        ),
        # a cognate tells which is said (app, App), a number too
        (
            "Please restart the app. The file was saved.",
            "Bitte starten Sie die App neu.",
            ["lacks a sentence of its source: 'The file was saved.'; translate it"],
        ),
        (
            "The file was saved. Restart the app within 5 minutes.",
            "Starten Sie sie in 5 Minuten neu.",
            ["lacks a sentence of its source: 'The file was saved.'; translate it"],
        ),
        # two sentences of one length: both named
        (
            _FILTER,
            "Den Deckel öffnen. Den neuen Filter einsetzen.",
            [
                "lacks a sentence of its source: 'Insert the new filter.' or "
                "'Remove the old filter.'; translate it"
            ],
        ),
        # two short sentences joined by a comma or a semicolon say both: not shorter
        ("Save your work. Then close the app.", "Arbeit speichern, dann die App schließen.", []),
        ("Save your work. Then close the app.", "Speichern Sie; schließen Sie dann die App.", []),
        (
            "Do not reuse the sensor. Risk of infection.",
            "Nicht wiederverwenden: Infektionsgefahr.",
            [],
        ),
        (_FILTER, "Den Deckel öffnen. Den alten Filter entfernen. Den neuen einsetzen.", []),
        ("Do not reuse.", "Nicht wiederverwenden.", []),
    ],
)
def test_a_lost_sentence_is_found_and_named(source, target, problems):
    assert sentence_problems(source, target, {TARGET_LANGUAGE: "de-DE"}) == problems


def test_the_sentence_lost_is_named_by_length():
    said = ["Open the lid. ", "Remove the old and worn-out filter cartridge. ", "Close it."]
    assert missing_sentences(said, ["Den Deckel öffnen. ", "Schließen."]) == [[said[1]]]


def test_the_sentences_check_runs_in_qa():
    assert PAIR_CHECKS["sentences"] is sentence_problems


@pytest.mark.parametrize(
    "source",
    [
        "Dilute approx. 5 ml of the concentrate in 1 l of water.",
        "Tighten the screw to approx. 2 Nm using the supplied hex key.",
    ],
)
def test_an_abbreviation_before_a_number_is_no_sentence_lost(source):
    """Trial: "lacks a sentence of its source: 'Dilute approx.'" (the splitter cut there)."""
    assert sentence_problems(source, "Ca. 5 ml Konzentrat in 1 l Wasser verdünnen.", {}) == []
