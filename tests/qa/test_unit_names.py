"""The units qa's units check knows, however English and German write them."""

from __future__ import annotations

import re

import pytest

from ltmt.qa.unit_names import UNIT, unit_named


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [
        ("mL", "ml"),
        ("Milliliter", "ml"),
        ("millilitres", "ml"),
        ("MG", "mg"),  # another case, where no other unit is written so
        ("Gramm", "g"),
        ("Grad Celsius", "°C"),
        ("mcg", "µg"),
        ("L", "l"),
        ("a", None),  # the ampere is A only
        ("Gäste", None),
    ],
)
def test_a_spelling_names_its_unit(spelling: str, unit: str | None) -> None:
    assert unit_named(spelling) == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [("mg/kg", "mg"), ("grams of", "grams"), ("°C.", "°C"), ("more", None), ("%ig", None)],
)
def test_a_unit_is_not_the_start_of_a_longer_word(text: str, unit: str | None) -> None:
    found = re.match(UNIT, text)
    assert (found.group() if found else None) == unit
