"""A run's per-segment report (:mod:`ltmt.formats.segments_report`): each unit of a document
told with its location, how it was made and the memory segment it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from ltmt.errors import InputError
from ltmt.formats.pipeline import translate_file
from ltmt.formats.segments_report import segment_record, write_segments_report
from ltmt.segments import Match, Segment, Translation

MEMORY = Segment(7, "ifu", "Store the device dry.", "Gerät trocken lagern.", 0.0, "IFU_2025.tmx")
DECODED = {  # source -> (target, method, best match's score or None)
    "Store the device dry.": ("Gerät trocken lagern.", "exact", 100.0),
    "Store the sensor dry.": ("Sensor trocken lagern.", "knn-trained", 86.0),
    "Warm the gel pack.": ("Das Gelpaket erwärmen.", "model", None),
}


def _translate(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
    out = []
    for text in texts:
        target, method, score = DECODED[text]
        matches = (Match(MEMORY, score),) if score is not None else ()
        out.append(Translation(text, target, matches=matches, method=method))
    return out


def test_each_paragraph_of_a_document_is_told_with_its_method_and_memory(tmp_path: Path) -> None:
    made = docx.Document()
    made.core_properties.comments = ""
    for source in DECODED:
        made.add_paragraph(source)
    made.save(tmp_path / "IFU.docx")
    records: list[dict[str, Any]] = []
    translate_file(
        tmp_path / "IFU.docx",
        tmp_path / "IFU.de.docx",
        _translate,
        src_lang="en",
        tgt_lang="de",
        segments=lambda outcome, written, location: records.append(
            segment_record(outcome, written, location)
        ),
    )
    told = [
        (r["location"], r["target"], r["method"], r["decoder"], r["match_score"], r["memory_id"],
         r["memory_origin"], r["written"])
        for r in records
    ]  # fmt: skip
    assert told == [
        ("word/document.xml#p0", "Gerät trocken lagern.", "exact", "exact", 100.0, 7,
         "IFU_2025.tmx", True),
        ("word/document.xml#p1", "Sensor trocken lagern.", "fuzzy", "knn-trained", 86.0, 7,
         "IFU_2025.tmx", True),
        ("word/document.xml#p2", "Das Gelpaket erwärmen.", "model", "model", None, None, None,
         True),
    ]  # fmt: skip


def _echo(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
    return [Translation(text, text.upper(), method="model") for text in texts]


@pytest.mark.parametrize(
    ("name", "text", "locations"),
    [
        # they were "0", "2" and "3": the cue group's and the line's index
        (
            "ep.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nGood morning.\n\n"
            "3\n00:00:04,200 --> 00:00:06,000\n- Where is he?\n- Outside.\n\n"
            "4\n00:00:07,000 --> 00:00:08,000\nI'll call\n\n"
            "5\n00:00:08,200 --> 00:00:09,000\nthe police.\n",
            [
                "cue 1 (00:00:01,000)",
                "cue 3 (00:00:04,200)",
                "cue 3 (00:00:04,200)",
                "cues 4-5 (00:00:07,000)",
            ],
        ),
        ("police.txt", "I'll call the police.\n\nIn the next 10 minutes,\n", ["line 1", "line 3"]),
        # an XLIFF unit's source line, as qa names it (trial s73: "1", its place among units)
        (
            "shop.de-DE.xlf",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
            '<file original="cart.tpl" source-language="en" target-language="de" '
            'datatype="plaintext"><body>\n'
            '<trans-unit id="879f"><source>Your cart is empty.</source>\n'
            "<target>Ihr Warenkorb ist leer.</target></trans-unit>\n"
            '<trans-unit id="2d0f">\n<source>Add to cart</source><target/></trans-unit>\n'
            '<trans-unit id="3a1c">\n<source>Checkout</source></trans-unit>\n'
            "</body></file></xliff>\n",
            ["line 7", "line 9"],
        ),
        (
            "app.xlf",
            '<?xml version="1.0"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
            'trgLang="de"><file id="f">\n<unit id="u1"><segment><source>Save</source></segment>\n'
            "<segment>\n<source>Quit</source></segment></unit></file></xliff>\n",
            ["line 3", "line 5"],
        ),
    ],
)
def test_a_subtitle_cue_a_text_line_and_an_xliff_unit_are_located_as_qa_names_them(
    tmp_path: Path, name: str, text: str, locations: list[str]
) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    records: list[dict[str, Any]] = []
    translate_file(
        tmp_path / name,
        tmp_path / f"out.{name}",
        _echo,
        src_lang="en",
        tgt_lang="de",
        segments=lambda outcome, written, location: records.append(
            segment_record(outcome, written, location)
        ),
    )
    assert [r["location"] for r in records] == locations


def test_a_report_is_json_lines_and_a_folder_it_cannot_be_written_to_is_said(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.jsonl"
    write_segments_report(path, [{"source": "Größe", "method": "model"}])
    assert [json.loads(line) for line in path.read_text("utf-8").splitlines()] == [
        {"source": "Größe", "method": "model"}
    ]
    missing = tmp_path / "no" / "s.jsonl"
    with pytest.raises(
        InputError,
        match=r"cannot write the segments report .*s\.jsonl: No such file or directory \(give "
        r"--segments-report a file in a folder you can write to\)",
    ):
        write_segments_report(missing, [])


def test_a_tagged_unit_reused_from_its_text_names_the_match_it_reused(tmp_path: Path) -> None:
    # it told 27.3 and id 5: the best match of the block as written, which made nothing
    save = Segment(3, "ds-team", "Save", "Speichern", 0.0, "common.json")
    items = Segment(5, "ds-team", "{{count}} item selected", "x", 0.0, "common.json")
    block = '<Button variant="primary" aria-label="Close dialog">Save</Button>'

    def translate(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        told = {
            "Save": Translation("Save", "Speichern", matches=(Match(save, 100.0),), method="exact"),
            "Close dialog": Translation("Close dialog", "Dialog schließen", method="model"),
        }
        return [
            told.get(text) or Translation(text, text, matches=(Match(items, 27.3),), method="model")
            for text in texts
        ]

    (tmp_path / "Exact.mdx").write_text(block + "\n", "utf-8")
    records: list[dict[str, Any]] = []
    translate_file(
        tmp_path / "Exact.mdx",
        tmp_path / "Exact.de.mdx",
        translate,
        src_lang="en",
        tgt_lang="de",
        segments=lambda outcome, written, location: records.append(
            segment_record(outcome, written, location)
        ),
    )
    told = [(r["source"], r["method"], r["match_score"], r["memory_id"]) for r in records]
    assert told[0] == (block, "exact", 100.0, 3)


def test_a_100_percent_match_lacking_a_named_field_is_told_as_repaired(tmp_path: Path) -> None:
    """A reviewer's typo (``%discount`` for Symfony's ``%discount%``) is repaired, not approved:
    the report no longer calls it ``exact``, which a script would approve."""
    stored = Segment(4, "shop", "Save %discount%", "Sie sparen %discount", 0.0, "shop.tmx")
    kept = Segment(5, "shop", "Checkout", "Zur Kasse", 0.0, "shop.tmx")

    def reuse(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        segments = {s.source: s for s in (stored, kept)}
        return [
            Translation(t, segments[t].target, matches=(Match(segments[t], 100.0),), method="exact")
            for t in texts
        ]

    (tmp_path / "shop.txt").write_text("Save %discount%\nCheckout\n", encoding="utf-8")
    records: list[dict[str, Any]] = []
    translate_file(
        tmp_path / "shop.txt",
        tmp_path / "shop.de.txt",
        reuse,
        src_lang="en",
        tgt_lang="de",
        segments=lambda outcome, written, location: records.append(
            segment_record(outcome, written, location)
        ),
    )
    told = [
        (r["target"], r["method"], r["decoder"], r["match_score"], r["memory_id"]) for r in records
    ]
    assert told == [
        ("Sie sparen %discount%", "exact-repaired", "exact-repaired", 100.0, 4),
        ("Zur Kasse", "exact", "exact", 100.0, 5),
    ]
