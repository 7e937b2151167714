"""qa's mojibake check: text that is UTF-8 read as Windows-1252 or Latin-1, named with what it
should read; real text that writes Ã passes."""

from __future__ import annotations

import pytest

from ltmt.qa import check_pairs
from ltmt.qa.mojibake_checks import misread_runs, mojibake_problems
from ltmt.qa.pair_checks import PAIR_CHECKS
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        # trial session 69's file: passed with a spelling note on 'nderungen'
        ("Das CafÃ© ist sonntags geschlossen.", [("CafÃ©", "Café")]),
        (
            "Klicken Sie auf â€žSpeichernâ€œ, um Ihre Ã„nderungen zu behalten.",
            [("â€žSpeichernâ€œ", "„Speichern“"), ("Ã„nderungen", "Änderungen")],
        ),
        ("Preis: 25 â‚¬ pro Monat.", [("â‚¬", "€")]),  # noqa: RUF001
        (
            "Ã–l, GrÃ¼ÃŸe, Ãœbersicht",  # noqa: RUF001
            [("Ã–l", "Öl"), ("GrÃ¼ÃŸe", "Grüße"), ("Ãœbersicht", "Übersicht")],  # noqa: RUF001
        ),
        ("Ã¤", [("Ã¤", "ä")]),
        # a no-break space is a continuation byte's character: à misread
        ("voilÃ\u00a0tout", [("voilÃ\u00a0tout", "voilàtout")]),
        # real text that writes Ã, and German as it is
        ("NÃO É POSSÍVEL", []),
        ("SÃO PAULO", []),
        ("CONFIGURAÇÃO DE SEGURANÇA", []),
        ("Klicken Sie auf „Speichern“, um Ihre Änderungen zu behalten.", []),
        ("Größe: 25 € pro Monat, Grüße aus Zürich »heute«", []),
        ("", []),
    ],
)
def test_text_read_in_the_wrong_encoding_is_found(text, runs):
    assert misread_runs(text) == runs


def test_the_finding_names_the_fix():
    assert mojibake_problems("The café is closed.", "Das CafÃ© ist geschlossen.", {}) == [
        "'CafÃ©' looks like 'Café' read in the wrong encoding (UTF-8 read as Windows-1252); "
        "write 'Café'"
    ]


def test_the_mojibake_check_is_an_error_in_qa():
    assert PAIR_CHECKS["mojibake"] is mojibake_problems
    report = check_pairs(
        [
            PairRecord("Price: 25 € per month.", "Preis: 25 â‚¬ pro Monat.", "de.txt:3"),  # noqa: RUF001
            PairRecord("Not possible", "NÃO É POSSÍVEL", "pt.txt:1"),
        ],
        checks=["mojibake"],
    )
    assert [(f.check, f.severity, f.position) for f in report.findings] == [
        ("mojibake", "error", "de.txt:3")
    ]


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # regression trial rege, session 69: an error (rc 1) for garbled text the source quotes
        ('Replace "â€“" with "\u2013"', 'Ersetzen Sie "â€“" durch "\u2013"', []),
        ('Replace "â€“" with "\u2013"', "Ersetzen Sie „â€““ durch „\u2013“", []),
        # garbled text the source does not have is still the translation's error
        ('Replace "â€“" with "\u2013"', 'Ersetzen Sie "â€”" durch "\u2013"', ["â€”"]),
        ('Replace "â€“" in the café', 'Ersetzen Sie "â€“" im CafÃ©', ["CafÃ©"]),
    ],
)
def test_garbled_text_the_source_has_too_is_kept(source, target, flagged):
    problems = mojibake_problems(source, target, {})
    assert [problem.split("'")[1] for problem in problems] == flagged
    report = check_pairs([PairRecord(source, target, "de.txt:1")], checks=["mojibake"])
    assert len(report.findings) == len(flagged)
