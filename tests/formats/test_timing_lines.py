from __future__ import annotations

import time

import pytest

from ltmt.formats.timing_lines import is_timing_line, timing_lines, with_source_timing

SOURCE = "WEBVTT\n\n00:01.000 --> 00:04.000 align:start\nHello.\n\n00:05.000 --> 00:06.000\nBye.\n"
WRITTEN = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000 align:start\nHallo.\n\n"
    "00:00:05.000 --> 00:00:07.000\nTschüss.\n\n"
)


@pytest.mark.parametrize(
    ("line", "timing"),
    [
        ("00:01.000 --> 00:04.000", True),
        ("00:00:01.000 --> 00:00:04.000 line:0", True),
        ("00:00:01,000 --> 00:00:04,000 X1:100", True),
        ("100:00:01.000 --> 100:00:04.000", True),
        ("Hello --> there", False),
        ("12", False),
        ("", False),
    ],
)
def test_timing_lines_are_known(line: str, timing: bool) -> None:
    assert is_timing_line(line) is timing


def test_unchanged_cues_keep_the_source_timing_line_and_a_retimed_one_its_own() -> None:
    assert with_source_timing(WRITTEN, SOURCE, [0, None]) == (
        "WEBVTT\n\n00:01.000 --> 00:04.000 align:start\nHallo.\n\n"
        "00:00:05.000 --> 00:00:07.000\nTschüss.\n"
    )


@pytest.mark.parametrize(("ending", "expected"), [("", ""), ("\n", "\n"), ("\n\n", "\n\n")])
def test_the_file_ends_as_the_source_does(ending: str, expected: str) -> None:
    source = "1\n00:00:01,000 --> 00:00:02,000\nHi." + ending
    written = "1\n00:00:01,000 --> 00:00:02,000\nHallo.\n\n"
    assert with_source_timing(written, source, [0]).endswith("Hallo." + expected)


def test_timing_lines_are_left_where_the_counts_differ() -> None:
    assert with_source_timing(WRITTEN, SOURCE, [0]) == WRITTEN.rstrip("\n") + "\n"
    assert timing_lines(SOURCE) == [
        "00:01.000 --> 00:04.000 align:start",
        "00:05.000 --> 00:06.000",
    ]


def test_a_long_adversarial_line_is_linear() -> None:
    started = time.perf_counter()
    for line in ("1" * 200_000 + ":", " " * 200_000 + "x", "00:" * 70_000, "1:" * 100_000):
        assert not is_timing_line(line)
    assert time.perf_counter() - started < 1
