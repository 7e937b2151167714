"""qa's checks of a WebVTT translation beside its pairs: voice spans, cue settings, identifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.qa.cue_marks import cue_mark_problems

EN = (
    "WEBVTT\n\nintro-1\n00:00:01.000 --> 00:00:03.200 line:0 align:start\n"
    "Previously on Harbor Lights.\n\n"
    "intro-2\n00:00:03.400 --> 00:00:05.900\nAre you coming?\n\n"
    "00:00:17.500 --> 00:00:19.000\n<v Anna>Where were you?\n"
)
DE = (
    "WEBVTT\n\nintro-1\n00:00:01.000 --> 00:00:03.200 line:0 align:start\n"
    "Bisher bei Harbor Lights.\n\n"
    "intro-2\n00:00:03.400 --> 00:00:05.900\nKommst du?\n\n"
    "00:00:17.500 --> 00:00:19.000\n<v Anna>Wo warst du?\n"
)


def _problems(tmp_path: Path, target: str) -> list[tuple[str, str, str]]:
    (tmp_path / "e.en.vtt").write_text(EN, "utf-8")
    (tmp_path / "e.de.vtt").write_text(target, "utf-8")
    found = cue_mark_problems(tmp_path / "e.de.vtt", None, tmp_path / "e.en.vtt")
    return [(p.position.replace(f"{tmp_path}/", ""), p.check, p.message) for p in found]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("", "", []),
        (
            "<v Anna>Wo",
            "Wo",
            [
                (
                    "e.de.vtt: cue 3 (00:00:17.500)",
                    "placeholders",
                    "lacks the span <v Anna> around the cue: keep it around the cue's text",
                )
            ],
        ),
        (
            "<v Anna>Wo",
            "<v Ana>Wo",
            [
                (
                    "e.de.vtt: cue 3 (00:00:17.500)",
                    "placeholders",
                    "has the span <v Ana> around the cue where the source has <v Anna>: keep "
                    "the source's",
                )
            ],
        ),
        (
            " line:0 align:start",
            "",
            [
                (
                    "e.de.vtt: cue intro-1 (00:00:01.000)",
                    "cues",
                    "lacks the source's cue settings 'line:0 align:start': write them after the "
                    "times as the source does",
                )
            ],
        ),
        (
            "intro-2\n",
            "",
            [
                (
                    "e.de.vtt: cue 2 (00:00:03.400)",
                    "cues",
                    "lacks the source's cue identifier 'intro-2': write it above the times as "
                    "the source does",
                )
            ],
        ),
        (
            "intro-2\n",
            "intro-3\n",
            [
                (
                    "e.de.vtt: cue intro-3 (00:00:03.400)",
                    "cues",
                    "has the cue identifier 'intro-3' where the source has 'intro-2': write the "
                    "source's",
                )
            ],
        ),
    ],
)
def test_a_lost_voice_span_cue_settings_or_identifier_is_found(
    tmp_path: Path, old: str, new: str, expected: list[tuple[str, str, str]]
) -> None:
    """``ltmt qa ep01.de.bad.vtt --source-file ep01.en.vtt`` found only a lost ``<b>``: a
    removed ``<v Anna>``, settings ``line:0 align:start`` and identifier ``intro-2`` passed."""
    assert _problems(tmp_path, DE.replace(old, new, 1)) == expected


def test_subrip_and_no_source_file_have_none(tmp_path: Path) -> None:
    (tmp_path / "e.de.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nJa.\n", "utf-8")
    assert cue_mark_problems(tmp_path / "e.de.srt", None, tmp_path / "e.de.srt") == []
    assert cue_mark_problems(tmp_path / "e.de.vtt", None, None) == []


NUMBERED = "WEBVTT\n\n{}00:00:01.000 --> 00:00:03.000\n{}\n\n{}00:00:04.000 --> 00:00:06.000\n{}\n"


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        # a converter dropped or renumbered them: "lacks the source's cue identifier '1'"
        (("1\n", "2\n"), ("", ""), []),
        (("1\n", "2\n"), ("11\n", "12\n"), []),
        # a named one is still the file's structure
        (
            ("intro-1\n", "2\n"),
            ("", ""),
            [
                "lacks the source's cue identifier 'intro-1': write it above the times as the "
                "source does"
            ],
        ),
    ],
)
def test_an_identifier_that_is_the_cue_s_number_is_no_structure(
    tmp_path: Path, ours: tuple[str, str], theirs: tuple[str, str], expected: list[str]
) -> None:
    en = NUMBERED.format(ours[0], "Good morning.", ours[1], "Where is everyone?")
    de = NUMBERED.format(theirs[0], "Guten Morgen.", theirs[1], "Wo sind alle?")
    (tmp_path / "n.en.vtt").write_text(en, "utf-8")
    (tmp_path / "n.de.vtt").write_text(de, "utf-8")
    found = cue_mark_problems(tmp_path / "n.de.vtt", None, tmp_path / "n.en.vtt")
    assert [p.message for p in found] == expected
