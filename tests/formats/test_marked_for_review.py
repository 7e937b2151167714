"""What a run marked for review in an XLIFF file, counted as the tool that reads the mark shows
it: Trados segments, memoQ rows, XLIFF 1.2 units."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ltmt.formats.marked_for_review import MEMOQ, TRADOS, XLIFF_12, ReviewMarks
from ltmt.formats.pipeline import translate_file
from ltmt.formats.xliff_document import XliffDocument

SEGMENTS = (
    '<source>Shake well. Store cool.</source><seg-source><mrk mtype="seg" mid="1">Shake well.'
    '</mrk> <mrk mtype="seg" mid="2">Store cool.</mrk></seg-source>'
)
TRADOS_FILE = (
    '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.docx" '
    'datatype="x-sdlfilterframework2" source-language="en-US" target-language="de-DE"><body>'
    f'<trans-unit id="u1">{SEGMENTS}<sdl:seg-defs><sdl:seg id="1"/><sdl:seg id="2"/>'
    "</sdl:seg-defs></trans-unit></body></file></xliff>"
)
PLAIN_FILE = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
    'source-language="en" target-language="de" datatype="plaintext"><body>'
    f'<trans-unit id="1">{SEGMENTS}</trans-unit></body></file></xliff>'
)
MEMOQ_REJECTED = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">'
    '<file original="a" source-language="eng-US" target-language="ger-DE" datatype="xml"><body>'
    '<trans-unit id="1" mq:status="Rejected" mq:percent="100"><source>Save.</source>'
    '<target>SAVE.</target></trans-unit><trans-unit id="2" mq:status="Rejected" '
    'mq:percent="100"><source>Quit.</source><target>Verlassen.</target></trans-unit>'
    "</body></file></xliff>"
)


def upper(texts: list[str], _: object) -> list[str]:
    return [text.upper() for text in texts]


@pytest.mark.parametrize(
    ("name", "document", "counts", "said"),
    [
        # Trados shows its segments by their conf: two segments of one unit written Draft
        (
            "a.sdlxliff",
            TRADOS_FILE,
            (2, 2, 0),
            "2 Trados segments marked for review (Draft): a reviewer confirms them in Trados "
            "Studio; --no-fuzzy writes them Translated",
        ),
        # XLIFF's state is the unit's: one unit marked, however many segments it has
        (
            "a.xlf",
            PLAIN_FILE,
            (1, 0, 0),
            "1 unit marked for review (XLIFF needs-review-translation): a reviewer confirms it "
            "in the CAT tool; --no-fuzzy writes it unmarked",
        ),
        # a rejected row given its rejected text again is left Rejected: not counted
        (
            "a.mqxliff",
            MEMOQ_REJECTED,
            (1, 0, 1),
            "1 memoQ segment marked for review (Pretranslated): a reviewer confirms it in memoQ; "
            "--no-fuzzy writes it ManuallyConfirmed",
        ),
    ],
)
def test_the_summary_counts_what_was_marked_in_the_tools_terms(
    tmp_path: Path, name: str, document: str, counts: tuple[int, int, int], said: str
) -> None:
    """Regression trial s72 (memoQ), defect 8: a Trados file's 13 segments in 8 units were
    "13 units marked for review (XLIFF needs-review-translation)", shown as Draft in Trados,
    and two Rejected memoQ rows, one left Rejected, "2 units marked for review"."""
    (tmp_path / name).write_text(document, "utf-8")
    out = tmp_path / f"out.{name}"
    report = translate_file(tmp_path / name, out, upper).report
    marked = (
        report.units_marked_for_review,
        report.trados_segments_marked,
        report.memoq_segments_marked,
    )
    assert marked == counts
    summary = report.summary()
    assert said in summary
    assert summary.count("marked for review") == 1
    assert report.as_dict()["trados_segments_marked"] == counts[1]


def test_without_review_marks_nothing_is_counted(tmp_path: Path) -> None:
    (tmp_path / "a.sdlxliff").write_text(TRADOS_FILE, "utf-8")
    out = tmp_path / "out.sdlxliff"
    report = translate_file(tmp_path / "a.sdlxliff", out, upper, mark_fuzzy=False).report
    assert (report.units_marked_for_review, report.trados_segments_marked) == (0, 0)
    assert "marked for review" not in report.summary()
    assert out.read_text("utf-8").count('conf="Translated"') == 2


def test_a_unit_marked_again_is_counted_once_and_one_written_unmarked_not_at_all() -> None:
    marks = ReviewMarks()
    unit, other, segment = etree.Element("a"), etree.Element("b"), etree.Element("c")
    marks.set(unit, XLIFF_12, review=True)
    marks.set(unit, XLIFF_12, review=True)  # its second segment filled
    marks.set(segment, TRADOS, review=True)
    marks.set(segment, TRADOS, review=False)  # approved after all (--exact-approved)
    marks.set(other, MEMOQ, review=False)
    assert marks.counts() == {XLIFF_12: 1}


def test_a_memoq_row_filled_from_a_100_percent_match_says_100(tmp_path: Path) -> None:
    """Defect 7 of the same trial: memoQ showed ltmt's exact matches as 0 % rows; the
    model's row keeps 0 (as Trados's has no percent)."""
    path = tmp_path / "a.mqxliff"
    path.write_text(MEMOQ_REJECTED.replace('mq:status="Rejected"', 'mq:status="NotStarted"'))
    document = XliffDocument.open(path)
    document.fill({"0": "Speichern.", "1": "Beenden."}, from_memory={"0"})
    document.save(tmp_path / "out.mqxliff")
    units = etree.parse(str(tmp_path / "out.mqxliff")).getroot().iter("{*}trans-unit")
    rows = [(u.get("{MQXliff}status"), u.get("{MQXliff}percent")) for u in units]
    assert rows == [("Pretranslated", "100"), ("Pretranslated", "0")]
    assert document.review_marks.counts() == {MEMOQ: 2}
