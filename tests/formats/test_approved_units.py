"""approved_only: memory import --reviewed-only of an XLIFF file that marks approved units."""

from __future__ import annotations

import pytest

from ltmt.formats.approved_units import NOT_APPROVED, approved_only
from ltmt.formats.not_read import NotRead
from ltmt.segments import PairRecord


def unit(target: str, origin: str = "", **metadata: str) -> PairRecord:
    return PairRecord("Source", target, "f.xlf:1", metadata, origin=origin)


CROWDIN = [
    unit("Abbrechen", approved="yes", state="translated"),
    unit("Kommentar", state="final"),  # signed off by its state
    unit("Mitglieder dürfen", state="translated"),  # a translator's, not approved
]


@pytest.mark.parametrize(
    ("records", "xliff", "kept"),
    [
        (CROWDIN, True, ["Abbrechen", "Kommentar"]),
        (CROWDIN, False, ["Abbrechen", "Kommentar", "Mitglieder dürfen"]),  # a TMX's props
        (CROWDIN[1:], True, ["Kommentar", "Mitglieder dürfen"]),  # marks none: read whole
        # a folder: each file by its own marks
        (
            [unit("A", "a.xlf", approved="yes"), unit("B", "a.xlf"), unit("C", "b.xlf")],
            True,
            ["A", "C"],
        ),
        # regression trial csv, session 67: a CSV table's Status column (its rows' metadata)
        (
            [
                unit("A", status="Approved"),
                unit("B", status="New"),
                unit("C", status="needs  review"),
                unit("D", status="FINAL"),
                unit("E", status=""),
                unit("F"),  # a table without the column
            ],
            False,
            ["A", "D", "F"],
        ),
    ],
)
def test_units_a_file_that_marks_approval_did_not_approve_are_left_out(
    records: list[PairRecord], xliff: bool, kept: list[str]
) -> None:
    """Regression trial crowdin, session 67: --reviewed-only stored unit 116's
    ``state="translated"`` target beside units marked ``approved="yes"``."""
    not_read = NotRead()
    assert [r.target for r in approved_only(records, lambda _: xliff, not_read)] == kept
    assert not_read.by_reason() == (
        {NOT_APPROVED: len(records) - len(kept)} if len(kept) < len(records) else {}
    )
