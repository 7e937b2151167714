"""Dialogflow ES agent files: training phrases with their entity annotations, entity synonyms
and intents' text responses translated; names, contexts, parameters and ids copied."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, NoPairsError
from ltmt.formats.dialogflow import kind, split, tagged
from ltmt.formats.folders import read_folder
from ltmt.formats.jed import open_json
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file

PHRASES = [
    {
        "id": "7f3e2d1c-1111-4a2b-8c3d-000000000001",
        "data": [
            {"text": "I want a ", "userDefined": False},
            {"text": "large", "alias": "pizza-size", "meta": "@pizza-size", "userDefined": True},
            {"text": " pizza", "userDefined": False},
        ],
        "isTemplate": False,
        "count": 0,
        "lang": "en",
        "updated": 0,
    },
    {
        "id": "7f3e2d1c-1111-4a2b-8c3d-000000000002",
        "data": [{"text": "Order pizza", "userDefined": False}],
        "isTemplate": False,
        "count": 1,
        "lang": "en",
        "updated": 1699999999,
    },
]
ENTRIES = [
    {"value": "large", "synonyms": ["large", "big", "Big"]},
    {"value": "small", "synonyms": ["small"]},
]


def _message(lang: str, speech: Any, kind: str = "0") -> dict[str, Any]:
    return {"type": kind, "title": "", "textToSpeech": "", "lang": lang, "speech": speech}


INTENT = {
    "id": "4b1c8e3a-2f6d-4d3e-9a7b-1c2d3e4f5a6b",
    "name": "Order Pizza",
    "contexts": ["ordering"],
    "responses": [
        {
            "action": "order.pizza",
            "affectedContexts": [{"name": "order-followup", "lifespan": 2}],
            "parameters": [{"name": "pizza-size", "dataType": "@pizza-size"}],
            "messages": [
                _message("en", ["Great choice!", "Okay, it is on its way."]),
                _message("en", "Your order will arrive soon."),
                {"type": "suggestion_chips", "lang": "en", "suggestions": [{"title": "Add"}]},
            ],
            "speech": [],
        }
    ],
    "events": [{"name": "WELCOME"}],
}
AGENT = {"description": "Pizza ordering assistant", "language": "en", "supportedLanguages": []}


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _translated(tmp_path: Path, name: str, data: Any, out_name: str) -> Any:
    out = tmp_path / "out" / out_name
    translate_file(_write(tmp_path / name, data), out, FakeModel(), tgt_lang="de")
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PHRASES, "usersays"),
        (ENTRIES, "entries"),
        (INTENT, "intent"),
        (AGENT, "agent"),
        ({"name": "pizza-size", "isEnum": False, "isRegexp": False}, "entity"),
        ({"title": "Hello"}, None),
        (["a", "b"], None),
        ([{"value": "x"}], None),
    ],
)
def test_a_dialogflow_file_is_told_by_its_content(data: Any, expected: str | None) -> None:
    assert kind(data) == expected


def test_a_phrase_is_one_segment_with_its_entity_values_as_tags() -> None:
    parts = PHRASES[0]["data"]
    assert tagged(parts) == 'I want a <g id="2">large</g> pizza'  # type: ignore[arg-type]
    split_parts = split('Ich möchte eine <g id="2">große</g> Pizza', parts)  # type: ignore[arg-type]
    assert split_parts == [
        {"text": "Ich möchte eine ", "userDefined": False},
        {"text": "große", "alias": "pizza-size", "meta": "@pizza-size", "userDefined": True},
        {"text": " Pizza", "userDefined": False},
    ]
    assert split("Ich möchte eine große Pizza", parts) is None  # type: ignore[arg-type]


def test_training_phrases_are_translated_with_their_annotations_new_ids_and_lang(
    tmp_path: Path,
) -> None:
    """A _usersays_en.json was refused: 'not a JSON message file: its top level is not an
    object of strings'."""
    out = _translated(tmp_path, "Order_usersays_en.json", PHRASES, "Order_usersays_de.json")
    first = out[0]
    assert [part["text"] for part in first["data"]] == ["I WANT A ", "LARGE", " PIZZA"]
    assert first["data"][1] == {**PHRASES[0]["data"][1], "text": "LARGE"}  # type: ignore[index]
    assert first["lang"] == "de"
    assert first["id"] != PHRASES[0]["id"] and len(first["id"]) == 36
    assert (first["count"], out[1]["updated"]) == (0, 1699999999)
    again = _translated(tmp_path, "Order_usersays_en.json", PHRASES, "again_usersays_de.json")
    assert again[0]["id"] == first["id"]  # the same on every run


def test_a_phrase_that_lost_its_tag_is_written_unannotated_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """(The pipeline puts a lost pair back around the words; a translation filled in
    otherwise may still lack it.)"""
    document = open_json(_write(tmp_path / "Order_usersays_en.json", PHRASES), tgt_lang="de")
    out = tmp_path / "Order_usersays_de.json"
    document.fill({"/0": "Eine Pizza", "/1": "Pizza bestellen"})
    with caplog.at_level(logging.WARNING):
        document.save(out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written[0]["data"] == [{"text": "Eine Pizza", "userDefined": False}]
    assert (
        "1 training phrase lost an entity annotation in translation and is written unannotated: "
        "annotate them in the Dialogflow console"
    ) in caplog.text


def test_entity_synonyms_are_translated_and_deduplicated_the_value_kept(tmp_path: Path) -> None:
    out = _translated(tmp_path, "size_entries_en.json", ENTRIES, "size_entries_de.json")
    assert out == [
        {"value": "large", "synonyms": ["LARGE", "BIG"]},
        {"value": "small", "synonyms": ["SMALL"]},
    ]


def test_an_intent_gains_german_messages_beside_its_english_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An intent was translated as plain JSON: its name, contexts, parameters and events
    translated, German written under "lang": "en"."""
    with caplog.at_level(logging.WARNING):
        out = _translated(tmp_path, "Order Pizza.json", INTENT, "Order Pizza.json")
    messages = out["responses"][0]["messages"]
    assert messages == [
        _message("en", ["Great choice!", "Okay, it is on its way."]),
        _message("de", ["GREAT CHOICE!", "OKAY, IT IS ON ITS WAY."]),
        _message("en", "Your order will arrive soon."),
        _message("de", "YOUR ORDER WILL ARRIVE SOON."),
        INTENT["responses"][0]["messages"][2],  # type: ignore[index]
    ]
    assert {k: v for k, v in out.items() if k != "responses"} == {
        k: v for k, v in INTENT.items() if k != "responses"
    }
    response = {k: v for k, v in out["responses"][0].items() if k != "messages"}
    assert response == {k: v for k, v in INTENT["responses"][0].items() if k != "messages"}  # type: ignore[attr-defined]
    assert (
        "1 response message of another type than text (suggestion chips, cards) kept in English "
        "only: translate them in the Dialogflow console"
    ) in caplog.text


def test_an_intent_with_german_messages_is_left_as_it_is(tmp_path: Path) -> None:
    once = _translated(tmp_path, "Order Pizza.json", INTENT, "Order Pizza.json")
    twice = _translated(tmp_path, "again.json", once, "again.json")
    assert twice == once


def test_agent_json_is_copied_with_the_target_language_supported(tmp_path: Path) -> None:
    out = _translated(tmp_path, "agent.json", AGENT, "agent.json")
    assert out == {**AGENT, "supportedLanguages": ["de"]}


def test_an_intent_with_both_languages_is_imported_as_pairs(tmp_path: Path) -> None:
    intent = json.loads(json.dumps(INTENT))
    intent["responses"][0]["messages"] = [
        _message("en", ["Hello! Ready to order a pizza?", "What size would you like?"]),
        _message("de", ["Hallo! Bereit, eine Pizza zu bestellen?", "Welche Größe möchtest du?"]),
    ]
    pairs = read_translations(_write(tmp_path / "Greeting.json", intent), tgt_lang="de")
    assert [(p.source, p.target) for p in pairs] == [
        ("Hello! Ready to order a pizza?", "Hallo! Bereit, eine Pizza zu bestellen?"),
        ("What size would you like?", "Welche Größe möchtest du?"),
    ]


def test_training_phrases_cannot_be_imported_as_pairs(tmp_path: Path) -> None:
    path = _write(tmp_path / "Greeting_usersays_de.json", PHRASES)
    with pytest.raises(
        NoPairsError,
        match=r"Greeting_usersays_de.json: Dialogflow training phrases and entity entries of two "
        r"languages are not aligned \(each language's file has its own phrases\): import the "
        r"intent files, whose responses hold both languages, or a TSV of pairs",
    ):
        list(read_translations(path, tgt_lang="de"))


def test_a_folder_import_reads_the_intents_and_skips_the_phrases(tmp_path: Path) -> None:
    intent = json.loads(json.dumps(INTENT))
    intent["responses"][0]["messages"].append(_message("de", "Ihre Bestellung kommt bald."))
    intent["responses"][0]["messages"].insert(0, _message("de", ["Gute Wahl!", "Unterwegs."]))
    _write(tmp_path / "agent" / "intents" / "Order.json", intent)
    _write(tmp_path / "agent" / "intents" / "Order_usersays_en.json", PHRASES)
    _write(tmp_path / "agent" / "agent.json", AGENT)
    found = read_folder(tmp_path / "agent", tgt_lang="de")
    assert [(r.source, r.target) for r in found.records] == [
        ("Great choice!", "Gute Wahl!"),
        ("Okay, it is on its way.", "Unterwegs."),
        ("Your order will arrive soon.", "Ihre Bestellung kommt bald."),
    ]
    assert len(found.empty) == 2


def test_an_agent_file_with_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    """An intent holds every language's responses: written back from what is read, the
    first ``messages`` would be lost."""
    path = tmp_path / "Order Pizza.json"
    text = json.dumps(INTENT, indent=2)
    messages = '      "messages": [],\n'
    path.write_text(text.replace('      "messages": [', messages + '      "messages": ['), "utf-8")
    with pytest.raises(
        InputError,
        match=rf'^{path}: 1 key defined more than once \("messages" at lines 22 and 23\)',
    ):
        open_json(path, tgt_lang="de")
