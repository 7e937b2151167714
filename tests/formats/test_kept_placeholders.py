"""Translations kept from a catalog's output whose placeholders are not their source's
(:mod:`ltmt.formats.kept_placeholders`)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.formats.android import AndroidDocument
from ltmt.formats.kept_placeholders import (
    KeptPlaceholders,
    kept_with_other_placeholders,
    warn_of_kept_placeholders,
)
from ltmt.formats.resx import ResxDocument


def _catalog(tmp_path: Path, english: str, german: str) -> AndroidDocument:
    """The source ``<string name="s">english</string>`` with the output's ``german`` taken over."""
    source, output = tmp_path / "strings.xml", tmp_path / "de.xml"
    source.write_text(f'<resources><string name="s">{english}</string></resources>', "utf-8")
    output.write_text(f'<resources><string name="s">{german}</string></resources>', "utf-8")
    catalog = AndroidDocument.open(source, tgt_lang="de")
    catalog.adopt(output)
    return catalog


@pytest.mark.parametrize(
    ("english", "german", "expected"),
    [
        # trial s75: an argument the source does not pass (String.format throws)
        (
            "Welcome back, %1$s!",
            "Willkommen zurück, %2$s!",
            [
                KeptPlaceholders(
                    "s", "%2$s", ("lacks %1$s", "adds %2$s, which the source does not have")
                )
            ],
        ),
        # only its type changed (lint's StringFormatMatches)
        (
            "%1$d MB of %2$d MB used",
            "%1$d MB von %2$s MB belegt",
            [
                KeptPlaceholders(
                    "s", "%2$s", ("lacks %2$d", "adds %2$s, which the source does not have")
                )
            ],
        ),
        ("%1$s of %2$d", "%2$d von %1$s", []),  # reordered: the source's own
        ("%s of %d", "%2$d von %1$s", []),  # numbered to reorder them: the source's
        ("Welcome back, %1$s!", "Willkommen zurück!", []),  # lacks one only: adds none
        # Java shows one argument's %1$s as %s (trial s75, regression 7), not a second %s
        ("Hello, %1$s!", "Hallo, %s!", []),
        (
            "Hello, %1$s!",
            "Hallo, %s und %s!",
            [
                KeptPlaceholders(
                    "s", "%s", ("lacks %1$s", "adds %s (2 times), which the source does not have")
                )
            ],
        ),
    ],
)
def test_a_kept_translation_is_said_as_qa_says_it(
    tmp_path: Path, english: str, german: str, expected: list[KeptPlaceholders]
) -> None:
    assert kept_with_other_placeholders(_catalog(tmp_path, english, german)) == expected


def test_the_warning_names_each_with_qas_words_and_returns_those_qa_calls_errors(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    catalog = _catalog(tmp_path, "Welcome back, %1$s!", "Willkommen zurück, %2$s!")
    with caplog.at_level(logging.WARNING):
        named = warn_of_kept_placeholders(catalog)
    output = tmp_path / "de.xml"
    assert named == [f"{output}: s"]
    assert caplog.messages == [
        f"{output}: 1 translation kept whose placeholders are not the source's (s: lacks %1$s, "
        "adds %2$s, which the source does not have); fix it there, or delete it there to "
        "translate it again"
    ]


def test_one_qa_lets_pass_is_said_by_the_placeholder_it_adds() -> None:
    kept = KeptPlaceholders("inbox", "{count}", ())
    assert kept.said() == "inbox: adds {count}, which the source does not have"


def test_a_java_bundles_one_argument_may_be_kept_unnumbered(tmp_path: Path) -> None:
    """A ``.properties`` bundle's ``%s`` kept for ``%1$s`` passes, as Android's does: Java's
    String.format shows the one argument for either."""
    from ltmt.formats.java_properties import JavaPropertiesDocument

    source, output = tmp_path / "Messages.properties", tmp_path / "Messages_de.properties"
    source.write_text("hello=Hello, %1$s!\n", "utf-8")
    output.write_text("hello=Hallo, %s!\n", "utf-8")
    catalog = JavaPropertiesDocument.open(source, tgt_lang="de")
    catalog.adopt(output)
    assert kept_with_other_placeholders(catalog) == []


def _resx(tmp_path: Path, english: str, german: str) -> ResxDocument:
    """A .resx source whose string ``s`` is ``english``, its output's ``german`` taken over."""
    body = (
        '<root><resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>'
        '<data name="s" xml:space="preserve"><value>{}</value></data></root>'
    )
    source, output = tmp_path / "Strings.resx", tmp_path / "Strings.de.resx"
    source.write_text(body.format(english), "utf-8")
    output.write_text(body.format(german), "utf-8")
    catalog = ResxDocument.open(source, tgt_lang="de")
    catalog.adopt(output)
    return catalog


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        # ltmt's own output, rerun: {{ }} are two braces, the words between translated (trial
        # s75 3: warned, and --strict failed)
        ("Geben Sie {{ um eine Gruppe zu öffnen und }} ein.", []),
        (
            "Geben Sie {{ ein, um eine Gruppe zu öffnen, }} {{ und so weiter }} ein.",
            [
                KeptPlaceholders(
                    "s",
                    "{{",
                    (
                        "has 2 pairs of escaped braces around words ({{ ... }}) where the source has 1",
                    ),
                )
            ],
        ),
    ],
)
def test_a_dotnet_strings_escaped_braces_are_no_field(
    tmp_path: Path, german: str, expected: list[KeptPlaceholders]
) -> None:
    catalog = _resx(tmp_path, "Type {{ to open a group and }} to close it.", german)
    assert kept_with_other_placeholders(catalog) == expected
