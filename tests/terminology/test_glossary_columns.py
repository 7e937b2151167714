"""Header cells read as column names: a misspelt language name and the language it meant; a
cell too long for a name."""

from __future__ import annotations

import pytest

from ltmt.terminology import glossary_columns
from ltmt.terminology.glossary_columns import MAX_HEADING_CHARS, heading, language_meant


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


def test_a_cell_too_long_for_a_heading_is_not_matched_to_language_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 400 KB first line of a TSV file was matched to every language's name: 48 s."""

    def no_lookup(name: str) -> str | None:
        raise AssertionError(f"looked up a {len(name)}-character cell")

    monkeypatch.setattr(glossary_columns, "_language_named", no_lookup)
    cell = "English " * (MAX_HEADING_CHARS // 8 + 1)
    assert not heading(cell).names_a_column
    assert language_meant(cell, ("en", "de")) is None
