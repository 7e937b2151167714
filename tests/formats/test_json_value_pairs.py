"""JSON files of source/target units (a ServiceNow Localization Framework artefact, locize's
xliff2js JSON): bilingual, their empty targets filled, every other byte kept."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, LanguageError
from ltmt.formats.documents import open_document
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.json_value_pairs import ValuePairsDocument, is_value_pairs
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import FORMATS

# the ServiceNow admin's artefact (trial s72): a reviewer's German in the first field
LF_MIN = """{
  "sourceLanguage": "en",
  "targetLanguage": "de",
  "data": [
    {
      "groupName": "Variables",
      "tableName": "item_option_new",
      "sysId": "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
      "fields": [
        {"fieldName": "question_text", "fieldLabel": "Question", "sourceValue": "Which building?", "targetValue": "Welches Gebäude?", "status": "TRANSLATED"},
        {"fieldName": "tooltip", "fieldLabel": "Tooltip", "sourceValue": "Choose the building where you want to work.", "targetValue": "", "status": "PENDING"},
        {"fieldName": "description", "fieldLabel": "Description", "sourceValue": "The booking for {0} could not be saved: {1}", "targetValue": "", "status": "PENDING"}
      ]
    }
  ]
}
"""  # (as LF writes a field: on one line)
# locize's xliff package (xliff2js): units by namespace and key
LOCIZE = {
    "sourceLanguage": "en-US",
    "targetLanguage": "de-CH",
    "resources": {
        "namespace1": {
            "key1": {"source": "Hello", "target": ""},
            "key2": {"source": "Save", "target": "Speichern"},
        }
    },
}


def _write(tmp_path: Path, text: str, name: str = "lf_min.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _opened(path: Path) -> ValuePairsDocument:
    document = open_document(path, tgt_lang="de")
    assert isinstance(document, ValuePairsDocument)
    return document


def _dumped(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (json.loads(LF_MIN), True),
        (LOCIZE, True),
        ({**json.loads(LF_MIN), "targetLanguage": "de_DE"}, True),  # a locale's code
        # no languages declared: an i18next file's objects of strings
        ({"form": {"sourceValue": "Source value", "targetValue": "Target value"}}, False),
        # labels, no language codes: a translation app's own messages
        (
            {
                "sourceLanguage": "Source language",
                "targetLanguage": "Target language",
                "link": {"source": "Source", "target": "Target"},
            },
            False,
        ),
        ({"sourceLanguage": "en", "targetLanguage": "de", "title": "Hello"}, False),  # no unit
        # a unit at the top is none: its languages are declared beside it
        ({"sourceLanguage": "en", "targetLanguage": "de", "source": "Hi", "target": ""}, False),
        (
            {"sourceLanguage": "en", "targetLanguage": "de", "u": {"source": ["Hi"], "target": ""}},
            False,
        ),
    ],
    ids=[
        "servicenow",
        "locize",
        "locale",
        "undeclared",
        "labels",
        "no-unit",
        "top-level",
        "not-strings",
    ],
)
def test_is_value_pairs(data: Any, expected: bool) -> None:
    assert is_value_pairs(data) is expected


def test_a_pairs_file_opens_as_one_and_holds_both_languages(tmp_path: Path) -> None:
    path = _write(tmp_path, LF_MIN)
    assert isinstance(open_document(path, tgt_lang="de"), ValuePairsDocument)
    assert FORMATS["json"].one_language_file(path) is False
    undeclared = _write(tmp_path, _dumped({"form": {"sourceValue": "A", "targetValue": "B"}}))
    assert isinstance(open_document(undeclared, tgt_lang="de"), JsonCatalog)
    assert FORMATS["json"].one_language_file(undeclared) is True


def test_units_are_the_sources_named_by_their_fields(tmp_path: Path) -> None:
    document = _opened(_write(tmp_path, LF_MIN))
    assert [(u.key, u.source, u.context) for u in document.units()] == [
        ("/data/0/fields/0/targetValue", "Which building?", "item_option_new.question_text"),
        ("/data/0/fields/1/targetValue", "Choose the building where you want to work.",
         "item_option_new.tooltip"),
        ("/data/0/fields/2/targetValue", "The booking for {0} could not be saved: {1}",
         "item_option_new.description"),
    ]  # fmt: skip
    assert [u.source for u in document.pending()] == [
        "Choose the building where you want to work.",
        "The booking for {0} could not be saved: {1}",
    ]


def test_empty_targets_filled_and_every_other_byte_kept(tmp_path: Path) -> None:
    """The artefact was read as a one-language file: field names (tooltip → Minihilfe) and
    statuses (TRANSLATED → ÜBERSETZUNG) translated, sourceValue overwritten with German, every
    targetValue left empty and the reviewer's German sent to the model as English."""
    out = tmp_path / "lf_min.de.json"
    model = FakeModel()
    translate_file(_write(tmp_path, LF_MIN), out, model, tgt_lang="de")
    expected = LF_MIN.replace(
        'work.", "targetValue": ""', 'work.", "targetValue": "CHOOSE THE BUILDING WHERE YOU WANT TO WORK."'
    ).replace(
        '{1}", "targetValue": ""', '{1}", "targetValue": "THE BOOKING FOR {0} COULD NOT BE SAVED: {1}"'
    )  # fmt: skip
    assert out.read_text(encoding="utf-8") == expected
    assert "Welches Gebäude?" not in model.seen and "Question" not in model.seen


def test_overwrite_translates_a_filled_target_and_keeps_the_source(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    translate_file(_write(tmp_path, LF_MIN), out, FakeModel(), tgt_lang="de", overwrite=True)
    field = json.loads(out.read_text(encoding="utf-8"))["data"][0]["fields"][0]
    assert field == {
        "fieldName": "question_text",
        "fieldLabel": "Question",
        "sourceValue": "Which building?",
        "targetValue": "WHICH BUILDING?",
        "status": "TRANSLATED",
    }


def test_a_rerun_on_the_output_keeps_its_targets(tmp_path: Path) -> None:
    """The output translated again (into a new file: an existing one is not replaced) keeps
    every filled target; nothing is sent to the model."""
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    source = _write(tmp_path, LF_MIN)
    translate_file(source, first, FakeModel(), tgt_lang="de")
    model = FakeModel()
    translate_file(first, second, model, tgt_lang="de")
    assert second.read_bytes() == first.read_bytes() and model.seen == []
    with pytest.raises(InputError, match=rf"^{first} exists and may hold reviewed translations"):
        translate_file(source, first, FakeModel(), tgt_lang="de")


def test_source_target_units_of_locize_are_filled(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    translate_file(_write(tmp_path, _dumped(LOCIZE), "en.json"), out, FakeModel(), tgt_lang="de")
    expected = json.loads(json.dumps(LOCIZE))
    expected["resources"]["namespace1"]["key1"]["target"] = "HELLO"
    assert json.loads(out.read_text(encoding="utf-8")) == expected


def test_one_files_units_are_of_one_pair_of_keys(tmp_path: Path) -> None:
    """A ServiceNow artefact's ``source``/``target`` beside its ``sourceValue`` units is no
    text: copied."""
    data = json.loads(LF_MIN)
    data["link"] = {"source": "sys_ui_message", "target": ""}
    document = _opened(_write(tmp_path, _dumped(data)))
    assert "sys_ui_message" not in [u.source for u in document.units()]


def test_a_unit_without_a_target_string_is_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = json.loads(json.dumps(LOCIZE))
    data["resources"]["namespace1"]["key3"] = {"source": "Goodbye"}
    with caplog.at_level(logging.WARNING):
        _opened(_write(tmp_path, _dumped(data)))
    assert (
        '1 object with a "source" and no "target" beside it, or not as strings '
        '(/resources/namespace1/key3), left as it is: give it a string "source" and "target" '
        '("target": "" to have it filled)'
    ) in caplog.text


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("targetLanguage", r'its "targetLanguage" is fr, not de; pass --src-lang/--tgt-lang'),
        ("sourceLanguage", r'its "sourceLanguage" is fr, not en; pass --src-lang/--tgt-lang'),
    ],
)
def test_a_file_of_other_languages_is_refused(tmp_path: Path, key: str, message: str) -> None:
    path = _write(tmp_path, _dumped({**json.loads(LF_MIN), key: "fr"}))
    with pytest.raises(LanguageError, match=rf"^{path}: {message}"):
        open_document(path, src_lang="en", tgt_lang="de")


def test_a_file_for_another_target_language_is_not_imported(tmp_path: Path) -> None:
    """A memory import is told the target language alone (as a Jed file's)."""
    path = _write(tmp_path, _dumped({**json.loads(LF_MIN), "targetLanguage": "fr"}))
    with pytest.raises(LanguageError, match=rf'^{path}: its "targetLanguage" is fr, not de'):
        read_translations(path, tgt_lang="de")


def test_a_region_of_the_target_language_is_asked_for(tmp_path: Path) -> None:
    path = _write(tmp_path, _dumped({**json.loads(LF_MIN), "targetLanguage": "de-AT"}))
    assert isinstance(open_document(path, tgt_lang="de"), ValuePairsDocument)
    with pytest.raises(LanguageError, match=r"give --tgt-lang de-AT \(or de for any region\)"):
        open_document(path, tgt_lang="de-DE")


def test_memory_pairs_are_its_filled_targets_without_a_source_file(tmp_path: Path) -> None:
    """``memory import --source-file`` stored German → German pairs and the labels and
    statuses as pairs of their own."""
    records = list(read_translations(_write(tmp_path, LF_MIN), tgt_lang="de"))
    assert [(r.source, r.target, r.position, dict(r.metadata)) for r in records] == [
        (
            "Which building?",
            "Welches Gebäude?",
            f"{tmp_path / 'lf_min.json'}: /data/0/fields/0/targetValue",
            {"context": "item_option_new.question_text"},
        )
    ]


def test_a_source_file_for_a_pairs_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, LF_MIN)
    with pytest.raises(
        InputError,
        match=rf"^{path}: its sources stand beside their translations .*; leave out --source-file",
    ):
        read_translations(path, source_file=path, tgt_lang="de")


def test_its_own_translations_are_held_and_translated_again_when_asked(tmp_path: Path) -> None:
    """What the record of ltmt's outputs reads (a memory import then warns of machine
    translation stored as approved), and what a changed source makes pending again."""
    document = _opened(_write(tmp_path, LF_MIN))
    document.fill({"/data/0/fields/1/targetValue": "Wähle das Gebäude."})
    assert document.held_translations() == {
        "/data/0/fields/0/targetValue": "Welches Gebäude?",
        "/data/0/fields/1/targetValue": "Wähle das Gebäude.",
    }
    document.translate_again(["/data/0/fields/0/targetValue"])
    assert next(u.source for u in document.pending()) == "Which building?"


def test_a_target_written_twice_is_refused_naming_its_lines(tmp_path: Path) -> None:
    """The reviewer's German is the first ``targetValue``: filling the last, empty one would
    leave it shadowed, and a memory import would miss it."""
    field = '"sourceValue": "Which building?", "targetValue": "Welches Gebäude?"'
    path = _write(
        tmp_path,
        '{"sourceLanguage": "en", "targetLanguage": "de", "data": [{"fields": [{\n'
        f'{field},\n"targetValue": ""}}]}}]}}\n',
    )
    said = rf'^{path}: 1 key defined more than once \("targetValue" at lines 2 and 3\)'
    with pytest.raises(InputError, match=said):
        open_document(path, tgt_lang="de")
    with pytest.raises(InputError, match=said):
        list(read_translations(path))
