"""A JSON dialogue file's speakers' names that a run translated are named in a warning
(:mod:`ltmt.formats.speaker_names`; trial s77: ``Old Miller`` became ``Alt-Hiller``, unsaid)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file
from ltmt.formats.speaker_names import names_translated, speaker_places

LINES = {
    "lines": [
        {"id": "line:elara_01", "speaker": "Old Miller", "text": "Welcome back!"},
        {"id": "line:elara_02", "speaker": "Old Miller", "text": "Hurry!"},
        {"id": "line:0a1b2c", "character_name": "Elara", "text": "The market opens at dawn."},
    ]
}


def test_speaker_places_are_the_strings_under_a_speakers_key() -> None:
    strings = [
        (("lines", 0, "speaker"), "Old Miller"),
        (("lines", 0, "text"), "Welcome back!"),
        (("characterName",), "Elara"),
        (("Speaker",), "Grimm"),
        (("name",), "Settings"),  # a key of names in any file: no speaker's
        (("speakers", 0), "Narrator"),  # an item of a list
    ]
    assert speaker_places(strings) == {
        "/lines/0/speaker": ("speaker", "Old Miller"),
        "/characterName": ("characterName", "Elara"),
        "/Speaker": ("Speaker", "Grimm"),
    }


def test_names_translated_leave_out_a_name_kept_and_a_memory_match() -> None:
    speakers = {
        "/a": ("speaker", "Old Miller"),
        "/b": ("speaker", "Elara"),
        "/c": ("speaker", "Guard"),
    }
    translations = {"/a": "Alt-Hiller", "/b": "Elara", "/c": "Wache", "/text": "Hallo"}
    assert names_translated(speakers, translations, from_memory={"/c"}) == {
        "/a": ("speaker", "Old Miller", "Alt-Hiller")
    }


def test_a_run_names_the_speakers_names_it_translated_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, out = tmp_path / "lines_en.json", tmp_path / "lines_de.json"
    source.write_text(json.dumps(LINES), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel())
    assert caplog.messages == [
        f"{out}: 2 speaker names translated as text (Old Miller → OLD MILLER, Elara → ELARA); "
        "if the game keeps them as written or looks characters up by them, rerun with "
        "--skip-keys speaker,character_name, or give each name in a glossary"
    ]
    assert json.loads(out.read_text("utf-8"))["lines"][0]["speaker"] == "OLD MILLER"


def test_a_rerun_with_the_key_skipped_writes_the_sources_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The warning's advice holds: the names ltmt translated take the source's; a reviewer's
    name is kept."""
    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "lines_en.json", tmp_path / "lines_de.json"
    source.write_text(json.dumps(LINES), "utf-8")
    translate_file(source, out, FakeModel(), output_sources=records)
    out.write_text(out.read_text("utf-8").replace('"ELARA"', '"Elara die Weise"'), "utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        translate_file(
            source,
            out,
            FakeModel(),
            output_sources=records,
            skip_keys=frozenset({"speaker", "character_name"}),
        )
    lines = json.loads(out.read_text("utf-8"))["lines"]
    assert [line.get("speaker", line.get("character_name")) for line in lines] == [
        "Old Miller",
        "Old Miller",
        "Elara die Weise",
    ]
    assert "speaker names translated" not in caplog.text


def test_a_speaker_that_names_a_record_is_copied_unsaid(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = {"characters": {"GUARD": {"title": "Guard"}}, "lines": [{"speaker": "GUARD"}]}
    source, out = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps(data), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel())
    assert json.loads(out.read_text("utf-8"))["lines"] == [{"speaker": "GUARD"}]
    assert caplog.messages == []
