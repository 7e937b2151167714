"""qa's negation and numbers checks held to the user's memory: a near match's ``nicht`` or
``über`` said where the source differs from the match's source (a pharma trial, session 76)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.qa.polarity_checks import polarity_findings
from ltmt.qa.run import check_pairs
from ltmt.segments import PairRecord

PAIRS = [
    (
        "Xarelto is not recommended in patients with creatinine clearance < 15 mL/min.",
        "Die Anwendung von Xarelto wird bei Patienten mit einer Kreatinin-Clearance < 15 ml/min "
        "nicht empfohlen.",
    ),
    (
        "Xarelto must not be used in children below 18 years of age.",
        "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.",
    ),
    ("Do not store above 25 °C.", "Nicht über 25 °C lagern."),
    ("Not now", "Jetzt nicht"),
]
# the trial's outputs, each with its match's polarity, and right translations
FLIPPED = [
    (
        "Xarelto is recommended in patients with creatinine clearance < 15 mL/min.",
        "Die Anwendung von Xarelto wird in Patienten mit einer Kreatinin-Clearance < 15 ml/min "
        "nicht empfohlen.",
    ),
    (
        "Xarelto must be used in children below 18 years of age.",
        "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.",
    ),
    ("Do not store below 25 °C.", "Nicht über 25 °C lagern."),
]
RIGHT = [
    (
        "Xarelto must be used in children below 18 years of age.",
        "Xarelto muss bei Kindern unter 18 Jahren angewendet werden.",
    ),
    ("Do not store below 25 °C.", "Nicht unter 25 °C lagern."),
    ("Do not store above 30 °C.", "Nicht über 30 °C lagern."),
    ("Maybe later", "Jetzt nicht"),  # an idiom, no near match of the other polarity
]


def _records(pairs: list[tuple[str, str]]) -> list[PairRecord]:
    return [
        PairRecord(source, target, f"flip.txt: line {n}")
        for n, (source, target) in enumerate(pairs, 1)
    ]


@pytest.fixture
def memory(tmp_path: Path):
    with Memory(tmp_path / "store") as opened:
        for source, target in PAIRS:
            opened.add("rx", source, target)
        yield opened


def test_a_near_match_s_polarity_said_is_flagged_by_check(memory):
    found = polarity_findings(_records(FLIPPED), memory, "rx", ("negation", "numbers"))
    assert [(f.entry, f.check) for f in found] == [(0, "negation"), (1, "negation"), (2, "numbers")]
    assert found[2].message == (
        "the translation says 'über' where the source says 'below', as the memory match 'Do not "
        "store above 25 °C.' does: check that it does not say the opposite"
    )


def test_right_translations_and_idioms_are_not_flagged(memory):
    assert polarity_findings(_records(RIGHT), memory, "rx", ("negation", "numbers")) == []


def test_only_the_checks_asked_for_report(memory):
    found = polarity_findings(_records(FLIPPED), memory, "rx", ("numbers",))
    assert [(f.entry, f.check) for f in found] == [(2, "numbers")]
    assert polarity_findings(_records(FLIPPED), memory, "rx", ("spelling",)) == []


def test_qa_reports_each_entry_once_per_check(memory):
    """The trial's ``qa --user rx`` said "nothing found"; the numbers check's own reading of
    ``Nicht über 25 °C`` (without memory) and the memory's say it once."""
    report = check_pairs(
        _records(FLIPPED), checks=["negation", "numbers"], memory=memory, user="rx"
    )
    assert [(f.entry, f.check) for f in report.findings] == [
        (0, "negation"),
        (1, "negation"),
        (2, "numbers"),
    ]
    assert "the other way round" in report.findings[2].message


def test_without_memory_qa_says_only_what_the_pair_shows(memory):
    """A ``nicht`` where the source says none is no finding alone (German idioms say one):
    only the comparison read with its negation is."""
    report = check_pairs(_records(FLIPPED), checks=["negation", "numbers"])
    assert [(f.entry, f.check) for f in report.findings] == [(2, "numbers")]
