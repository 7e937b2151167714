"""Subtitles: sentences over cues translated together, laid out over the same cues."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.subtitle_lines import balance_tags, split_over, wrap
from ltmt.formats.subtitles import SrtDocument, SubtitleDocument

DATA = Path(__file__).parent / "data"


def test_a_sentence_over_cues_is_one_unit_and_dialogue_one_a_line() -> None:
    units = open_document(DATA / "film.en.srt").units()
    assert [(u.key, u.source) for u in units] == [
        (
            "0",
            "I never thought that we would find the <i>old house</i> again after all these years.",
        ),
        ("2:0", "Did you lock the door?"),  # two speakers: a line each
        ("2:1", "Yes."),
        ("3", "Let's go inside."),  # ends a sentence: the next cue is its own
        ("4", "Yes."),
    ]


def test_a_cue_whose_sentence_ends_inside_its_formatting_ends_the_group(tmp_path: Path) -> None:
    # "<i>...century.</i>" was read as unfinished: the next cue's words were translated with it
    # and laid out in its cue
    path = tmp_path / "italics.srt"
    path.write_text(
        "1\n00:00:12,000 --> 00:00:15,000\n<i>The lighthouse was built in 1874</i>\n"
        "<i>and guided ships for a century.</i>\n\n"
        "2\n00:00:15,100 --> 00:00:16,000\nWait, the two cues overlap.\n",
        "utf-8",
    )
    assert [u.source for u in open_document(path).units()] == [
        "<i>The lighthouse was built in 1874</i> <i>and guided ships for a century.</i>",
        "Wait, the two cues overlap.",
    ]


def test_the_translation_keeps_the_cues_and_their_times(tmp_path: Path) -> None:
    out = tmp_path / "film.de.srt"
    translate_file(DATA / "film.en.srt", out, FakeModel())
    assert out.read_text("utf-8") == (
        "1\n00:00:01,000 --> 00:00:03,500\nI NEVER THOUGHT THAT WE WOULD\n"
        "FIND THE <i>OLD HOUSE</i> AGAIN\n\n"
        "2\n00:00:03,600 --> 00:00:05,000\nAFTER ALL THESE YEARS.\n\n"
        "3\n00:00:06,000 --> 00:00:07,000\n- DID YOU LOCK THE DOOR?\n- YES.\n\n"
        "4\n00:00:10,000 --> 00:00:11,500\nLET'S GO INSIDE.\n\n"
        "5\n00:00:11,600 --> 00:00:12,500\nYES.\n\n"
    )


def test_webvtt_keeps_its_blocks_and_settings_and_names_the_language(tmp_path: Path) -> None:
    out = tmp_path / "film.de.vtt"
    translate_file(DATA / "film.en.vtt", out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "WEBVTT\nKind: captions\nLanguage: de\n\n"
        "NOTE Made for the tests\n\n"
        "STYLE\n::cue { color: yellow }\n\n"
        "intro\n00:00:01.000 --> 00:00:03.500 align:start position:10%\n"
        "I NEVER THOUGHT THAT WE WOULD\nFIND THE <i>OLD HOUSE</i> AGAIN\n\n"
        "00:00:03.600 --> 00:00:05.000\nAFTER ALL THESE YEARS.\n\n"
        "00:00:06.000 --> 00:00:07.000\n- DID YOU LOCK THE DOOR?\n- YES.\n"
    )


def test_a_webvtt_voice_or_class_around_a_cue_is_kept_around_its_translation(
    tmp_path: Path,
) -> None:
    """``<v Roger>...</v>`` names a speaker: the model read the name as words and lost the
    tags, and a sentence went over to the next speaker's cue."""
    source = tmp_path / "talk.en.vtt"
    source.write_text(
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\n<v Roger>Open the door</v>\n\n"
        "00:00:03.500 --> 00:00:05.000\n<v Anna>Close the window</v>\n\n"
        "00:00:05.500 --> 00:00:07.000\n<v Anna>and sit down.\n\n"
        "00:00:07.500 --> 00:00:09.000\n<c.loud>Thank you.</c>\n",
        "utf-8",
    )
    units = open_document(source).units()
    assert [u.source for u in units] == [
        "Open the door",  # Roger's sentence: not joined to Anna's
        "Close the window and sit down.",
        "Thank you.",
    ]
    out = tmp_path / "talk.de.vtt"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\n<v Roger>OPEN THE DOOR</v>\n\n"
        "00:00:03.500 --> 00:00:05.000\n<v Anna>CLOSE THE WINDOW</v>\n\n"
        "00:00:05.500 --> 00:00:07.000\n<v Anna>AND SIT DOWN.\n\n"
        "00:00:07.500 --> 00:00:09.000\n<c.loud>THANK YOU.</c>\n"
    )


def test_a_subrip_cues_position_and_number_after_its_times_are_kept(tmp_path: Path) -> None:
    # (the cues were numbered from 1 again: a review's notes name them by their numbers)
    source = tmp_path / "pos.en.srt"
    source.write_text(
        "5\n00:00:01,000 --> 00:00:03,000 X1:100 X2:600 Y1:50 Y2:90\nOpen the door.\n\n"
        "7\n00:00:04,000 --> 00:00:05,000\nClose it.\n",
        "utf-8",
    )
    out = tmp_path / "pos.de.srt"
    translate_file(source, out, FakeModel())
    assert out.read_text("utf-8") == (
        "5\n00:00:01,000 --> 00:00:03,000 X1:100 X2:600 Y1:50 Y2:90\nOPEN THE DOOR.\n\n"
        "7\n00:00:04,000 --> 00:00:05,000\nCLOSE IT.\n\n"
    )


def test_a_translation_shorter_than_its_cues_merges_them(tmp_path: Path) -> None:
    document = SubtitleDocument.open(DATA / "film.en.srt")
    document.fill({"0": "Endlich."})
    cues = document.translated_cues()
    assert [(c.start, c.end, c.lines) for c in cues[:1]] == [(1.0, 5.0, ["Endlich."])]
    assert len(cues) == 4


def test_update_keeps_what_the_output_has_and_pairs_by_time(tmp_path: Path) -> None:
    source = tmp_path / "film.en.srt"
    shutil.copy(DATA / "film.en.srt", source)
    out = tmp_path / "film.de.srt"
    translate_file(source, out, FakeModel())
    text = out.read_text("utf-8").replace("LET'S GO INSIDE.", "Gehen wir hinein.")
    out.write_text(text, "utf-8")
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == []  # everything was there already
    assert "Gehen wir hinein." in out.read_text("utf-8")
    pairs = {r.source: r.target for r in SrtDocument.pairs(out, source_file=source)}
    assert pairs["Let's go inside."] == "Gehen wir hinein."
    assert pairs[
        "I never thought that we would find the <i>old house</i> again after all these years."
    ] == ("I NEVER THOUGHT THAT WE WOULD FIND THE <i>OLD HOUSE</i> AGAIN AFTER ALL THESE YEARS.")
    with pytest.raises(InputError, match="holds one language; give the source-language file"):
        SrtDocument.pairs(out)


def test_a_group_with_a_cue_as_in_the_source_is_not_translated_yet(tmp_path: Path) -> None:
    out = tmp_path / "film.de.srt"
    translate_file(DATA / "film.en.srt", out, FakeModel())
    # the second cue of the first sentence back as in the source: that sentence is redone
    out.write_text(
        out.read_text("utf-8").replace("AFTER ALL THESE YEARS.", "after all these years."), "utf-8"
    )
    model = FakeModel()
    translate_file(DATA / "film.en.srt", out, model)
    assert model.seen == [
        "I never thought that we would find the <i>old house</i> again after all these years.",
        # and again without its italics, and their words alone (ltmt.formats.paired_tags)
        "I never thought that we would find the old house again after all these years.",
        "old house",
    ]


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([10, 10], ["Eins zwei, drei", "vier fünf sechs"]),  # the comma wins by a few characters
        ([1, 0], ["Eins zwei, drei vier fünf", "sechs"]),
        ([5, 5, 5], ["Eins zwei,", "drei vier", "fünf sechs"]),
    ],
)
def test_split_over_follows_the_shares_at_words(shares: list[int], expected: list[str]) -> None:
    assert split_over("Eins zwei, drei vier fünf sechs", shares) == expected


def test_tags_cut_by_a_split_are_closed_and_opened_again() -> None:
    assert balance_tags(["<i>a b", "c</i> d"]) == ["<i>a b</i>", "<i>c</i> d"]
    assert balance_tags(['<font color="red"><b>x', "y</b></font>"]) == [
        '<font color="red"><b>x</b></font>',
        '<font color="red"><b>y</b></font>',
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before a conjunction or preposition, not after an article
        (
            "Ich dachte nie, dass wir das alte Haus nach all diesen Jahren wiederfinden würden.",
            [
                "Ich dachte nie, dass wir das alte Haus",
                "nach all diesen Jahren wiederfinden würden.",
            ],
        ),
        (
            "Wir haben den ganzen Tag auf dem Markt mit meinem Bruder verbracht.",
            ["Wir haben den ganzen Tag auf dem Markt", "mit meinem Bruder verbracht."],
        ),
    ],
)
def test_german_lines_break_where_subtitle_guides_break_them(
    text: str, expected: list[str]
) -> None:
    assert wrap(text, language="de") == expected
    assert wrap(text) != expected  # by length and punctuation alone: elsewhere


def test_cues_that_now_read_too_fast_are_named_once_done(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "film.srt"
    source.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nYes, sir.\n\n2\n00:00:03,000 --> 00:00:05,000\nNo.\n",
        "utf-8",
    )

    def long_german(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [
            "Jawohl, mein sehr verehrter Herr Kommandant." if t == "Yes, sir." else "Nein."
            for t in texts
        ]

    with caplog.at_level(logging.WARNING):
        translate_file(source, tmp_path / "film.de.srt", long_german)
    assert caplog.messages[-1].endswith(
        "1 cue now read faster than 17 characters a second (cue 1): shorten them or give them more time"
    )


def test_wrap_makes_two_lines_of_near_equal_length() -> None:
    assert wrap("Kurz.") == ["Kurz."]
    line = "Das ist ein ziemlich langer Satz, der nicht in eine Zeile passt."
    assert wrap(line) == ["Das ist ein ziemlich langer Satz,", "der nicht in eine Zeile passt."]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.srt", "1\n00:00:01,000 --> nonsense\nHi\n", r"x.srt:1: not a SubRip \(.srt\) file"),
        ("x.vtt", "not webvtt\n", r"x.vtt: not a WebVTT \(.vtt\) file"),
    ],
)
def test_malformed_files_are_one_line_errors(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        SubtitleDocument.open(path)
