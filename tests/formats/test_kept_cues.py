"""A subtitle rerun keeps what its output holds: each kept cue as the reviewer wrote it, with the
source's times, and a cue that reads as its source where ltmt's record says a person kept it so
(trial s76: lyrics kept in English were translated again, a reviewer's line breaks joined)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import Unit
from ltmt.formats.kept_cues import KeptCues, kept_as_source, without_source_copy
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.pipeline import translate_file
from ltmt.formats.subtitle_cues import Cue
from ltmt.formats.subtitles import timestamp

STARTS = (1.0, 5.0, 9.0)
LYRICS = "♪ Take me to the magic of the moment ♪"
ENGLISH = {
    "srt": [LYRICS, "We have to leave before dawn.", "- Katrin?\n- Where are you?"],
    "vtt": [
        LYRICS,
        "<v Katrin>We have to leave <c.yellow>before dawn</c>.</v>",
        "<v Tom>Katrin?</v>\n<v Katrin>Where are you?</v>",
    ],
}
WRITTEN = {  # what ltmt writes (the fake model upper-cases)
    "srt": [LYRICS.upper(), "WE HAVE TO LEAVE BEFORE DAWN.", "- KATRIN?\n- WHERE ARE YOU?"],
    "vtt": [
        LYRICS.upper(),
        "<v Katrin>WE HAVE TO LEAVE <c.yellow>BEFORE DAWN</c>.</v>",
        "<v Tom>KATRIN?</v>\n<v Katrin>WHERE ARE YOU?</v>",
    ],
}
REVIEWED = {  # the lyrics and a name kept in English, the line breaks the reviewer's
    "srt": [LYRICS, "Wir müssen\nvor Morgengrauen weg.", "- Katrin?\n- Wo bist du?"],
    "vtt": [
        LYRICS,
        "<v Katrin>Wir müssen\nvor <c.yellow>Morgengrauen</c> weg.</v>",
        "<v Tom>Katrin?</v>\n<v Katrin>Wo bist du?</v>",
    ],
}


def _subtitles(kind: str, starts: tuple[float, ...], texts: list[str], language: str) -> str:
    """A SubRip or WebVTT file (as ltmt writes them) of cues of 3 s at ``starts``; the WebVTT
    file's header names ``language``, its first cue has an identifier and settings."""
    if kind == "srt":
        return "".join(
            f"{n}\n{timestamp(start, ',')} --> {timestamp(start + 3, ',')}\n{text}\n\n"
            for n, (start, text) in enumerate(zip(starts, texts), 1)
        )
    blocks = [
        f"{'intro' + chr(10) if n == 0 else ''}{timestamp(start)} --> {timestamp(start + 3)}"
        f"{' line:10%' if n == 0 else ''}\n{text}"
        for n, (start, text) in enumerate(zip(starts, texts))
    ]
    return "\n\n".join([f"WEBVTT\nLanguage: {language}", *blocks]) + "\n"


def _first_run(tmp_path: Path, kind: str) -> tuple[Path, Path, OutputSources]:
    """The source, its output as ltmt first wrote it, and the records of that run."""
    source, out = tmp_path / f"ep.en.{kind}", tmp_path / f"ep.de.{kind}"
    records = OutputSources(tmp_path / "records")
    source.write_text(_subtitles(kind, STARTS, ENGLISH[kind], "en"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_text("utf-8") == _subtitles(kind, STARTS, WRITTEN[kind], "de")
    return source, out, records


@pytest.mark.parametrize("kind", ["srt", "vtt"])
@pytest.mark.parametrize("shift", [0.0, 0.04, 2.5], ids=["same-times", "a-frame", "re-timed"])
def test_a_rerun_writes_the_reviewers_cues_as_they_are_at_the_sources_times(
    tmp_path: Path, kind: str, shift: float
) -> None:
    """The reviewer's line breaks were joined (`Wir müssen vor Morgengrauen weg.`) and the lyrics
    kept in English translated again, while the summary said both were kept; re-timed by 2.5 s,
    the cues are lined up by their places, as ltmt's record says it wrote them for the same
    source."""
    source, out, records = _first_run(tmp_path, kind)
    out.write_text(_subtitles(kind, STARTS, REVIEWED[kind], "de"), "utf-8")
    moved = tuple(start + shift for start in STARTS)
    source.write_text(_subtitles(kind, moved, ENGLISH[kind], "en"), "utf-8")
    for _ in range(2):  # and again: what the rerun recorded keeps them too
        model = FakeModel()
        translate_file(source, out, model, tgt_lang="de", output_sources=records)
        assert model.seen == []
        assert out.read_text("utf-8") == _subtitles(kind, moved, REVIEWED[kind], "de")


@pytest.mark.parametrize("kind", ["srt", "vtt"])
def test_without_a_record_a_cue_as_in_the_source_is_translated_and_the_others_kept_as_written(
    tmp_path: Path, kind: str
) -> None:
    """Nothing tells a reviewer's English from a copy of the source being filled in: it is
    translated (README); the cues translated already keep their line breaks."""
    source, out = tmp_path / f"ep.en.{kind}", tmp_path / f"ep.de.{kind}"
    source.write_text(_subtitles(kind, STARTS, ENGLISH[kind], "en"), "utf-8")
    out.write_text(_subtitles(kind, STARTS, REVIEWED[kind], "de"), "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de", output_sources=OutputSources(tmp_path / "r"))
    assert model.seen == [LYRICS, "Katrin?"]
    speaker = "- " if kind == "srt" else "<v Tom>"
    expected = [
        LYRICS.upper(),
        REVIEWED[kind][1],
        REVIEWED[kind][2].replace(f"{speaker}Katrin?", f"{speaker}KATRIN?"),
    ]
    assert out.read_text("utf-8") == _subtitles(kind, STARTS, expected, "de")


@pytest.mark.parametrize("kind", ["srt", "vtt"])
def test_the_source_copied_over_the_output_is_translated_afresh(tmp_path: Path, kind: str) -> None:
    """Every cue reading as its source again is no reviewer's choice but a fresh start."""
    source, out, records = _first_run(tmp_path, kind)
    out.write_text(_subtitles(kind, STARTS, ENGLISH[kind], "de"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_text("utf-8") == _subtitles(kind, STARTS, WRITTEN[kind], "de")


@pytest.mark.parametrize("kind", ["srt", "vtt"])
def test_overwrite_lays_every_cue_out_anew(tmp_path: Path, kind: str) -> None:
    source, out, records = _first_run(tmp_path, kind)
    out.write_text(_subtitles(kind, STARTS, REVIEWED[kind], "de"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records, overwrite=True)
    assert out.read_text("utf-8") == _subtitles(kind, STARTS, WRITTEN[kind], "de")


def test_a_changed_source_gets_its_cue_translated_and_laid_out_anew(tmp_path: Path) -> None:
    """ltmt's own text of an older source is translated again, not written as it was."""
    source, out, records = _first_run(tmp_path, "srt")
    english = [*ENGLISH["srt"][:1], "We have to go before dawn.", *ENGLISH["srt"][2:]]
    source.write_text(_subtitles("srt", STARTS, english, "en"), "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de", output_sources=records)
    assert model.seen == ["We have to go before dawn."]
    written = [*WRITTEN["srt"][:1], "WE HAVE TO GO BEFORE DAWN.", *WRITTEN["srt"][2:]]
    assert out.read_text("utf-8") == _subtitles("srt", STARTS, written, "de")


def _record(places: dict[str, tuple[str, str]]) -> Record:
    """A record of ltmt writing each place's (source, translation)."""
    units = [(Unit(key, source), text) for key, (source, text) in places.items()]
    return Record.of(units, b"k" * 32)


@pytest.mark.parametrize(
    ("record", "place", "expected"),
    [
        (None, "0", False),  # no record: nothing tells it from a copy being filled in
        (_record({"0": (LYRICS, LYRICS.upper())}), "0", True),  # a reviewer's English
        (_record({"0": (LYRICS, LYRICS)}), "0", True),  # ltmt's own copy
        (_record({"0": ("Sing along.", "SING ALONG.")}), "0", False),  # another source's
        (_record({"3": (LYRICS, LYRICS.upper())}), "0", False),  # another place's
    ],
)
def test_a_text_as_the_source_is_kept_where_ltmt_wrote_its_place_for_that_source(
    record: Record | None, place: str, expected: bool
) -> None:
    assert kept_as_source(record, Unit("7", LYRICS), place) is expected


def test_only_a_file_of_nothing_but_source_copies_is_none_kept() -> None:
    cue = (Cue(1.0, 4.0, [LYRICS]),)
    copy, translated = KeptCues(LYRICS, cue, True), KeptCues("Wir tanzten.", cue)
    assert without_source_copy({"0": copy}) == {}
    assert without_source_copy({"0": copy, "1": translated}) == {"0": copy, "1": translated}
    assert without_source_copy({}) == {}
