"""The record of what source each translation in an output was written for, and what an update
finds outdated by it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import Outdated, OutputSources, digest, outdated
from ltmt.formats.pipeline import translate_file

# the output as ltmt wrote it: key -> (source, translation)
WRITTEN = {"1": ("Open the file.", "Datei öffnen."), "2": ("Close it.", "Schließen.")}
RECORD = {key: (digest(source), digest(text)) for key, (source, text) in WRITTEN.items()}


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        (  # as written: up to date
            [
                (Unit("1", "Open the file."), "Datei öffnen."),
                (Unit("2", "Close it."), "Schließen."),
            ],
            Outdated(),
        ),
        (  # the first source edited since: its translation is of the old one
            [(Unit("1", "Open the folder."), "Datei öffnen.")],
            Outdated(again=["1"]),
        ),
        (  # a block moved: its translation is its source's, wherever it stands
            [(Unit("7", "Close it."), "Schließen.")],
            Outdated(),
        ),
        (  # another block's translation taken over by its place
            [(Unit("2", "Open the file."), "Schließen.")],
            Outdated(again=["2"]),
        ),
        (  # edited since, its source as it was: the translator's
            [(Unit("2", "Close it."), "Zumachen.")],
            Outdated(),
        ),
        (  # edited since, and its source changed too: kept, to be checked
            [(Unit("2", "Close it now."), "Zumachen.")],
            Outdated(edited=["2"]),
        ),
        (  # a unit the output had no translation of then, translated by someone since
            [(Unit("3", "Save it."), "Speichern.")],
            Outdated(),
        ),
    ],
)
def test_what_an_update_finds_outdated(kept: list[tuple[Unit, str]], expected: Outdated) -> None:
    assert outdated(RECORD, kept) == expected


def test_a_record_is_read_back_by_the_outputs_path(tmp_path: Path, monkeypatch) -> None:
    records = OutputSources(tmp_path / "records")
    output = tmp_path / "de.md"
    assert records.read(output) is None
    records.write(output, [(Unit("1", "Open the file."), "Datei öffnen.")])
    monkeypatch.chdir(tmp_path)
    assert records.read(Path("de.md")) == {"1": (digest("Open the file."), digest("Datei öffnen."))}
    assert records.read(tmp_path / "other.md") is None


@pytest.mark.parametrize("damaged", ["{", '{"version": 99, "units": {}}', '{"version": 1}', "[]"])
def test_a_damaged_record_or_one_of_another_version_is_none(tmp_path: Path, damaged: str) -> None:
    records = OutputSources(tmp_path / "records")
    output = tmp_path / "de.md"
    records.write(output, [])
    (record,) = (tmp_path / "records").iterdir()
    record.write_text(damaged, "utf-8")
    assert records.read(output) is None


def test_a_record_that_cannot_be_written_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "records").write_text("a file where the folder should be", "utf-8")
    with caplog.at_level(logging.WARNING):
        OutputSources(tmp_path / "records").write(tmp_path / "de.md", [])
    assert "de.md: its sources not recorded (" in caplog.text


def test_an_update_says_how_many_were_translated_again_and_names_edited_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "notes.md", tmp_path / "notes.de.md"
    source.write_text("First block.\n\nSecond block.\n\nThird block.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text("FIRST BLOCK.\n\nZweiter Block.\n\nTHIRD BLOCK.\n", "utf-8")  # edited
    source.write_text("First block, edited.\n\nSecond block, edited.\n\nThird block.\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == ("FIRST BLOCK, EDITED.\n\nZweiter Block.\n\nTHIRD BLOCK.\n")
    assert result.report.source_changed == 1
    assert "1 translated again: their source changed" in result.report.summary()
    assert (
        "1 translation edited since ltmt wrote the file" in caplog.text and "block1" in caplog.text
    )
    # the run recorded the output as it left it: nothing is outdated now
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert result.report.source_changed == 0 and caplog.text == ""


def test_with_overwrite_every_unit_is_translated_and_recorded(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "notes.md", tmp_path / "notes.de.md"
    source.write_text("First block.\n", "utf-8")
    output.write_text("Erster Block.\n", "utf-8")
    translate_file(source, output, FakeModel(), overwrite=True, output_sources=records)
    assert records.read(output) == {"block0": (digest("First block."), digest("FIRST BLOCK."))}
