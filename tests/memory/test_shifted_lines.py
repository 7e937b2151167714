"""Translations given line for line read shifted against their sources
(:mod:`ltmt.memory.shifted_lines`): the pharma trial's (s76) reviewer file, one line off, was
learnt and its wrong translations reused as 100 % matches."""

from __future__ import annotations

import pytest

from ltmt.memory.shifted_lines import Shift, find_shift

SOURCES = [
    "Do not take more than 3 tablets in 24 hours.",
    "Store below 25 °C.",
    "Take 1 tablet twice daily.",
]
TARGETS = [
    "Nehmen Sie nicht mehr als 3 Tabletten innerhalb von 24 Stunden ein.",
    "Nicht über 25 °C lagern.",
    "Nehmen Sie zweimal täglich 1 Tablette ein.",
]
# a leaflet: a line without numbers between those with some, and one whose translation writes
# its number in words (which says nothing about where it belongs)
LEAFLET = [
    ("What is in this leaflet", "Was in dieser Packungsbeilage steht"),
    (
        "The recommended dose is 10 mg once daily.",
        "Die empfohlene Dosis beträgt 10 mg einmal täglich.",
    ),
    ("Do not store above 25 °C.", "Nicht über 25 °C lagern."),
    ("Possible side effects", "Welche Nebenwirkungen sind möglich?"),
    (
        "Adults (≥ 18 years): 2.5 mg twice daily.",
        "Erwachsene (≥ 18 Jahre): 2,5 mg zweimal täglich.",
    ),
    ("Take 1 tablet with water.", "Nehmen Sie eine Tablette mit Wasser ein."),
    (
        "Elderly (≥ 75 years): no dose adjustment is required.",
        "Ältere (≥ 75 Jahre): keine Dosisanpassung.",
    ),
    ("Each tablet contains 25.2 mg lactose.", "Jede Tablette enthält 25,2 mg Lactose."),
    ("Talk to your doctor.", "Sprechen Sie mit Ihrem Arzt."),
]


@pytest.mark.parametrize(
    ("targets", "shift"),
    [
        (TARGETS, None),
        # the trial's file: each translation one line up, the first one moved to the end
        (TARGETS[1:] + TARGETS[:1], Shift((1, 2), (1, 1))),
        # one line up the other way: each translation one line down
        (TARGETS[2:] + TARGETS[:2], Shift((2, 3), (-1, -1))),
        # two lines swapped: most of those that say something are shifted
        ([TARGETS[1], TARGETS[0], TARGETS[2]], Shift((1, 2), (1, -1))),
        # one translation with its neighbour's number: a reviewer's slip, which is warned of
        ([TARGETS[0], TARGETS[1], "Nehmen Sie zweimal täglich 25 Tabletten ein."], None),
        # numbers written as words: nothing to tell
        (["Nicht mehr als drei.", "Kühl lagern.", "Zweimal täglich eine."], None),
    ],
)
def test_translations_are_read_shifted_by_their_neighbours_numbers(
    targets: list[str], shift: Shift | None
) -> None:
    assert find_shift(SOURCES, targets) == shift


def test_a_line_deleted_in_the_middle_shifts_the_rest_and_is_told() -> None:
    """The trial's real file: a line deleted, one added at the end (lines without numbers, and
    a number in words, between those that tell)."""
    sources = [source for source, _ in LEAFLET]
    targets = [target for _, target in LEAFLET]
    assert find_shift(sources, targets) is None
    shifted = targets[:3] + targets[4:] + ["Lesen Sie die Packungsbeilage."]
    found = find_shift(sources, shifted)
    assert found == Shift((4, 6, 7), (1, 1, 1))
    assert found.first() == "line 4's translation has the numbers of line 5's source"
    assert found.first("pair") == "pair #4's target has the numbers of pair #5's source"


def test_a_neighbours_numbers_tell_a_shift_only_with_its_placeholders() -> None:
    """A translation agrees with a source where both its numbers and its placeholders do."""
    sources = ["{count} files in {folder}", "Step 1 of {total}", "Saved 2 copies of {name}"]
    targets = ["Schritt 1 von {total}", "2 Kopien von {name} gespeichert", "{count} Dateien"]
    assert find_shift(sources, targets) == Shift((1, 2), (1, 1))
    renamed = ["Schritt 1 von {gesamt}", "2 Kopien von {Name} gespeichert", "{count} Dateien"]
    assert find_shift(sources, renamed) is None


def test_long_files_are_read_in_linear_time() -> None:
    """Each line is checked against its own source, and a failing one against two more."""
    import time

    sources = [f"Take {n} tablets on day {n + 1}." for n in range(1000)]
    targets = [f"Nehmen Sie {n} Tabletten an Tag {n + 1} ein." for n in range(1000)]
    started = time.perf_counter()
    assert find_shift(sources, targets) is None
    assert find_shift(sources, targets[1:] + targets[:1]) is not None
    assert time.perf_counter() - started < 20


def test_a_shifted_list_of_pairs_is_said_by_the_pairs_numbers() -> None:
    """As :meth:`ltmt.Translator.learn` and the server's ``learn`` and ``pairs`` refuse it."""
    assert Shift((1, 2, 3, 4), (1, 1, 1, 1)).of_pairs() == (
        "the targets read shifted against their sources: pair #1's target has the numbers of "
        "pair #2's source (pairs #1, #2, #3, ...)"
    )
