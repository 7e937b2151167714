"""Smartling's JSON header (``formatjs extract --format smartling``) is copied, never
translated or paired."""

from __future__ import annotations

import json
from pathlib import Path

from formats_fakes import FakeModel

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
