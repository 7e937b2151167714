"""The TMX and XLIFF memory writers write their units as a stream: the bytes the whole tree
gave before (files written by the writers that built it, under ``data/memory_export``), one
unit held at a time, and nothing left behind where the records fail midway."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from lxml import etree

from ltmt import __version__
from ltmt.formats.tmx import write_tmx
from ltmt.formats.xliff import write_xliff
from ltmt.formats.xliff2 import write_xliff2
from ltmt.formats.xml_stream import UnitFrame, write_units
from ltmt.segments import PairRecord

DATA = Path(__file__).parent / "data" / "memory_export"
Writer = Callable[[Path, Iterable[PairRecord]], int]
WRITERS = [
    (write_tmx, "memory.tmx"),
    (write_xliff, "memory.xlf"),
    (write_xliff2, "memory-2.0.xlf"),
]
# codes, metadata of every kind each writer writes, a duplicate id, a pair left out
RECORDS = [
    PairRecord(
        "Click <b>here</b> to open %s.",
        "Klicken Sie <b>hier</b>, um %s zu öffnen.",
        metadata={"id": "7", "note": "a note", "domain": "ui", "changedate": "20240601T100000Z"},
    ),
    PairRecord(
        'Line<br/>break & "quotes" <i>open',
        "Zeile<br/>umbruch & „Anführung“ <i>offen",
        metadata={
            "id": "7",
            "context": "menu",
            "plural": 1,
            "plural_of": "files",
            "flags": "c-format",
        },
    ),
    PairRecord(
        " edge spaces ", " Randleerzeichen ", metadata={"state": "final", "approved": "yes"}
    ),
    PairRecord("bell\x07", "x", position="segment 4"),
    PairRecord(
        'A <g id="1">bold</g> and <x id="2"/>',
        'Ein <g id="1">fett</g> und <x id="2"/>',
        metadata={"native_codes": {"2": "{\\f1 }"}, "id": "dup id", "state": "reviewed"},
    ),
    PairRecord("Save", "Speichern", metadata={"creationid": "me", "usagecount": "3"}),
]


@pytest.mark.parametrize(("write", "name"), WRITERS)
def test_writes_the_bytes_the_whole_tree_gave(tmp_path: Path, write: Writer, name: str) -> None:
    assert write(tmp_path / name, RECORDS) == 5
    expected = (DATA / name).read_bytes().replace(b'"0.1.0"', f'"{__version__}"'.encode())
    assert (tmp_path / name).read_bytes() == expected


@pytest.mark.parametrize(("write", "name"), WRITERS)
def test_writes_a_file_of_no_units_for_no_records(tmp_path: Path, write: Writer, name: str) -> None:
    assert write(tmp_path / name, []) == 0
    root = etree.parse(str(tmp_path / name)).getroot()
    assert not list(root.iter("{*}tu", "{*}trans-unit", "{*}unit"))


def _peak_bytes(write: Writer, path: Path, count: int) -> int:
    records = (PairRecord(f"Open file {n}.", f"Datei {n} öffnen.") for n in range(count))
    tracemalloc.start()
    try:
        write(path, records)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("write", "name"), WRITERS)
def test_holds_one_unit_at_a_time(tmp_path: Path, write: Writer, name: str) -> None:
    _peak_bytes(write, tmp_path / name, 10)  # imports and caches, once
    small = _peak_bytes(write, tmp_path / name, 100)
    large = _peak_bytes(write, tmp_path / name, 1000)
    # an XLIFF writer keeps the ids it gave (they must be unique), ~120 bytes a unit; the
    # writers that built a tree of all units held 800 to 1,300 (in Python objects alone)
    assert (large - small) / 900 < 300


@pytest.mark.parametrize(("write", "name"), WRITERS)
def test_a_failure_midway_leaves_the_old_file(tmp_path: Path, write: Writer, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"old")

    def failing() -> Iterator[PairRecord]:
        yield PairRecord("Save", "Speichern")
        raise OSError("store unreadable")

    with pytest.raises(OSError, match="store unreadable"):
        write(path, failing())
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_unit_loses_the_namespaces_its_root_declares(tmp_path: Path) -> None:
    root = etree.Element("{urn:x}doc", nsmap={None: "urn:x", "m": "urn:m"})
    body = etree.SubElement(root, "{urn:x}body")

    def serialize() -> bytes:
        etree.indent(root)
        return etree.tostring(root)

    frame = UnitFrame.around(body, "{urn:x}unit", serialize)
    unit = etree.SubElement(body, "{urn:x}unit", id="1")
    etree.SubElement(unit, "{urn:m}meta").text = 'xmlns="urn:x"'
    written = frame.unit(unit)
    body.remove(unit)
    write_units(tmp_path / "doc.xml", frame, [written, written])
    assert (tmp_path / "doc.xml").read_bytes() == (
        b'<doc xmlns="urn:x" xmlns:m="urn:m">\n  <body>\n'
        b'    <unit id="1"><m:meta>xmlns="urn:x"</m:meta></unit>\n'
        b'    <unit id="1"><m:meta>xmlns="urn:x"</m:meta></unit>\n'
        b"  </body>\n</doc>"
    )
