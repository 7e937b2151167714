"""Lining up a document's blocks with its existing output's by the sources ltmt wrote them for."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import Record
from ltmt.formats.recorded_places import lined_up_places, recorded_sources, warn_of_replaced


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ("abc", "abc", [(0, 0), (1, 1), (2, 2)]),  # as written
        ("axbc", "abc", [(0, 0), (2, 1), (3, 2)]),  # x inserted: b and c keep theirs
        ("ac", "abc", [(0, 0), (1, 2)]),  # b removed
        ("adc", "abc", [(0, 0), (1, 1), (2, 2)]),  # b changed into d: by place
        ("adec", "abc", [(0, 0), (3, 2)]),  # b replaced by two: neither lines up
        ("aDc", "abc", [(0, 0), (2, 2)]),  # b changed into another kind (upper case here)
    ],
)
def test_places_line_up_by_what_they_stand_for(
    ours: str, theirs: str, expected: list[tuple[int, int]]
) -> None:
    def alike(i: int, j: int) -> bool:  # of the same kind: upper or lower case
        return ours[i].isupper() == theirs[j].isupper()

    assert lined_up_places(list(ours), list(theirs), alike) == expected


def test_an_output_block_the_record_holds_nothing_of_stands_for_none() -> None:
    record = Record.of([(Unit("block0", "Hi."), "Hallo.")], b"k")
    ours, theirs = recorded_sources(record, ["Hi.", "Bye."], ["block0", "block1"])
    assert ours == [record.digest("Hi."), record.digest("Bye.")]
    assert theirs[0] == ours[0] and theirs[1] not in ours


def test_only_edited_translations_dropped_are_warned_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    written = [(Unit("block0", "Hi."), "Hallo."), (Unit("block1", "Bye."), "Bye.")]
    record = Record.of(written, b"k")
    dropped = [("block0", "HALLO!"), ("block1", "Bye."), ("block2", "Hallo.")]
    with caplog.at_level(logging.WARNING):
        assert warn_of_replaced(tmp_path / "de.md", record, dropped) == 1
    assert "1 edited translation replaced (block0)" in caplog.text
