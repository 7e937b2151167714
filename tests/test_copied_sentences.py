"""A sentence of a longer source written again as it is (:mod:`ltmt.copied_sentences`)."""

from __future__ import annotations

import pytest

from ltmt.copied_sentences import copied_sentences, written_again


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # regression trial godot, session 66: BBCode around a placeholder, first sentence copied
        (
            "Welcome, [b]{name}[/b]! The village needs your help.",
            "Welcome, [b]{name}[/b]! Der Dorf braucht deine Hilfe.",
            ["Welcome, [b]{name}[/b]!"],
        ),
        ("Welcome, {name}! The village needs your help.", "Willkommen, {name}! Das Dorf …", []),
        ("Welcome! Go on.", "Welcome! Go on.", []),  # a whole copy: the copied check's
        ("Welcome, {name}!", "Welcome, {name}! Hallo.", []),  # one sentence
        ("GitHub. The village needs your help.", "GitHub. Das Dorf braucht Hilfe.", []),
        ("%s: %d. The village needs your help.", "%s: %d. Das Dorf braucht Hilfe.", []),
        # Docusaurus trial: an MDX comment after the sentence, kept as code, was counted
        (
            'Admonitions work too. <code data-md="raw">{/* added in v3 */}</code>',
            'Admonitionen funktionieren auch. <code data-md="raw">{/* added in v3 */}</code>',
            [],
        ),
        (  # code beside words copied: still a copied sentence
            "Run <code>make</code> now. Then wait.",
            "Run <code>make</code> now. Dann warten.",
            ["Run <code>make</code> now."],
        ),
    ],
)
def test_copied_sentences(source: str, target: str, expected: list[str]) -> None:
    assert copied_sentences(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "again"),
    [
        # the design-system trial (session 70): the model capitalised the noun German shares
        ("Main navigation", "Main Navigation", True),
        ("Main navigation", "Main navigation", True),
        ("Main navigation", "Hauptnavigation", False),
        ("Open menu", "Open-Menü", False),
        ("Close", "close", False),  # one word: as often the same in both languages
        ("main NAV", "main Nav", False),  # capitals inside a word
    ],
)
def test_a_source_written_again_with_germans_capitals_is_a_copy(source, target, again):
    assert written_again(source, target) is again
