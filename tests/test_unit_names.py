"""The units qa's units check knows, however English and German write them."""

from __future__ import annotations

import re

import pytest

from ltmt.unit_names import UNIT, unit_meant, unit_named


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


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [
        ("mL", "ml"),  # listed spellings
        ("ml", "ml"),
        ("\u03bcg", "\u00b5g"),  # the Greek mu for the micro sign
        ("MG", "mg"),  # in capitals throughout: a text in capitals
        ("MMHG", "mmHg"),
        ("Kg", "kg"),  # a case that spells no other unit: a capital kilo, a careless text
        ("KHz", "kHz"),
        ("kw", "kW"),
        ("db", "dB"),
        ("Mb", "MB"),  # the bit is no unit of the table's: read as the byte, as before
        ("Min", "min"),  # German's abbreviation, written as a noun
        ("Sek", "s"),
        ("std", "h"),
        ("Hours", "h"),
        ("grad celsius", "°C"),
        # another case that spells another unit in SI: mega, newton metres, siemens
        ("Mg", "Mg"),
        ("Nm", "Nm"),
        ("Ms", "Ms"),
        ("mS", "mS"),
        ("mHz", "mHz"),
        ("Mmol", "Mmol"),
        ("Mbar", "Mbar"),
        ("mw", None),  # no unit's in any case alone (mW, MW): as unit_named
        ("a", None),
        ("Gäste", None),
    ],
)
def test_a_spelling_means_its_unit_where_its_case_names_no_other(
    spelling: str, unit: str | None
) -> None:
    assert unit_meant(spelling) == unit


@pytest.mark.parametrize(("spelling", "unit"), [("mW", "mW"), ("MW", "MW"), ("Milliwatt", "mW")])
def test_milliwatts_and_megawatts_are_units_of_their_own(spelling: str, unit: str) -> None:
    assert unit_named(spelling) == unit
