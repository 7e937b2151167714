"""Smartling's JSON header (``formatjs extract --format smartling``) is copied, never
translated or paired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats import smartling_json
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pipeline import translate_file

HEADER = {
    "translate_paths": [
        {"path": "*/message", "key": "{*}/message", "instruction": "*/description"}
    ],
    "variants_enabled": True,
    "string_format": "icu",
}


def test_the_smartling_header_is_copied_untouched_and_never_paired(tmp_path: Path) -> None:
    """Its ``instruction`` came out ``*/ Beschreibung`` and its configuration strings were
    sent to the model."""
    english = {
        "smartling": HEADER,
        "settings.cancel": {"message": "Cancel", "description": "Button label"},
    }
    source = tmp_path / "en.json"
    source.write_text(json.dumps(english, indent=2), "utf-8")
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Cancel"]
    assert json.loads(out.read_text("utf-8")) == {
        "smartling": HEADER,
        "settings.cancel": {"message": "CANCEL", "description": "Button label"},
    }
    german = {**english, "smartling": {**HEADER, "string_format": "ICU-Format"}}
    german["settings.cancel"] = {"message": "Abbrechen", "description": "Button label"}
    out.write_text(json.dumps(german), "utf-8")
    pairs = [(r.source, r.target) for r in JsonCatalog.pairs(out, source_file=source)]
    assert pairs == [("Cancel", "Abbrechen")]


def test_a_smartling_key_without_a_header_is_a_message(tmp_path: Path) -> None:
    source = tmp_path / "en.json"
    source.write_text('{"smartling": {"title": "Smartling settings"}}', "utf-8")
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen == ["Smartling settings"]


def test_only_the_paths_the_header_names_are_translated(tmp_path: Path) -> None:
    """A Phrase trial's file: its ``note`` values (the ``instruction`` paths, translator
    notes) were translated (``Page heading`` came out ``Seitenkopfe``): 19 segments for 7
    strings."""
    header = {
        "translate_paths": [
            {"path": "/strings/*/text", "key": "/strings/*", "instruction": "/strings/*/note"}
        ],
        "string_format": "icu",
    }
    english = {
        "smartling": header,
        "strings": {
            "cart.title": {"text": "Your cart", "note": "Page heading"},
            "cart.empty": {"text": "Your cart is empty.", "note": ""},
        },
        "other": {"text": "Not named"},
    }
    source = tmp_path / "en.json"
    source.write_text(json.dumps(english), "utf-8")
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == ["Your cart", "Your cart is empty."]
    written = json.loads(out.read_text("utf-8"))
    assert written["smartling"] == header
    assert written["strings"]["cart.title"] == {"text": "YOUR CART", "note": "Page heading"}
    assert written["other"] == {"text": "Not named"}


@pytest.mark.parametrize(
    ("path", "parts", "named"),
    [
        ("/strings/*/text", ("strings", "a", "text"), True),
        ("/strings/*/text", ("strings", "a", "note"), False),
        ("/strings/*/text", ("x", "strings", "a", "text"), False),
        ("*/message", ("app.greeting", "message"), True),
        ("*/message", ("group", "app.greeting", "message"), True),
        ("*/message", ("app.greeting", "description"), False),
    ],
)
def test_a_translate_path_names_strings(path: str, parts: tuple[str, ...], named: bool) -> None:
    data = {"smartling": {"translate_paths": [{"path": path}]}}
    assert smartling_json.text_places(data, [(parts, "x")]) == (
        frozenset({parts}) if named else frozenset()
    )
