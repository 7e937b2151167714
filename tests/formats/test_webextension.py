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
