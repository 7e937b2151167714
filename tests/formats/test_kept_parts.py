"""Parts of a source written as they are: locked strings, .NET's escaped braces around words."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.kept_parts import (
    escaped_brace_spans,
    escaped_braces_aside,
    locked_spans,
    put_back,
    stand_in,
    stand_ins,
    with_stand_ins,
)
from ltmt.formats.placeholder_syntax import find_placeholders


def _parts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Type {{ to open a group and }} to close it.", ["{{", "}}"]),
        ("Use {{ or }} for a literal brace", []),  # one word: a template's {{ name }} too
        ("Say {{ don't panic, please }} now", ["{{", "}}"]),
        ("Geben Sie {{ ein, um eine Gruppe zu öffnen }} ein.", ["{{", "}}"]),
        # a template's field: one word, no blank, or a sign an expression has
        ("Use {{Date}} and {{Amount}} as tokens", []),
        ("Hello {{ name }}", []),
        # two words with no function word: a helper call or a spaced variable (trial s75 4)
        ("Shipped to {{ address city }}.", []),
        ("Dear {{ first name }}, thank you", []),
        ("{{ format_date order_date }}", []),
        ("{{ if user }} hi {{ else if }}", []),  # a template's keywords
        ("Press {{ to it }} now", ["{{", "}}"]),  # two words, one a function word
        ("Drücke {{ und dann }} jetzt", ["{{", "}}"]),  # a translation qa reads
        ("Hello {{ user.name }} and {{ price | money }}", []),
        ("{{ format_date(order.date) }} ok", []),
        ("{{ object.name or 'n/a' }}", []),
        ('Expected format: {{ "id": {0} }}', []),
        ("Type {{ to open a group", []),  # no closing pair
    ],
)
def test_escaped_braces_around_words(text: str, parts: list[str]) -> None:
    assert _parts(text, escaped_brace_spans(text)) == parts


def test_locked_strings_are_found_each_time_the_longer_first() -> None:
    text = "Open Quick Entry, then Quick Entry Pro."
    spans = locked_spans(text, ["Quick Entry", "Quick Entry Pro", " "])
    assert _parts(text, spans) == ["Quick Entry", "Quick Entry Pro"]
    assert locked_spans(text, ["Smart Scan"]) == []


def test_stand_ins_are_fields_the_model_keeps_and_come_back() -> None:
    text = "Type {{ to open a group and }} to close it."
    spans = escaped_brace_spans(text)
    given = with_stand_ins(text, spans)
    assert given == f"Type {stand_in(1)} to open a group and {stand_in(2)} to close it."
    assert [p.text for p in find_placeholders(given)] == [stand_in(1), stand_in(2)]
    translated = f"Geben Sie {stand_in(1)} ein, um eine Gruppe zu öffnen, und {stand_in(2)}."
    assert put_back(translated, text, spans) == (
        "Geben Sie {{ ein, um eine Gruppe zu öffnen, und }}."
    )
    assert put_back(f"x {stand_in(3)}", text, spans) == f"x {stand_in(3)}"  # none of the unit's


@pytest.mark.parametrize(
    ("text", "locked", "given"),
    [
        # a locked name is a format item the model keeps in its place (trial s75 5: the
        # field's sentence came back as "Programm »Insider«")
        ("Welcome to the Insider program", ["Insider"], "Welcome to the {91} program"),
        ("Your Contoso Pro plan renews on {0}.", ["Contoso Pro"], "Your {91} plan renews on {0}."),
        ("Open OneDrive or OneDrive", ["OneDrive"], "Open {91} or {92}"),
        # the source has the format item: the field instead, and its own comes back as it is
        ("Open Insider {91}", ["Insider"], f"Open {stand_in(1)} {{91}}"),
    ],
)
def test_a_locked_string_is_given_as_a_format_item(
    text: str, locked: list[str], given: str
) -> None:
    spans = locked_spans(text, locked)
    assert with_stand_ins(text, spans) == given
    assert put_back(given, text, spans) == text


def test_the_tenth_locked_string_and_escaped_braces_are_fields() -> None:
    text = " ".join(f"w{i}" for i in range(10)) + " {{ to open a group and }}"
    spans = sorted(locked_spans(text, [f"w{i}" for i in range(10)]) + escaped_brace_spans(text))
    assert stand_ins(text, spans) == [f"{{9{n}}}" for n in range(1, 10)] + [
        stand_in(10),
        stand_in(11),
        stand_in(12),
    ]
    assert put_back(with_stand_ins(text, spans), text, spans) == text


@pytest.mark.parametrize(
    "text", ["{{ " + "a " * 50_000, "{{ a" * 20_000, "{{ " + " " * 50_000 + "a", "{{" * 50_000]
)
def test_a_long_text_is_read_at_once(text: str) -> None:
    started = time.perf_counter()
    assert escaped_brace_spans(text) == []
    assert time.perf_counter() - started < 1


def test_escaped_braces_are_set_aside_and_counted() -> None:
    text = "Type {{ to open a group and }} to close it."
    assert escaped_braces_aside(text) == ("Type    to open a group and    to close it.", 1)
    assert escaped_braces_aside("Use {{Date}}") == ("Use {{Date}}", 0)
