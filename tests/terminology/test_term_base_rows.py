"""A term base's rows, one per term: the preferred target kept, admitted ones named."""

from __future__ import annotations

import pytest

from ltmt.terminology.term_base_rows import is_preferred, preferred_targets
from ltmt.terminology.terms import Term


@pytest.mark.parametrize(
    ("status", "preferred"),
    [
        ("preferred", True),
        (" Preferred ", True),
        ("preferredTerm-admn-sts", True),
        ("admitted", False),
        ("not preferred", False),  # the whole value, as a forbidden status
        ("Approved", False),
        ("", False),
    ],
)
def test_a_status_is_preferred_by_its_whole_value(status: str, preferred: bool) -> None:
    assert is_preferred(status) is preferred


def test_a_sources_preferred_target_is_kept_and_the_others_named(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rows = [
        (Term("spindle", "Arbeitsspindel"), "line 2", False),
        (Term("spindle", "Spindel"), "line 3", True),
        (Term("Spindle", "Spindel"), "line 4", False),  # the same target: kept
        (Term("chuck", "Spannfutter"), "line 5", False),
    ]
    assert preferred_targets(rows, "tb.csv") == [
        (Term("spindle", "Spindel"), "line 3"),
        (Term("Spindle", "Spindel"), "line 4"),
        (Term("chuck", "Spannfutter"), "line 5"),
    ]
    assert (
        "tb.csv: 1 target term beside a preferred one left out; the preferred one is the "
        "glossary's (line 2 (spindle → Arbeitsspindel))" in caplog.text
    )


def test_two_preferred_targets_of_a_source_are_both_kept_for_the_refusal() -> None:
    rows = [
        (Term("spindle", "Spindel"), "line 2", True),
        (Term("spindle", "Achse"), "line 3", True),
    ]
    assert preferred_targets(rows, "tb.csv") == [(term, place) for term, place, _ in rows]
