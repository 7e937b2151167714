"""vue-i18n's plural choices in JSON and YAML message files."""

from __future__ import annotations

import pytest

from ltmt.formats.pipe_plurals import Choices, pipe_choices


@pytest.mark.parametrize(
    ("message", "branches", "separators"),
    [
        (
            "no items | one item | {count} items",
            ("no items", "one item", "{count} items"),
            (" | ", " | "),
        ),
        ("car  |\ncars", ("car", "cars"), ("  |\n",)),
        # a literal bar, in braces, is text; an i18next field with a pipe inside too
        ("Use {'|'} | Use {' | '} twice", ("Use {'|'}", "Use {' | '} twice"), (" | ",)),
    ],
)
def test_choices_split_at_a_spaced_bar_outside_braces(message, branches, separators):
    choices = pipe_choices(message)
    assert choices == Choices(branches, separators)
    assert choices.joined(list(branches)) == message


@pytest.mark.parametrize("message", ["Home", "true|false", "| one | many", "a |  | b", "a ||b"])
def test_a_message_without_choices_or_with_an_empty_one_is_none(message):
    assert pipe_choices(message) is None


def test_a_translation_is_read_and_joined_choice_by_choice():
    choices = pipe_choices("no items | one item | {count} items")
    assert choices is not None
    assert choices.keys("/items") == ["/items#0", "/items#1", "/items#2"]
    assert choices.read("/items", "keine | eins | {count}") == {
        "/items#0": "keine",
        "/items#1": "eins",
        "/items#2": "{count}",
    }
    assert choices.read("/items", "keine | {count}") == {}  # another number: not the choices
    assert choices.translation("/items", {"/items#0": "a", "/items#2": "c"}) is None
    translations = {"/items#0": "a", "/items#1": "b", "/items#2": "c"}
    assert choices.translation("/items", translations) == "a | b | c"
    with pytest.raises(ValueError, match="2 translations for 3 choices"):
        choices.joined(["a", "b"])


def test_the_messages_edges_stay_its_choices():
    assert pipe_choices(" car | cars\n") == Choices((" car", "cars\n"), (" | ",))
