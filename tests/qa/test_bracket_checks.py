"""qa on fields in double brackets (Smartling's ``[[name]]``): a garbled copy is named with what
to write; a lost or renamed field is said as any placeholder is."""

from __future__ import annotations

from collections import Counter

import pytest

from ltmt.qa.bracket_checks import garbled_fields
from ltmt.qa.pair_checks import placeholder_problems


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
