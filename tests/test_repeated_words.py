"""Words of a line that a fused output says more often than the line does."""

from __future__ import annotations

import pytest

from ltmt.repeated_words import repeated_source_words

DASH = "\u2013"
QUOTE = f'"Brightly Planner is the only app I open every morning." {DASH} Tom, Hamburg'


@pytest.mark.parametrize(
    ("source", "output", "repeated"),
    [
        (QUOTE, f'"Brightly Planner ist die einzige App, die ich jeden Morgen öffne.“ {DASH} Tom, Hamburg, Hamburg, Hamburg, Hamburger', ["Hamburg"]),
        (QUOTE, f'„Brightly Planner ist die einzige App, die ich jeden Morgen öffne.“ {DASH} Tom, Hamburg', []),
        ("Open the file. Open the folder.", "Datei öffnen. Ordner öffnen.", []),  # translated words
        ("Tom and Tom", "Tom und Tom", []),  # as often as the line says it
        ("Sync with Brightly Cloud", "Mit Brightly Cloud Brightly Cloud synchronisieren", ["Brightly", "Cloud"]),
        ("Use the app", "Die App die App verwenden", []),  # "app" is not "App": case kept
    ],
)  # fmt: skip
def test_words_said_more_often_than_the_line_says_them(source, output, repeated):
    assert repeated_source_words(source, output) == repeated
