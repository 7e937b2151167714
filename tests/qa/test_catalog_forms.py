"""What a catalog's pairs do not show: its plural entries' forms (:mod:`ltmt.qa.catalog_forms`)."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from ltmt.qa.catalog_forms import (
    FormProblem,
    access_key_problems,
    catalog_state,
    stringsdict_problems,
)

NUMERUS_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s) exported</source>
        <translation{state}>
            <numerusform>%n Datei exportiert</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) deleted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.mark.parametrize(("state", "include_fuzzy"), [("", False), (' type="unfinished"', True)])
def test_a_qt_numerus_form_left_empty_is_a_plural_problem(
    tmp_path: Path, state: str, include_fuzzy: bool
) -> None:
    """An emptied ``<numerusform>`` was only counted untranslated, where the same in a PO
    catalog is an error; a message with every form empty is untranslated alone (the other,
    checked, is not untranslated too)."""
    path = tmp_path / "app_de.ts"
    path.write_text(NUMERUS_TS.format(state=state), "utf-8")
    found = catalog_state(path, include_fuzzy=include_fuzzy)
    assert found is not None
    assert found.untranslated == 1
    assert found.form_problems == [
        FormProblem(
            f"{path}: message 1, form 1",
            "%n file(s) exported",
            "%n Datei exportiert",
            "leaves form 2 empty: the program shows an empty string for the counts that take "
            "that form",
        )
    ]


def test_an_unfinished_numerus_message_is_left_to_its_review_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "app_de.ts"
    path.write_text(NUMERUS_TS.format(state=' type="unfinished"'), "utf-8")
    found = catalog_state(path, include_fuzzy=False)
    assert found is not None and found.form_problems == []


def test_a_fluent_access_key_the_label_lacks_is_an_accelerator_problem(tmp_path: Path) -> None:
    path = tmp_path / "main.ftl"
    path.write_text("menu-save = Speichern\n    .accesskey = X\n", "utf-8")
    assert access_key_problems(path) == [
        FormProblem(
            f"{path}: menu-save",
            "",
            "Speichern",
            "its .accesskey 'X' is no letter of the label: choose one the label has",
            "accelerator",
        )
    ]
    other = tmp_path / "de.po"
    other.write_text('msgid "Save"\nmsgstr "Speichern"\n', "utf-8")
    assert access_key_problems(other) == access_key_problems(tmp_path) == []


def test_a_stringsdict_plural_without_other_is_a_plural_problem(tmp_path: Path) -> None:
    """A German ``.stringsdict`` of ``one`` alone passed ``ltmt qa``: its pairs are the forms
    it has, so the missing ``other`` was in none of them."""
    plural = {"NSStringFormatSpecTypeKey": "NSStringPluralRuleType", "one": "%d Foto"}
    whole = dict(plural, other="%d Fotos")
    path = tmp_path / "Localizable.stringsdict"
    path.write_bytes(
        plistlib.dumps(
            {
                "photos": {"NSStringLocalizedFormatKey": "%#@n@", "n": plural},
                "items": {"NSStringLocalizedFormatKey": "%#@n@", "n": whole},
            }
        )
    )
    assert stringsdict_problems(path) == [
        FormProblem(
            f"{path}: photos#n",
            "",
            "%d Foto",
            "has no other form, which Apple requires: add one for the counts the others do "
            "not cover",
        )
    ]
    other = tmp_path / "de.po"
    other.write_text('msgid "Save"\nmsgstr "Speichern"\n', "utf-8")
    assert stringsdict_problems(other) == stringsdict_problems(tmp_path) == []
