from __future__ import annotations

from pathlib import Path

from ltmt.formats.subtitle_limits import Limits
from ltmt.qa import check_pairs
from ltmt.qa.subtitle_checks import subtitle_problems, timing_problems

_SRT = (
    "1\n00:00:01,000 --> 00:00:04,000\nIch habe nie gedacht, dass wir das alte Haus\n"
    "wiederfinden würden, aber hier stehen wir, genau davor.\n\n"
    "2\n00:00:05,000 --> 00:00:08,000\nEins,\nzwei,\ndrei.\n\n"
    "3\n00:00:09,000 --> 00:00:11,000\nGut.\n"
)


def test_each_cue_over_a_limit_is_named_and_more_lines_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "ep.de.srt"
    path.write_text(_SRT, "utf-8")
    problems = subtitle_problems(path)
    assert [(p.position, p.message, p.severity) for p in problems] == [
        (
            f"{path}: cue 1 (00:00:01,000)",
            "reads at 33.3 characters a second (at most 17); has a line of 55 characters "
            "(at most 42)",
            None,
        ),
        (f"{path}: cue 2 (00:00:05,000)", "has 3 lines (at most 2)", "error"),
    ]
    report = check_pairs([], checks=["subtitles"], form_problems=problems, untranslated=0)
    assert [f.line() for f in report.findings] == [
        f"{path}: cue 1 (00:00:01,000): warning [subtitles] reads at 33.3 characters a second (at most 17); "
        "has a line of 55 characters (at most 42)",
        f"{path}: cue 2 (00:00:05,000): error [subtitles] has 3 lines (at most 2)",
    ]


def test_the_limits_given_are_the_ones_held_to(tmp_path: Path) -> None:
    path = tmp_path / "ep.de.srt"
    path.write_text(_SRT, "utf-8")
    assert subtitle_problems(path, limits=Limits(cps=40, line_length=60, lines=3)) == []


def test_other_files_have_no_subtitle_problems(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', "utf-8")
    assert subtitle_problems(path) == []


def test_a_cue_retimed_from_the_source_is_an_error(tmp_path: Path) -> None:
    source, path = tmp_path / "ep.en.srt", tmp_path / "ep.de.srt"
    source.write_text(
        "1\n00:00:01,000 --> 00:00:02,500\nYes.\n\n2\n00:00:11,700 --> 00:00:14,000\nNo.\n", "utf-8"
    )
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,500\nJa.\n\n2\n00:00:12,700 --> 00:00:14,000\nNein.\n",
        "utf-8",
    )
    problems = timing_problems(path, source)
    assert [(p.position, p.source, p.target, p.message, p.severity) for p in problems] == [
        (
            f"{path}: cue 2 (00:00:12,700)",
            "No.",
            "Nein.",
            "timing changed to 00:00:12,700 --> 00:00:14,000 (the source's 00:00:11,700 --> "
            "00:00:14,000): give it the source's timing",
            "error",
        )
    ]
    assert timing_problems(path, None) == [] and timing_problems(source, source) == []
