"""A text file's existing output edited by hand since ltmt wrote it: its edits kept in place
where the record lines them up with an unchanged source, else the run refuses and leaves it
(an Android app's short_description.txt, fixed and committed, was replaced without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.edited_lines import EditedOutputError
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

SOURCE = "Record your hikes.\n\nSave trails offline.\nShare photos.\n"


def _written(tmp_path: Path) -> tuple[Path, Path, OutputSources]:
    """A source, the output ltmt wrote for it, and the records of what it wrote."""
    records = OutputSources(tmp_path / "records", "android-app")
    source, output = tmp_path / "en.txt", tmp_path / "de.txt"
    source.write_text(SOURCE, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == SOURCE.upper()
    return source, output, records


def test_a_rerun_into_an_output_as_ltmt_wrote_it_translates_every_line_again(
    tmp_path: Path,
) -> None:
    source, output, records = _written(tmp_path)
    model = FakeModel()
    translate_file(source, output, model, output_sources=records)
    assert model.seen == ["Record your hikes.", "Save trails offline.", "Share photos."]
    assert output.read_text("utf-8") == SOURCE.upper()


def test_a_line_edited_by_hand_is_kept_while_its_source_is_the_same(tmp_path: Path) -> None:
    source, output, records = _written(tmp_path)
    fixed = "Wanderungen aufzeichnen."
    output.write_text(SOURCE.upper().replace("RECORD YOUR HIKES.", fixed), "utf-8")
    source.write_text(SOURCE.replace("Share", "Share your"), "utf-8")  # another line changed
    model = FakeModel()
    result = translate_file(source, output, model, output_sources=records)
    assert output.read_text("utf-8") == f"{fixed}\n\nSAVE TRAILS OFFLINE.\nSHARE YOUR PHOTOS.\n"
    assert fixed not in model.seen and result.report.translated_before == 1
    # recorded as the person's: kept by the next run too
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8").startswith(f"{fixed}\n")


@pytest.mark.parametrize(
    "edit",
    [
        # the source of the edited line changed since: the edit is of another English
        lambda source, output: source.write_text(SOURCE.replace("hikes", "walks"), "utf-8"),
        # a line added above the others: they no longer stand where ltmt wrote them
        lambda source, output: output.write_text("Neu.\n" + output.read_text("utf-8"), "utf-8"),
    ],
    ids=["source-changed", "line-added"],
)
def test_an_edit_that_cannot_be_kept_in_place_leaves_the_output_untouched(
    tmp_path: Path, edit
) -> None:
    source, output, records = _written(tmp_path)
    output.write_text(SOURCE.upper().replace("RECORD YOUR HIKES.", "Aufzeichnen."), "utf-8")
    edit(source, output)
    before = output.read_bytes()
    with pytest.raises(EditedOutputError) as raised:
        translate_file(source, output, FakeModel(), output_sources=records)
    assert str(raised.value) == (
        f"{output} was edited since ltmt wrote it; to keep its lines, import it first (ltmt memory "
        f"import {output} --source-file {source} --user android-app) and run again with "
        "--overwrite (they come back as memory matches); to replace it, pass --overwrite"
    )
    assert output.read_bytes() == before


def test_an_output_with_no_record_is_not_replaced(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records", "android-app")
    source, output = tmp_path / "en.txt", tmp_path / "de.txt"
    source.write_text("Record your hikes, save trails offline and share photos.\n", "utf-8")
    fixed = "Wanderungen aufzeichnen, Touren offline speichern und Fotos teilen.\n"
    output.write_text(fixed, "utf-8")  # translated before, then fixed by hand
    with pytest.raises(EditedOutputError, match="no record of writing it") as raised:
        translate_file(source, output, FakeModel(), output_sources=records)
    assert str(raised.value) == (
        f"{output} exists, and ltmt has no record of writing it (edited since, or not ltmt's); "
        f"to keep its lines, import it first (ltmt memory import {output} --source-file "
        f"{source} --user android-app) and run again with --overwrite (they come back as "
        "memory matches); to replace it, pass --overwrite"
    )
    assert output.read_text("utf-8") == fixed
    translate_file(source, output, FakeModel(), overwrite=True, output_sources=records)
    assert output.read_text("utf-8") == source.read_text("utf-8").upper()


def test_a_reviewed_copy_of_an_earlier_output_is_refused_not_shifted(tmp_path: Path) -> None:
    """The agency loop (trial s74): the output is updated for a line inserted into the source,
    then the reviewed copy of the first delivery is put in its place. The record's places are
    the update's: kept in place, each edit after the insertion stood for the line above it."""
    source, output, records = _written(tmp_path)
    reviewed = "RECORD YOUR HIKES.\n\nWege offline speichern.\nFotos teilen.\n"
    source.write_text(SOURCE.replace("Save trails", "Plan routes.\nSave trails"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(reviewed, "utf-8")
    with pytest.raises(EditedOutputError) as raised:
        translate_file(source, output, FakeModel(), output_sources=records)
    assert str(raised.value) == (
        f"{output} has other lines than ltmt last wrote there (a reviewed copy of an earlier "
        "output put in its place?), so which English each edited line was for cannot be told; "
        f"to keep its lines, import it first (ltmt memory import {output} --source-file "
        "ENGLISH_IT_WAS_TRANSLATED_FROM --user android-app) and run again with --overwrite (they "
        "come back as memory matches); to replace it, pass --overwrite"
    )
    assert output.read_text("utf-8") == reviewed
