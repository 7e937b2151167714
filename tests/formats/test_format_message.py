"""Windows' FormatMessage inserts and escapes in the placeholder inventory (a Win32
developer's trial, fm2.txt and fm-src.txt of session 70)."""

from __future__ import annotations

import pytest

from ltmt.formats.placeholder_syntax import (
    extract_placeholders,
    find_placeholders,
    placeholder_matches,
    sent_as_tags,
)
from ltmt.formats.repair import repair_line
from ltmt.qa.pair_checks import placeholder_problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Access to %1!s! was denied (error %2!d!).%n",
            ["%1!s!", "%2!d!", "%n"],
        ),
        ("Could not connect to %1!s! on port %2!u!.", ["%1!s!", "%2!u!"]),
        ("Write %1!.*s! to %3!08x!%0", ["%1!.*s!", "%3!08x!", "%0"]),
        ("%1!ws!: %2!I64d!%r%n", ["%1!ws!", "%2!I64d!", "%r", "%n"]),
        # its escapes, in a text with an insert
        ("Soccer is %3%!, %1!d! of %2!d!%.", ["%3", "%!", "%1!d!", "%2!d!", "%."]),
        ("%1!s!%t%% done", ["%1!s!", "%t", "%%"]),
        # Qt's and .NET's %1 alone, and per cent signs in prose, as before
        ("Save changes to %1?", ["%1"]),
        ("Copy %1 to %2.", ["%1", "%2"]),
        ("100%! Done at 5%. Now %r", []),
    ],
)
def test_a_format_message_insert_is_one_placeholder(text: str, expected: list[str]) -> None:
    assert extract_placeholders(text) == expected


def test_a_format_message_insert_goes_to_the_model_as_a_tag_in_no_order() -> None:
    text = "Access to %1!s! was denied (error %2!d!).%n"
    assert [p.text for p in sent_as_tags(text)] == ["%1!s!", "%2!d!"]
    assert [p.ordered for p in find_placeholders(text)] == [False, False, True]


def test_a_split_insert_is_lost_and_repaired() -> None:
    source = "Access to %1!s! was denied (error %2!d!).%n"
    output = "Zugriff auf %1! wurde verweigert (Fehler %2!d!).%n"
    assert placeholder_matches(source, output) == (2, 3)
    repaired, problems = repair_line(source, output)
    assert repaired == "Zugriff auf %1!s! wurde verweigert (Fehler %2!d!).%n"
    assert problems == ["'%1' instead of '%1!s!'"]


def test_qa_names_the_insert_a_translation_lacks() -> None:
    problems = placeholder_problems(
        "Access to %1!s! was denied (error %2!d!).%n",
        "Zugriff auf %1 wurde verweigert (Fehler %2).",
        {},
    )
    assert problems == ["lacks %1!s!, %2!d!, %n", "adds %1, %2, which the source does not have"]
