"""A workbook's sheets that are string tables (a source- and a target-language column) are
left as written, with a warning; its other sheets are translated as a document's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file

TABLE_WARNING = (
    "strings.xlsx: 'UI' is a string table (a source- and a target-language column): left as "
    "written, since ltmt does not fill a workbook's table yet; save the sheet as CSV UTF-8 and "
    "translate that (ltmt translate SHEET.csv -o SHEET.de.csv), which fills the empty target "
    "cells"
)


def _strings(path: Path) -> Path:
    """A session-67 trial's workbook: a merged title row, then Key | English | German | Status."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "UI"
    sheet.append(["Hero Quest: UI strings"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Key", "English", "German", "Status"])
    sheet.append(["menu.start", "Start Game", "Spiel starten", "Approved"])
    sheet.append(["menu.quit", "Quit to Desktop", None, "New"])
    book.create_sheet("Notes")["A1"] = "Ask the studio before you ship."
    book.save(path)
    return path


def test_a_string_table_sheet_is_left_as_written_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # translated as a document, its English became German and its approved German English
    strings = _strings(tmp_path / "strings.xlsx")
    with caplog.at_level("WARNING", logger="ltmt.formats.xlsx_tables"):
        units = {u.source for u in open_document(strings, src_lang="en", tgt_lang="de").units()}
    assert units == {"Ask the studio before you ship."}
    assert caplog.messages == [TABLE_WARNING]
    out = tmp_path / "strings.de.xlsx"
    translate_file(strings, out, FakeModel(), src_lang="en", tgt_lang="de")
    book = openpyxl.load_workbook(out)
    rows = [list(row) for row in book["UI"].iter_rows(values_only=True)]
    assert rows[1:] == [
        ["Key", "English", "German", "Status"],
        ["menu.start", "Start Game", "Spiel starten", "Approved"],
        ["menu.quit", "Quit to Desktop", None, "New"],
    ]
    assert book["Notes"]["A1"].value == "ASK THE STUDIO BEFORE YOU SHIP."


@pytest.mark.parametrize(
    "header",
    [
        ["Item", "Price", "Note"],  # no language
        ["Key", "English", "Notes"],  # a source column alone
    ],
)
def test_a_sheet_without_both_languages_is_a_documents(
    tmp_path: Path, header: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append(["a", "Red apple", "Sold by the kilo"])
    book.save(tmp_path / "prices.xlsx")
    with caplog.at_level("WARNING", logger="ltmt.formats.xlsx_tables"):
        units = open_document(tmp_path / "prices.xlsx", src_lang="en", tgt_lang="de").units()
    assert {"Red apple", "Sold by the kilo"} <= {u.source for u in units}
    assert caplog.messages == []


@pytest.mark.parametrize(
    ("rows", "translated"),
    [
        (  # a budget's word counts under its language columns
            [
                ["Deliverable", "English (words)", "German (words)", "Total"],
                ["User guide", 1200, 1350, "=B2+C2"],
                ["Release notes for version 2", 300, 340, "=B3+C3"],
            ],
            {"User guide", "Release notes for version 2"},
        ),
        (  # a school's letter grades
            [
                ["Student", "English", "German", "Comments"],
                ["Anna", "A", "B+", "Works hard and asks good questions"],
                ["Ben", "B", "A-", "Reads a lot"],
            ],
            {"Works hard and asks good questions"},
        ),
    ],
)
def test_a_sheet_whose_language_columns_hold_no_words_is_a_documents(
    tmp_path: Path, rows: list[list[object]], translated: set[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Sheets headed by language columns that hold numbers or grades were read as string
    tables (regression trials'): every cell left English."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "sheet.xlsx")
    with caplog.at_level("WARNING", logger="ltmt.formats.xlsx_tables"):
        units = open_document(tmp_path / "sheet.xlsx", src_lang="en", tgt_lang="de").units()
    assert translated <= {u.source for u in units}
    assert caplog.messages == []
