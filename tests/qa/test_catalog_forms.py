"""What a catalog's pairs do not show: its plural entries' forms (:mod:`ltmt.qa.catalog_forms`)."""

from __future__ import annotations

import json
import logging
import plistlib
from pathlib import Path

import pytest

from ltmt.formats.pairs import read_translations
from ltmt.qa.catalog_forms import (
    FormProblem,
    access_key_problems,
    catalog_state,
    missing_form_problems,
    missing_messages,
    missing_plural_forms,
    missing_problems,
    stringsdict_problems,
    untranslated_csv_rows,
)
from ltmt.qa.run import check_pairs

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


EMPTY_UNITS_XLIFF = """<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="de" datatype="plaintext" original="x"><body>
<trans-unit id="a"><source>Save</source><target state="translated">Sichern</target></trans-unit>
<trans-unit id="b"><source>Open</source><target state="translated"></target></trans-unit>
<trans-unit id="c"><source>Close</source><target/></trans-unit>
<trans-unit id="d"><source>Delete</source><target state="new"></target></trans-unit>
<trans-unit id="e"><source></source><target state="final"></target></trans-unit>
<trans-unit id="f"><source>  </source><target state="final">  </target></trans-unit>
<trans-unit id="g" translate="no"><source>ACME</source><target state="final"></target></trans-unit>
<trans-unit id="h"><source>Print</source><target state="needs-review-translation"></target>
</trans-unit>
<trans-unit id="i"><source>Copy</source><target state="signed-off"><x id="1"/></target></trans-unit>
</body></file></xliff>"""


def test_only_a_translatable_unit_marked_translated_with_nothing_in_its_target_is_empty(
    tmp_path: Path,
) -> None:
    """An empty or blank source, a unit marked translate="no" and a target holding an inline
    code were ``empty`` problems too, subtracted from the untranslated: -1 of them."""
    path = tmp_path / "de.xlf"
    path.write_text(EMPTY_UNITS_XLIFF, "utf-8")
    found = catalog_state(path)
    assert found is not None
    assert found.untranslated == 3  # c, d and h
    assert [(p.position, p.source, p.unit_id, p.no_pair) for p in found.form_problems] == [
        (f"{path}:4", "Open", "b", True)
    ]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("source,target\nSave,Speichern\nOpen,\nClose,Schließen\nDelete,\n", 2),
        ("source,target\nSave,Speichern\n", 0),
        ("source\nSave\n", None),  # no target column: the pairs' own count
    ],
)
def test_a_csv_rows_empty_target_cells_are_untranslated(
    tmp_path: Path, table: str, expected: int | None
) -> None:
    """They were ``empty`` warnings, one a row, where a TSV's are untranslated."""
    path = tmp_path / "de.csv"
    path.write_text(table, "utf-8")
    assert untranslated_csv_rows(path) == expected


def test_a_qt_message_of_fewer_numerus_forms_than_its_language_is_an_error(
    tmp_path: Path,
) -> None:
    """One ``<numerusform>`` in a German file (which takes 2), or three, passed."""
    path = tmp_path / "plural_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">'
        "\n<context>\n    <name>Trash</name>\n"
        '    <message numerus="yes"><source>%n folder(s) created</source><translation>'
        "<numerusform>%n Ordner erstellt</numerusform></translation></message>\n"
        '    <message numerus="yes"><source>%n item(s) restored</source><translation>'
        "<numerusform>%n Element</numerusform><numerusform>%n Elemente</numerusform>"
        "<numerusform>%n Elemente</numerusform></translation></message>\n</context>\n</TS>\n",
        "utf-8",
    )
    found = catalog_state(path)
    assert found is not None
    assert [(p.position, p.message, p.severity) for p in found.form_problems] == [
        (
            f"{path}: message 1, form 1",
            "has 1 plural form where de_DE takes 2: add the missing form (ltmt translate adds it)",
            None,  # the check's: an error
        ),
        (
            f"{path}: message 2, form 1",
            "has 3 plural forms where de_DE takes 2: the last form is never shown: remove it",
            "note",
        ),
    ]
    report = check_pairs(read_translations(path), form_problems=found.form_problems)
    assert [f.severity for f in report.findings if f.check == "plurals"] == ["error", "note"]


def test_two_messages_of_a_qt_context_sharing_an_accelerator_is_a_note(tmp_path: Path) -> None:
    """``&Save`` → ``&Speichern`` and ``Save &As...`` → ``&Speichern unter ...`` took Alt+S
    twice in one dialog; nothing said so. Another context, or sources that shared the key, pass."""
    path = tmp_path / "app_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        "<context>\n    <name>MainWindow</name>\n"
        "    <message><source>&amp;Save</source><translation>&amp;Speichern</translation>"
        "</message>\n"
        "    <message><source>&amp;Stop</source><translation>&amp;Stopp</translation></message>\n"
        "    <message><source>Save &amp;As...</source>"
        "<translation>&amp;Speichern unter ...</translation></message>\n"
        "</context>\n<context>\n    <name>Other</name>\n"
        "    <message><source>S&amp;ettings</source><translation>&amp;Speichern</translation>"
        "</message>\n</context>\n</TS>\n",
        "utf-8",
    )
    found = catalog_state(path)
    assert found is not None
    assert [(p.position, p.check, p.severity, p.message) for p in found.form_problems] == [
        (
            f"{path}: message 3",
            "accelerator",
            "note",
            "its accelerator &S is that of message 2 of its context too, where the sources' "
            "differ: choose another letter",
        )
    ]


def _menus_ts(messages: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        f"<context>\n    <name>MainWindow</name>\n{messages}</context>\n</TS>\n"
    )


def _located(line: int, source: str, translation: str) -> str:
    return (
        f'    <message><location filename="../src/mainwindow.ui" line="{line}"/>'
        f"<source>{source}</source><translation>{translation}</translation></message>\n"
    )


def test_an_accelerator_shared_across_menus_of_one_context_passes(tmp_path: Path) -> None:
    """The menu bar's ``&Datei`` and the File menu's ``&Drucken...``, ``&Bearbeiten`` and
    ``&Beenden``, ``Ü&ber``: standard German in different menus of one class, were notes; two
    items a few lines apart still are."""
    path = tmp_path / "menu_de.ts"
    path.write_text(
        _menus_ts(
            _located(20, "&amp;File", "&amp;Datei")
            + _located(21, "&amp;Edit", "&amp;Bearbeiten")
            + _located(22, "&amp;Help", "&amp;Hilfe")
            + _located(30, "&amp;Print...", "&amp;Drucken...")
            + _located(31, "&amp;Quit", "&amp;Beenden")
            + _located(40, "&amp;Undo", "&amp;Rückgängig")
            + _located(50, "&amp;About", "Ü&amp;ber")
            + _located(51, "&amp;Save", "&amp;Speichern")
            + _located(53, "Save &amp;As...", "&amp;Speichern unter ...")
        ),
        "utf-8",
    )
    found = catalog_state(path)
    assert found is not None
    assert [(p.position, p.message) for p in found.form_problems] == [
        (
            f"{path}: message 9",
            "its accelerator &S is that of message 8 of its context too, where the sources' "
            "differ: choose another letter",
        )
    ]


def test_missing_messages_says_no_warning_the_pairs_reading_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``ltmt qa`` said "1 message that ICU rejects left out untranslated" twice."""
    source, target = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"n": "{n, plural, one {x}}", "b": "Save"}), encoding="utf-8")
    target.write_text(json.dumps({"b": "Speichern"}), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert missing_messages(target, source) == ["/n"]
    assert caplog.text == ""


@pytest.mark.parametrize(
    ("name", "severity", "message"),
    [
        (
            "de.json",
            None,
            "the translation lacks this message of en.json: an app without a fallback language "
            "shows an error (next-intl's MISSING_MESSAGE); translate it",
        ),
        # an Android trial (session 67) was told next-intl's reason: Android falls back
        (
            "strings.xml",
            "note",
            "the translation lacks this string of en.json: Android shows the one in values/ "
            "(the source's language) instead; translate it",
        ),
        # a fintech trial (session 70) was told next-intl's error for a Java bundle
        (
            "Messages_de.properties",
            "note",
            "the translation lacks this message of en.json: Java's ResourceBundle falls back to "
            "the base bundle, so Java shows the base bundle's English; translate it",
        ),
        (
            "de.yml",
            None,
            "the translation lacks this message of en.json: the app shows the source's text, "
            "the message's key or an error in its place; translate it",
        ),
    ],
)
def test_a_missing_message_is_told_its_format_s_reason(
    tmp_path: Path, name: str, severity: str | None, message: str
) -> None:
    target = tmp_path / name
    contents = {".json": "{}", ".xml": "<resources/>"}
    target.write_text(contents.get(target.suffix, ""), encoding="utf-8")
    assert missing_problems(target, Path("en.json"), ["b"]) == [
        FormProblem(f"{target}: b", "", "", message, "missing", severity)  # type: ignore[arg-type]
    ]


def test_an_i18next_catalog_is_not_told_next_intl_s_error(tmp_path: Path) -> None:
    """i18next falls back to fallbackLng (or shows the key): no MISSING_MESSAGE there."""
    source, target = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"a": "Transfer of {{amount}}", "b": "Save"}', encoding="utf-8")
    target.write_text('{"a": "Überweisung von {{amount}}"}', encoding="utf-8")
    assert missing_problems(target, source, ["/b"]) == [
        FormProblem(
            f"{target}: /b",
            "",
            "",
            f"the translation lacks this message of {source}: the app shows the source's text, "
            "the message's key or an error in its place; translate it",
            "missing",
        )
    ]


def test_a_po_plural_whose_forms_are_one_text_is_a_note(tmp_path: Path) -> None:
    """translate counted '1 plural entry with identical forms', qa said nothing (Flask-Babel
    trial, session 67)."""
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "%(count)s item"\nmsgid_plural "%(count)s items"\n'
        'msgstr[0] "%(count)s Objekte"\nmsgstr[1] "%(count)s Objekte"\n',
        encoding="utf-8",
    )
    state = catalog_state(po)
    assert state is not None
    assert [(p.message, p.severity) for p in state.form_problems] == [
        (
            "its plural forms are all the same text: translate each for the counts it is for",
            "note",
        )
    ]


@pytest.mark.parametrize(
    ("msgid", "msgid_plural", "form"),
    [  # regression trial regc (qa1.po), session 67: German alike in the plural
        ("%d byte", "%d bytes", "%d Byte"),
        ("%d item", "%d items", "%d Artikel"),
        ("%d user", "%d users", "%d Benutzer"),
        ("%d file(s) selected", "%d file(s) selected", "%d Datei(en) ausgewählt"),
        ("%d cake", "%d cakes", "%d Kuchen"),
        # regression trial regg: the noun the count counts, not the cart after it
        ("%d item in cart", "%d items in cart", "%d Artikel im Warenkorb"),
    ],
)
def test_a_po_plural_whose_german_is_alike_in_the_plural_is_not_noted(
    tmp_path: Path, msgid: str, msgid_plural: str, form: str
) -> None:
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        f'msgid "{msgid}"\nmsgid_plural "{msgid_plural}"\n'
        f'msgstr[0] "{form}"\nmsgstr[1] "{form}"\n',
        encoding="utf-8",
    )
    state = catalog_state(po)
    assert state is not None
    assert state.form_problems == []


@pytest.mark.parametrize("form", ["%d Notizen", "%d Datei", "%d Elemente"])
def test_a_german_noun_that_changes_in_the_plural_is_noted(form: str) -> None:
    from ltmt.qa.invariant_plurals import may_be_one_text

    assert not may_be_one_text(form, "%d note", "%d notes")


def _android_plural(*items: tuple[str, str]) -> str:
    written = "".join(f'<item quantity="{tag}">{text}</item>' for tag, text in items)
    return f'<resources><plurals name="files_count">{written}</plurals></resources>'


def _stringsdict_plural(**forms: str) -> bytes:
    variable = {
        "NSStringFormatSpecTypeKey": "NSStringPluralRuleType",
        "NSStringFormatValueTypeKey": "d",
        **forms,
    }
    return plistlib.dumps(
        {"files.count": {"NSStringLocalizedFormatKey": "%#@files@", "files": variable}}
    )


@pytest.mark.parametrize(
    ("source_name", "source", "target", "key"),
    [
        (
            "values/strings.xml",
            _android_plural(("one", "%d file"), ("other", "%d files")),
            _android_plural(("other", "%d Dateien")),
            "files_count#one",
        ),
        (
            "Localizable.stringsdict",
            _stringsdict_plural(one="%d file", other="%d files"),
            _stringsdict_plural(other="%d Dateien"),
            "files.count#files#one",
        ),
    ],
)
def test_a_plural_lacking_a_form_its_language_takes_is_a_warning(
    tmp_path: Path, source_name: str, source: str | bytes, target: str | bytes, key: str
) -> None:
    """qa said 'nothing found' of an Android <plurals> or a .stringsdict variable whose German
    'one' form was removed, where a JSON plural object lacking it is a missing message
    (Lokalise trial, session 70): the pairs hold the forms there are."""
    source_path = tmp_path / source_name
    target_path = tmp_path / "de" / Path(source_name).name
    source_path.parent.mkdir(parents=True, exist_ok=True)
    target_path.parent.mkdir()
    for path, text in ((source_path, source), (target_path, target)):
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    forms = missing_plural_forms(target_path, source_path, tgt_lang="de")
    assert forms == [key]
    assert missing_messages(target_path, source_path) == []  # the plural has a translation
    assert missing_form_problems(target_path, source_path, forms, "de") == [
        FormProblem(
            f"{target_path}: {key}",
            "",
            "",
            f"the translation lacks the 'one' plural form of {source_path}, which de takes: "
            "the counts it is for show another form or none; translate it",
            "missing",
        )
    ]
