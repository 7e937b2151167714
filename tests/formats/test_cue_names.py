from __future__ import annotations

import pytest

from ltmt.formats.cue_names import cue_lines, cue_name


@pytest.mark.parametrize(
    ("text", "cues", "expected"),
    [
        (
            "1\n00:00:01,000 --> 00:00:02,000\nJa.\n\n2\n00:00:03,000 --> 00:00:04,000\nNein.\n",
            2,
            [1, 5],
        ),
        # a WebVTT cue without an identifier starts on its timing line
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nJa.\n\nintro-1\n00:03.000 --> 00:04.000\nNein.\n",
            2,
            [3, 6],
        ),
        # timing lines not as many as the cues: no line is said
        ("1\n00:00:01,000 --> 00:00:02,000\nJa.\n", 2, [None, None]),
    ],
)
def test_each_cue_starts_on_its_number_or_timing_line(
    text: str, cues: int, expected: list[int | None]
) -> None:
    assert cue_lines(text, cues) == expected


def test_a_cue_is_named_by_its_number_and_start() -> None:
    assert cue_name(["3", "4"], (0, 0), "00:00:04,200") == "cue 3 (00:00:04,200)"
    assert cue_name(["3", "intro-1"], (0, 1), "00:00:04.200") == "cues 3-intro-1 (00:00:04.200)"
