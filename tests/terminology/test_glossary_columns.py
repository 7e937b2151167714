"""Header cells read as column names: a misspelt language name and the language it meant."""

from __future__ import annotations

import pytest

from ltmt.terminology.glossary_columns import language_meant


@pytest.mark.parametrize(
    ("cell", "meant"),
    [
        ("Germn", "de"),
        ("Englsh", "en"),
        ("Deutch", "de"),
        ("German", None),  # an exact name is no near-miss
        ("de", None),
        ("comment", None),
        ("Gender", None),
        ("", None),
    ],
)
def test_a_near_miss_of_a_languages_name_is_the_language_it_meant(
    cell: str, meant: str | None
) -> None:
    assert language_meant(cell, ("en", "de")) == meant
