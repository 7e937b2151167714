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


@pytest.mark.parametrize(
    "header",
    [
        {"variants_enabled": "true", "translate_mode": "all"},
        {"placeholder_format_custom": "\\[\\[[^\\]]+\\]\\]", "string_format": "icu"},
        {"source_key_paths": ["/{*}"], "title": "Settings"},
    ],
)
def test_a_header_without_translate_paths_is_copied_and_never_paired(
    tmp_path: Path, header: dict[str, object]
) -> None:
    """A flat file's header held only ``variants_enabled`` and ``translate_mode``: they came
    out ``wahr`` and ``alle``, and the import stored ``true → wahr``."""
    english = {"smartling": header, "nav.home": "Home page"}
    source = tmp_path / "en.json"
    source.write_text(json.dumps(english, indent=2), "utf-8")
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Home page"]
    assert json.loads(out.read_text("utf-8")) == {"smartling": header, "nav.home": "HOME PAGE"}
    german = {"smartling": {key: "wahr" for key in header}, "nav.home": "Startseite"}
    out.write_text(json.dumps(german), "utf-8")
    pairs = [(r.source, r.target) for r in JsonCatalog.pairs(out, source_file=source)]
    assert pairs == [("Home page", "Startseite")]


@pytest.mark.parametrize(
    "rules",
    [
        {"path": "/*/text", "key": "/{*}/text", "instruction": "/*/note"},  # Smartling's docs
        [{"path": "/*/text", "instruction": "/*/note"}],
        ["*/text"],
        "*/text",
        "*/text, */title",
    ],
)
def test_translate_paths_is_read_in_each_form(tmp_path: Path, rules: object) -> None:
    """One rule alone (the form Smartling's docs show) and a list of paths were not read:
    every string, the translator notes too, was translated."""
    english = {
        "smartling": {"translate_paths": rules, "variants_enabled": "true"},
        "invite": {"text": "Invite your team", "note": "Button on the members page"},
    }
    source = tmp_path / "en.json"
    source.write_text(json.dumps(english), "utf-8")
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Invite your team"]
    written = json.loads(out.read_text("utf-8"))
    assert written["invite"] == {"text": "INVITE YOUR TEAM", "note": "Button on the members page"}
    assert written["smartling"] == english["smartling"]


@pytest.mark.parametrize(
    ("rules", "paths"),
    [
        ({"path": "/*/text"}, ["/*/text"]),
        ([{"path": "a"}, "b", {"key": "{*}"}, 3], ["a", "b"]),
        ("a, b,", ["a", "b"]),
        ({"key": "/{*}/text"}, []),
        (None, []),
    ],
)
def test_the_paths_of_translate_paths(rules: object, paths: list[str]) -> None:
    assert smartling_json._paths(rules) == paths
