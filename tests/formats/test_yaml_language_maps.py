"""A YAML file keyed by language below each name (electron-builder's messages.yml): refused,
not translated value by value (trial s72)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.yaml_catalog import YamlCatalog
from ltmt.formats.yaml_language_maps import language_map_keys

MESSAGES = (
    "appRunning:\n"
    '  en: "${PRODUCT_NAME} is running.\\nClick OK to close it."\n'
    '  de: "${PRODUCT_NAME} wird ausgeführt."\n'
    "deleteAppData:\n"
    "  en: Delete app data\n"
)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"appRunning": {"en": "Running", "de": "Läuft"}, "delete": {"en": "Delete"}},
            ["en", "de"],
        ),
        (
            {"a": {"en": "Hi", "fr": "Salut"}, "b": {"c": {"en": "Bye", "de": "Tschüss"}}},
            ["en", "fr", "de"],
        ),
        # a Rails file's root holds names; a catalog's "no:" and "it:" are names among others
        ({"en": {"no": "No", "it": "It", "hello": "Hello"}}, []),
        ({"no": "No", "it": "It"}, []),
        ({"en": {"title": "Title"}, "de": {"title": "Titel"}}, []),  # a root per language
        ({"a": {"en": "Hi"}, "b": {"en": "Bye"}}, []),  # one language only: a file of its own
        ({"a": {"en": "Hi", "de": "Hallo"}, "b": {"fr": "Salut", "it": "Ciao"}}, []),
        ({"a": {"en": "Hi", "de": "Hallo"}, "b": ["one", "two"]}, []),
    ],
)
def test_which_files_are_keyed_by_language_below_each_name(document, expected) -> None:
    assert language_map_keys(document) == expected


def test_electron_builders_messages_are_refused(tmp_path: Path) -> None:
    """Its en: values became German and its de: values were translated again."""
    path = tmp_path / "messages.yml"
    path.write_text(MESSAGES, "utf-8")
    with pytest.raises(
        InputError,
        match=re.escape(
            "messages.yml: holds each string in several languages below its name (en, de: "
            "electron-builder's messages.yml), which ltmt does not fill: translated, its other "
            "languages' values would be translated too; write the de: values by hand, or keep "
            "the strings in one file per language"
        ),
    ):
        YamlCatalog.open(path, "de")
