"""Which of several users' records of one output is the output's."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import Record
from ltmt.formats.record_choice import FoundRecord, copied_record, latest_record

OLD = Record.of([(Unit("/overview", "Overview"), "Übersicht")], b"k")
NEW = Record.of([(Unit("/overview", "Project overview"), "Projektübersicht")], b"k")
OUTPUT = Path("de/app.json")


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ([], None),
        ([FoundRecord(OLD, 1)], OLD),
        # the last written, whichever is found first
        ([FoundRecord(OLD, 1), FoundRecord(NEW, 2)], NEW),
        ([FoundRecord(NEW, 2), FoundRecord(OLD, 1)], NEW),
        # the record of the file's bytes, though another was written later at its path
        ([FoundRecord(OLD, 1, by_content=True), FoundRecord(NEW, 2)], OLD),
        ([FoundRecord(NEW, 2), FoundRecord(OLD, 1, by_content=True)], OLD),
        # two of the file's bytes: the last written
        ([FoundRecord(OLD, 1, by_content=True), FoundRecord(NEW, 2, by_content=True)], NEW),
        ([FoundRecord(NEW, 2, by_content=True), FoundRecord(OLD, 1, by_content=True)], NEW),
        # one record in two folders at one time (alike): it
        ([FoundRecord(NEW, 2), FoundRecord(NEW, 2)], NEW),
    ],
)
def test_the_record_read_is_of_the_files_bytes_else_the_last_written(
    found: list[FoundRecord], expected: Record | None
) -> None:
    assert latest_record(found, OUTPUT) == expected


@pytest.mark.parametrize("order", [1, -1])
def test_two_records_that_differ_written_at_one_time_are_neither_read_and_said(
    order: int, caplog: pytest.LogCaptureFixture
) -> None:
    found = [FoundRecord(OLD, 5), FoundRecord(NEW, 5), FoundRecord(OLD, 1)][::order]
    with caplog.at_level(logging.WARNING):
        assert latest_record(found, OUTPUT) is None
    assert caplog.messages == [
        "de/app.json: 2 records of what ltmt wrote into it, of other users or memory stores, "
        "were written at one time, so which one is the file's cannot be told: none is read; "
        "pass --user with the user ltmt translated it for"
    ]


WROTE = [("Save", "Speichern"), ("Open", "Öffnen"), ("Quit", "Beenden")]
ALL = Record.of([(Unit(str(n), s), t) for n, (s, t) in enumerate(WROTE)], b"k")
MOST = Record.of([(Unit(str(n), s), t) for n, (s, t) in enumerate(WROTE[:2])], b"k")
OTHER = Record.of([(Unit(str(n), s), t.upper()) for n, (s, t) in enumerate(WROTE)], b"k")


@pytest.mark.parametrize(
    ("found", "pairs", "expected"),
    [
        ([FoundRecord(ALL, 1), FoundRecord(MOST, 2)], WROTE, ALL),  # wrote most of them
        ([FoundRecord(MOST, 2), FoundRecord(ALL, 1)], WROTE, ALL),
        ([FoundRecord(OTHER, 1)], WROTE, None),  # wrote none of them
        ([FoundRecord(ALL, 1)], WROTE[:1], None),  # one pair of three it wrote: no copy
        # as many: the last written, whichever is found first
        ([FoundRecord(ALL, 1), FoundRecord(MOST, 2)], WROTE[:2], MOST),
        ([FoundRecord(MOST, 2), FoundRecord(ALL, 1)], WROTE[:2], MOST),
        ([FoundRecord(ALL, 2), FoundRecord(MOST, 2)], WROTE[:2], None),  # cannot be told
    ],
)
def test_a_copy_is_of_the_record_that_wrote_most_of_it_then_the_last_written(
    found: list[FoundRecord], pairs: list[tuple[str, str]], expected: Record | None
) -> None:
    assert copied_record(found, pairs, OUTPUT) == expected
