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


@pytest.mark.parametrize(
    ("formula", "compared"),
    [
        # a session-67 trial: CONCAT's "Price" kept the cell B2 "Price" as written
        ('=CONCAT("Price", ": ", 100)', set()),
        ('TEXTJOIN(", ",TRUE,"a","b")', set()),
        ('"Total "&A2', set()),
        ('IF(B2="Yes","Done","Open")', {"yes"}),
        ('IF("No"<>B2,1,0)', {"no"}),
        ('COUNTIFS(A:A,"Open",B:B,">3")', {"open", ">3"}),
        ('SUMIF(A:A,"Fee",B:B)+MATCH("Tax",A:A,0)', {"fee", "tax"}),
        ('VLOOKUP("A-2",T,2,0)&HLOOKUP("B",T,2,0)&XLOOKUP("C",A:A,B:B)', {"a-2", "b", "c"}),
        ('A1-COUNTIF(B:B,"x")', {"x"}),
        ('of:=COUNTIF([.A1:.C1];"Late")', {"late"}),
        ('of:cell-content-is-in-list("Shipped";"Open")', {"shipped", "open"}),
        # a regression trial: SWITCH's, EXACT's and the _xlfn. names' strings were translated
        # in their cells while the formulas still tested "Closed", "On hold"
        ('_xlfn.SWITCH(Orders!A3,"Closed",1,"Pending",2,0)', {"closed", "pending"}),
        ('IF(EXACT(Orders!A5,"On hold"),1,0)', {"on hold"}),
        ('_xlfn.XLOOKUP("Banana",A:A,B:B)+_xlfn.XMATCH("Cherry",A:A)', {"banana", "cherry"}),
        ('ISNUMBER(SEARCH("Late",A2))', {"late"}),
    ],
)
def test_only_the_strings_a_formula_compares_against_count(
    formula: str, compared: set[str]
) -> None:
    assert formula_literals([formula]) == compared


def test_the_cells_left_as_written_are_counted_and_each_text_named_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        warn_kept(["Active", "Active", "Discontinued", "Active"])
    assert caplog.messages == [
        "4 cell texts left as written: formulas or drop-down lists of the workbook compare "
        "against their text ('Active', 'Discontinued'), which would no longer match"
    ]
