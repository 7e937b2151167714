"""Moodle's braced placeholders (``{$a}``, ``{$a->user}``): one placeholder each, and their
broken copies put back."""

from __future__ import annotations

import re

import pytest

from ltmt.formats.php_properties import PLACEHOLDER, properties_restored
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tag
from ltmt.formats.placeholders import markup_in_words, protect, restore

SOURCE = "The setting was changed by {$a->user} on {$a->date}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By {$a->user} on {$a->date}.", [("{$a->user}", "brace"), ("{$a->date}", "brace")]),
        ("{$a->user_id} {$a->a1} {$a->b->c}", ["{$a->user_id}", "{$a->a1}", "{$a->b->c}"]),
        ("Hello {$a}, welcome.", [("{$a}", "brace")]),  # as before: Angular's shape
        ("Hi {$var} there", [("{$var}", "brace")]),  # as before
        ("{if $user}Welcome back{/if}", [("$user", "sigil")]),  # Smarty's, as before
        ("Costs $a->price", [("$a", "sigil")]),  # no braces: PHP's bare variable, as before
        ("{$a->}", [("$a", "sigil")]),  # no property: no placeholder of this shape
    ],
)
def test_a_braced_property_is_one_placeholder(text: str, expected: list) -> None:
    """``{$a->user}`` was a ``$a`` and words: the model wrote ``{$a user}``."""
    found = find_placeholders(text)
    if expected and isinstance(expected[0], str):
        assert [p.text for p in found] == expected
    else:
        assert [(p.text, p.kind) for p in found] == expected


def test_a_braced_property_goes_to_the_model_as_written() -> None:
    assert not any(sent_as_tag(p) for p in find_placeholders(SOURCE))


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("Von {$a user} am {$a->date}.", "Von {$a->user} am {$a->date}."),
        ("Von {$a->-user} am {$a->date}.", "Von {$a->user} am {$a->date}."),
        ("Von $a->user am {$a->date}.", "Von {$a->user} am {$a->date}."),
        ("Von { $a -> user } am {$a->date}.", "Von {$a->user} am {$a->date}."),
        ("Von {$a - user} am {$a - date}.", "Von {$a->user} am {$a->date}."),
        # kept as they are: a whole copy, another property's name, a longer name
        ("Von {$a->user} am {$a->date}.", "Von {$a->user} am {$a->date}."),
        ("Von {$a->benutzer} am {$a->date}.", "Von {$a->benutzer} am {$a->date}."),
        ("Von $a->username am {$a->date}.", "Von $a->username am {$a->date}."),
    ],
)
def test_a_broken_copy_of_a_braced_property_is_put_back(output: str, expected: str) -> None:
    assert properties_restored(SOURCE, output) == expected


def test_a_property_is_put_back_before_its_variable_alone() -> None:
    """``{$a`` of ``{$a user}`` is no copy of ``{$a}``."""
    assert properties_restored("{$a} and {$a->user}", "{$a user} und $a") == "{$a->user} und {$a}"


@pytest.mark.parametrize(
    "output",
    [
        " " * 50_000,
        "$a" + " " * 50_000,
        "$a " * 20_000,
        "{$a" + "-" * 50_000,
        "{$a->" * 10_000,
        "$a" + " -" * 20_000 + "x",
        "{$a->b" * 10_000 + "->",
    ],
    ids=["blanks", "variable-blanks", "variables", "hyphens", "arrows", "spaced-hyphens", "steps"],
)
def test_a_long_adversarial_output_is_read_in_one_pass(output: str) -> None:
    """Each part of a broken copy's pattern is fixed text or one run of blanks: nothing
    backtracks far (each of these took milliseconds)."""
    restored = properties_restored("{$a->user} {$a->b->c} {$a}", output)
    assert restored.count("$a") == output.count("$a")
    assert re.findall(PLACEHOLDER, output) == []


@pytest.mark.parametrize(
    ("output", "text", "ok", "problems"),
    [
        (
            "Das Set wurde von {$a user} am {$a->date} geändert.",
            "Das Set wurde von {$a->user} am {$a->date} geändert.",
            True,
            ("broken copy of a braced variable put back",),
        ),
        (  # renamed: the source's name in its place
            "Das Set wurde von {$a->benutzer} am {$a->date} geändert.",
            "Das Set wurde von {$a->user} am {$a->date} geändert.",
            True,
            ("'{$a->benutzer}' instead of '{$a->user}'",),
        ),
        (  # a name translated and the braces lost: the arrow left in the words is no text
            "Das Set wurde von $a->Benutzer am {$a->date} geändert.",
            "Das Set wurde von ->Benutzer am {$a->date} geändert. {$a->user}",
            False,
            ("extra '$a'", "missing '{$a->user}'", "markup left in the words: ->B"),
        ),
    ],
)
def test_a_broken_braced_property_is_repaired_or_reported(
    output: str, text: str, ok: bool, problems: tuple[str, ...]
) -> None:
    restored = restore(protect(SOURCE), output)
    assert (restored.text, restored.ok, restored.problems) == (text, ok, problems)


@pytest.mark.parametrize(
    ("output", "text", "repaired"),
    [
        ("Hallo {$a}, willkommen.", "Hallo {$a}, willkommen.", False),
        ("Hallo $a, willkommen.", "Hallo {$a}, willkommen.", True),  # was "Hallo, willkommen. {$a}"
    ],
)
def test_moodles_lone_a_keeps_its_place(output: str, text: str, repaired: bool) -> None:
    restored = restore(protect("Hello {$a}, welcome."), output)
    assert (restored.text, restored.repaired, restored.ok) == (text, repaired, True)


@pytest.mark.parametrize(
    ("source", "output", "leaked"),
    [
        ("Reopen {$a->fullname}.", "Öffnen ->fullname {$a->fullname}.", "->f"),
        ("Choose File -> Open.", "Wählen Sie Datei ->Open.", ""),  # prose's arrow: as before
    ],
)
def test_an_arrow_is_a_remnant_only_beside_a_braced_variable(
    source: str, output: str, leaked: str
) -> None:
    assert markup_in_words(source, output) == leaked
