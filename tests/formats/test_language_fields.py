"""A message table's own language field: where it is, and what a translation writes there."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.language_fields import language_fields, names_language, written_value


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("language", True),
        ("locale", True),
        ("lang", True),
        ("languageCode", True),
        ("language_code", True),
        ("langcode", True),
        ("Locale", True),
        ("locale-code", True),
        ("sourceLanguage", False),  # names the source's, which stays
        ("source_locale", False),
        ("languages", False),
        ("title", False),
        (3, False),
    ],
)
def test_the_keys_that_name_the_tables_language(key: object, names: bool) -> None:
    assert names_language(key) is names


def test_fields_at_the_top_level_of_an_object_alone() -> None:
    table = {
        "language": "en",
        "ui": {"language": "en", "start": "Start Game"},  # deeper: text as before
        "entries": [{"locale": "en-US", "text": "Quit"}, "Play", {"lang": 3}],
        "count": 2,
        "sourceLanguage": "en",
    }
    assert list(language_fields(table)) == [(("language",), "en")]
    assert list(language_fields("en")) == []


@pytest.mark.parametrize(
    ("table", "fields"),
    [
        # trial s76: Zendesk's article, a record in its wrapper ("source_locale" stays)
        (
            {"article": {"id": 1, "locale": "en-us", "source_locale": "en-us", "body": "x"}},
            [(("article", "locale"), "en-us")],
        ),
        (
            {"translation": {"locale": "en-us", "title": "Hi"}},
            [(("translation", "locale"), "en-us")],
        ),
        ({"language": "en", "ui": {"language": "en"}}, [(("language",), "en")]),  # two keys
        ({"ui": {"settings": {"language": "en"}}}, []),  # two levels down
        ({"articles": [{"locale": "en-us"}]}, []),  # a list of records: each item's own
        ({"ui": "en"}, []),
    ],
)
def test_a_record_in_its_wrapper_has_the_tables_language_fields(
    table: object, fields: list[tuple[tuple[str, ...], str]]
) -> None:
    assert list(language_fields(table)) == fields


@pytest.mark.parametrize(
    "table",
    [
        # trial s74: a one-language menu and a list of records were read as the table's language
        {"languages": [{"locale": "en", "name": "English"}]},
        {"members": [{"name": "Alice", "locale": "en"}, {"name": "Bob", "locale": "en"}]},
        {"languages": [{"lang": "en", "name": "English"}, {"lang": "fr", "name": "French"}]},
        [{"locale": "en", "text": "Start the game"}, {"locale": "en", "text": "Quit"}],
    ],
)
def test_a_language_in_the_items_of_an_array_is_an_items_own(table: object) -> None:
    assert list(language_fields(table)) == []


@pytest.mark.parametrize(
    ("value", "tgt_lang", "written"),
    [
        ("en", "de", "de"),
        ("EN", "de", "DE"),  # the file's casing
        ("en-US", "de", "de"),  # no region asked for: none guessed, as Angular's locale
        ("en_US", "de", "de"),
        ("en_US", "de_DE", "de_DE"),  # the file's mark
        ("en-us", "de-DE", "de-de"),  # the file's case
        ("en_US", "de-CH", "de_CH"),  # the target's own region
        ("en-GB", "de_AT", "de-AT"),
        ("en", "de-CH", "de"),  # a table of languages, not regions
        ("en-US", "pt", "pt"),
        ("en-US", "es-419", "es-419"),
        ("en-US", "zh-Hant-TW", "zh-TW"),
        ("fr", "de", "fr"),  # another language's code: copied
        ("pt-BR", "de", "pt-BR"),
        ("English", "de", None),  # no code: text, translated as before
        ("Any", "de", None),
        ("any", "de", None),  # three letters alone: a word as well as a language
        ("xx", "de", None),
        ("en US", "de", None),
        ("", "de", None),
    ],
)
def test_what_a_translation_writes_in_a_language_field(
    value: str, tgt_lang: str, written: str | None
) -> None:
    assert written_value(value, "en", tgt_lang) == written


def test_the_source_language_is_the_one_asked_for() -> None:
    assert written_value("fr", "fr", "de") == "de"
    assert written_value("en", "fr", "de") == "en"


def test_long_adversarial_values_are_read_at_once() -> None:
    started = time.perf_counter()
    for value in ("en-" * 50_000, "e" * 100_000, "en_" + "U" * 100_000, "a-" * 50_000 + "!"):
        assert written_value(value, "en", "de") is None
    assert time.perf_counter() - started < 1.0
