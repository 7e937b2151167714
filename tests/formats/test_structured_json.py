"""Transifex STRUCTURED_JSON: only a string object's ``string`` is text; its context, developer
comment and character limit are Transifex's (user trial s73, defects 1-4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.formats.structured_json import (
    context_of,
    is_string_object,
    is_structured,
    string_limits,
)
from ltmt.qa.run import check_pairs

# the trial's repro/r1/en/app.json, as Transifex's docs write such a file
APP = """{
    "save": {
        "string": "Save changes",
        "context": "button",
        "developer_comment": "Toolbar button, keep it short",
        "character_limit": 12
    },
    "help": {
        "string": "Help",
        "context": ["menu", "top bar"]
    },
    "network": {
        "string": "Something went wrong.",
        "character_limit": 50
    }
}
"""


def _write(tmp_path: Path, name: str, data: str | dict[str, Any]) -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=4)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "is_string"),
    [
        (
            {"string": "Save", "context": "button", "developer_comment": "x", "character_limit": 8},
            True,
        ),
        ({"string": "Help", "context": ["menu", "top bar"]}, True),
        (
            {"string": "Help", "context": None, "developer_comment": None, "character_limit": None},
            True,
        ),
        ({"string": "Help"}, True),
        # a type picker's labels, an i18n file's object of strings: each is text
        ({"string": "Text", "number": "Number"}, False),
        ({"string": "Text", "context": "Context", "title": "Title"}, False),
        ({"string": 3, "context": "button"}, False),
        ({"context": "button"}, False),
        ({"string": "Save", "character_limit": "Character limit"}, False),
        ({"string": "Save", "character_limit": True}, False),
        ({"string": "Save", "context": ["menu", 2]}, False),
        ({"string": "Save", "developer_comment": ["a"]}, False),
        ("Save", False),
    ],
)
def test_a_string_object_has_a_string_and_only_transifexs_names(
    value: Any, is_string: bool
) -> None:
    assert is_string_object(value) is is_string


# the regression trial s73's i18n file: a picker's labels keyed string and context
FIELD_KINDS = {
    "fieldKinds": {"string": "Text field", "context": "Context menu"},
    "title": "Settings",
}


@pytest.mark.parametrize(
    ("data", "structured"),
    [
        (json.loads(APP), True),
        ({"menu": {"save": {"string": "Save", "context": "button"}}, "version": 3}, True),
        ({"a": [{"string": "Save", "developer_comment": "Button"}]}, True),
        # a string of its own beside them: an i18n file, each of its strings text
        (FIELD_KINDS, False),
        ({"save": {"string": "Save", "developer_comment": "Button"}, "title": "Home"}, False),
        ({"save": {"string": "Save"}, "tags": ["new"]}, False),
        ({"string": "Text", "context": "Context"}, False),  # the top level: no string object
        ({"title": "Home"}, False),
        ({"count": 3}, False),
        ([{"string": "Save"}], False),
    ],
)
def test_a_file_is_structured_where_all_its_strings_are_string_objects(
    data: Any, structured: bool
) -> None:
    assert is_structured(data) is structured


@pytest.mark.parametrize(
    ("value", "context"),
    [
        ({"string": "Open", "context": "task status"}, "task status"),
        ({"string": "Help", "context": ["menu", "top bar"]}, "menu, top bar"),
        ({"string": "Help", "context": ["", "menu"]}, "menu"),
        ({"string": "Help", "context": None}, ""),
        ({"string": "Help"}, ""),
    ],
)
def test_a_list_context_is_one_context(value: dict[str, Any], context: str) -> None:
    assert context_of(value) == context


def test_only_the_string_is_translated_and_the_rest_copied_byte_for_byte(tmp_path: Path) -> None:
    """``context`` and ``developer_comment`` came out German (``"context": "Knopf"``), which
    breaks Transifex's key+context identity of the string."""
    source = _write(tmp_path, "en.json", APP)
    out = tmp_path / "de.json"
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Save changes", "Help", "Something went wrong."]
    changed = {
        "Save changes": "SAVE CHANGES",
        "Help": "HELP",
        "Something went wrong.": "SOMETHING WENT WRONG.",
    }
    expected = APP
    for english, german in changed.items():
        expected = expected.replace(english, german)
    assert out.read_text("utf-8") == expected
    # "SAVE CHANGES" is 12 characters, as its limit allows
    assert result.report.over_limit == 0


def test_the_top_level_is_no_string_object(tmp_path: Path) -> None:
    """Transifex reads a file's keys as the strings' keys: a top-level ``string`` beside a
    ``context`` is two strings of a key-value file, each translated as before."""
    source = _write(tmp_path, "en.json", {"string": "Text", "context": "Context"})
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"string": "TEXT", "context": "CONTEXT"}


def test_an_object_of_strings_with_a_string_key_is_translated_whole(tmp_path: Path) -> None:
    data = {"types": {"string": "Text", "number": "Number"}, "title": "Fields"}
    source = _write(tmp_path, "en.json", data)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "types": {"string": "TEXT", "number": "NUMBER"},
        "title": "FIELDS",
    }


def test_a_nested_string_with_an_icu_plural_is_translated_case_by_case(tmp_path: Path) -> None:
    data = {
        "tasks": {
            "due": {
                "string": "{count, plural, one {# task due} other {# tasks due}}",
                "context": "dashboard",
                "character_limit": 20,
            }
        }
    }
    source = _write(tmp_path, "en.json", data)
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == ["%d task due", "%d tasks due"]  # its # as the model reads it
    assert json.loads(out.read_text("utf-8")) == {
        "tasks": {
            "due": {
                **data["tasks"]["due"],
                "string": "{count, plural, one {# TASK DUE} other {# TASKS DUE}}",
            }
        }
    }
    document = JsonCatalog.open(source, tgt_lang="de")
    assert {u.context for u in document.units()} == {"dashboard"}  # each case's


def test_a_string_has_its_context_as_its_memory_context(tmp_path: Path) -> None:
    """The JSON Pointer (``/status_open/string``) was the context, so two strings of the same
    English, ``Open`` of a status and ``Open`` of a button, were one to the memory."""
    source = _write(tmp_path, "en.json", APP)
    document = JsonCatalog.open(source, tgt_lang="de")
    assert [(u.key, u.context) for u in document.units()] == [
        ("/save/string", "button"),
        ("/help/string", "menu, top bar"),
        ("/network/string", "/network/string"),  # none: its key, as any JSON message's
    ]


def test_memory_import_pairs_only_the_strings_with_their_context_and_note(
    tmp_path: Path,
) -> None:
    """An import stored each ``context`` and ``developer_comment`` as an approved pair of
    itself (``Main navigation item`` → ``Main navigation item``), reused as 100 % matches."""
    english = {
        "nav_projects": {"string": "Projects", "developer_comment": "Main navigation item"},
        "nav_settings": {"string": "Settings"},
        "status_open": {"string": "Open", "context": "task status"},
    }
    german = {
        "nav_projects": {**english["nav_projects"], "string": "Projekte"},
        "nav_settings": {"string": "Einstellungen"},
        "status_open": {**english["status_open"], "string": "Offen"},
    }
    source, out = _write(tmp_path, "en.json", english), _write(tmp_path, "de.json", german)
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target, r.metadata) for r in records] == [
        (
            "Projects",
            "Projekte",
            {"context": "/nav_projects/string", "note": "Main navigation item"},
        ),
        ("Settings", "Einstellungen", {"context": "/nav_settings/string"}),
        ("Open", "Offen", {"context": "task status"}),
    ]
    checked = list(read_translations(out, source_file=source, purpose="checked"))
    # qa compares a translator's context as it compares a PO msgctxt, a key as a key
    assert [r.metadata.get("context_is_key", False) for r in checked] == [True, True, False]


def test_a_string_longer_than_its_character_limit_is_noted_and_found_by_qa(
    tmp_path: Path,
) -> None:
    """``Änderungen speichern`` (20 characters) was written for a ``character_limit`` of 12
    and neither the run (``"over_limit": 0``) nor ``ltmt qa`` said so."""
    source = _write(tmp_path, "en.json", APP)
    catalog = JsonCatalog.open(source, tgt_lang="de")
    catalog.fill({"/save/string": "Änderungen speichern", "/help/string": "Hilfe"})
    assert catalog.review_notes() == [
        "1 message longer than its length limit allows (/save/string: the translation is 20 "
        "characters long, its character_limit allows 12): shorten it"
    ]
    out = tmp_path / "de.json"
    catalog.save(out)
    records = list(read_translations(out, source_file=source, purpose="checked"))
    found = check_pairs(records, checks=["length"]).findings
    assert [(f.position.rpartition(": ")[2], f.message) for f in found] == [
        ("/save/string", "the translation is 20 characters long, its character_limit allows 12")
    ]
    run = translate_file(
        source, tmp_path / "run.json", lambda texts, prefer: ["Zu lang"] * len(texts)
    )
    assert run.report.over_limit == 0  # 7 characters: within 12 and 50
    tight = _write(tmp_path, "tight.json", {"save": {"string": "Save it", "character_limit": 4}})
    run = translate_file(tight, tmp_path / "tight_de.json", FakeModel(), tgt_lang="de")
    assert run.report.over_limit == 1  # SAVE IT


@pytest.mark.parametrize(
    ("value", "limit"),
    [
        ({"string": "Save", "character_limit": 12}, (12, "its character_limit")),
        (
            {"string": "Save", "developer_comment": "Button label, max 8 characters"},
            (8, "its developer_comment"),
        ),
        (
            {"string": "Save", "developer_comment": "at most 30 chars", "character_limit": 12},
            (12, "its character_limit"),
        ),
        (
            {"string": "Save", "developer_comment": "max 8 characters", "character_limit": 12},
            (8, "its developer_comment"),
        ),
        ({"string": "Save", "character_limit": 0}, None),  # none, as Transifex's editor reads it
        ({"string": "Save", "character_limit": None}, None),
        ({"string": "Save", "developer_comment": "Toolbar button"}, None),
    ],
)
def test_the_shortest_limit_said_applies(
    value: dict[str, Any], limit: tuple[int, str] | None
) -> None:
    limits = string_limits({"menu": {"save": value}})
    assert limits.get(("menu", "save")) == limit


def test_a_developer_comment_that_says_not_to_translate_keeps_the_string(tmp_path: Path) -> None:
    data = {
        "brand": {"string": "Acme Tasks", "developer_comment": "Product name. Do not translate"},
        "save": {"string": "Save", "context": "button"},
    }
    source = _write(tmp_path, "en.json", data)
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Save"]
    assert json.loads(out.read_text("utf-8")) == {
        "brand": data["brand"],
        "save": {"string": "SAVE", "context": "button"},
    }


def test_a_rerun_writes_the_sources_metadata_back(tmp_path: Path) -> None:
    """A German file an earlier version wrote, its context translated (``Knopf``), keeps its
    string and gets the source's context again."""
    source = _write(tmp_path, "en.json", {"save": {"string": "Save", "context": "button"}})
    out = _write(tmp_path, "de.json", {"save": {"string": "Speichern", "context": "Knopf"}})
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert json.loads(out.read_text("utf-8")) == {
        "save": {"string": "Speichern", "context": "button"}
    }


def test_string_and_context_keys_beside_a_plain_string_are_text(tmp_path: Path) -> None:
    """Regression trial s73: ``"context": "Context menu"`` of an i18n file was left English
    (taken for Transifex's context), and an import kept only the other pair, its context the
    label's English. Such a file's strings are each translated and paired under their keys."""
    source = _write(tmp_path, "en.json", FIELD_KINDS)
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Text field", "Context menu", "Settings"]
    assert json.loads(out.read_text("utf-8")) == {
        "fieldKinds": {"string": "TEXT FIELD", "context": "CONTEXT MENU"},
        "title": "SETTINGS",
    }
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target, r.metadata, r.key) for r in records] == [
        ("Text field", "TEXT FIELD", {"context": "/fieldKinds/string"}, None),
        ("Context menu", "CONTEXT MENU", {"context": "/fieldKinds/context"}, None),
        ("Settings", "SETTINGS", {"context": "/title"}, None),
    ]


def test_a_developer_comment_beside_a_plain_string_is_text(tmp_path: Path) -> None:
    """The trial's i18next object with a ``developer_comment`` key: its second string was left
    English and imported as a note alone."""
    data = {"save": {"string": "Save", "developer_comment": "Comment"}, "title": "Home"}
    source = _write(tmp_path, "en.json", data)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "save": {"string": "SAVE", "developer_comment": "COMMENT"},
        "title": "HOME",
    }


def test_a_transifex_string_with_a_context_is_paired_with_its_key(tmp_path: Path) -> None:
    """Its context is its memory context, its key (``key``) what a warning names it by and the
    output's record keeps it under (the note named ``task status``, which names no string)."""
    source = _write(tmp_path, "en.json", APP)
    german = json.loads(APP)
    german["save"]["string"], german["network"]["string"] = "Speichern", "Fehler."
    out = _write(tmp_path, "de.json", german)
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.metadata["context"], r.key) for r in records] == [
        ("button", "/save/string"),
        ("menu, top bar", "/help/string"),  # Help kept in German
        ("/network/string", None),
    ]
