"""WebExtension files beside their messages: the manifest refused, names read in any case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.webextension import (
    is_manifest_file,
    is_messages_file,
    literal_fields,
    message_limits,
    spellings,
)

MANIFEST = {
    "manifest_version": 3,
    "name": "__MSG_extName__",
    "description": "__MSG_extDescription__",
    "permissions": ["tabs", "bookmarks", "storage"],
    "commands": {"save-all": {"suggested_key": {"default": "Ctrl+Shift+S"}}},
}


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), "utf-8")
    return path


def test_a_manifest_alone_is_refused(tmp_path):
    """manifest.json was translated: permissions ["Tabs", "Lesezeichen", "Speicherung"] and
    suggested_key Strg+Umschalt+S, and the extension no longer loaded."""
    manifest = _write(tmp_path / "manifest.json", MANIFEST)
    with pytest.raises(
        InputError,
        match=r"manifest\.json: a WebExtension manifest \(manifest_version\), not a message "
        r"file: its text lives in _locales/\*/messages\.json, which it names as __MSG_name__, "
        r"and its settings \(permissions, suggested_key\) stop the extension from loading if "
        r"translated; translate _locales/en/messages\.json \(-o _locales/de/messages\.json\) "
        r"or the extension's folder$",
    ):
        JsonCatalog.open(manifest)
    assert is_manifest_file(manifest)
    assert not is_manifest_file(_write(tmp_path / "other.json", MANIFEST))  # named otherwise


def test_a_manifest_with_literal_text_says_it_is_not_translated(tmp_path):
    manifest = _write(
        tmp_path / "manifest.json", {**MANIFEST, "name": "Tab Saver", "short_name": "Tabs"}
    )
    assert literal_fields(json.loads(manifest.read_text("utf-8"))) == ["name", "short_name"]
    with pytest.raises(
        InputError,
        match=r"; its name and short_name are literal text, not translated: move the text into "
        r"_locales/en/messages\.json and write __MSG_name__ there to have it translated$",
    ):
        JsonCatalog.open(manifest)


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        ({"save": {"message": "Save"}, "quit": {"message": "Quit", "description": "x"}}, True),
        ({"save": {"message": "Save"}, "title": "Title"}, False),
        ({"save": {"defaultMessage": "Save"}}, False),
        ({"n": {"message": "$N$ tabs", "placeholders": {"n": {"content": "$1"}}}}, True),
        # an Electron dialog's options (user trial s72): every string is text
        ({"unsaved": {"title": "Unsaved changes", "message": "Save?", "detail": "Lost"}}, False),
        ({"quit": {"message": "Quit?", "buttons": ["Quit", "Cancel"]}}, False),
        ({}, False),
    ],
)
def test_a_messages_file_is_told(data: dict, messages: bool) -> None:
    assert is_messages_file(data) is messages


def test_names_in_another_case_are_spelled_as_the_translation_writes_them() -> None:
    source = {"saveButton": {"message": "Save"}, "quit": {"message": "Quit"}}
    assert spellings(source, {"SaveButton": {"message": "Sichern"}}) == {"saveButton": "SaveButton"}
    # both spellings there: the source's is read, the other is an extra
    both = {"SaveButton": {"message": "Sichern"}, "saveButton": {"message": "Speichern"}}
    assert spellings(source, both) == {}
    assert spellings({"saveButton": "Save"}, {"SaveButton": "Sichern"}) == {}  # i18next: exact


def test_a_translation_named_in_another_case_is_kept_under_its_spelling(tmp_path, caplog):
    """A rerun into _locales/de wrote a new saveButton, translated again, and kept the
    reviewer's SaveButton at the end with a warning to delete it: browsers read one name."""
    source = _write(
        tmp_path / "en" / "messages.json",
        {
            "saveButton": {"message": "Save", "description": "Button label"},
            "cancel": {"message": "Cancel"},
        },
    )
    target = _write(
        tmp_path / "de" / "messages.json",
        {"SaveButton": {"message": "Sichern", "description": "Button label"}},
    )
    catalog = JsonCatalog.open(source)
    assert catalog.adopt(target) == 1
    assert [unit.key for unit in catalog.pending()] == ["/cancel/message"]
    catalog.fill({"/cancel/message": "Abbrechen"}, mark_fuzzy=False)
    assert json.loads(catalog.render()) == {
        "SaveButton": {"message": "Sichern", "description": "Button label"},
        "cancel": {"message": "Abbrechen"},
    }
    assert "not in" not in caplog.text
    pairs = JsonCatalog.pairs(target, source_file=source)
    assert [(pair.source, pair.target) for pair in pairs] == [("Save", "Sichern")]


def test_names_equal_but_for_case_in_the_source_match_exactly(tmp_path):
    """en's save (Save) and Save (Save all changes) beside a de.json holding save: the output
    lost 'Save all changes', gave save Save's description, and memory import stored 'Save all
    changes -> Speichern'; where either file has two such names, names match exactly."""
    english = {
        "save": {"message": "Save", "description": "Button"},
        "Save": {"message": "Save all changes", "description": "Menu item"},
        "cancel": {"message": "Cancel"},
    }
    german = {"save": {"message": "Speichern", "description": "Button"}}
    assert spellings(english, german) == {}
    assert spellings({"save": {"message": "Save"}}, {**german, "SAVE": {"message": "S"}}) == {}
    source = _write(tmp_path / "en" / "messages.json", english)
    target = _write(tmp_path / "de" / "messages.json", german)
    catalog = JsonCatalog.open(source)
    assert catalog.adopt(target) == 1
    assert [unit.key for unit in catalog.pending()] == ["/Save/message", "/cancel/message"]
    catalog.fill(
        {"/Save/message": "Alle Änderungen speichern", "/cancel/message": "Abbrechen"},
        mark_fuzzy=False,
    )
    assert json.loads(catalog.render()) == {
        "save": {"message": "Speichern", "description": "Button"},
        "Save": {"message": "Alle Änderungen speichern", "description": "Menu item"},
        "cancel": {"message": "Abbrechen"},
    }
    pairs = JsonCatalog.pairs(target, source_file=source)
    assert [(pair.source, pair.target) for pair in pairs] == [("Save", "Speichern")]


def _extension(tmp_path: Path) -> Path:
    """An extension whose manifest shows extName, extShort and extDescription."""
    manifest = {
        **MANIFEST,
        "name": "__MSG_extName__",
        "short_name": "__MSG_EXTSHORT__",  # names in any case
        "description": "__MSG_extDescription__",
    }
    _write(tmp_path / "ext" / "manifest.json", manifest)
    messages = {
        "extName": {
            "message": "Tab Saver - Save and restore your browser tabs",
            "description": "Name (max 45 characters)",
        },
        "extShort": {"message": "Tab Saver"},
        "extDescription": {"message": "Save all open tabs."},
        "hint": {"message": "Pinned tabs are not saved.", "description": "Hint, at most 30 chars"},
        "save": {"message": "Save"},
    }
    return _write(tmp_path / "ext" / "_locales" / "en" / "messages.json", messages)


def test_the_manifests_and_the_descriptions_limits_are_read(tmp_path):
    source = _extension(tmp_path)
    assert message_limits(source, json.loads(source.read_text("utf-8"))) == {
        "extName": (45, "its description"),  # shorter than manifest.json's 75
        "hint": (30, "its description"),
        "extShort": (12, "manifest.json's short_name"),
        "extDescription": (132, "manifest.json's description"),
    }
    # a messages.json of no extension's _locales folder: its descriptions alone
    alone = _write(tmp_path / "messages.json", json.loads(source.read_text("utf-8")))
    assert set(message_limits(alone, json.loads(alone.read_text("utf-8")))) == {"extName", "hint"}


def test_a_message_translated_longer_than_its_limit_is_noted(tmp_path):
    """extName became 55 characters where its description says "max 45 characters": nothing
    was said, by translate or qa."""
    source = _extension(tmp_path)
    catalog = JsonCatalog.open(source)
    german = "Tab Saver \u2013 Browser-Tabs speichern und wiederherstellen"
    catalog.fill({"/extName/message": german, "/extShort/message": "Tab Saver"}, mark_fuzzy=False)
    assert catalog.review_notes() == [
        "1 message longer than its length limit allows (/extName/message (limit from its "
        "description): the translation is 55 characters long, its unit allows 45): shorten it"
    ]
    target = tmp_path / "ext" / "_locales" / "de" / "messages.json"
    catalog.save(target)
    limits = {
        pair.metadata["context"]: pair.metadata.get("max_length")
        for pair in JsonCatalog.pairs(target, source_file=source)
    }
    assert limits == {"/extName/message": 45, "/extShort/message": 12}  # qa's length check
