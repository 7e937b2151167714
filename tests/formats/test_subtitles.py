"""Subtitles: sentences over cues translated together, laid out over the same cues."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file
from ltmt.formats.subtitle_lines import balance_tags, ends_sentence, split_over, wrap
from ltmt.formats.subtitle_markup import cue_tags_as_html, cue_tags_as_webvtt
from ltmt.formats.subtitles import SrtDocument, SubtitleDocument, timestamp
from ltmt.segments import Translation

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
        "The lighthouse was built in 1874 and guided ships for a century.",  # its italics aside
        "Wait, the two cues overlap.",
    ]


@pytest.mark.parametrize(
    ("first", "second", "units"),
    [
        ("Settings", "Your changes have been saved.", 2),  # a label, then a sentence
        ("Log out", "Rock & Roll is back.", 2),
        ("We need until Friday", "3,500 euros.", 1),  # a sentence going on
        ("I told you never to go there", "after dark.", 1),
        ("Yesterday", "I went home.", 1),
        ("When I was young,", "We lived in Paris.", 1),  # an open end
        ("The captain \u2013", "<i>and his crew</i> left.", 1),
        # a caption (a name tag, a location card) before a new sentence: "I" began no
        # continuation of it, and a memory match of the sentence replaced both
        ("THOMAS BRANDT\nFormer Border Guard", "I'm Thomas Brandt, I was a border guard.", 2),
        ("Anna Weber\nHead of Security", "I run the night shift.", 2),
        ("BERLIN, 1989", "I was nineteen.", 2),
        ("<i>EAST BERLIN</i>", "\u201cI never went back.\u201d", 2),
        ("We dug the tunnel", "for six months.", 1),  # a sentence going on: small letters
        ("THOMAS BRANDT", "was a border guard.", 1),
        ("WHAT DID", "I DO?", 1),  # capitals on: a shouted sentence going on
        ("OK", "I'll go.", 1),  # a word said, no card
        ("I told you never", "I mean never.", 1),
    ],
)
def test_a_cue_runs_on_into_the_next_only_where_the_next_goes_on(
    tmp_path: Path, first: str, second: str, units: int
) -> None:
    """A label without a full stop (``Settings``) was joined to the next cue's sentence, and
    the model dropped it from the translation of the two."""
    path = tmp_path / "two.srt"
    path.write_text(
        f"1\n00:00:01,000 --> 00:00:03,000\n{first}\n\n"
        f"2\n00:00:03,500 --> 00:00:06,000\n{second}\n",
        "utf-8",
    )
    assert len(open_document(path).units()) == units


def _stored(source: str, target: str) -> Any:
    """A translate function that gives ``target``, as a memory match of ``source`` would, to
    any text holding ``source``, and upper-cases the rest (:class:`FakeModel`)."""
    model = FakeModel()

    def translate(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [target if source in text else model([text])[0] for text in texts]

    return translate


def test_a_caption_cue_keeps_its_words_when_the_next_cue_has_a_memory_match(
    tmp_path: Path,
) -> None:
    # the name tag and the sentence were one segment; the stored translation of the sentence
    # replaced both: "Ich bin Thomas" / "Brandt," in the tag's time, the tag's words gone
    out = _translated(
        tmp_path,
        "cap3.en.srt",
        "1\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nFormer Border Guard\n\n"
        "2\n00:00:47,000 --> 00:00:50,000\nI'm Thomas Brandt, I was a border guard.\n",
        _stored(
            "I'm Thomas Brandt, I was a border guard.",
            "Ich bin Thomas Brandt, ich war Grenzsoldat.",
        ),
    )
    assert out == (
        "1\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nFORMER BORDER GUARD\n\n"
        "2\n00:00:47,000 --> 00:00:50,000\nIch bin Thomas Brandt,\nich war Grenzsoldat.\n"
    )


def test_the_translation_keeps_the_cues_and_their_times(tmp_path: Path) -> None:
    out = tmp_path / "film.de.srt"
    translate_file(DATA / "film.en.srt", out, FakeModel())
    assert out.read_text("utf-8") == (
        "1\n00:00:01,000 --> 00:00:03,500\nI NEVER THOUGHT THAT WE WOULD\n"
        "FIND THE <i>OLD HOUSE</i> AGAIN\n\n"
        "2\n00:00:03,600 --> 00:00:05,000\nAFTER ALL THESE YEARS.\n\n"
        "3\n00:00:06,000 --> 00:00:07,000\n- DID YOU LOCK THE DOOR?\n- YES.\n\n"
        "4\n00:00:10,000 --> 00:00:11,500\nLET'S GO INSIDE.\n\n"
        "5\n00:00:11,600 --> 00:00:12,500\nYES.\n"
    )


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_a_subtitle_files_line_ends_are_read_and_written_back_as_they_were(
    tmp_path: Path, ending: str
) -> None:
    """A classic Mac file's lines end with a carriage return alone, which the SubRip parser
    did not read as a line end: the file was refused as "not a SubRip (.srt) file"."""
    source, out = tmp_path / "film.srt", tmp_path / "film.de.srt"
    film = "1\n00:00:01,000 --> 00:00:03,000\n{}\n\n2\n00:00:03,500 --> 00:00:06,000\n{}\n\n"
    source.write_bytes(film.format("Welcome home.", "Good night.").replace("\n", ending).encode())
    translate_file(source, out, FakeModel())
    translated = film.format("WELCOME HOME.", "GOOD NIGHT.")
    assert out.read_bytes() == translated.replace("\n", ending).encode()


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
        "7\n00:00:04,000 --> 00:00:05,000\nCLOSE IT.\n"
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


def _harbour(starts: tuple[float, float, float], thanks: str = "Thank you.") -> str:
    """A recap, a dialogue and a thanks, their cues starting at ``starts`` (seconds)."""
    texts = [
        "<i>Previously on The Harbour...</i>",
        "- Where were you last night?\n- I was at home, I swear.",
        thanks,
    ]
    return "\n".join(
        f"{n}\n{timestamp(start, ',')} --> {timestamp(start + 2, ',')}\n{text}\n"
        for n, (start, text) in enumerate(zip(starts, texts), 1)
    )


@pytest.mark.parametrize(
    ("retimed", "with_record", "seen", "written"),
    [
        (  # re-timed by 2.5 s: cue 1 starts at cue 2's old time. Lined up by place, as the
            # record says ltmt wrote each place for the same source: the edit of cue 3 kept
            _harbour((3.5, 5.9, 9.0)),
            True,
            [],
            ["<i>PREVIOUSLY ON THE HARBOUR...</i>", "- WHERE WERE YOU LAST NIGHT?", "Danke."],
        ),
        (  # no record: nothing tells the cues at other times apart, so all are done again
            _harbour((3.5, 5.9, 9.0)),
            False,
            [
                "Previously on The Harbour...",
                "Where were you last night?",
                "I was at home, I swear.",
                "Thank you.",
            ],
            ["<i>PREVIOUSLY ON THE HARBOUR...</i>", "- WHERE WERE YOU LAST NIGHT?", "THANK YOU."],
        ),
        (  # cue 3's source changed since: its place holds the translation of another
            _harbour((3.5, 5.9, 9.0), "Thanks a lot."),
            True,
            ["Thanks a lot."],
            [
                "<i>PREVIOUSLY ON THE HARBOUR...</i>",
                "- WHERE WERE YOU LAST NIGHT?",
                "THANKS A LOT.",
            ],
        ),
        (  # re-timed by a frame: lined up by time, the edit kept without a record too
            _harbour((1.04, 3.44, 6.54)),
            False,
            [],
            ["<i>PREVIOUSLY ON THE HARBOUR...</i>", "- WHERE WERE YOU LAST NIGHT?", "Danke."],
        ),
    ],
    ids=["by-place", "no-record", "source-changed", "by-time"],
)
def test_a_re_timed_source_never_gets_another_cues_translation(
    tmp_path: Path, retimed: str, with_record: bool, seen: list[str], written: list[str]
) -> None:
    """A rerun of a re-timed file matched cue 1 with the output's cue 2 (within 0.1 s of its
    new time) and wrote the dialogue into it in italics, and the edit of cue 3 was lost: a cue
    lines up by its time only at its place, by its place only where the record says so."""
    source, out = tmp_path / "r.srt", tmp_path / "r.de.srt"
    records = OutputSources(tmp_path / "records")
    source.write_text(_harbour((1, 3.4, 6.5)), "utf-8")
    translate_file(source, out, FakeModel(), output_sources=records)
    out.write_text(out.read_text("utf-8").replace("THANK YOU.", "Danke."), "utf-8")
    source.write_text(retimed, "utf-8")
    model = FakeModel()
    again = records if with_record else OutputSources(tmp_path / "none")
    translate_file(source, out, model, output_sources=again)
    assert model.seen == seen
    cues = out.read_text("utf-8").split("\n\n")
    assert [cue.split("\n")[2] for cue in cues if cue] == written


@pytest.mark.parametrize(
    ("name", "cue", "translations", "lines"),
    [
        (
            "euros.srt",
            "1\n00:00:01,000 --> 00:00:04,000\nWe need 3,500 euros\nby Friday.\n",
            {"We need 3,500 euros by Friday.": "Wir brauchen bis Freitag 3.500 Euro."},
            ["Wir brauchen bis", "Freitag 3.500 Euro."],
        ),
        (
            "ben.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ben>Of course I did.\n<i>Probably.</i></v>\n",
            {  # asked with its tags, without them and their words alone (paired_tags)
                "Of course I did. <i>Probably.</i>": "Natürlich. <i>Wahrscheinlich.</i>",
                "Of course I did. Probably.": "Natürlich. Wahrscheinlich.",
                "Probably.": "Wahrscheinlich.",
            },
            ["<v Ben>Natürlich.", "<i>Wahrscheinlich.</i></v>"],
        ),
    ],
)
def test_a_cue_of_two_lines_is_translated_into_two(
    tmp_path: Path, name: str, cue: str, translations: dict[str, str], lines: list[str]
) -> None:
    """A translation that fits one line was laid out in one even where its source cue had two
    (a subtitler's layout: 'Wir brauchen bis Freitag 3.500 Euro.'); it keeps two, balanced."""
    out = _translated(tmp_path, name, cue, _german(translations))
    assert out.rstrip("\n").split("\n")[-2:] == lines


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
    # WebVTT's class span, read as HTML's (its </c> was left alone in the next cue)
    assert balance_tags(['Open <c class="hl">the', "settings</c> now"]) == [
        'Open <c class="hl">the</c>',
        '<c class="hl">settings</c> now',
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
        "1 cue now read faster than 17 characters a second (cue 1): shorten it or give it more time"
    )


def test_wrap_makes_two_lines_of_near_equal_length() -> None:
    assert wrap("Kurz.") == ["Kurz."]
    assert wrap("Kurz.", lines=2) == ["Kurz."]  # a source of two lines: one word stays one
    line = "Das ist ein ziemlich langer Satz, der nicht in eine Zeile passt."
    assert wrap(line) == ["Das ist ein ziemlich langer Satz,", "der nicht in eine Zeile passt."]


@pytest.mark.parametrize(
    ("text", "at_sentence_end", "expected"),
    [
        # the source broke after its first sentence: so does the German, where both lines fit
        (
            "Wir rannten. Wir liefen so schnell wie wir.",
            True,
            ["Wir rannten.", "Wir liefen so schnell wie wir."],
        ),
        (
            "Lauf! Sie kommen gleich hierher zurück.",
            True,
            ["Lauf!", "Sie kommen gleich hierher zurück."],
        ),
        # the source broke elsewhere: balanced, as before (it broke mid-sentence)
        (
            "Wir rannten. Wir liefen so schnell wie wir.",
            False,
            ["Wir rannten. Wir liefen", "so schnell wie wir."],
        ),
        # a line past the limit: no sentence break, the usual one
        (
            "Ja. Wir sind die ganze Nacht durch den dunklen Tunnel gerannt, so schnell wir konnten.",
            True,
            [
                "Ja. Wir sind die ganze Nacht durch den dunklen",
                "Tunnel gerannt, so schnell wir konnten.",
            ],
        ),
    ],
)
def test_two_lines_break_after_a_sentence_where_the_source_did(
    text: str, at_sentence_end: bool, expected: list[str]
) -> None:
    assert wrap(text, lines=2, at_sentence_end=at_sentence_end) == expected


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("We ran.", True),
        ("Run!", True),
        ("Who?", True),
        ("And then…", True),
        ('<i>"We ran."</i>', True),
        ("We ran,", False),
        ("We ran as", False),
    ],
)
def test_a_line_ends_a_sentence_at_its_last_mark(line: str, ends: bool) -> None:
    assert ends_sentence(line) is ends


def test_a_cue_of_two_sentences_breaks_between_them(tmp_path: Path) -> None:
    # it broke mid-sentence: "Wir rannten. Wir liefen" / "so schnell wie wir."
    model = _german(
        {
            "We ran.": "Wir rannten.",
            "We ran as fast as we could.": "Wir liefen so schnell wie wir.",
            "We ran. We ran as fast as we could.": "Wir rannten. Wir liefen so schnell wie wir.",
        }
    )
    cue = "1\n00:10:33,000 --> 00:10:36,000\n{}\n"
    out = _translated(tmp_path, "p2.srt", cue.format("We ran.\nWe ran as fast as we could."), model)
    # the file ends as the source does (one line feed after the last cue)
    assert out == cue.format("Wir rannten.\nWir liefen so schnell wie wir.")


def test_a_line_wholly_in_italics_stays_wholly_in_italics(tmp_path: Path) -> None:
    # the model's italics shrank to part of the line: "<i>jeden einzelnen</i> Abend."
    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        german = {
            "We dug the tunnel for six months,": "Wir gruben sechs Monate den Tunnel,",
            "<i>every single night.</i>": "<i>jeden einzelnen</i> Abend.",
            "every single night.": "jeden einzelnen Abend.",
        }
        for english, words in german.items():
            texts = [text.replace(english, words) for text in texts]
        return texts

    cue = "1\n00:00:13,500 --> 00:00:17,000\n{}\n"
    source = cue.format("We dug the tunnel for six months,\n<i>every single night.</i>")
    out = _translated(tmp_path, "it1.srt", source, model)
    assert out == cue.format("Wir gruben sechs Monate den Tunnel,\n<i>jeden einzelnen Abend.</i>")


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


def _translated(tmp_path: Path, name: str, text: str, model: Any = None) -> str:
    """The output of translating a subtitle file ``name`` of ``text`` (into German)."""
    source = tmp_path / name
    source.write_text(text, "utf-8")
    out = tmp_path / f"out{source.suffix}"
    translate_file(source, out, model or FakeModel(), tgt_lang="de")
    return out.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # cues at the same time are two cues: keyed by their start time, the second overwrote
        # the first (both said its translation), the SubRip position was lost and the two
        # cues' texts were one sentence
        pytest.param(
            "same.srt",
            "1\n00:00:01,000 --> 00:00:04,000 X1:100 X2:500 Y1:50 Y2:80\n{\\an8}CLOSED FOR THE WINTER"
            "\n\n2\n00:00:01,000 --> 00:00:04,000\nWe're too late.\n",
            "1\n00:00:01,000 --> 00:00:04,000 X1:100 X2:500 Y1:50 Y2:80\n{\\an8}CLOSED FOR THE WINTER"
            "\n\n2\n00:00:01,000 --> 00:00:04,000\nWE'RE TOO LATE.\n",
            id="srt-cues-at-the-same-time",
        ),
        pytest.param(
            "two.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000 line:10%\nWhere is the station?\n\n"
            "00:00:01.000 --> 00:00:04.000 line:90%\nI have no idea.\n",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000 line:10%\nWHERE IS THE STATION?\n\n"
            "00:00:01.000 --> 00:00:04.000 line:90%\nI HAVE NO IDEA.\n",
            id="vtt-cues-at-the-same-time",
        ),
        # a SubRip file without cue numbers is numbered (NoneType + int in write: the srt
        # library reads the file, the numbers are None)
        pytest.param(
            "nonum.srt",
            "00:20:01,000 --> 00:20:04,000\nGood morning.\n\n"
            "00:20:05,000 --> 00:20:06,800\nThe ship is leaving now.\n",
            "1\n00:20:01,000 --> 00:20:04,000\nGOOD MORNING.\n\n"
            "2\n00:20:05,000 --> 00:20:06,800\nTHE SHIP IS LEAVING NOW.\n",
            id="srt-without-cue-numbers",
        ),
        # a voice span on each line is a dialogue line kept (the opening tags and names were
        # lost and "</v>" left dangling)
        pytest.param(
            "v2.vtt",
            "WEBVTT\n\n00:00:06.000 --> 00:00:08.000\n"
            "<v Mary>Where is the key?</v>\n<v John>I lost it.</v>\n",
            "WEBVTT\n\n00:00:06.000 --> 00:00:08.000\n"
            "<v Mary>WHERE IS THE KEY?</v>\n<v John>I LOST IT.</v>\n",
            id="vtt-voice-span-each-line",
        ),
    ],
)
def test_a_file_is_translated_cue_by_cue(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    assert _translated(tmp_path, name, text) == expected


def test_overlapping_cues_are_never_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ov.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:06,000\nHARBOUR MASTER'S OFFICE\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nIs anybody here?\n",
        "utf-8",
    )
    assert [u.source for u in open_document(path).units()] == [
        "HARBOUR MASTER'S OFFICE",
        "Is anybody here?",
    ]


def _german(translations: dict[str, str]) -> Any:
    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [translations[text] for text in texts]

    return model


def test_karaoke_timestamps_are_kept_out_of_the_model_and_put_back(tmp_path: Path) -> None:
    # the model saw the timestamps and dropped the words after them ("give you up.")
    model = _german({"Never gonna give you up.": "Ich werde dich niemals aufgeben."})
    out = _translated(
        tmp_path,
        "kar.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
        "<00:00:01.000>Never <00:00:02.000>gonna <00:00:03.000>give you up.\n",
        model,
    )
    assert out == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
        "<00:00:01.000>Ich werde <00:00:02.000>dich <00:00:03.000>niemals aufgeben.\n"
    )


@pytest.mark.parametrize(
    ("cue", "translations", "expected"),
    [
        # the model got "{\an8}[door slams]" and wrote "{\an8}[Dor-Slams]"; no memory matched it
        ("{\\an8}[door slams]", {"[door slams]": "[Tür knallt]"}, "{\\an8}[Tür knallt]"),
        (
            "{\\pos(320,50)}{\\i1}Never again.",
            {"Never again.": "Nie wieder."},
            "{\\pos(320,50)}{\\i1}Nie wieder.",
        ),
        (
            "I {\\i1}never{\\i0} said that.",
            {"I never said that.": "Das sagte ich nie."},
            "Das {\\i1}sagte{\\i0} ich nie.",  # by the share of the words, as timestamps
        ),
    ],
)
def test_override_blocks_are_kept_out_of_the_model_and_put_back(
    tmp_path: Path, cue: str, translations: dict[str, str], expected: str
) -> None:
    text = f"1\n00:00:06,100 --> 00:00:08,000\n{cue}\n"
    (tmp_path / "in.srt").write_text(text, "utf-8")
    assert [u.source for u in open_document(tmp_path / "in.srt").units()] == [*translations]
    out = _translated(tmp_path, "in.srt", text, _german(translations))
    assert out == f"1\n00:00:06,100 --> 00:00:08,000\n{expected}\n"


@pytest.mark.parametrize(
    ("webvtt", "html"),
    [
        (
            "Welcome to <c.highlight>CloudDesk</c>.",
            'Welcome to <c class="highlight">CloudDesk</c>.',
        ),
        (
            "<c.yellow.bg_blue>a</c> <b.red>b</b>",
            '<c class="yellow bg_blue">a</c> <b class="red">b</b>',
        ),
        ("<v.loud Mary Ann>Hi</v>", '<v class="loud" title="Mary Ann">Hi</v>'),
        ('<v Roger "Rog">Hi</v>', '<v title="Roger &quot;Rog&quot;">Hi</v>'),
        ("<lang de>Guten Tag</lang>", '<lang lang="de">Guten Tag</lang>'),
        ("<ruby>key<rt.ipa>ki</rt></ruby>", '<ruby>key<rt class="ipa">ki</rt></ruby>'),
        # tags without classes or an annotation, and timestamps, stay as they are
        ("<c>a</c> <i>b</i> <00:00:05.000>c", "<c>a</c> <i>b</i> <00:00:05.000>c"),
    ],
)
def test_webvtt_start_tags_with_classes_are_read_as_html_and_written_back(
    webvtt: str, html: str
) -> None:
    assert cue_tags_as_html(webvtt) == html
    assert cue_tags_as_webvtt(html) == webvtt


def test_a_webvtt_tag_with_classes_is_kept_out_of_the_models_way_as_one_without(
    tmp_path: Path,
) -> None:
    """``<c.highlight>`` was no tag of the ``</c>`` that ends it: the model got it as words and
    lost it (``Willkommen bei CloudDesk</c>.``), the words inside left in English. Read as
    HTML's, it is a pair of tags as ``<c>`` is: the words are translated without it too, and
    those inside on their own (:mod:`ltmt.formats.paired_tags`)."""
    model = FakeModel()
    out = _translated(
        tmp_path,
        "c.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWelcome to <c.highlight>CloudDesk</c>.\n\n"
        "00:00:04.000 --> 00:00:06.000\nOpen the <b.red>settings</b> now.\n\n"
        "00:00:07.000 --> 00:00:09.000\n<b.red>Stop.</b>\n",
        model,
    )
    assert out == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWELCOME TO <c.highlight>CLOUDDESK</c>.\n\n"
        "00:00:04.000 --> 00:00:06.000\nOPEN THE <b.red>SETTINGS</b> NOW.\n\n"
        "00:00:07.000 --> 00:00:09.000\n<b.red>STOP.</b>\n"
    )
    assert {"Welcome to CloudDesk.", "CloudDesk"} <= set(model.seen)


def test_a_tag_around_every_cue_of_a_sentence_is_put_around_each_again(tmp_path: Path) -> None:
    # a cut fell inside <font color=...>, and words fell outside the italics
    model = _german(
        {
            "The captain is waiting for you at the harbour.": "Der Kapitän wartet am Hafen auf "
            "dich.",
            "The storm is coming, and the boats are still out at sea.": "Der Sturm kommt, und "
            "die Boote sind noch auf See.",
        }
    )
    out = _translated(
        tmp_path,
        "font.srt",
        '1\n00:00:01,000 --> 00:00:03,000\n<font color="#ffff00">The captain is waiting for you'
        '</font>\n\n2\n00:00:03,100 --> 00:00:05,000\n<font color="#ffff00">at the harbour.'
        "</font>\n\n3\n00:00:06,000 --> 00:00:09,000\n<i>The storm is coming, and the boats</i>"
        "\n\n4\n00:00:09,000 --> 00:00:12,000\n<i>are still out at sea.</i>\n",
        model,
    )
    assert [block.split("\n")[2:] for block in out.strip().split("\n\n")] == [
        ['<font color="#ffff00">Der Kapitän wartet am Hafen</font>'],
        ['<font color="#ffff00">auf dich.</font>'],
        ["<i>Der Sturm kommt, und die Boote</i>"],
        ["<i>sind noch auf See.</i>"],
    ]


def test_split_over_never_cuts_inside_a_tag() -> None:
    # the cut fell at the space in '<font color=...>': '<font' ended one cue
    text = 'Er wartet <font color="#ffff00">am Hafen</font> auf dich.'
    assert split_over(text, [10, 30]) == [
        "Er wartet",
        '<font color="#ffff00">am Hafen</font> auf dich.',
    ]


def test_the_review_notes_name_cues_by_the_files_numbers(tmp_path: Path) -> None:
    # they were numbered from 1 (cue 1, 4 for a file of cues 245 to 248)
    document = SubtitleDocument.open(_write(tmp_path, "n.srt", _FAST))
    document.fill({"0": "Jawohl, mein sehr verehrter Herr Kommandant."})
    assert document.review_notes() == [
        "1 cue now read faster than 17 characters a second (cue 245): shorten it or give "
        "it more time"
    ]


_FAST = "245\n00:00:01,000 --> 00:00:02,000\nYes, sir.\n\n246\n00:00:03,000 --> 00:00:05,000\nNo.\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "text",
    [
        "Ja, und dann sind wir den ganzen langen Weg bis nach Hause gelaufen, ohne Pause.",
        "Nein, ich habe es ihm nicht gesagt, und ich werde es ihm auch morgen nicht sagen.",
    ],
)
def test_a_text_that_fits_two_lines_of_42_characters_is_wrapped_so(text: str) -> None:
    # the balanced break by punctuation and conjunctions made a line of 43 or 45 characters
    assert all(len(line) <= 42 for line in wrap(text, language="de"))


def test_a_cue_too_long_for_two_lines_is_named(tmp_path: Path) -> None:
    document = SubtitleDocument.open(
        _write(tmp_path, "l.srt", "3\n00:00:01,000 --> 00:00:09,000\nBecause they will come.\n")
    )
    document.fill({"0": " ".join(["Denn sie werden kommen, alle zusammen, heute Nacht."] * 2)})
    assert document.review_notes() == [
        "1 cue with a line longer than 42 characters (cue 3): shorten it"
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "w.srt",
            b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n",
            r"a WebVTT file, not SubRip; rename it .vtt",
        ),
        (
            "s.vtt",
            b"1\n00:00:01,000 --> 00:00:02,000\nHi\n",
            r"a SubRip file, not WebVTT; rename it .srt",
        ),
        (
            "l.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nAu café.\n".encode("latin-1"),
            r"l.srt:3:7: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: convert it: "
            r"iconv -f CP1252 -t UTF-8 \S*l\.srt > \S*l-utf8\.srt$",
        ),
    ],
)
def test_a_file_of_another_kind_or_encoding_says_what_to_do(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        SubtitleDocument.open(path)


def test_a_positioned_caption_is_never_one_sentence_with_a_neighbour(tmp_path: Path) -> None:
    # a caption ending in a comma ran on into the next cue's words, as a sentence would
    path = tmp_path / "sign.srt"
    path.write_text(
        "1\n00:00:26,000 --> 00:00:28,000\n{\\an8}HARBOR POLICE,\n\n"
        "2\n00:00:28,500 --> 00:00:31,000\nwe found it.\n",
        "utf-8",
    )
    assert [u.source for u in open_document(path).units()] == ["HARBOR POLICE,", "we found it."]


_TOP = (
    "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}If you don't leave the building\n\n"
    "2\n00:00:03,200 --> 00:00:05,000\n{\\an8}in the next 10 minutes,\n\n"
    "3\n00:00:05,200 --> 00:00:07,000\n{\\an8}I'll call the police.\n\n"
    "4\n00:00:08,000 --> 00:00:10,000\n{\\an8}Fine.\n"
)


def test_a_sentence_over_cues_all_placed_alike_is_one_unit(tmp_path: Path) -> None:
    # a scene with {\an8} on every cue was translated one cue at a time
    model = _german(
        {
            "If you don't leave the building in the next 10 minutes, I'll call the police.": (
                "Wenn Sie das Gebäude nicht in den nächsten 10 Minuten verlassen, rufe ich "
                "die Polizei."
            ),
            "Fine.": "Gut.",
        }
    )
    assert _translated(tmp_path, "top.srt", _TOP, model) == (
        "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}Wenn Sie das Gebäude nicht\n\n"
        "2\n00:00:03,200 --> 00:00:05,000\n{\\an8}in den nächsten 10 Minuten verlassen,\n\n"
        "3\n00:00:05,200 --> 00:00:07,000\n{\\an8}rufe ich die Polizei.\n\n"
        "4\n00:00:08,000 --> 00:00:10,000\n{\\an8}Gut.\n"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("{\\an8}HARBOR POLICE,", "we found it."),  # a caption, then dialogue
        ("we found it,", "{\\an8}HARBOR POLICE"),
        ("{\\an8}We found it,", "{\\an2}at the harbor."),  # placed elsewhere
        ("{\\pos(320,50)}We found it,", "{\\pos(320,400)}at the harbor."),
    ],
)
def test_cues_placed_differently_are_never_one_unit(
    tmp_path: Path, first: str, second: str
) -> None:
    path = _write(
        tmp_path,
        "placed.srt",
        f"1\n00:00:26,000 --> 00:00:28,000\n{first}\n\n2\n00:00:28,500 --> 00:00:31,000\n{second}\n",
    )
    assert len(open_document(path).units()) == 2


def test_the_review_notes_name_a_fast_cue_whose_source_was_fast_too(tmp_path: Path) -> None:
    # cue 246 read at 26.7 characters a second in English: its translation, at 36.7, was not named
    fast = _FAST.replace(
        "00:00:03,000 --> 00:00:05,000\nNo.", "00:00:03,000 --> 00:00:03,300\nNo, sir."
    )
    document = SubtitleDocument.open(_write(tmp_path, "n.srt", fast))
    document.fill({"0": "Jawohl, mein sehr verehrter Herr Kommandant.", "1": "Nein, Herr."})
    assert document.review_notes() == [
        "2 cues now read faster than 17 characters a second (cue 245, 246; in the source "
        "already: cue 246 at 26.7): shorten them or give them more time"
    ]


def test_the_review_notes_name_a_webvtt_cue_by_its_identifier(tmp_path: Path) -> None:
    # it was "cue 1", its place, where the file calls it intro-1
    vtt = "WEBVTT\n\nintro-1\n00:00:01.000 --> 00:00:02.000\nYes, sir.\n"
    document = SubtitleDocument.open(_write(tmp_path, "n.vtt", vtt))
    document.fill({"0": "Jawohl, mein sehr verehrter Herr Kommandant."})
    assert document.review_notes()[0].startswith(
        "1 cue now read faster than 17 characters a second (cue intro-1): "
    )


def test_a_memory_match_of_other_words_for_a_sentence_over_cues_is_translated_cue_by_cue(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # the stored "We dug the tunnel." => "Wir gruben den Tunnel." for the whole sentence, laid
    # over both cues by their shares: "Wir gruben" / "den Tunnel.", "for six months" gone
    copied = {
        "We dug the tunnel for six months.": Translation(
            "We dug the tunnel for six months.",
            "Wir gruben den Tunnel.",
            method="knn",
            copies_other_words=True,
        )
    }
    apart = {"We dug the tunnel": "Wir gruben den Tunnel", "for six months.": "sechs Monate lang."}

    def translate(texts: list[str], prefer: list[dict] | None = None) -> list[Any]:
        return [copied.get(text) or apart[text] for text in texts]

    source, target = tmp_path / "tunnel.srt", tmp_path / "tunnel.de.srt"
    source.write_text(
        "1\n00:00:13,500 --> 00:00:15,000\nWe dug the tunnel\n\n"
        "2\n00:00:15,200 --> 00:00:17,000\nfor six months.\n",
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, target, translate, tgt_lang="de")
    out = target.read_text("utf-8")
    assert result.report.copies_other_words == 0  # no longer the match's copy
    assert out == (
        "1\n00:00:13,500 --> 00:00:15,000\nWir gruben den Tunnel\n\n"
        "2\n00:00:15,200 --> 00:00:17,000\nsechs Monate lang.\n"
    )
    assert "'We dug the tunnel for six months.' (cues 1-2 (00:00:13,500)): a memory match of " in (
        caplog.text
    )
    assert "its 2 cues were translated apart: check that they read well" in caplog.text


def test_a_memory_match_that_covers_a_sentences_cues_is_laid_over_them(tmp_path: Path) -> None:
    # a fused translation that is no copy of other words stays the whole sentence's
    model = _german({"We dug the tunnel for six months.": "Wir gruben sechs Monate am Tunnel."})
    out = _translated(
        tmp_path,
        "tunnel.srt",
        "1\n00:00:13,500 --> 00:00:15,000\nWe dug the tunnel\n\n"
        "2\n00:00:15,200 --> 00:00:17,000\nfor six months.\n",
        model,
    )
    assert out == (
        "1\n00:00:13,500 --> 00:00:15,000\nWir gruben sechs\n\n"
        "2\n00:00:15,200 --> 00:00:17,000\nMonate am Tunnel.\n"
    )


def test_webvtt_short_timing_lines_and_the_files_end_are_kept_as_written(tmp_path: Path) -> None:
    """``00:01.000 --> 00:04.000`` was written ``00:00:01.000 --> 00:00:04.000``: every timing
    line showed as changed in a diff against the client's file (subtitler trial s76, defect 8)."""
    source, out = tmp_path / "film.en.vtt", tmp_path / "film.de.vtt"
    source.write_text(
        "WEBVTT\n\n00:01.000 --> 00:03.500 align:start\nWhere are you?\n\n"
        "00:04.000 --> 00:05.000\nHere.",
        "utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "WEBVTT\n\n00:01.000 --> 00:03.500 align:start\nWHERE ARE YOU?\n\n"
        "00:04.000 --> 00:05.000\nHERE."
    )
