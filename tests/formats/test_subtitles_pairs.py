"""Subtitles paired with their source-language file for a memory: sentence by sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import NoPairsError
from ltmt.formats.subtitle_pairs import matched_cues, paired_cues, retimed
from ltmt.formats.subtitles import SrtDocument, VttDocument
from ltmt.memory.clean import UNMATCHED_CUE, screen_pairs
from ltmt.qa.pair_checks import placeholder_problems

EN = (
    "247\n00:00:07,000 --> 00:00:09,800\n- Where were you last night?\n- At the lighthouse.\n\n"
    "248\n00:00:10,200 --> 00:00:13,000\nI told you never to go there\nafter dark.\n\n"
    "249\n00:00:13,100 --> 00:00:15,900\nThe old keeper disappeared\ntwenty years ago.\n"
)
DE = (
    "247\n00:00:07,000 --> 00:00:09,800\n- Wo warst du letzte\nNacht? - Am Leuchtturm.\n\n"
    "248\n00:00:10,200 --> 00:00:13,000\nIch habe dir gesagt, du sollst\nnach Einbruch der Dunkelheit\n\n"
    "249\n00:00:13,100 --> 00:00:15,900\nnie dorthin gehen. Der alte Wärter\nverschwand vor zwanzig Jahren.\n"
)


def _write(tmp_path: Path, target: str, source: str = EN) -> Path:
    """The translation ``target`` written beside its ``source`` (``f.en.srt``)."""
    (tmp_path / "f.en.srt").write_text(source, "utf-8")
    (tmp_path / "f.de.srt").write_text(target, "utf-8")
    return tmp_path / "f.de.srt"


def _pairs(tmp_path: Path, target: str, source: str = EN) -> list[tuple[str, str, str]]:
    translation = _write(tmp_path, target, source)
    records = SrtDocument.pairs(translation, source_file=tmp_path / "f.en.srt")
    return [(r.source, r.target, r.position.replace(f"{tmp_path}/", "")) for r in records]


def test_sentences_pair_where_both_sides_end_one_and_speakers_by_their_dashes(
    tmp_path: Path,
) -> None:
    # cue by cue, "I told you never to go there after dark." was stored with half a sentence
    assert _pairs(tmp_path, DE) == [
        (
            "Where were you last night?",
            "Wo warst du letzte Nacht?",
            "f.de.srt: cue 247 (00:00:07,000), line 1",
        ),
        ("At the lighthouse.", "Am Leuchtturm.", "f.de.srt: cue 247 (00:00:07,000), line 2"),
        (
            "I told you never to go there after dark. The old keeper disappeared twenty years ago.",
            "Ich habe dir gesagt, du sollst nach Einbruch der Dunkelheit nie dorthin gehen. Der "
            "alte Wärter verschwand vor zwanzig Jahren.",
            "f.de.srt: cues 248-249 (00:00:10,200)",
        ),
    ]


def test_cues_that_do_not_line_up_are_records_the_import_skips(tmp_path: Path) -> None:
    # the translation ends before its sentence does, and a cue has no cue at its time
    target = DE.split("\n\n249")[0].replace("00:00:07,000", "00:00:08,000") + "\n"
    records = SrtDocument.pairs(_write(tmp_path, target), source_file=tmp_path / "f.en.srt")
    # counted by the import as unmatched: they were counted as "empty target"
    assert screen_pairs(records).skipped == {UNMATCHED_CUE: 2}
    assert _pairs(tmp_path, target) == [
        (
            "Where were you last night? At the lighthouse.",
            "",
            "f.en.srt: cue 247 (00:00:07,000), no cues of f.de.srt line up",
        ),
        (
            "I told you never to go there after dark. The old keeper disappeared twenty years ago.",
            "",
            "f.en.srt: cues 248-249 (00:00:10,200), no cues of f.de.srt line up",
        ),
    ]


def test_cues_at_the_same_time_pair_in_their_order(tmp_path: Path) -> None:
    # by their time, both were one merged, doubled pair
    source = (
        "1\n00:00:01,000 --> 00:00:04,000\n{\\an8}CLOSED FOR THE WINTER\n\n"
        "2\n00:00:01,000 --> 00:00:04,000\nWe're too late.\n"
    )
    target = source.replace("CLOSED FOR THE WINTER", "IM WINTER GESCHLOSSEN").replace(
        "We're too late.", "Wir kommen zu spät."
    )
    assert [pair[:2] for pair in _pairs(tmp_path, target, source)] == [
        ("CLOSED FOR THE WINTER", "IM WINTER GESCHLOSSEN"),  # its {\\an8} not stored
        ("We're too late.", "Wir kommen zu spät."),
    ]


def test_a_translation_retimed_by_a_frame_still_pairs(tmp_path: Path) -> None:
    shifted = DE.replace(",000 -->", ",040 -->").replace(",200 -->", ",240 -->")
    shifted = shifted.replace(",100 -->", ",140 -->")
    assert len(_pairs(tmp_path, shifted)) == 3


def test_a_cue_retimed_pairs_by_its_place(tmp_path: Path) -> None:
    # cue 248 starts a second later: it was left out, counted untranslated
    retimed_de = DE.replace("00:00:10,200 -->", "00:00:11,200 -->")
    checked = SrtDocument.pairs(
        _write(tmp_path, retimed_de), source_file=tmp_path / "f.en.srt", purpose="checked"
    )
    assert [(r.source, r.target) for r in checked] == [r[:2] for r in _pairs(tmp_path, DE)]
    # an import leaves it out, unmatched, as before
    assert _pairs(tmp_path, retimed_de)[-1][1] == ""
    ours = SrtDocument.open(tmp_path / "f.en.srt").cues
    theirs = SrtDocument.open(_write(tmp_path, retimed_de)).cues
    assert matched_cues(ours, theirs) == [0, None, 2]
    assert paired_cues(ours, theirs) == [0, 1, 2]
    assert retimed(ours, theirs) == [1]


def test_a_translation_timed_otherwise_says_so(tmp_path: Path) -> None:
    # it said "no segments found (an empty file, or no translated entries ...)"
    late = DE.replace("00:00:", "00:01:")
    with pytest.raises(NoPairsError, match=r"no cue starts at the time of a cue of .*within 0.1 s"):
        _pairs(tmp_path, late)


def test_a_file_of_one_cue_pairs(tmp_path: Path) -> None:
    """Its cue matched the translation's first, index 0, which was taken for no match: "no cue
    starts at the time of a cue of f.en.srt"."""
    source = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
    assert _pairs(tmp_path, source.replace("Hello.", "Hallo."), source) == [
        ("Hello.", "Hallo.", "f.de.srt: cue 1 (00:00:01,000)")
    ]


def test_a_sentence_translated_as_its_source_is_a_pair_of_the_import(tmp_path: Path) -> None:
    """'OK.' translated as 'OK.' was left out without being counted (read 6, added 6, skipped {}
    for 7 cues): the import reads and stores it, as a PO catalog's or a TMX's."""
    from ltmt import Memory

    source = "1\n00:00:01,000 --> 00:00:02,000\nOK.\n\n2\n00:00:03,000 --> 00:00:04,000\nThanks.\n"
    target = source.replace("Thanks.", "Danke.")
    records = list(SrtDocument.pairs(_write(tmp_path, target, source), tmp_path / "f.en.srt"))
    assert [(r.source, r.target) for r in records] == [("OK.", "OK."), ("Thanks.", "Danke.")]
    with Memory(tmp_path / "store") as memory:
        report = memory.import_pairs("u1", records)
    assert (report.read, report.added, dict(report.skipped)) == (2, 2, {})


def test_a_webvtt_tag_with_classes_the_translation_lost_is_a_finding(tmp_path: Path) -> None:
    """``ltmt qa`` found nothing in ``Willkommen bei CloudDesk</c>.``: ``<c.highlight>`` was no
    tag to it; read as HTML's (``<c class="highlight">``) it is one the translation lacks."""
    (tmp_path / "c.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWelcome to <c.highlight>CloudDesk</c>.\n",
        "utf-8",
    )
    (tmp_path / "c.de.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWillkommen bei CloudDesk</c>.\n", "utf-8"
    )
    [record] = VttDocument.pairs(tmp_path / "c.de.vtt", source_file=tmp_path / "c.vtt")
    assert placeholder_problems(record.source, record.target, {}) == ['lacks <c class="highlight">']


def test_override_blocks_are_not_stored(tmp_path: Path) -> None:
    # the import stored "{\an8}[door slams]" -> "{\an8}[Tür knallt]", which matched no
    # "[door slams]" of a cue without it
    en = "3\n00:00:06,100 --> 00:00:08,000\n{\\an8}[door slams]\n"
    de = "3\n00:00:06,100 --> 00:00:08,000\n{\\an8}[Tür knallt]\n"
    assert _pairs(tmp_path, de, en) == [
        ("[door slams]", "[Tür knallt]", "f.de.srt: cue 3 (00:00:06,100)")
    ]


def test_a_positioned_caption_is_never_one_sentence_with_the_next_cue(tmp_path: Path) -> None:
    # "{\an8}HARBOR POLICE DEPARTMENT" was stored, and checked, with cue 12's sentence
    en = (
        "11\n00:00:26,000 --> 00:00:28,000\n{\\an8}HARBOR POLICE DEPARTMENT\n\n"
        "12\n00:00:28,500 --> 00:00:31,000\nWe found $2,500 in his car.\n"
    )
    de = en.replace("HARBOR POLICE DEPARTMENT", "POLIZEI HARBOR").replace(
        "We found $2,500 in his car.", "Wir fanden 2.500 $ in seinem Auto."
    )
    assert _pairs(tmp_path, de, en) == [
        ("HARBOR POLICE DEPARTMENT", "POLIZEI HARBOR", "f.de.srt: cue 11 (00:00:26,000)"),
        (
            "We found $2,500 in his car.",
            "Wir fanden 2.500 $ in seinem Auto.",
            "f.de.srt: cue 12 (00:00:28,500)",
        ),
    ]
    assert [u.source for u in SrtDocument.open(tmp_path / "f.en.srt").units()] == [
        "HARBOR POLICE DEPARTMENT",
        "We found $2,500 in his car.",
    ]


def test_a_sentence_over_cues_all_placed_alike_is_one_pair(tmp_path: Path) -> None:
    # a scene with {\an8} on every cue was stored cue by cue: "I'll call the police." ->
    # "rufe ich die Polizei."
    top = (
        "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}If you don't leave the building\n\n"
        "2\n00:00:03,200 --> 00:00:05,000\n{\\an8}in the next 10 minutes,\n\n"
        "3\n00:00:05,200 --> 00:00:07,000\n{\\an8}I'll call the police.\n"
    )
    de = (
        top.replace("If you don't leave the building", "Wenn Sie das Gebäude nicht")
        .replace("in the next 10 minutes,", "in den nächsten 10 Minuten verlassen,")
        .replace("I'll call the police.", "rufe ich die Polizei.")
    )
    assert _pairs(tmp_path, de, top) == [
        (
            "If you don't leave the building in the next 10 minutes, I'll call the police.",
            "Wenn Sie das Gebäude nicht in den nächsten 10 Minuten verlassen, rufe ich die "
            "Polizei.",
            "f.de.srt: cues 1-3 (00:00:01,000)",
        )
    ]
    # the middle cue placed elsewhere: three pairs, a cue each
    apart = top.replace("{\\an8}in the next", "{\\an2}in the next")
    pairs = _pairs(tmp_path, de.replace("{\\an8}in den", "{\\an2}in den"), apart)
    assert [where for _, _, where in pairs] == [
        "f.de.srt: cue 1 (00:00:01,000)",
        "f.de.srt: cue 2 (00:00:03,200)",
        "f.de.srt: cue 3 (00:00:05,200)",
    ]


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        ("{\\an8}[door slams]", "[Tür knallt]", ["lacks the position tag {\\an8}"]),
        ("{\\an8}[door slams]", "{\\an8}[Tür knallt]", []),  # alike: no metadata
        ("{\\i1}Never.", "Nie.", ["lacks the override tag {\\i1}"]),
        (
            "Never.",
            "{\\an2}Nie.",
            ["adds the position tag {\\an2}, which the source does not have"],
        ),
    ],
)
def test_override_blocks_a_translation_lacks_are_a_placeholder_finding(
    tmp_path: Path, source: str, target: str, problems: list[str]
) -> None:
    en = f"3\n00:00:06,100 --> 00:00:08,000\n{source}\n"
    de = f"3\n00:00:06,100 --> 00:00:08,000\n{target}\n"
    [record] = SrtDocument.pairs(_write(tmp_path, de, en), source_file=tmp_path / "f.en.srt")
    assert bool(record.metadata) == bool(problems)
    assert placeholder_problems(record.source, record.target, record.metadata) == problems


ITALIC_EN = "1\n00:00:22,300 --> 00:00:25,500\n<i>The ferry was late.</i>\n<i>It always is on Sundays.</i>\n"


@pytest.mark.parametrize(
    ("target", "problems"),
    [
        # every italic lost: the tag around the whole cue was set aside on one side alone
        (
            "Die Fähre hatte Verspätung.\nWie immer sonntags.",
            ["lacks <i> (2 times), </i> (2 times)"],
        ),
        # one line's lost: read as adding the other line's
        ("Die Fähre hatte Verspätung.\n<i>Wie immer sonntags.</i>", ["lacks <i>, </i>"]),
        ("<i>Die Fähre hatte Verspätung.</i>\n<i>Wie immer sonntags.</i>", []),
        # one span over both lines displays as a span a line: it said "lacks <i>, </i>"
        ("<i>Die Fähre hatte Verspätung.\nWie immer sonntags.</i>", []),
    ],
)
def test_italics_around_a_whole_cue_are_checked_not_set_aside(
    tmp_path: Path, target: str, problems: list[str]
) -> None:
    """``ltmt qa`` passed a cue whose translation lost all its italics (``2 entries checked:
    nothing found``) and said one that lost a line's ``adds <i>, </i>``: the tag around the whole
    cue was left out of the source's text alone; read for checking, both sides keep it."""
    translation = _write(tmp_path, "1\n00:00:22,300 --> 00:00:25,500\n" + target + "\n", ITALIC_EN)
    source = tmp_path / "f.en.srt"
    [record] = SrtDocument.pairs(translation, source_file=source, purpose="checked")
    assert placeholder_problems(record.source, record.target, {}) == problems
    [imported] = SrtDocument.pairs(translation, source_file=source)  # a memory's: words alone
    assert imported.source == "The ferry was late. It always is on Sundays."


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # a span a line and one span over both lines display alike: "lacks <i>, </i>" / "adds
        # <i>, </i>, which the source does not have"
        (
            "<i>Oh, the river runs so deep,</i>\n<i>and the night is long.</i>",
            "<i>Oh, der Fluss ist so tief\nund die Nacht ist lang.</i>",
            [],
        ),
        (
            "<i>Oh, the river runs so deep,\nand the night is long.</i>",
            "<i>Oh, der Fluss ist so tief</i>\n<i>und die Nacht ist lang.</i>",
            [],
        ),
        # within a cue's text too
        (
            "Listen:\n<i>the river runs so deep,</i>\n<i>and the night is long.</i>",
            "Hör zu:\n<i>der Fluss ist so tief\nund die Nacht ist lang.</i>",
            [],
        ),
        # so do <b>, <u> and <font>, which the writer wraps each line in alike (qa said "adds
        # <font color=...>, </font>" of translate's own output)
        (
            '<font color="#ffff00">We never talked about the years\nbefore the wall came down.</font>',
            '<font color="#ffff00">Wir haben nie von den Jahren gesprochen,</font>\n'
            '<font color="#ffff00">bevor die Wand herunterkam.</font>',
            [],
        ),
        (
            "<b>Oh, the river runs so deep,\nand the night is long.</b>",
            "<b>Oh, der Fluss ist so tief</b>\n<b>und die Nacht ist lang.</b>",
            [],
        ),
        (
            "<u>Oh, the river runs so deep,</u>\n<u>and the night is long.</u>",
            "<u>Oh, der Fluss ist so tief\nund die Nacht ist lang.</u>",
            [],
        ),
        # a span opened again in another colour is another span
        (
            '<font color="red">Oh, the river runs so deep,\nand the night is long.</font>',
            '<font color="red">Oh, der Fluss ist so tief</font>\n'
            '<font color="blue">und die Nacht ist lang.</font>',
            ['adds </font>, <font color="blue">, which the source does not have'],
        ),
        # all italics lost, or a line's: still found
        (
            "<i>Oh, the river runs so deep,\nand the night is long.</i>",
            "Oh, der Fluss ist so tief\nund die Nacht ist lang.",
            ["lacks <i>, </i>"],
        ),
        (
            "<i>Oh, the river runs so deep,</i>\n<i>and the night is long.</i>",
            "<i>Oh, der Fluss ist so tief</i>\nund die Nacht ist lang.",
            ["lacks <i>, </i>"],
        ),
    ],
)
def test_italics_over_a_line_break_are_one_span(
    tmp_path: Path, source: str, target: str, problems: list[str]
) -> None:
    en = f"2\n00:00:05,000 --> 00:00:08,000\n{source}\n"
    de = f"2\n00:00:05,000 --> 00:00:08,000\n{target}\n"
    translation = _write(tmp_path, de, en)
    [record] = SrtDocument.pairs(translation, source_file=tmp_path / "f.en.srt", purpose="checked")
    assert placeholder_problems(record.source, record.target, {}) == problems


def test_a_cue_is_named_by_its_time_and_line_and_a_webvtt_cue_by_its_identifier(
    tmp_path: Path,
) -> None:
    # they were "cue 248" with no line, and a WebVTT cue "intro-1" was "cue 1"
    records = list(SrtDocument.pairs(_write(tmp_path, DE), source_file=tmp_path / "f.en.srt"))
    assert [(r.position.replace(f"{tmp_path}/", ""), r.line) for r in records][-1] == (
        "f.de.srt: cues 248-249 (00:00:10,200)",
        6,  # its number's line
    )
    vtt = "WEBVTT\n\nintro-1\n00:00:01.000 --> 00:00:02.000\n{}\n"
    (tmp_path / "v.en.vtt").write_text(vtt.format("Hello."), "utf-8")
    (tmp_path / "v.de.vtt").write_text(vtt.format("Hallo."), "utf-8")
    (record,) = VttDocument.pairs(tmp_path / "v.de.vtt", source_file=tmp_path / "v.en.vtt")
    assert (record.position, record.line) == (
        f"{tmp_path / 'v.de.vtt'}: cue intro-1 (00:00:01.000)",
        3,
    )


_CARDS = (
    "5\n00:00:14,000 --> 00:00:16,500\nBERLIN, 1989\n\n"
    "6\n00:00:17,000 --> 00:00:20,500\nThe train left at 9:30 p.m.\nfrom Friedrichstraße station.\n\n"
    "13\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nFormer Border Guard\n\n"
    "14\n00:00:47,000 --> 00:00:50,000\nI'm Thomas Brandt, I was a border guard.\n"
)


def test_a_caption_is_a_pair_of_its_own_not_one_sentence_with_the_next_cue(
    tmp_path: Path,
) -> None:
    # stored as "BERLIN, 1989 The train left ..." and "THOMAS BRANDT Former Border Guard I'm
    # ...": neither the card nor the sentence matched exactly again
    de = (
        _CARDS.replace("The train left at 9:30 p.m.", "Der Zug fuhr um 21.30 Uhr")
        .replace("from Friedrichstraße station.", "vom Bahnhof Friedrichstraße ab.")
        .replace("Former Border Guard", "Ehemaliger Grenzsoldat")
        .replace(
            "I'm Thomas Brandt, I was a border guard.",
            "Ich bin Thomas Brandt,\nich war Grenzsoldat.",
        )
    )
    assert [pair[:2] for pair in _pairs(tmp_path, de, _CARDS)] == [
        ("BERLIN, 1989", "BERLIN, 1989"),
        (
            "The train left at 9:30 p.m. from Friedrichstraße station.",
            "Der Zug fuhr um 21.30 Uhr vom Bahnhof Friedrichstraße ab.",
        ),
        ("THOMAS BRANDT Former Border Guard", "THOMAS BRANDT Ehemaliger Grenzsoldat"),
        (
            "I'm Thomas Brandt, I was a border guard.",
            "Ich bin Thomas Brandt, ich war Grenzsoldat.",
        ),
    ]


def test_a_caption_given_the_next_cues_sentence_pairs_neither(tmp_path: Path) -> None:
    # the speech laid over the name tag's time: "THOMAS BRANDT Former Border Guard" =>
    # "Ich bin Thomas Brandt," was no pair to store, nor the sentence => "ich war Grenzsoldat."
    en = (
        "13\n00:00:44,000 --> 00:00:46,500\nTHOMAS BRANDT\nFormer Border Guard\n\n"
        "14\n00:00:47,000 --> 00:00:50,000\nI'm Thomas Brandt, I was a border guard.\n"
    )
    de = (
        "13\n00:00:44,000 --> 00:00:46,500\nIch bin Thomas\nBrandt,\n\n"
        "14\n00:00:47,000 --> 00:00:50,000\nich war Grenzsoldat.\n"
    )
    records = list(SrtDocument.pairs(_write(tmp_path, de, en), source_file=tmp_path / "f.en.srt"))
    assert [(r.source, r.target) for r in records] == [
        ("THOMAS BRANDT Former Border Guard", ""),
        ("I'm Thomas Brandt, I was a border guard.", ""),
    ]
    assert screen_pairs(records).skipped == {UNMATCHED_CUE: 2}
