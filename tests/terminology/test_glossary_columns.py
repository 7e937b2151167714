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


@pytest.mark.parametrize(
    ("cell", "role", "language"),
    [
        # a term tool's "<language> <field>" (MultiTerm; trial s72 tbx): read as ltmt's de_Gender
        ("English Definition", "note", "en"),
        ("English_Definition", "note", "en"),
        ("English Usage", "note", "en"),
        ("en_Context", "note", "en"),
        ("German Gender", "gender", "de"),
        ("German_Status", "status", "de"),
        ("German Part of Speech", "ignored", "de"),
        ("Deutsch Genus", "gender", "de"),
        ("English Term", None, "en"),  # that language's term
        ("de_Status", "status", "de"),  # as before
        ("Context", None, None),  # a bare "Context" may be anything: not read
        ("My Notes", None, None),  # "my" (Burmese's code) is no language before a field
        ("de_Usage", "note", "de"),
        ("German Source", None, None),  # a language's source is no field of it
    ],
)
def test_a_language_and_a_field_name_that_languages_field(
    cell: str, role: str | None, language: str | None
) -> None:
    assert (heading(cell).role, heading(cell).language) == (role, language)


@pytest.mark.parametrize(
    "cell",
    ["Hinweis", "Hinweise", "Anmerkung", "Kommentar", "Notiz", "Bemerkungen", "Beschreibung"],
)
def test_german_names_of_the_note_column_name_it(cell: str) -> None:
    assert (heading(cell).role, heading(cell).language) == ("note", None)
