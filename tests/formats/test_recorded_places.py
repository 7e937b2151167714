"""Lining up a document's blocks with its existing output's by the sources ltmt wrote them for."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import pytest

from ltmt.errors import UnalignedTranslationError
from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import Record
from ltmt.formats.recorded_places import (
    lined_up_by_texts,
    lined_up_places,
    places_recorded,
    recorded_sources,
    refuse_added_blocks,
    surely_lined_up,
    warn_of_replaced,
    warn_of_unplaced,
)


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ("abc", "abc", [(0, 0), (1, 1), (2, 2)]),  # as written
        ("axbc", "abc", [(0, 0), (2, 1), (3, 2)]),  # x inserted: b and c keep theirs
        ("ac", "abc", [(0, 0), (1, 2)]),  # b removed
        ("adc", "abc", [(0, 0), (1, 1), (2, 2)]),  # b changed into d: by place
        ("adec", "abc", [(0, 0), (3, 2)]),  # b replaced by two: neither lines up
        ("aDc", "abc", [(0, 0), (2, 2)]),  # b changed into another kind (upper case here)
    ],
)
def test_places_line_up_by_what_they_stand_for(
    ours: str, theirs: str, expected: list[tuple[int, int]]
) -> None:
    def alike(i: int, j: int) -> bool:  # of the same kind: upper or lower case
        return ours[i].isupper() == theirs[j].isupper()

    assert lined_up_places(list(ours), list(theirs), alike) == expected


def test_an_output_block_the_record_holds_nothing_of_stands_for_none() -> None:
    record = Record.of([(Unit("block0", "Hi."), "Hallo.")], b"k")
    ours, theirs = recorded_sources(record, ["Hi.", "Bye."], ["block0", "block1"])
    assert ours == [record.digest("Hi."), record.digest("Bye.")]
    assert theirs[0] == ours[0] and theirs[1] not in ours


def test_only_edited_translations_dropped_are_warned_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    written = [(Unit("block0", "Hi."), "Hallo."), (Unit("block1", "Bye."), "Bye.")]
    record = Record.of(written, b"k")
    dropped = [("block0", "HALLO!"), ("block1", "Bye."), ("block2", "Hallo.")]
    with caplog.at_level(logging.WARNING):
        assert warn_of_replaced(tmp_path / "de.md", record, dropped) == 1
    assert "1 edited translation replaced (block0)" in caplog.text


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ("abc", "abc", [(0, 0), (1, 1), (2, 2)]),  # as written
        ("axbc", "abc", [(0, 0), (2, 1), (3, 2)]),  # x inserted among others: no guess
        ("adc", "abc", [(0, 0), (1, 1), (2, 2)]),  # b changed into d: by place
        ("pllllq", "plllq", [(0, 0), (5, 4)]),  # an l inserted among l's: which one?
        ("plllq", "pllllq", [(0, 0), (4, 5)]),  # an l removed from among l's
        ("ppphpq", "pppq", [(0, 0), (1, 1), (5, 3)]),  # "hp" or "ph" inserted: the third p?
        ("hphphp", "hphp", []),  # a pair of each inserted anywhere
        ("pllXYlq", "pllZlq", [(0, 0), (1, 1), (2, 2), (5, 4), (6, 5)]),  # replaced: as before
        ("l", "", []),
    ],
)
def test_places_line_up_surely_only_where_no_inserted_block_could_stand_instead(
    ours: str, theirs: str, expected: list[tuple[int, int]]
) -> None:
    def alike(i: int, j: int) -> bool:
        return ours[i].isupper() == theirs[j].isupper()

    assert surely_lined_up(list(ours), list(theirs), alike) == expected


def test_a_long_run_of_blocks_alike_is_lined_up_without_slowing_down() -> None:
    ours = ["li"] * 600 + ["p"] + ["li"] * 600  # one inserted into each run: none is sure
    theirs = ["li"] * 599 + ["p"] + ["li"] * 599
    started = time.perf_counter()
    assert surely_lined_up(ours, theirs, lambda i, j: True) == [(600, 599)]
    assert time.perf_counter() - started < 10


KEY = re.compile(r"text\d+")
WRITTEN = [(Unit("text0", "Hi."), "Hallo."), (Unit("text1", "Bye."), "Tschüss.")]


@pytest.mark.parametrize(
    ("theirs", "ours", "expected"),
    [
        ([("text0", "Hallo."), ("text1", "Tschüss.")], 2, True),  # as written
        ([("text0", "Servus."), ("text1", "Ciao.")], 2, True),  # edited in place
        ([("text0", "Servus.")], 3, False),  # a block fewer: an earlier output's copy
        ([("text0", "Hallo."), ("text1", "Ciao."), ("text2", "Neu.")], 3, True),  # pasted in both
        ([("text0", "Hallo."), ("text1", "Ciao."), ("text2", "Neu.")], 2, False),  # one more
        ([("text0", "Tschüss."), ("text1", "Ciao.")], 2, False),  # ltmt's text of text1 moved
    ],
)
def test_the_records_places_are_the_files_only_where_its_blocks_are_those_written(
    theirs: list[tuple[str, str]], ours: int, expected: bool
) -> None:
    record = Record.of(WRITTEN, b"k")
    assert places_recorded(record, theirs, ours, KEY) is expected


def test_blocks_line_up_by_the_sources_their_texts_were_written_for_and_else_by_shape() -> None:
    """A reviewed copy of an earlier output: "Tschüss." is ltmt's German of "Bye.", so the
    block inserted before it is the new one; the reviewer's "Servus." stands for "Hi.", the
    heading."""
    record = Record.of(WRITTEN, b"k")
    sources = ["Hi.", "New.", "Bye."]
    shapes = ["h1", "p", "p"], ["h1", "p"]
    places = lined_up_by_texts(record, sources, ["Servus.", "Tschüss."], shapes, lambda i, j: True)
    assert places == [(0, 0), (2, 1)]
    # without a record, which of the two paragraphs "Tschüss." stands for cannot be told
    texts = ["Servus.", "Tschüss."]
    assert lined_up_by_texts(None, sources, texts, shapes, lambda i, j: True) == [(0, 0)]


def test_blocks_not_matched_are_named_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert warn_of_unplaced(tmp_path / "de.html", tmp_path / "en.html", [], False) == 0
        assert warn_of_unplaced(tmp_path / "de.html", tmp_path / "en.html", ["text2"], False) == 1
    assert caplog.messages == [
        f"{tmp_path / 'de.html'}: 1 block of it (text2) matched none of {tmp_path / 'en.html'}'s: "
        "blocks were inserted or removed there since, and no record of what ltmt wrote there "
        "tells which English each German was for, so its translation was not kept and the "
        "English is translated again rather than guessed by place; compare with a copy of the "
        "file to keep reviewed text"
    ]


@pytest.mark.parametrize(
    ("blocks", "written", "ours", "added"),
    [
        (5, 5, 5, 0),  # as written
        (6, 5, 5, 1),  # a note added by hand
        (7, 5, 5, 2),
        (6, 5, 6, 0),  # pasted into both files
        (6, 6, 5, 0),  # a paragraph removed from the source since
        (4, 4, 5, 0),  # a reviewed copy of an earlier delivery, a block fewer
    ],
)
def test_a_block_is_refused_only_beyond_the_source_s_and_those_ltmt_wrote(
    blocks: int, written: int, ours: int, added: int
) -> None:
    """Refused (the message pinned) where the output has more blocks than both; else not."""
    if not added:  # nothing raised: the rerun goes on
        assert refuse_added_blocks("de.html", Path("en.html"), blocks, written, ours) is None
        return
    with pytest.raises(
        UnalignedTranslationError,
        match=rf"^de\.html: it has {added} blocks? that en\.html lacks \({blocks} blocks, {ours} in "
        rf"the source, ltmt wrote {written} there: added by hand\?\), and a rerun would drop or "
        r"shift blocks, so nothing was written; add the English of the added blocks to "
        r"en\.html, or take them out and put them back after the run, or give --overwrite to "
        r"translate it afresh$",
    ):
        refuse_added_blocks("de.html", Path("en.html"), blocks, written, ours)
