"""A YAML file keyed by language below each name (electron-builder's messages.yml): refused,
not translated value by value (trial s72), skipped with a note in a folder run; a Rails file's
list of language names, under its en: root or not, is translated as before (regression trial
s72)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
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
            {"a": {"en": "Hi", "fr": "Salut"}, "b": {"en": "Bye", "de": "Tschüss"}},
            ["en", "fr", "de"],
        ),
        ({"a": {"en": "Delete app data", "de": "App-Daten löschen"}}, ["en", "de"]),
        # a Rails file's root holds names; a catalog's "no:" and "it:" are names among others
        ({"en": {"no": "No", "it": "It", "hello": "Hello"}}, []),
        ({"no": "No", "it": "It"}, []),
        ({"en": {"title": "Title"}, "de": {"title": "Titel"}}, []),  # a root per language
        ({"a": {"en": "Hi"}, "b": {"en": "Bye"}}, []),  # one language only: a file of its own
        ({"a": {"en": "Hi", "de": "Hallo"}, "b": {"fr": "Salut", "it": "Ciao"}}, []),
        ({"a": {"en": "Hi", "de": "Hallo"}, "b": ["one", "two"]}, []),
        # electron-builder's shape only: each top-level value a map of languages to strings
        ({"a": {"en": "Hi", "fr": "Salut"}, "b": {"c": {"en": "Bye", "de": "Tschüss"}}}, []),
        ({"a": {"en": "Hi", "de": "Hallo"}, "b": {"en": "Bye", "note": "Tschüss"}}, []),
        ({"a": {"en": "Hi", "de": 3}}, []),
        # a list of languages, under a Rails root or not, is the file's text
        ({"en": {"languages": {"en": "English", "de": "German", "fr": "French"}}}, []),
        ({"en": {"en": "English", "de": "German"}}, []),
        ({"en": {"en": "English"}, "de": {"en": "Englisch", "de": "Deutsch"}}, []),
        ({"language_names": {"en": "English", "de": "German", "fr": "French"}}, []),
        ({"names": {"en": "Englisch", "de": "Deutsch", "fr": "Französisch"}}, []),
        ({"names": {"en": "English", "pt-BR": "Português (Brasil)", "zh-Hans": "简体中文"}}, []),
    ],
)
def test_which_files_are_keyed_by_language_below_each_name(document, expected) -> None:
    assert language_map_keys(document) == expected


def test_electron_builders_messages_are_refused(tmp_path: Path) -> None:
    """Its en: values became German and its de: values were translated again; ``ltmt qa`` and
    ``memory import`` say they cannot read it."""
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
    source = tmp_path / "en.yml"
    source.write_text(MESSAGES, "utf-8")
    with pytest.raises(NotMessageFileError, match="would be translated too; ltmt cannot read it"):
        list(read_pairs(path, src_lang="en", tgt_lang="de", source_file=source))


LANGUAGE_NAMES = 'en:\n  languages:\n    en: "English"\n    de: "German"\n    fr: "French"\n'


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("languages.en.yml", LANGUAGE_NAMES, 'de:\n  languages:\n    en: "ENGLISH"\n'),
        ("names.yml", "language_names:\n  en: English\n  de: German\n", "language_names:\n"),
    ],
)
def test_a_list_of_language_names_is_translated(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    """Refused as electron-builder's file, it stopped a Rails app's whole folder run."""
    source = tmp_path / name
    source.write_text(text, "utf-8")
    out = tmp_path / "out.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert written.startswith(expected)
    assert "GERMAN" in written
