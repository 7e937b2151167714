"""What every keyed catalog shares (:mod:`ltmt.formats.keyed_catalog`): an output that
already holds what a run writes is left byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.cli.pair_files import read_records
from ltmt.formats.keyed_catalog import translated_by_hand
from ltmt.formats.pipeline import translate_file

# a translation whose keys a project's formatter sorted (i18next-parser's sort: true), its
# layout and escapes its own: the source's keys are not in that order
SORTED = [
    (
        "en.json",
        '{\n  "save": "Save",\n  "open": "Open",\n  "n": 1\n}\n',
        "de.json",
        '{\n    "n": 1,\n    "open": "\\u00d6ffnen",\n    "save": "Speichern"\n}\n',
    ),
    (
        "app_en.arb",
        '{\n  "@@locale": "en",\n  "save": "Save",\n  "open": "Open"\n}\n',
        "app_de.arb",
        '{\n  "@@locale": "de",\n  "open": "Öffnen",\n  "save": "Speichern"\n}\n',
    ),
    (
        "en.yml",
        "en:\n  save: Save\n  open: Open\n",
        "de.yml",
        "de:\n    open: 'Öffnen'\n    save: Speichern\n",
    ),
    (
        "Localizable.strings",
        '/* Save button */\n"save" = "Save";\n"open" = "Open";\n',
        "de.strings",
        '"open" = "Öffnen";\n/* Save button */\n"save" = "Speichern";\n',
    ),
    (
        "app_en.properties",
        "# Save button\nsave=Save\nopen=Open\n",
        "app_de.properties",
        "open=\\u00d6ffnen\n# Save button\nsave=Speichern\n",
    ),
]


@pytest.mark.parametrize(("source_name", "source", "out_name", "translation"), SORTED)
def test_a_run_that_changes_no_value_leaves_the_output_as_it_is(
    tmp_path: Path, source_name: str, source: str, out_name: str, translation: str
) -> None:
    """Nothing to translate, yet de.json was written again in en.json's key order and
    indentation: the bot and the project's formatter undid each other on every run."""
    en = tmp_path / "en" / source_name
    en.parent.mkdir()
    en.write_text(source, encoding="utf-8")
    out = tmp_path / out_name
    out.write_text(translation, encoding="utf-8")
    model = FakeModel()
    translate_file(en, out, model, tgt_lang="de")
    assert model.seen == []
    assert out.read_text(encoding="utf-8") == translation


@pytest.mark.parametrize(
    "translation",
    [
        '"open" = "Öffnen";\n"save" = "Speichern";\n',  # without the source's comment
        '"open" = "Öffnen";\n/* Save button */\n"save" = "Sichern";\n',  # another value
    ],
)
def test_an_output_holding_something_else_is_written(tmp_path: Path, translation: str) -> None:
    """Translated again (``overwrite``), the output is the source's file, written."""
    en = tmp_path / "en" / "Localizable.strings"
    en.parent.mkdir()
    en.write_text('/* Save button */\n"save" = "Save";\n"open" = "Open";\n', encoding="utf-8")
    out = tmp_path / "de.strings"
    out.write_text(translation, encoding="utf-8")
    translate_file(en, out, FakeModel(), tgt_lang="de", overwrite=True)
    assert out.read_text(encoding="utf-8") == (
        '/* Save button */\n"save" = "SAVE";\n"open" = "OPEN";\n'
    )


def test_a_json_output_with_new_strings_keeps_the_translations_key_order(
    tmp_path: Path,
) -> None:
    """A new string was written, and de.json's sorted keys in en.json's order with it; now its
    keys keep their order, and a new one follows the key before it in en.json."""
    en = tmp_path / "en.json"
    en.write_text(json.dumps({"save": "Save", "close": "Close", "open": "Open"}, indent=2) + "\n")
    out = tmp_path / "de.json"
    out.write_text('{\n  "open": "Öffnen",\n  "save": "Speichern"\n}\n', encoding="utf-8")
    translate_file(en, out, FakeModel(), tgt_lang="de")
    assert out.read_text(encoding="utf-8") == (
        '{\n  "open": "Öffnen",\n  "save": "Speichern",\n  "close": "CLOSE"\n}\n'
    )


# (source file, its text, translation, its text): "open" lacked, "close" left empty
HALF_TRANSLATED = [
    ("en.json", '{"save": "Save", "open": "Open", "close": "Close"}', "de.json", '{"save": "Speichern", "close": ""}'),
    ("en.yml", "en:\n  save: Save\n  open: Open\n  close: Close\n", "de.yml", "de:\n  save: Speichern\n  close: ''\n"),
    ("en.properties", "save=Save\nopen=Open\nclose=Close\n", "de.properties", "save=Speichern\nclose=\n"),
    ("Localizable.strings", '"save" = "Save";\n"open" = "Open";\n"close" = "Close";\n', "de.strings", '"save" = "Speichern";\n"close" = "";\n'),
    ("strings.xml", '<resources><string name="save">Save</string><string name="open">Open</string><string name="close">Close</string></resources>', "strings-de.xml", '<resources><string name="save">Speichern</string><string name="close"></string></resources>'),
]  # fmt: skip


@pytest.mark.parametrize(("source_name", "source", "target_name", "target"), HALF_TRANSLATED)
def test_strings_the_translation_lacks_or_leaves_empty_are_counted_untranslated(
    tmp_path: Path, source_name: str, source: str, target_name: str, target: str
) -> None:
    """``memory import de.json --source-file en.json`` said ``1 added, 0 skipped`` of a file
    that translates 1 of 3 strings: the 2 others were counted nowhere."""
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.pairs import read_translations

    (tmp_path / source_name).write_text(source, "utf-8")
    (tmp_path / target_name).write_text(target, "utf-8")
    not_read = NotRead()
    records = list(
        read_translations(
            tmp_path / target_name, source_file=tmp_path / source_name, not_read=not_read
        )
    )
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert not_read.by_reason() == {"untranslated": 2}


def test_a_translated_file_without_a_translation_says_it_holds_none(tmp_path: Path) -> None:
    """It said "no segments found (an empty file, or no translated entries ...)"."""
    from ltmt.errors import NoPairsError
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.pairs import read_translations

    (tmp_path / "en.json").write_text('{"save": "Save", "open": "Open"}', "utf-8")
    (tmp_path / "de.json").write_text('{"save": ""}', "utf-8")
    with pytest.raises(
        NoPairsError,
        match=r"de\.json: the file holds no translations \(2 entries without one\): is it the "
        r"untranslated export\? import the translated file$",
    ):
        list(
            read_translations(
                tmp_path / "de.json", source_file=tmp_path / "en.json", not_read=NotRead()
            )
        )


@pytest.mark.parametrize(
    ("source_name", "source", "output_name", "translation", "keys"),
    [
        (
            "strings.xml",
            '<resources><string name="share">Share</string><string-array name="prio">'
            "<item>Low</item><item>High</item></string-array>"
            '<plurals name="days"><item quantity="one">One day</item>'
            '<item quantity="other">%d days</item></plurals></resources>',
            "de.xml",
            '<resources><string name="share">Teilen</string><string-array name="prio">'
            "<item>Niedrig</item><item>Hoch</item></string-array>"
            '<plurals name="days"><item quantity="one">Ein Tag</item>'
            '<item quantity="other">%d Tage</item></plurals></resources>',
            [None, "prio[0]", "prio[1]", "days#one", "days#other"],
        ),
        (
            "en.json",
            '{"share": "Share", "days": "{n, plural, one {One day} other {# days}}"}',
            "de.json",
            '{"share": "Teilen", "days": "{n, plural, one {Ein Tag} other {# Tage}}"}',
            [None, "/days#one", "/days#other"],
        ),
    ],
)
def test_a_pair_of_an_item_or_a_form_carries_the_key_ltmt_records_it_under(
    tmp_path: Path,
    source_name: str,
    source: str,
    output_name: str,
    translation: str,
    keys: list[str | None],
) -> None:
    """Trial s75: an Android array's items and a plural's forms were looked up in the record
    of what ltmt wrote by their string's name (their pairs' place is their line), which the
    record does not hold: qa and ``memory import`` missed their English changed since. Each
    pair of a form or an item carries its own key; a string's is its name (None)."""
    (tmp_path / source_name).write_text(source, "utf-8")
    (tmp_path / output_name).write_text(translation, "utf-8")
    records = read_records(
        tmp_path / output_name, None, tmp_path / source_name, "en", "de", quiet=True
    )
    assert [record.record_key for record in records] == keys


@pytest.mark.parametrize(
    ("text", "source", "by_hand"),
    [
        ("Hallo {n, plural, other {# Dateien}}", "Hi {n, plural, other {# files}}", True),
        ("Hi {n, plural, other {# files}}", "Hi {n, plural, other {# files}}", False),  # a copy
        ("", "Hi", False),
        ("  ", "Hi", False),
    ],
)
def test_a_persons_translation_of_a_message_left_untranslated_is_neither_empty_nor_a_copy(
    text: str, source: str, by_hand: bool
) -> None:
    assert translated_by_hand(text, source) is by_hand


# (source file, its text, translation so far, its text, the line its translated title adds):
# a message ltmt leaves to a person (an ICU plural in YAML, ICU quoting in JSON and ARB, a
# MessageFormat choice, a Fluent select inside a select) beside a string it translates
LEFT_TO_A_PERSON = [
    ("messages+intl-icu.en.yaml", "cart:\n    items: '{count, plural, one {# item} other {# items}}'\n    title: 'Your cart'\n",
     "messages+intl-icu.de.yaml", "cart:\n    items: '{count, plural, one {# Artikel} other {# Artikel}}'\n", "    title: 'YOUR CART'\n"),
    ("messages.en.yaml", "cart:\n    items: \"{count, plural, one {# item} other {# items}}\"\n    title: Your cart\n",
     "messages.de.yaml", "cart:\n    items: \"{count, plural, one {# Artikel} other {# Artikel}}\"\n", "    title: YOUR CART\n"),
    ("en.yml", "en:\n  open: \"Use '{' to open {x}\"\n  title: Your cart\n",
     "de.yml", "de:\n  open: \"Mit '{' öffnen {x}\"\n", "  title: YOUR CART\n"),
    ("m.properties", "files={0,choice,0#no files|1#one file|1<{0} files}\ntitle=Your cart\n",
     "m_de.properties", "files={0,choice,0#keine Dateien|1#eine Datei|1<{0} Dateien}\n", "title=YOUR CART\n"),
    ("en.ftl", "files =\n    { $n ->\n        [one]\n            { $m ->\n                [one] x\n               *[other] y\n            }\n       *[other] z\n    }\ntitle = Your cart\n",
     "de.ftl", "files =\n    { $n ->\n        [one]\n            { $m ->\n                [one] X\n               *[other] Y\n            }\n       *[other] Z\n    }\n", "title = YOUR CART\n"),
]  # fmt: skip
# JSON and ARB, written on one line: the title joins the object
LEFT_TO_A_PERSON_JSON = [
    ("en.json", '{"open": "Use \'{\'name\'}\' for {x}", "title": "Your cart"}\n',
     "de.json", '{"open": "\'{\'name\'}\' für {x}"}\n', '{"open": "\'{\'name\'}\' für {x}", "title": "YOUR CART"}\n'),
    ("app_en.arb", '{"@@locale": "en", "open": "Use \'{\' here", "title": "Your cart"}\n',
     "app_de.arb", '{"@@locale": "de", "open": "Mit \'{\' hier"}\n', '{"@@locale": "de", "open": "Mit \'{\' hier", "title": "YOUR CART"}\n'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("source_name", "source", "out_name", "translation", "expected"),
    [(*case[:4], case[3] + case[4]) for case in LEFT_TO_A_PERSON] + LEFT_TO_A_PERSON_JSON,
)
def test_a_rerun_keeps_a_persons_translation_of_a_message_ltmt_leaves_alone(
    tmp_path: Path, source_name: str, source: str, out_name: str, translation: str, expected: str
) -> None:
    """Trial s77: a rerun into a Symfony YAML catalog deleted the translator's German of an
    ICU plural (exit 0), then warned that it was "left untranslated ... translate it by
    hand". In every keyed format, such a translation stays byte for byte."""
    en = tmp_path / "en" / source_name
    en.parent.mkdir()
    en.write_text(source, encoding="utf-8")
    out = tmp_path / out_name
    out.write_text(translation, encoding="utf-8")
    model = FakeModel()
    translate_file(en, out, model, tgt_lang="de")
    assert model.seen == ["Your cart"]
    assert out.read_text(encoding="utf-8") == expected
