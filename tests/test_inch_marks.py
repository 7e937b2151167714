"""Inch marks after numbers: kept as straight marks, never read as quotation marks."""

from __future__ import annotations

import pytest

from ltmt.formats.placeholders import protect, restore
from ltmt.inch_marks import inch_marks_restored, inch_numbers


@pytest.mark.parametrize(
    ("line", "numbers"),
    [
        ('Choose the 12" or 14" model.', ["12", "14"]),
        ('A 15.6" screen', ["15.6"]),
        ('Type "12" here.', []),  # a quoted number
        ('Say "buy the 12" model" now.', []),  # the mark closes the quotation
        ('Type "x" and the 12" one.', ["12"]),
        ('Version 2"b"', []),  # a letter follows
    ],
)
def test_inch_numbers(line: str, numbers: list[str]) -> None:
    assert inch_numbers(line) == numbers


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # the shipped model's output: the marks lost
        (
            'Choose the 12" or 14" model.',
            "Wählen Sie das 12- oder 14-Modell.",
            'Wählen Sie das 12"- oder 14"-Modell.',
        ),
        # paired as German quotes
        (
            'Choose the 12" or 14" model.',
            "Wählen Sie das 12\u201e oder 14\u201c Modell.",
            'Wählen Sie das 12" oder 14" Modell.',
        ),
        (
            'The screen is 15.6" wide.',
            "Der Bildschirm ist 15,6 breit.",
            'Der Bildschirm ist 15,6" breit.',
        ),
        # kept already, or quoted in the source: unchanged
        ('The 12" model.', 'Das 12"-Modell.', 'Das 12"-Modell.'),
        (
            'Type "12" here.',
            "Geben Sie hier \u00bb12\u00ab ein.",
            "Geben Sie hier \u00bb12\u00ab ein.",
        ),
        ('The 12" model.', "Das Modell.", "Das Modell."),  # no number to put it after
        # the model kept the mark after the second 12: nothing added after the first
        (
            'Price: 12 USD for the 12" pizza.',
            'Price: 12 USD für die 12" Pizza.',
            'Price: 12 USD für die 12" Pizza.',
        ),
        # lost: put back after the 12 the source marks, not the first
        (
            'Price: 12 USD for the 12" pizza.',
            "Preis: 12 USD für die 12 Pizza.",
            'Preis: 12 USD für die 12" Pizza.',
        ),
        # the model's own marks made straight, not doubled
        (
            'The 15.6" laptop weighs 2 kg.',
            "Der 15,6' Laptop wiegt 2 kg.",
            'Der 15,6" Laptop wiegt 2 kg.',
        ),
        ('A 27" screen.', "Ein 27\u2033 Bildschirm.", 'Ein 27" Bildschirm.'),
        ('A 27" screen.', "Ein 27\u201d Bildschirm.", 'Ein 27" Bildschirm.'),
        ("The 90's.", "Die 90's.", "Die 90's."),  # no inch mark in the source
        # regression trial D, session 65: the quotation's closing mark was made the inch mark
        (
            'Enter "12" in the field to order the 12" pizza.',
            "Geben Sie »12« ein, um die 12«-Pizza zu bestellen.",
            'Geben Sie »12« ein, um die 12"-Pizza zu bestellen.',
        ),
        (
            'Type "2" to select the 27" monitor.',
            "Geben Sie »2« ein, um den 27«-Monitor auszuwählen.",
            'Geben Sie »2« ein, um den 27"-Monitor auszuwählen.',
        ),
    ],
)
def test_inch_marks_restored(source: str, output: str, expected: str) -> None:
    assert inch_marks_restored(source, output) == expected


def test_restore_puts_back_inch_marks() -> None:
    """The German came back ``Wählen Sie das 12- oder 14-Modell.``, its inch marks lost."""
    source = 'Choose the 12" or 14" model.\nThe 15.6" one.'
    restored = restore(protect(source), "Wählen Sie das 12- oder 14-Modell.\nDas 15,6-Modell.")
    assert restored.text == 'Wählen Sie das 12"- oder 14"-Modell.\nDas 15,6"-Modell.'
    assert restored.ok
