"""The problems an import warns of (:mod:`ltmt.memory.import_checks`): ``ltmt qa``'s
placeholder, stray-markup and number checks, run where a pair's marks or digits differ."""

from __future__ import annotations

import pytest

from ltmt.memory.clean import CleanConfig
from ltmt.memory.import_checks import suspect_pairs
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("source", "target", "checks"),
    [
        ("Welcome back, {user}!", "Willkommen zurück!", ["placeholders"]),
        ("Hello, $USER$! You have tabs.", "Hallo! Sie haben Tabs.", ["placeholders"]),
        ("See the note", "Siehe &lt;a epub:type=»noteref« die Notiz", ["placeholders"]),
        ("Price: 25 EUR", "Preis: 20 EUR", ["numbers"]),
        ("Price: 1,000 EUR", "Preis: 1.000 EUR", []),
        # fintech trial, session 70: a minus before the dollar sign warned on a correct pair
        ("Loan balance: -$1,500.00", "Kreditsaldo: -1.500,00 $", []),
        ("Loan balance: -$1,500.00", "Kreditsaldo: 1.500,00 $", ["numbers"]),
        ("Hello, %s!", "Hallo, %s!", []),
        ("Open the file", "Datei öffnen", []),
        # Smartling's fields garbled by translate (trial s74): stored without a word before
        ("[[count]] new messages.", "[[count] neue Nachrichten.", ["placeholders"]),
        ("[[team]] invited you.", "[[team]]] hat Sie eingeladen.", ["placeholders"]),
        ("Hello [[name]], welcome.", "Hallo [[name]], willkommen.", []),
    ],
)
def test_a_pair_is_suspect_where_ltmt_qa_finds_it_so(
    source: str, target: str, checks: list[str]
) -> None:
    found = suspect_pairs([PairRecord(source, target, "f.tsv:1")])
    assert [kind.check for kind in found] == checks
    assert all(kind.positions == ("f.tsv:1",) for kind in found)


def test_a_stray_bracket_is_a_kind_apart_from_lost_placeholders() -> None:
    records = [
        PairRecord("Save {name}", "Speichern", "de.ftl: save"),
        PairRecord("See the note", "Siehe <a epub:type die Notiz", "ch1.xhtml#text2"),
    ]
    found = suspect_pairs(records)
    assert [(kind.about.split()[2], kind.positions) for kind in found] == [
        ("lacks", ("de.ftl: save",)),
        ("has", ("ch1.xhtml#text2",)),
    ]


def test_pairs_not_stored_are_not_checked() -> None:
    records = [
        PairRecord("25 EUR", "", "f.tsv:1"),
        PairRecord("25 EUR", "20", "f.tsv:2", unpaired="x"),
    ]
    assert suspect_pairs(records) == []


def test_a_pair_the_import_skips_is_not_said_to_be_imported() -> None:
    """Trial session 71: a translator-credits entry was counted 'skipped (1 length ratio)' and
    then warned of as '1 pair whose numbers disagree with the source's imported (entry 1)'."""
    credits = "Mario Blättermann <mario@example.de>, 2019\nChristian Kirbach <ck@example.de>, 2021"
    records = [
        PairRecord("translator-credits", credits, "old-de.po: entry 1"),
        PairRecord("Page 1", "Seite 2", "old-de.po: entry 2"),
    ]
    assert [kind.positions for kind in suspect_pairs(records)] == [("old-de.po: entry 2",)]
    loose = CleanConfig(max_length_ratio=10)
    assert [kind.positions for kind in suspect_pairs(records, loose)] == [
        ("old-de.po: entry 1", "old-de.po: entry 2")
    ]


def test_a_target_read_in_the_wrong_encoding_is_suspect() -> None:
    """Trial session 69: 'memory import' stored 'Das CafÃ© ist ...' without a word."""
    records = [
        PairRecord("The café is closed.", "Das CafÃ© ist geschlossen.", "qa.txt:1"),
        PairRecord("Price: 25 € per month.", "Preis: 25 â‚¬ pro Monat.", "qa.txt:3"),  # noqa: RUF001
        PairRecord("NOT POSSIBLE", "NÃO É POSSÍVEL", "pt.txt:1"),
        PairRecord("The café is closed.", "Das Café ist geschlossen.", "qa.txt:4"),
    ]
    found = suspect_pairs(records)
    assert [(kind.check, kind.about, kind.positions) for kind in found] == [
        (
            "mojibake",
            "whose target looks like UTF-8 read in the wrong encoding (CafÃ© for Café)",
            ("qa.txt:1", "qa.txt:3"),
        )
    ]


def test_garbled_text_the_source_has_too_is_not_suspect() -> None:
    """Regression trial rege, session 69: a pair that keeps the source's quoted 'â€“' was
    warned of as read in the wrong encoding."""
    records = [
        PairRecord('Replace "â€“" with "\u2013"', "Ersetzen Sie „â€““ durch „\u2013“", "de.tsv:1"),
        PairRecord('Replace "â€“" in the café', 'Ersetzen Sie "â€“" im CafÃ©', "de.tsv:2"),
    ]
    assert [(kind.check, kind.positions) for kind in suspect_pairs(records)] == [
        ("mojibake", ("de.tsv:2",))
    ]
