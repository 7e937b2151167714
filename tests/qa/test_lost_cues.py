"""qa's check for cues whose words a subtitle translation lost: merged away, empty, or a
caption given the next cue's sentence."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa import check_pairs
from ltmt.qa.lost_cues import lost_cue_problems

_EN = (
    "1\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nFormer Border Guard\n\n"
    "2\n00:00:47,000 --> 00:00:50,000\nI'm Thomas Brandt, I was a border guard.\n\n"
    "3\n00:00:51,000 --> 00:00:53,000\nWe ran.\n\n"
    "4\n00:00:53,500 --> 00:00:55,000\nThey stayed.\n"
)
_DE = (
    "1\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nEhemaliger Grenzsoldat\n\n"
    "2\n00:00:47,000 --> 00:00:50,000\nIch bin Thomas Brandt,\nich war Grenzsoldat.\n\n"
    "3\n00:00:51,000 --> 00:00:53,000\nWir rannten.\n\n"
    "4\n00:00:53,500 --> 00:00:55,000\nSie blieben.\n"
)


def _problems(tmp_path: Path, translation: str) -> list[tuple[str, str, str, str, str | None]]:
    source, path = tmp_path / "ep.en.srt", tmp_path / "ep.de.srt"
    source.write_text(_EN, "utf-8")
    path.write_text(translation, "utf-8")
    return [
        (p.position.replace(f"{tmp_path}/", ""), p.source, p.target, p.message, p.severity)
        for p in lost_cue_problems(path, source)
    ]


def test_a_translation_with_every_cues_words_has_none(tmp_path: Path) -> None:
    assert _problems(tmp_path, _DE) == []


def test_a_caption_given_the_next_cues_sentence_is_an_error(tmp_path: Path) -> None:
    # "Ich bin Thomas" / "Brandt," in the name tag's time: "1 entry checked: nothing found"
    spilled = _DE.replace("THOMAS BRANDT\nEhemaliger Grenzsoldat", "Ich bin Thomas\nBrandt,")
    spilled = spilled.replace("Ich bin Thomas Brandt,\nich war", "ich war")
    problems = _problems(tmp_path, spilled)
    assert problems == [
        (
            "ep.de.srt: cue 1 (00:00:44,000)",
            "THOMAS BRANDT Former Border Guard",
            "Ich bin Thomas Brandt,",
            "the caption's words are missing: the next cue's sentence starts in its cue; "
            "translate the caption on its own",
            "error",
        )
    ]
    path = tmp_path / "ep.de.srt"
    report = check_pairs(
        [], checks=["subtitles"], form_problems=lost_cue_problems(path, tmp_path / "ep.en.srt")
    )
    assert [f.line() for f in report.findings] == [
        f"{path}: cue 1 (00:00:44,000): error [subtitles] the caption's words are missing: the "
        "next cue's sentence starts in its cue; translate the caption on its own"
    ]


def test_an_empty_cue_is_an_error_and_a_cue_merged_away_a_warning(tmp_path: Path) -> None:
    empty = _DE.replace("Sie blieben.", "<i></i>")
    assert _problems(tmp_path, empty) == [
        (
            "ep.de.srt: cue 4 (00:00:53,500)",
            "They stayed.",
            "",
            "its cue in the translation is empty: translate its words",
            "error",
        )
    ]
    merged = _DE.replace(
        "00:00:51,000 --> 00:00:53,000\nWir rannten.\n\n4\n00:00:53,500 --> 00:00:55,000\n"
        "Sie blieben.\n",
        "00:00:51,000 --> 00:00:55,000\nWir rannten.\n",
    )
    assert _problems(tmp_path, merged) == [
        (
            "ep.en.srt: cue 4 (00:00:53,500)",
            "They stayed.",
            "",
            "has no cue of its own in the translation (merged into the cue before?): check "
            "that its words are there, or give it its cue back",
            None,
        )
    ]


def test_other_files_or_no_source_file_have_none(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', "utf-8")
    assert lost_cue_problems(path, path) == []
    assert lost_cue_problems(tmp_path / "ep.de.srt", None) == []
