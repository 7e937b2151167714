"""qa on fields in double brackets (Smartling's ``[[name]]``): a garbled copy is named with what
to write; a lost or renamed field is said as any placeholder is; a one-word field written as a
German page's link (``[[Hilfe]]`` for ``[[help]]``, a wiki's link localised) is a warning of the
``addresses`` check, not a lacking placeholder."""

from __future__ import annotations

from collections import Counter

import pytest

from ltmt.qa import check_pairs
from ltmt.qa.bracket_checks import garbled_fields, localised_links
from ltmt.qa.pair_checks import address_problems, placeholder_problems
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # trial s74: translate wrote these, and qa said nothing
        (
            "[[count]] new messages are waiting for you.",
            "[[count] neue Nachrichten warten auf Sie.",
            ["writes [[count] for [[count]], which the app shows as text: write [[count]]"],
        ),
        (
            "Hello [[name]], welcome.",
            "Hallo [[Name], willkommen.",
            ["writes [[Name] for [[name]], which the app shows as text: write [[name]]"],
        ),
        (
            "Hello [[name]], welcome back.",
            "Hallo [[Name]], willkommen zurück.",
            ["writes [[Name]] for [[name]], which the app shows as text: write [[name]]"],
        ),
        (
            "[[team]] invited you.",
            "[[team]]] hat Sie eingeladen.",
            ["writes [[team]]] for [[team]], which the app shows as text: write [[team]]"],
        ),
        (
            "Thanks, [[first_name]]!",
            "Danke, [[first_Name]]!",
            [
                "writes [[first_Name]] for [[first_name]], which the app shows as text: "
                "write [[first_name]]"
            ],
        ),
        ("Thanks, [[first_name]]!", "Danke!", ["lacks [[first_name]]"]),
        (
            "Thanks, [[first_name]]!",
            "Danke, [[vorname]]!",
            ["lacks [[first_name]]", "adds [[vorname]], which the source does not have"],
        ),
        ("Hello [[name]], welcome.", "Hallo [[name]], willkommen.", []),
        # a wiki's link is text a translator translates
        ("See [[Help]] for details.", "Siehe [[Hilfe]] für Details.", []),
        ("See [[Main Page]] first.", "Siehe zuerst [[Hauptseite]].", []),
    ],
)
def test_a_garbled_field_in_double_brackets_is_named(
    source: str, target: str, expected: list[str]
) -> None:
    assert placeholder_problems(source, target, {}) == expected


def test_each_garbled_copy_is_named_once() -> None:
    source = "[[n]] of [[n]] and [[m]]"
    found = garbled_fields(Counter({"[[n]]": 2, "[[m]]": 1}), source, "[[n] von [[N]] und")
    assert found == [("[[n]]", "[[n]"), ("[[n]]", "[[N]]")]


_LOCALISED = (
    "writes [[Hilfe]] for [[help]]: right for a wiki's link to the German page; if [[help]] is "
    "a field the app fills in (Smartling's), write [[help]]"
)


@pytest.mark.parametrize(
    ("source", "target", "placeholders", "addresses"),
    [
        # trial s74 (regformats 3): a MediaWiki link localised failed qa as lacking [[help]]
        ("The [[help]] page explains editing.", "Die Seite [[Hilfe]] erklärt das Bearbeiten.",
         [], [_LOCALISED]),
        ("The [[help]] page explains editing.", "Die [[Hilfe-Seite]] erklärt das Bearbeiten.",
         [], [_LOCALISED.replace("[[Hilfe]]", "[[Hilfe-Seite]]")]),
        # kept as written: nothing to say
        ("The [[help]] page explains editing.", "Die Seite [[help]] erklärt das Bearbeiten.",
         [], []),
        # a wiki's text (a link no field can be beside it): its links are localised, unsaid
        ("See [[Help:Contents]] and the [[help]] page.", "Siehe [[Hilfe:Inhalt]] und [[Hilfe]].",
         [], []),
        ("See [[Help:Contents]] and the [[help]] page.", "Siehe [[Hilfe:Inhalt]].",
         ["lacks [[help]]"], []),
        # Smartling's fields garbled or lost stay errors (trial s74, smartling 1)
        ("Hello [[name]], welcome.", "Hallo [[Name]], willkommen.",
         ["writes [[Name]] for [[name]], which the app shows as text: write [[name]]"], []),
        ("[[count]] new messages.", "[[count] neue Nachrichten.",
         ["writes [[count] for [[count]], which the app shows as text: write [[count]]"], []),
        ("[[count]] new messages.", "Neue Nachrichten.", ["lacks [[count]]"], []),
        # renamed to a word in small letters, or a field of a code's shape: no page's title
        ("[[count]] new messages.", "[[anzahl]] neue Nachrichten.",
         ["lacks [[count]]", "adds [[anzahl]], which the source does not have"], []),
        ("Thanks, [[firstName]]!", "Danke, [[Vorname]]!", ["lacks [[firstName]]"], []),
        # a garbled field and a localised link in one text: each said by its check
        ("Hello [[name]], see [[help]].", "Hallo [[Name]], siehe [[Hilfe]].",
         ["writes [[Name]] for [[name]], which the app shows as text: write [[name]]"],
         [_LOCALISED]),
        # two fields, one link: the other field is lacking
        ("[[help]] and [[team]]", "[[Hilfe]] und", ["lacks [[team]]"],
         [_LOCALISED]),
    ],
)  # fmt: skip
def test_a_one_word_field_written_as_a_german_pages_link_is_a_warning(
    source: str, target: str, placeholders: list[str], addresses: list[str]
) -> None:
    assert placeholder_problems(source, target, {}) == placeholders
    assert address_problems(source, target, {}) == addresses


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("The [[help]] page", "Die Seite [[Hilfe]]", [("[[help]]", "[[Hilfe]]")]),
        ("[[help]] or [[sandbox]]", "[[Hilfe]] oder [[Spielwiese]]",
         [("[[help]]", "[[Hilfe]]"), ("[[sandbox]]", "[[Spielwiese]]")]),
        ("[[help]] or [[sandbox]]", "[[Hilfe]] oder [[sandbox]]", [("[[help]]", "[[Hilfe]]")]),
        # another case of the source's name is a garbled field, not a localised link
        ("The [[help]] page", "Die Seite [[Help]]", []),
        ("Hello [[name]]", "Hallo [[Name]]", []),
        ("Hello [[name]], see [[help]]", "Hallo [[Name]], siehe [[Hilfe]]",
         [("[[help]]", "[[Hilfe]]")]),
        ("Hello [[name]], see [[help]]", "Hallo [[name], siehe [[Hilfe]]",
         [("[[help]]", "[[Hilfe]]")]),
        # a link the source writes too is the source's
        ("[[help]] and [[Hilfe]]", "[[Hilfe]] und [[Hilfe]]", []),
        ("[[help]]", "Hilfe", []),
        ("Help", "[[Hilfe]]", []),
    ],
)  # fmt: skip
def test_localised_links_pair_a_lost_field_with_a_new_link(
    source: str, target: str, expected: list[tuple[str, str]]
) -> None:
    assert localised_links(source, target) == expected


def test_qa_passes_a_wiki_translation_with_a_localised_link_as_a_warning() -> None:
    """Trial s74 (regformats 3): ``ltmt qa`` exited 1 on this file's correct translation."""
    records = [
        PairRecord("See [[Help:Contents]] for help.", "Siehe [[Hilfe:Inhalt]] für Hilfe.", "w:3"),
        PairRecord("The [[help]] page explains editing.", "Die Seite [[Hilfe]] erklärt das "
                   "Bearbeiten.", "w:4"),
        PairRecord("Hello [[name]], welcome back.", "Hallo [[Name]], willkommen zurück.", "w:6"),
    ]  # fmt: skip
    report = check_pairs(records, checks=["placeholders", "addresses"])
    assert [(f.position, f.severity, f.check) for f in report.findings] == [
        ("w:4", "warning", "addresses"),
        ("w:6", "error", "placeholders"),
    ]
