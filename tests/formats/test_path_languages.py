"""The language an output's path names, as localisation projects lay out their files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.path_languages import (
    language_folder,
    mirrors_locale_folder,
    named_by_folder,
    neutral_named,
    other_language_files,
    other_language_named,
    path_language,
    resw_locale,
    resw_translation,
    satellite_language,
    source_name,
    translation_name,
)

# a single file's run from an English file in no locale's folder
_FROM_ENGLISH = {"source": Path("strings.properties"), "source_language": "en"}


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("res/values-fr/strings.xml", "fr"),
        ("res/values-fr-rCA/strings.xml", "fr"),
        ("res/values-b+sr+Latn/strings.xml", "sr"),
        ("fr.lproj/Localizable.strings", "fr"),
        ("pt-BR.lproj/Localizable.strings", "pt"),
        ("_locales/pt_BR/messages.json", "pt"),
        ("locales/it.json", "it"),
        ("Messages_fr.properties", "fr"),
        ("config/locales/messages.fr.yaml", "fr"),
        ("Resources.fr.resx", "fr"),
        ("app_fr.ts", "fr"),
        # a language's folder in a folder of locales: i18next's, gettext's, Docusaurus's
        ("public/locales/fr/common.json", "fr"),
        ("locales/pt-BR/translation.json", "pt"),
        ("locale/fr/LC_MESSAGES/app.po", "fr"),
        ("i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "fr"),
        ("locales/app/common.json", None),  # three letters there: a word, not Apma's code
        ("fr/common.json", None),  # a folder of two letters alone names no language
        # no language: another qualifier, a document, a three-letter word, an old code
        ("res/values/strings.xml", None),
        ("res/values-night/strings.xml", None),
        ("res/values-v21/strings.xml", None),
        ("it.md", None),
        ("new.json", None),
        ("in.json", None),  # Indonesian's old code: more likely the word
        ("out.po", None),
        ("fr.po", "fr"),
        # a catalog named as its kind names them: "mt" after a name is machine translation
        ("frobtool.mt.po", None),
        ("de24.mt.po", None),
    ],
)
def test_the_language_a_path_names(path: str, language: str | None) -> None:
    assert path_language(Path(path)) == language


def test_a_folder_names_its_language_and_a_warning_says_what_to_check() -> None:
    assert path_language(Path("res/values-fr"), folder=True) == "fr"
    assert path_language(Path("_locales/fr"), folder=True) == "fr"
    assert other_language_named(Path("res/values-de-rAT/strings.xml"), "de") is None
    # the README's own de.mt.po: German, machine-translated (not Maltese)
    assert other_language_named(Path("de.mt.po"), "de") is None
    assert other_language_named(Path("locales/de_mt.json"), "de") is None
    assert other_language_named(Path("values-fr/strings.xml"), "de") == (
        "--output values-fr/strings.xml is named for French (fr), but the translation is into "
        "German (de); check --output, or --tgt-lang"
    )


def test_a_folder_runs_files_named_for_another_language_are_listed() -> None:
    outputs = [
        "locales/en/common.json",
        "lib/l10n/app_en.arb",
        "app/src/main/res/values/strings.xml",  # the default resources: the source's
        "app/src/main/res/values-de/strings.xml",
        "docs/intro.md",
        "de.mt.po",
    ]
    assert other_language_files(map(Path, outputs), "de") == [
        "locales/en/common.json (en)",
        "lib/l10n/app_en.arb (en)",
        "app/src/main/res/values/strings.xml (the default language)",
    ]


@pytest.mark.parametrize(
    ("name", "folder_name", "expected"),
    [
        ("de/common.json", "locales", ("de", "de")),  # i18next's locales given whole
        ("de-DE/common.json", "locales", ("de-DE", "de")),
        ("pt_BR/common.json", "locales", ("pt_BR", "pt")),
        ("de/sub/common.json", "locales", ("de", "de")),
        ("src/locales/de/common.json", "app", ("src/locales/de", "de")),
        ("_locales/de/messages.json", "ext", ("_locales/de", "de")),
        ("de.lproj/Localizable.strings", "Resources", ("de.lproj", "de")),
        ("de/LC_MESSAGES/app.json", "po", ("de", "de")),  # gettext's, whatever its parent
        ("sr@latin/LC_MESSAGES/app.json", "po", ("sr@latin", "sr")),
        # the folder given is the run's source, whatever its name
        ("common.json", "de", None),
        ("sub/common.json", "en", None),
        ("de.json", "locales", None),  # a file named for its language: locale_files' to tell
        ("Base.lproj/Main.strings", "Resources", None),
        ("js/app.json", "locales", None),  # no language's code
        ("docs/de/intro.md", "site", None),  # no folder of locales around it
        ("values-de/strings.xml", "res", None),  # Android's, told by its res folder
        ("values-old/en.json", "proj", None),
        ("_locales/old/messages.json", "ext", None),  # three letters: only known locales'
        ("_locales/fil/messages.json", "ext", ("_locales/fil", "fil")),
    ],
)
def test_the_language_folder_a_folder_runs_file_lies_in(
    name: str, folder_name: str, expected: tuple[str, str] | None
) -> None:
    found = language_folder(Path(name), folder_name)
    assert found == (None if expected is None else (Path(expected[0]), expected[1]))


def test_a_folder_of_locales_given_whole_has_its_english_output_listed() -> None:
    """locales -o build/locales wrote German into build/locales/en/common.json unwarned: the
    output's path (en/common.json) did not say that en is a locale's folder."""
    outputs = [Path("en/common.json"), Path("de/common.json"), Path("notes/readme.md")]
    assert other_language_files(outputs, "de") == []
    assert other_language_files(outputs, "de", folder_name="locales") == ["en/common.json (en)"]
    # a folder of one language given alone (en.lproj -o out): its own name is no output's
    assert other_language_files([Path("Main.strings")], "de", folder_name="en.lproj") == []


@pytest.mark.parametrize(
    ("path", "satellite", "translation", "source"),
    [
        ("Strings.resx", None, "Strings.de.resx", None),
        ("Strings.fr.resx", "fr", "Strings.fr.resx", "Strings.resx"),
        ("Strings.de-AT.resx", "de", "Strings.de-AT.resx", "Strings.resx"),
        ("Strings.en.resx", None, "Strings.en.resx", "Strings.resx"),  # the source language's
        ("messages.properties", None, "messages_de.properties", None),
        ("messages_fr.properties", "fr", "messages_fr.properties", "messages.properties"),
        ("app_de_CH.properties", "de", "app_de_CH.properties", "app.properties"),
        # the other formats: named by their folder, or read as a file of their own
        ("en.json", None, "en.json", None),
        ("fr.po", None, "fr.po", None),
        ("values/strings.xml", None, "values/strings.xml", None),
    ],
)
def test_satellite_files_and_their_names(
    path: str, satellite: str | None, translation: str, source: str | None, tmp_path: Path
) -> None:
    for name in (path, source):
        if name is not None:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).touch()
    assert satellite_language(tmp_path / path, "en") == satellite
    assert translation_name(Path(path), "de") == Path(translation)
    assert source_name(Path(path)) == (Path(source) if source else None)


@pytest.mark.parametrize(
    "name", ["db_ha.properties", "settings_my.properties", "log_to.properties", "Icons.fr.resx"]
)
def test_a_name_ending_in_a_code_is_no_satellite_without_its_base_file(
    name: str, tmp_path: Path
) -> None:
    (tmp_path / "messages.properties").touch()
    (tmp_path / "Strings.resx").touch()
    (tmp_path / name).touch()
    assert satellite_language(tmp_path / name, "en") is None


def test_an_output_whose_name_is_its_own_is_named_for_no_language() -> None:
    outputs = [Path("conf/db_ha.properties"), Path("locales/fr/db_ha.properties")]
    assert other_language_files(outputs, "de", own_names=outputs) == [
        "locales/fr/db_ha.properties (fr)"
    ]


def test_a_java_bundle_is_named_with_an_underscore_region() -> None:
    assert translation_name(Path("a.properties"), "de-CH") == Path("a_de_CH.properties")
    assert translation_name(Path("a.resx"), "de-CH") == Path("a.de-CH.resx")


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("Strings/en-US/Resources.resw", "de", "Strings/de-DE/Resources.resw"),
        ("en-US/Resources.resw", "de-AT", "de-AT/Resources.resw"),
        ("en/Resources.resw", "de", "de/Resources.resw"),
        ("Resources.resw", "de", "Resources.resw"),  # the locale's folder was the one given
        ("Strings/Resources.resw", "de", "Strings/Resources.resw"),
        ("en-US/Resources.resx", "de", "en-US/Resources.resx"),
    ],
)
def test_a_uwp_resource_file_goes_into_the_target_locales_folder(path, language, expected):
    assert resw_translation(Path(path), language) == Path(expected)


def test_a_translation_under_the_neutral_name_is_warned_of() -> None:
    """German written to ``out/Strings.resx`` is the default culture's file to .NET."""
    assert neutral_named(Path("out/Strings.resx"), "de", **_FROM_ENGLISH) == (
        "--output out/Strings.resx names no language: the app reads it as the default culture's "
        "file (every language's fallback), not as German; name it out/Strings.de.resx"
    )
    for named in ("out/Strings.de.resx", "out/de.json", "values-de/strings.xml"):
        assert neutral_named(Path(named), "de", **_FROM_ENGLISH) is None


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("en-US/tabbrowser.properties", "en", True),  # Mozilla's tree: the folder is the locale
        ("de/browser/chrome/tabbrowser.properties", "de", True),
        ("l10n/de-AT/tabbrowser.properties", "de", True),
        ("fr/tabbrowser.properties", "de", False),  # another locale's folder
        ("resources/Messages.properties", "en", False),  # Java's: named for its language
        ("io/Messages.properties", "en", False),  # Ido's code, no locale of the run
        ("en-US/Strings.resx", "en", False),  # .NET names its culture in the file's name
        ("tabbrowser.properties", "en", False),
    ],
)
def test_a_properties_file_in_a_locales_folder_keeps_its_name(path, language, expected):
    assert named_by_folder(Path(path), language) is expected


def test_a_properties_file_in_the_targets_folder_is_no_neutral_name() -> None:
    """Mozilla's German ``de/tabbrowser.properties`` of ``en-US/tabbrowser.properties`` is
    named as Firefox loads it; Java's ``out/Messages.properties`` still names no language, nor
    does a bundle in a package folder named so (``de.acme.app``: trial s75, regression 3)."""
    mozilla = {"source": Path("en-US/tabbrowser.properties"), "source_language": "en"}
    assert neutral_named(Path("de/tabbrowser.properties"), "de", **mozilla) is None
    assert neutral_named(Path("out/Messages.properties"), "de", **_FROM_ENGLISH) == (
        "--output out/Messages.properties names no language: the app reads it as the default "
        "culture's file (every language's fallback), not as German; name it "
        "out/Messages_de.properties"
    )
    package = Path("out/de/acme/app/Messages.properties")
    assert neutral_named(package, "de", **_FROM_ENGLISH) == (
        f"--output {package} names no language: the app reads it as the default culture's "
        "file (every language's fallback), not as German; name it "
        "out/de/acme/app/Messages_de.properties"
    )
    assert neutral_named(package, "de", source=None, source_language="en") is not None  # stdin


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("de/tabbrowser.properties", "en-US/tabbrowser.properties", True),
        ("l10n/de/browser/x.properties", "mozilla/en-US/browser/x.properties", True),
        ("out/de-AT/x.properties", "en/x.properties", True),
        # a folder named so where the source's names no locale: a Java package's (de.acme.app)
        ("out/de/acme/app/Messages.properties", "strings.properties", False),
        ("out/de/acme/app/Messages.properties", "src/com/acme/app/Messages.properties", False),
        # the source's locale folder at another place, or another language's
        ("de/browser/x.properties", "en-US/x.properties", False),
        ("de/x.properties", "fr/x.properties", False),
        ("en/x.properties", "en-US/x.properties", False),  # not the target's
        ("de/Strings.resx", "en-US/Strings.resx", False),  # .NET names its culture in the name
    ],
)
def test_a_folder_names_the_outputs_locale_where_the_sources_names_the_sources(
    path, source, expected
):
    assert mirrors_locale_folder(Path(path), "de", Path(source), "en") is expected


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("en-US", "en-US"),
        ("de", "de"),
        ("zh-Hans", "zh-Hans"),
        ("sr-Latn-RS", "sr-Latn-RS"),
        ("fil-PH", "fil-PH"),
        # a project's folders, each a three-letter ISO 639-3 code, were read as locales
        ("src", None),
        ("lib", None),
        ("app", None),
        ("res", None),
        ("api", None),
        ("src-gen", None),
    ],
)
def test_a_uwp_locale_folder_is_a_language_tag_no_project_folder(folder, expected):
    assert resw_locale(Path(folder) / "Resources.resw") == expected
