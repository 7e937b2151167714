"""Fields in double brackets (Smartling's ``[[name]]``): placeholders sent to the model as tags,
their garbled copies put back; a wiki's link and other bracketed text left alone."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.bracket_fields import (
    BRACKET_FIELD,
    garbled_copy,
    garbled_pattern,
    is_bracket_field,
)
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.repair import repair_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello [[name]], welcome to your dashboard.", ["[[name]]"]),
        ("[[count]] new messages are waiting for you.", ["[[count]]"]),
        ("Hi [[firstName]], [[FIRST_NAME]] and [[item2]]", ["[[firstName]]", "[[FIRST_NAME]]", "[[item2]]"]),
        ("[[a]][[b]] side by side", ["[[a]]", "[[b]]"]),
        ("Sent to [[user.Email]].", ["[[user.Email]]"]),
    ],
)  # fmt: skip
def test_a_field_in_double_brackets_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """The model wrote ``[[Name]`` for ``[[name]]``, ``[[count]`` and ``[[team]]]`` (trial s74),
    and nothing noticed."""
    found = find_placeholders(text)
    assert [(p.text, p.kind) for p in found] == [(field, "bracket") for field in expected]
    assert [p.text for p in sent_as_tags(text)] == expected


def test_a_field_of_an_asciidoc_anchors_shape_stays_the_anchors_as_before() -> None:
    """``[[first_name]]`` was a placeholder already (an AsciiDoc anchor's shape), which the
    model kept: it goes to the model as before."""
    found = find_placeholders("Thanks, [[first_name]]!")
    assert [(p.text, p.kind) for p in found] == [("[[first_name]]", "asciidoc")]
    assert sent_as_tags("Thanks, [[first_name]]!") == []


@pytest.mark.parametrize(
    "text",
    [
        # a wiki's links (MediaWiki, Obsidian): their titles are text to translate
        "See [[Main Page]] for details.",
        "See [[Help]] and [[Main_Page]] on the wiki.",
        "See [[Help:Contents]] or [[Page|this page]] or [[Note#Heading]].",
        "Ask [[NASA]] about it.",
        # an index glued to a name, a footnote, Ren'Py's escaped bracket, a third bracket
        "Read x[[i]] from the list.",
        "As shown [[1]] before.",
        "Write [[name] to show [name].",
        "[[[name]]] and [[team]]] and [[[team]]",
        "A link [[name]](https://example.com).",
        "[[ name ]] with spaces",
    ],
)
def test_bracketed_text_of_another_kind_is_no_field(text: str) -> None:
    assert [p for p in find_placeholders(text) if p.kind == "bracket"] == []


@pytest.mark.parametrize(
    ("source", "output", "expected", "problems"),
    [
        (
            "Hello [[name]], welcome.",
            "Hallo [[Name], willkommen.",
            "Hallo [[name]], willkommen.",
            ["'[[Name]' for '[[name]]'"],
        ),
        (
            "[[count]] new messages.",
            "[[count] neue Nachrichten.",
            "[[count]] neue Nachrichten.",
            ["'[[count]' for '[[count]]'"],
        ),
        (
            "[[team]] invited you.",
            "[[team]]] hat Sie eingeladen.",
            "[[team]] hat Sie eingeladen.",
            ["'[[team]]]' for '[[team]]'"],
        ),
        (
            "Hello [[name]], welcome.",
            "Hallo [[Name]], willkommen.",
            "Hallo [[name]], willkommen.",
            ["'[[Name]]' for '[[name]]'"],
        ),
        (
            "Thanks, [[first_name]]!",
            "Danke, [[First_name]!",
            "Danke, [[first_name]]!",
            ["'[[First_name]' for '[[first_name]]'"],
        ),
        ("Hi [[name]]", "Hallo", "Hallo [[name]]", ["missing '[[name]]'"]),
        # a renamed field is a field the source does not have: it takes the lost one's place
        ("Hi [[name]]", "Hallo [[namen]]", "Hallo [[name]]", ["'[[namen]]' instead of '[[name]]'"]),
    ],
)
def test_a_garbled_field_is_put_back_in_place(
    source: str, output: str, expected: str, problems: list[str]
) -> None:
    assert repair_line(source, output) == (expected, problems)


@pytest.mark.parametrize(
    ("field", "text", "source", "expected"),
    [
        ("[[count]]", "[[count] neue", "[[count]] new", "[[count]"),
        ("[[name]]", "Hallo [[NAME]]", "Hello [[name]]", "[[NAME]]"),
        ("[[name]]", "Hallo [ [name] ]", "Hello [[name]]", "[ [name] ]"),
        ("[[name]]", "Hallo [[name]]", "Hello [[name]]", None),
        ("[[name]]", "Hallo [[names]]", "Hello [[name]]", None),
        # a copy the source writes too is no garbled one (Ren'Py's escaped [[name])
        ("[[name]]", "Schreibe [[name]", "Write [[name] and [[name]]", None),
    ],
)
def test_a_garbled_copy_is_named(field: str, text: str, source: str, expected: str | None) -> None:
    assert garbled_copy(field, text, source) == expected


def test_is_bracket_field() -> None:
    assert is_bracket_field("[[name]]") and not is_bracket_field("[[Main Page]]")


@pytest.mark.parametrize(
    "text",
    [
        "[[" + "a" * 50_000,
        "[[A" + "_A" * 25_000,
        "[[" + "a." * 25_000,
        "[[a]" * 20_000,
        "[" * 50_000,
        "[[" + " " * 50_000,
        "[ " * 25_000 + "]",
    ],
)
def test_the_patterns_take_linear_time_on_long_adversarial_text(text: str) -> None:
    """Each piece of a name is of one character class and starts with its own character, so a
    long name with no closing brackets fails at once (a backtracking pattern took seconds)."""
    started = time.perf_counter()
    list(re.finditer(BRACKET_FIELD, text))
    list(re.finditer(garbled_pattern("[[a]]"), text, re.IGNORECASE))
    assert time.perf_counter() - started < 1.0
