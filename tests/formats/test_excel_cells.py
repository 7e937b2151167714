"""Excel export cells (:mod:`ltmt.formats.excel_cells`): formulas guarded, read back exactly."""

from __future__ import annotations

import pytest

from ltmt.formats.excel_cells import guarded, is_excel_export, unguarded


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("-5 %", "'-5 %"),
        ("+49 30 1234", "'+49 30 1234"),
        ("@user", "'@user"),
        ("\tindented", "'\tindented"),
        ("\rline", "'\rline"),
        ("'quoted", "'quoted"),  # no formula after the ': as it is
        ("'=x", "''=x"),  # a ' before a formula: one more, so that reading takes one
        ("''-1", "'''-1"),
        ("Open the file", "Open the file"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_a_cell_excel_would_run_gets_a_quote_and_reads_back(text: str, written: str) -> None:
    assert guarded(text) == written
    assert unguarded(written) == text


@pytest.mark.parametrize(
    ("bom", "delimiter", "header", "expected"),
    [
        (True, ";", ["keys", "en", "de"], True),
        (False, ";", ["keys", "en", "de"], False),  # a plain table: its ' are text
        (True, ",", ["keys", "en", "de"], False),
        (True, ";", ["key", "en", "de"], False),
        (True, ";", ["keys", "en", "de", "note"], False),
    ],
)
def test_an_excel_export_is_told_by_its_mark_semicolons_and_header(
    bom: bool, delimiter: str, header: list[str], expected: bool
) -> None:
    assert is_excel_export(bom, delimiter, header) is expected
