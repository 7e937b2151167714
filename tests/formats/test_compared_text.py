"""The texts a spreadsheet's formulas and drop-down lists compare cells against."""

from __future__ import annotations

import pytest

from ltmt.formats.compared_text import formula_literals, warn_kept


def test_a_formulas_strings_and_a_lists_items_are_compared_case_aside() -> None:
    assert formula_literals(['=COUNTIF(B2:B4,"Shipped")', '"Open, Late"']) == {
        "shipped",
        "open, late",
        "open",
        "late",
    }


def test_the_cells_left_as_written_are_counted_and_each_text_named_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        warn_kept(["Active", "Active", "Discontinued", "Active"])
    assert caplog.messages == [
        "4 cell texts left as written: formulas or drop-down lists of the workbook compare "
        "against their text ('Active', 'Discontinued'), which would no longer match"
    ]
