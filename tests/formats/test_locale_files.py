"""Message files named for their locale beside the source language's (Rails, Flutter, Java)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.locale_files import beside_name, file_locale, is_spring_config, source_names


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("en.yml", "de", "de.yml"),
        ("devise.en.yml", "de", "devise.de.yml"),
        ("en-GB.yaml", "de-CH", "de-CH.yaml"),
        ("app_en.arb", "de", "app_de.arb"),
        ("app_en.arb", "de-CH", "app_de_CH.arb"),
        ("messages.properties", "de", "messages_de.properties"),
        ("messages_en.properties", "de", "messages_de.properties"),
        ("ValidationMessages.properties", "de-CH", "ValidationMessages_de_CH.properties"),
        ("en.json", "de", "de.json"),
        ("active.en.json", "de-CH", "active.de-CH.json"),
        ("Strings.resx", "de", "Strings.de.resx"),
        ("SharedResource.en.resx", "de", "SharedResource.de.resx"),
        ("About.en-US.resx", "de", "About.de.resx"),
    ],
)
def test_the_translation_beside_a_source_file_is_named_for_its_locale(name, language, expected):
    assert beside_name(Path(name), language) == Path(expected)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("de.yml", ["en.yml"]),
        ("devise.de.yml", ["devise.en.yml"]),
        ("app_de.arb", ["app_en.arb"]),
        ("messages_de.properties", ["messages.properties", "messages_en.properties"]),
        ("config.yml", []),
        # named for a locale: a bundle of messages called application (Spring's configuration
        # is named for none)
        ("application_de.properties", ["application.properties", "application_en.properties"]),
        ("index.html", []),
    ],
)
def test_a_translation_names_the_source_files_it_translates(name, expected):
    assert source_names(Path(name), "en") == [Path(e) for e in expected]


def test_a_files_locale_is_told_by_its_name_and_a_base_bundle_is_the_sources(tmp_path):
    for name in ("en.yml", "config.yml", "messages.properties", "messages_de.properties"):
        (tmp_path / name).write_text("", "utf-8")
    (tmp_path / "db_ha.properties").write_text("", "utf-8")
    (tmp_path / "app_x.arb").write_text('{"@@locale": "fr"}', "utf-8")
    assert {
        name: file_locale(tmp_path / name, "en")
        for name in (
            "en.yml", "config.yml", "messages.properties", "messages_de.properties",
            "db_ha.properties", "app_x.arb",
        )
    } == {
        "en.yml": "en", "config.yml": None, "messages.properties": "en",
        "messages_de.properties": "de", "db_ha.properties": "en", "app_x.arb": "fr",
    }  # fmt: skip


def test_a_code_with_only_other_locales_beside_it_is_a_locale(tmp_path):
    """messages_en.properties and messages_de.properties with no messages.properties."""
    for name in ("messages_en.properties", "messages_de.properties"):
        (tmp_path / name).write_text("", "utf-8")
    assert file_locale(tmp_path / "messages_de.properties", "en") == "de"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("application.properties", True),
        ("application-dev.properties", True),
        ("bootstrap.properties", True),
        ("messages.properties", False),
        ("applications.properties", False),
        # bundles of messages: Spring reads its configuration in small letters, named for no locale
        ("Application.properties", False),
        ("application_messages.properties", False),
        ("application_de.properties", False),
    ],
)
def test_spring_configuration_is_no_bundle_of_messages(name, expected):
    assert is_spring_config(Path(name)) is expected


def test_json_and_resx_files_name_their_locale_as_go_i18n_and_dotnet_do(tmp_path):
    """``active.en.json`` and ``en.json`` are English, ``package.json`` names no locale;
    ``SharedResource.fr.resx`` beside ``SharedResource.en.resx`` is French (no
    ``SharedResource.resx`` is beside them), ``Strings.resx`` is the source language's."""
    names = (
        "active.en.json", "en.json", "package.json", "tsconfig.json", "SharedResource.en.resx",
        "SharedResource.fr.resx", "Strings.resx", "Strings.de.resx",
    )  # fmt: skip
    for name in names:
        (tmp_path / name).write_text("", "utf-8")
    assert {name: file_locale(tmp_path / name, "en") for name in names} == {
        "active.en.json": "en", "en.json": "en", "package.json": None, "tsconfig.json": None,
        "SharedResource.en.resx": "en", "SharedResource.fr.resx": "fr", "Strings.resx": "en",
        "Strings.de.resx": "de",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("files", "name", "expected"),
    [
        ({"is.json": "{}"}, "is.json", None),  # alone: a file of its own, not Icelandic
        ({"config.no.json": "{}"}, "config.no.json", None),
        ({"user_id.json": "{}"}, "user_id.json", None),
        ({"is.json": "{}", "en.json": "{}"}, "is.json", "is"),  # beside the source's
        ({"config.no.json": "{}", "config.en.json": "{}"}, "config.no.json", "no"),
        ({"it.yml": "en:\n  a: b\n"}, "it.yml", None),  # rooted in en: English
        ({"it.yml": "it:\n  a: b\n"}, "it.yml", "it"),  # its name and its root say so
        ({"ml.yml": "a: b\n", "en.yml": "en:\n  a: b\n"}, "ml.yml", None),  # not rooted alike
        ({"messages.fr.yaml": "a: b\n", "messages.en.yaml": "a: b\n"}, "messages.fr.yaml", "fr"),
        ({"en.yml": "a: b\n"}, "en.yml", "en"),
    ],
)
def test_a_code_in_a_json_or_yaml_name_is_a_locale_only_where_the_file_says_so(
    tmp_path, files, name, expected
):
    """``is.json``, ``config.no.json``, ``user_id.json``, ``ml.yml`` and ``it.yml`` (rooted in
    ``en:``) were skipped from folder runs as files "of another locale"."""
    for file, text in files.items():
        (tmp_path / file).write_text(text, "utf-8")
    assert file_locale(tmp_path / name, "en") == expected
