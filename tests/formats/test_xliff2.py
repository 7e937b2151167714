"""A memory written as XLIFF 2.0: what the file holds, and every pair read back as it was."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from ltmt.formats.pairs import write_pairs
from ltmt.formats.xliff import NS_20, load_xliff, read_xliff
from ltmt.formats.xliff2 import write_xliff2
from ltmt.segments import PairRecord

NATIVE = {'<x id="2"/>': "{\\f1 }"}


@pytest.mark.parametrize(
    ("source", "target", "metadata"),
    [
        ("Open the file", "Datei öffnen", {}),
        ("  edge spaces  ", "  Randleerzeichen  ", {}),
        ("a < b & c > d", "a < b & c > d", {}),
        ("Press <b>OK</b><br/> now {0}", "Drücken Sie jetzt <b>OK</b><br/> {0}", {}),
        ('<a href="x">link</a>', '<a href="x">Link</a>', {}),
        ("<b>a <i>b</b> c</i>", "<b>A <i>B</b> C</i>", {}),  # pairs that do not nest
        ("lone <b> start", "einsam <b> Anfang", {}),
        ('Open <pc id="1">the file</pc>', '<pc id="1">Die Datei</pc> öffnen', {}),
        ('x <sc id="5"/>y<ec startRef="5"/>', 'X <sc id="5"/>Y<ec startRef="5"/>', {}),
        ('Font<x id="2"/>', 'Schrift<x id="2"/>', {"native_codes": NATIVE}),
        ("Open", "Öffnen", {"context": "menu", "note": "a note\nof two lines"}),
        ("%d file", "%d Datei", {"flags": "c-format", "plural": 0}),
        ("%d files", "%d Dateien", {"plural": 1, "plural_of": "%d file"}),
        ("Save", "Speichern", {"state": "final"}),
        ("Close", "Schließen", {"state": "reviewed"}),
    ],
)
def test_a_pair_is_read_back_as_written(
    tmp_path: Path, source: str, target: str, metadata: dict[str, Any]
) -> None:
    path = tmp_path / "m.xlf"
    assert write_xliff2(path, [PairRecord(source, target, "", metadata)]) == 1
    assert load_xliff(path)[1] == 2
    [back] = read_xliff(path)
    assert (back.source, back.target) == (source, target)
    expected = {"state": "translated", **metadata}
    assert {key: back.metadata[key] for key in expected} == expected


def test_codes_are_2_0_codes_with_their_original_data(tmp_path: Path) -> None:
    path = tmp_path / "m.xlf"
    record = PairRecord("Press <b>OK</b><br/>", "<b>OK</b> drücken<br/>", "", {"approved": "yes"})
    write_xliff2(path, [record], src_lang="en-US", tgt_lang="de-DE")
    root = load_xliff(path)[0].getroot()
    assert (root.get("srcLang"), root.get("trgLang")) == ("en-US", "de-DE")
    unit = root.find(f".//{{{NS_20}}}unit")
    data = {d.get("id"): d.text for d in unit.iterfind(f"{{{NS_20}}}originalData/{{{NS_20}}}data")}
    assert data == {"d1": "<b>", "d2": "</b>", "d3": "<br/>"}
    segment = unit.find(f"{{{NS_20}}}segment")
    assert segment.get("state") == "final"  # signed off
    for side in ("source", "target"):
        pc = segment.find(f"{{{NS_20}}}{side}/{{{NS_20}}}pc")
        ph = segment.find(f"{{{NS_20}}}{side}/{{{NS_20}}}ph")
        assert (pc.get("id"), pc.get("dataRefStart"), pc.get("dataRefEnd"), pc.text) == (
            "1",
            "d1",
            "d2",
            "OK",
        )
        assert (ph.get("id"), ph.get("dataRef")) == ("2", "d3")


def test_a_1_2_code_is_written_as_its_2_0_kind(tmp_path: Path) -> None:
    path = tmp_path / "m.xlf"
    source = '<g id="1">a</g> <bx id="3"/>b<ex id="3"/> <x id="4"/>'
    write_xliff2(path, [PairRecord(source, source, "", {})])
    [back] = read_xliff(path)
    assert back.source == '<pc id="1">a</pc> <sc id="3"/>b<ec startRef="3"/> <x id="4"/>'


def test_unit_ids_are_unique_nmtokens(tmp_path: Path) -> None:
    path = tmp_path / "m.xlf"
    records = [
        PairRecord("a", "A", "", {"id": "greeting"}),
        PairRecord("b", "B", "", {"id": "greeting"}),  # taken
        PairRecord("c", "C", "", {"id": "one two"}),  # a 2.0 id has no space
    ]
    write_xliff2(path, records)
    assert [r.metadata["id"] for r in read_xliff(path)] == ["greeting", "2", "3"]


def test_a_pair_xml_cannot_hold_is_left_out_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "m.xlf"
    records = [PairRecord("bell\x07", "Glocke\x07", "m.tsv:1", {}), PairRecord("a", "A", "", {})]
    with caplog.at_level(logging.WARNING):
        assert write_pairs(path, records, "xliff2") == 1
    assert "m.tsv:1" in caplog.text
    assert [r.source for r in read_xliff(path)] == ["a"]
