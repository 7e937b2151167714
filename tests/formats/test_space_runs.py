"""Runs of spaces of a source put back in its translation beside codes and labels."""

from __future__ import annotations

import pytest

from ltmt.formats.space_runs import keep_space_runs


@pytest.mark.parametrize(
    ("source", "translation", "kept"),
    [
        (
            'Lot:  <x id="4"/>  Batch:  ',
            'Los: <x id="4"/> Charge:  ',
            'Los:  <x id="4"/>  Charge:  ',
        ),
        ("Street:   Main Street 12", "Straße: Hauptstraße 12", "Straße:   Hauptstraße 12"),
        ("Name:\t\tvalue", "Name: Wert", "Name:\t\tWert"),
        ("a:  b: c", "x: y: z", "x:  y: z"),  # the n-th colon of as many
        ("a:  b: c", "x: y", "x: y"),  # not as many colons: not placed
        ("Name:  value", "Name:Wert", "Name:Wert"),  # no space there: left so
        ("Name: value", "Name:  Wert", "Name:  Wert"),  # a single space is not a run
        ('<g id="1">A</g>  B', '<g id="1">X</g> Y', '<g id="1">X</g>  Y'),
        ("  Total:  5", "  Summe: 5", "  Summe:  5"),
    ],
)
def test_runs_beside_codes_and_colons_are_kept(source: str, translation: str, kept: str) -> None:
    assert keep_space_runs(source, translation) == kept
