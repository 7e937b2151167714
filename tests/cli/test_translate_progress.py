"""How far ``ltmt translate`` has got in a file: a terminal's line rewritten in place, a log's
line every interval, nothing more for a short run."""

from __future__ import annotations

import io

from ltmt.cli.translate_progress import SegmentProgress


class Clock:
    """A clock the test moves: ``clock.now += 31``."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_line_every_interval_and_no_more() -> None:
    """A 10,000-segment run printed nothing for 130 s but its summary."""
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(0, 10_000)
    for _ in range(15):  # 256 segments every 2 seconds: 128/s
        clock.now += 2
        shown.advance(256)
    assert log.getvalue() == "ltmt: 3,840 of 10,000 segments (38 %), 128/s\n"  # at 30 s
    clock.now += 29
    shown.advance(256)
    assert log.getvalue().count("\n") == 1  # 29 s after the last line: none yet
    clock.now += 1
    shown.advance(256)
    assert log.getvalue().splitlines()[-1] == "ltmt: 4,352 of 10,000 segments (43 %), 73/s"
    shown.close()
    assert "\r" not in log.getvalue()


def test_a_short_run_prints_nothing_into_a_log() -> None:
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(0, 300)
    clock.now += 29
    shown.advance(256)
    shown.advance(44)
    shown.close()
    assert log.getvalue() == ""


def test_a_log_gets_no_line_for_the_last_segments_as_the_summary_follows() -> None:
    """A 41 s run of one chunk printed ``200 of 200 segments (100 %)`` before its summary."""
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(0, 200)
    clock.now += 41
    shown.advance(200)
    shown.close()
    assert log.getvalue() == ""


def test_a_resumed_runs_rate_counts_its_own_segments() -> None:
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(5_000, 10_000)
    clock.now += 30
    shown.advance(1_500)
    assert log.getvalue() == "ltmt: 6,500 of 10,000 segments (65 %), 50/s\n"


def test_a_terminals_line_is_rewritten_in_place_and_cleared_at_the_end() -> None:
    terminal, clock = Terminal(), Clock()
    shown = SegmentProgress(terminal, clock=clock)
    shown.start(0, 10_000)
    clock.now += 10
    shown.advance(512)
    clock.now += 90
    shown.advance(9_488)
    first = "ltmt: 512 of 10,000 segments (5 %), 51/s"
    second = "ltmt: 10,000 of 10,000 segments (100 %), 100/s"
    assert terminal.getvalue() == f"\r{first}\r\r{second}\r"
    shown.close()
    assert terminal.getvalue().endswith(f"\r{' ' * len(second)}\r")


def test_a_shorter_line_writes_over_all_of_the_longer_one() -> None:
    terminal, clock = Terminal(), Clock()
    shown = SegmentProgress(terminal, clock=clock)
    shown.start(0, 2_000)
    clock.now += 1
    shown.advance(1_000)  # 1,000/s
    clock.now += 99
    shown.advance(10)  # 10/s
    last = terminal.getvalue().split("\r")[-2]
    assert last == "ltmt: 1,010 of 2,000 segments (50 %), 10/s" + " " * 3


def test_a_run_of_one_chunk_shows_the_segments_its_decoder_finishes() -> None:
    """A PO file of 200 long entries (one chunk) showed nothing for minutes (qa trial,
    session 64): the count moves as the decoder finishes segments, and the chunk's end
    counts them once."""
    terminal, clock = Terminal(), Clock()
    shown = SegmentProgress(terminal, clock=clock)
    shown.start(0, 200)
    clock.now += 10
    shown.within_chunk(64)
    assert terminal.getvalue() == "\rltmt: 64 of 200 segments (32 %), 6.4/s\r"
    clock.now += 10
    shown.within_chunk(136)
    shown.advance(200)
    assert terminal.getvalue().split("\r")[-2] == "ltmt: 200 of 200 segments (100 %), 10/s"


def test_a_log_gets_a_line_within_a_chunk_every_interval() -> None:
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(0, 256)
    clock.now += 20
    shown.within_chunk(32)
    assert log.getvalue() == ""
    clock.now += 20
    shown.within_chunk(32)
    assert log.getvalue() == "ltmt: 64 of 256 segments (25 %), 1.6/s\n"


def test_a_rate_under_one_a_second_is_no_zero() -> None:
    """A slow run's log said "14 of 15 segments (93 %), 0/s" (kmp trial, session 67)."""
    log, clock = io.StringIO(), Clock()
    shown = SegmentProgress(log, clock=clock, interval=30)
    shown.start(0, 15)
    clock.now += 30
    shown.within_chunk(14)
    assert log.getvalue() == "ltmt: 14 of 15 segments (93 %), 0.5/s\n"


def test_the_decoders_count_never_says_the_run_is_done() -> None:
    """A chunk's plural forms translated a second time are told to the count again, and its
    outputs are fitted after the decoder: 100 % came a second before a 7 s run's end
    (regression trial, session 64); only the last chunk's advance says it."""
    terminal, clock = Terminal(), Clock()
    shown = SegmentProgress(terminal, clock=clock)
    shown.start(0, 10)
    clock.now += 1
    shown.within_chunk(10)
    shown.within_chunk(4)
    assert terminal.getvalue().split("\r")[-2].startswith("ltmt: 9 of 10 segments (90 %)")
    shown.advance(10)
    assert terminal.getvalue().split("\r")[-2].startswith("ltmt: 10 of 10 segments (100 %)")
