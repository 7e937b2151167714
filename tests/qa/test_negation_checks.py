"""qa's negation check: a source that says no whose translation says it nowhere."""

from __future__ import annotations

import pytest

from ltmt.qa.findings import CHECKS
from ltmt.qa.negation_checks import lost_negation, negation_problems
from ltmt.qa.pair_checks import PAIR_CHECKS


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        # the medical trial's (session 63): a warning turned into an instruction
        ("Do not reuse.", "Wiederverwenden.", "not"),
        ("Not for injection.", "Zur Injektion.", "Not"),
        ("Never freeze.", "Einfrieren.", "Never"),
        ("Don't shake the vial.", "Die Durchstechflasche schütteln.", "Don't"),
        ("Cannot open the file", "Datei öffnen", "Cannot"),
        ("Store without light", "Mit Licht lagern", "without"),
        # German says it, in whichever of its ways
        ("Do not reuse.", "Nicht wiederverwenden.", None),
        ("No files found", "Keine Dateien gefunden", None),
        ("Never freeze.", "Niemals einfrieren.", None),
        ("Store without light", "Ohne Licht lagern", None),
        ("Smoking is not allowed.", "Rauchen verboten.", None),
        ("The key is not valid.", "Der Schlüssel ist ungültig.", None),
        ("There is no charge.", "Es ist kostenlos.", None),
        ("Could not open %s", "Öffnen von %s fehlgeschlagen", None),
        ("Do not install it unless you are sure.", "Nur installieren, wenn Sie sicher sind.", None),
        # a source without a negation, and negating words that are names or code
        ("Reuse the cup.", "Becher wiederverwenden.", None),
        ("Use --no-color", "--no-color verwenden", None),
        ('Set it to "none"', "Auf »none« setzen", None),
        ("declared NOT NULL", "als NOT NULL deklariert", None),
        # an untranslated entry is the copied check's
        ("Do not reuse.", "Do not reuse.", None),
    ],
)
def test_a_lost_negation_is_found(source: str, target: str, lost: str | None) -> None:
    assert lost_negation(source, target) == lost


def test_the_negation_check_says_what_the_source_said() -> None:
    assert negation_problems("Do not reuse.", "Wiederverwenden.", {}) == [
        "the source says 'not' and the translation has no negation (nicht, kein, nie, ohne ...):"
        " check that it does not say the opposite"
    ]


def test_a_negation_in_a_placeholder_is_not_the_source_s() -> None:
    assert negation_problems("Open {not_found}", "{not_found} öffnen", {}) == []


def test_the_negation_check_is_a_warning_among_the_pair_checks() -> None:
    assert PAIR_CHECKS["negation"] is negation_problems
    assert CHECKS["negation"].severity == "warning"
