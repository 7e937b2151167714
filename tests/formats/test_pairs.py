"""Pair files: the jsonl and tsv readers/writers, the registries, and every bad-input path."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.pairs import drain, pair_format, read_pairs, read_translations, write_pairs
from ltmt.segments import PairRecord

RECORDS = [
    PairRecord("Open the file", "Datei öffnen", metadata={"user": "git"}),
    PairRecord("Adding group `%s' ...\n", "Lege Gruppe »%s« an …\n"),
]


def test_pair_format_from_the_registry() -> None:
    assert pair_format(Path("a.JSONL")) == "jsonl"
    assert pair_format(Path("a.xlf")) == "xliff" and pair_format(Path("a.pot")) == "po"
    assert pair_format(Path("a.txt"), "TSV") == "tsv"


def test_jsonl_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "memory.jsonl"
    assert write_pairs(path, RECORDS) == 2
    records = list(read_pairs(path))
    assert [(r.source, r.target, dict(r.metadata)) for r in records] == [
        (r.source, r.target, dict(r.metadata)) for r in RECORDS
    ]
    assert [r.position for r in records] == ["memory.jsonl:1", "memory.jsonl:2"]


def test_a_stored_segments_jsonl_line_says_its_id_origin_and_creation_apart_from_metadata(
    tmp_path: Path,
) -> None:
    """A memory export's lines had neither ids nor origins, so an undo of an import could not
    be scripted; they go under ``ltmt_segment``, apart from a TMX tuid's ``id`` and a user's own
    ``segment``, and reading them back leaves them out of the metadata (an import of an export
    stores the pairs as they were)."""
    import json

    from ltmt.segments import Segment

    metadata = {"id": "tu-3", "segment": {"file": "manual.docx", "paragraph": 12}}
    segment = Segment(7, "u", "Open", "Öffnen", 1700000000.5, "acme.tmx", metadata)
    path = tmp_path / "export.jsonl"
    write_pairs(path, [PairRecord.of_segment(segment), RECORDS[0]])
    first, second = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert first == {
        "source": "Open",
        "target": "Öffnen",
        **metadata,
        "ltmt_segment": {"id": 7, "origin": "acme.tmx", "created": 1700000000.5},
    }
    assert "ltmt_segment" not in second  # a pair read from a file has no stored segment
    assert [dict(r.metadata) for r in read_pairs(path)] == [metadata, {"user": "git"}]


@pytest.mark.parametrize(
    "extra",
    [
        {"segment": "intro-1"},
        {"segment": {"file": "manual.docx", "paragraph": 12}},
        {"segment": {"id": 1, "origin": "seg.jsonl", "created": 1.0}},
        {"ltmt_segment": "intro-1"},
        {"ltmt_segment": {"id": 1, "paragraph": 12}},
    ],
)
def test_a_jsonl_users_segment_metadata_round_trips(tmp_path: Path, extra: dict) -> None:
    """A user's ``segment`` key (any value) and an ``ltmt_segment`` that is no export's record
    of a stored segment are metadata: the export wrote its record over the first and the
    reader dropped any object under ``segment``."""
    import json

    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"source": "Open", "target": "Öffnen", **extra}) + "\n", "utf-8")
    [record] = read_pairs(path)
    assert record.metadata == extra
    copy = tmp_path / "copy.jsonl"
    write_pairs(copy, [record])
    [again] = read_pairs(copy)
    assert again.metadata == extra


def test_tsv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    write_pairs(path, RECORDS[:1])
    assert path.read_text("utf-8") == "Open the file\tDatei öffnen\n"
    [record] = read_pairs(path)
    assert (record.source, record.target, record.position) == (
        "Open the file",
        "Datei öffnen",
        "memory.tsv:1",
    )


def test_bom_crlf_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_bytes("\ufeffa\tb\r\n\r\n  \nc\td\r\n".encode())
    assert [(r.source, r.target) for r in read_pairs(path)] == [("a", "b"), ("c", "d")]


BAD_FILES = [
    # (name, bytes, message)
    ("data.jsonl", b"", r"data.jsonl: no segments found \(an empty file, or no translated entries"),
    (
        "data.tsv",
        b"\n \n",
        r"data.tsv: no segments found \(an empty file, or no translated entries",
    ),
    (
        "data.jsonl",
        b'{"source": "a", "target": "b"}\n{"source": "a"}\n',
        r"data.jsonl:2: expected a JSON object with string 'source' and 'target'$",
    ),
    ("data.jsonl", b'["a", "b"]\n', r"data.jsonl:1: expected a JSON object with string 'source'"),
    ("data.jsonl", b'{"source": 1, "target": "b"}\n', r"data.jsonl:1: expected a JSON object"),
    (
        "data.jsonl",
        b'{"source": "a", "target": "b"\n',
        r"data.jsonl:1:30: not valid JSON \(Expecting .,. delimiter\)$",
    ),
    (  # json's message ends "starting at": its column is said
        "data.jsonl",
        b'{"source": "a", "target": "b\n',
        r"data.jsonl:1:27: not valid JSON \(Unterminated string starting at column 27\)$",
    ),
    (
        "data.jsonl",
        b'{"source": "a", "target": "b"}\n{"source": "\xff"}\n',
        r"data.jsonl:2:13: byte 0xff is not valid UTF-8",
    ),
    (
        "data.tsv",
        b"a\tb\nonly one field\n",
        r"data.tsv:2: expected source<TAB>target, found 1 field\(s\)",
    ),
    ("data.tsv", b"a\tb\tc\n", r"data.tsv:1: expected source<TAB>target, found 3 field\(s\)"),
    (
        "data.tsv",
        b"ok\tgut\n\xc3\x28\tx\n",
        r"data.tsv:2:1: byte 0xc3 is not valid UTF-8; it looks like Windows-1252: convert it: "
        r"iconv -f CP1252 -t UTF-8 \S*data\.tsv > \S*data-utf8\.tsv$",
    ),
    (  # the column in characters, as json's are: "Öl" is two, not three
        "data.tsv",
        "Öl\t".encode() + b"\xff\n",
        r"data.tsv:1:4: byte 0xff is not valid UTF-8; the rest is UTF-8: fix or remove that byte",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        list(read_pairs(path))


SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n"


@pytest.mark.parametrize(
    ("translation", "source", "message"),
    [
        (
            ("video.de.srt", SRT),
            ("video.vtt", VTT),
            r"^\S*video.de.srt \(SubRip subtitles\) and its source file \S*video.vtt \(WebVTT "
            r"subtitles\) are of different formats; give a source file of the translation's "
            r"format \(.srt\)$",
        ),
        (
            ("video.de.vtt", VTT),
            ("video.srt", SRT),
            r"video.de.vtt \(WebVTT subtitles\) and its source file \S*video.srt \(SubRip "
            r"subtitles\) are of different formats; .* \(.vtt\)$",
        ),
    ],
)
def test_a_source_file_of_another_format_is_refused_as_such(
    tmp_path: Path, translation: tuple[str, str], source: tuple[str, str], message: str
) -> None:
    """Each was read as the translation's format, which said the source was misnamed:
    ``video.vtt: a WebVTT file, not SubRip; rename it .vtt``."""
    for name, text in (translation, source):
        (tmp_path / name).write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        read_translations(tmp_path / translation[0], source_file=tmp_path / source[0])


def test_missing_file_and_unknown_formats(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope.jsonl: file not found"):
        read_pairs(tmp_path / "nope.jsonl")
    (tmp_path / "broken.tsv").symlink_to("moved.tsv")  # was "file not found" too
    with pytest.raises(InputError, match=r"broken\.tsv is a link to moved\.tsv, which does not"):
        read_pairs(tmp_path / "broken.tsv")
    (tmp_path / "dir.tsv").mkdir()
    with pytest.raises(InputError, match=r"dir\.tsv is a directory; give a file$"):
        read_pairs(tmp_path / "dir.tsv")
    with pytest.raises(
        InputError,
        match=r"data.numbers: cannot tell the format from the extension '.numbers'; pass --format \(txt, paragraphs, jsonl, tsv",
    ):
        read_pairs(tmp_path / "data.numbers")
    with pytest.raises(
        InputError,
        match=r"unknown format 'numbers'; choose one of txt, paragraphs, jsonl, tsv, csv, tmx, po, xliff, xliff2, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json$",
    ):
        read_pairs(tmp_path / "data.tsv", "numbers")


def test_tsv_writer_refuses_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    with pytest.raises(
        InputError,
        match=r"out.tsv: cannot write record 2 as TSV: it holds a tab or a line break; use jsonl",
    ):
        write_pairs(path, RECORDS)
    assert not path.exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == []


def test_a_tsv_header_line_is_not_a_pair(tmp_path: Path) -> None:
    path = tmp_path / "sheet.tsv"
    path.write_text("Source\tTarget\nOpen\tÖffnen\nsource\ttarget\n", "utf-8")
    # only the first line is a header; the same words later are a pair like any other
    assert [(r.source, r.target) for r in read_pairs(path)] == [
        ("Open", "Öffnen"),
        ("source", "target"),
    ]


def test_drain_hands_records_on_in_order_and_lets_go_of_each() -> None:
    records = [PairRecord(f"source {n}", f"Quelle {n}") for n in range(3)]
    expected = list(records)
    drained = drain(records)
    assert next(drained) is expected[0]
    assert len(records) == 2 and expected[0] not in records  # the first one let go of
    assert [expected[0], *drained] == expected
    assert records == []


def test_a_jsonl_files_machine_translations_are_read_when_unreviewed_ones_are(
    tmp_path: Path,
) -> None:
    """``ltmt translate`` writes a JSONL file's translations under ``translation``: a memory
    import reads the reviewed ``target`` alone, a check (``ltmt qa``) the translation."""
    from ltmt.formats.pairs import read_translations

    path = tmp_path / "out.jsonl"
    path.write_text(
        '{"source": "Save", "target": "Speichern", "translation": "Sichern"}\n'
        '{"source": "Open", "translation": "Öffnen"}\n',
        "utf-8",
    )
    with pytest.raises(InputError, match=r"out.jsonl:2: expected a JSON object with string "):
        list(read_pairs(path))
    records = list(read_translations(path, include_fuzzy=True))
    assert [(r.source, r.target, dict(r.metadata)) for r in records] == [
        ("Save", "Sichern", {"target": "Speichern"}),
        ("Open", "Öffnen", {}),
    ]


def test_a_pipe_is_not_taken_for_a_missing_file() -> None:
    """(``memory import <(cat tm.jsonl)`` said only 'not a file')"""
    with pytest.raises(InputError, match=r"^/dev/null: not a regular file \(a pipe\?\); give - "):
        read_pairs(Path("/dev/null"), "jsonl")


@pytest.mark.parametrize(
    "header",
    [
        "EN\tDE",
        "en\tde",
        "English\tGerman",
        "Englisch\tDeutsch",
        "\ufeffEN\tDE\r",  # a spreadsheet's export: byte order mark and CRLF
        "Source (EN)\tTarget (DE)",
    ],
)
def test_a_tsv_header_naming_the_pairs_languages_is_not_a_pair(tmp_path: Path, header: str) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text(f"{header}\nOpen\tÖffnen\n", "utf-8", newline="")
    assert [(r.source, r.target) for r in read_pairs(path)] == [("Open", "Öffnen")]


def test_a_tsv_header_naming_the_target_first_swaps_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text("de\ten\nÖffnen\tOpen\n", "utf-8")
    pairs = read_translations(path, src_lang="en", tgt_lang="de")
    assert [(r.source, r.target) for r in pairs] == [("Open", "Öffnen")]


@pytest.mark.parametrize("first", ["Yes\tJa", "FR\tDE", "English\tEnglisch", "Source\tQuelle"])
def test_a_first_tsv_line_naming_no_column_of_the_pair_is_a_pair(
    tmp_path: Path, first: str
) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text(f"{first}\nOpen\tÖffnen\n", "utf-8")
    pairs = read_translations(path, src_lang="en", tgt_lang="de")
    assert [r.source for r in pairs] == [first.split("\t")[0], "Open"]


def test_a_tsv_header_with_a_note_column_reads_source_and_target(tmp_path: Path) -> None:
    path = tmp_path / "deepl.tsv"
    path.write_text("source\ttarget\tnote\nOpen\tÖffnen\tfrom DeepL\nClose\tSchließen\n", "utf-8")
    # the note is dropped, as a CSV table's other columns are; a row may leave it out
    assert [(r.source, r.target) for r in read_pairs(path)] == [
        ("Open", "Öffnen"),
        ("Close", "Schließen"),
    ]


def test_a_tsv_row_with_more_fields_than_its_header_names_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text("source\ttarget\nOpen\tÖffnen\tfrom DeepL\n", "utf-8")
    with pytest.raises(
        InputError,
        match=r"m.tsv:2: expected the header's 2 fields \(source<TAB>target\), found 3 field",
    ):
        list(read_pairs(path))


def test_a_missing_file_of_an_unknown_extension_is_said_missing(tmp_path: Path) -> None:
    """``project_save.tmxx`` (a typo) was "cannot tell the format from the extension"."""
    with pytest.raises(InputError, match=r"project_save.tmxx: file not found$"):
        read_translations(tmp_path / "project_save.tmxx")


def test_a_docbook_source_file_is_named_docbook_not_android(tmp_path: Path) -> None:
    """qa of a page translated from a DocBook manual.xml said its source was "Android string
    resources", of another format."""
    source, translated = tmp_path / "manual.xml", tmp_path / "manual.de.xml"
    book = '<book xmlns="http://docbook.org/ns/docbook"><para>Open it.</para></book>\n'
    source.write_text(book, "utf-8")
    translated.write_text('<resources><string name="a">Öffnen</string></resources>\n', "utf-8")
    with pytest.raises(InputError, match=r"manual\.xml: ltmt reads no DocBook; check the PO"):
        read_translations(translated, source_file=source, purpose="checked")


def test_a_source_file_beside_a_csv_table_is_refused_for_what_a_table_is(tmp_path: Path) -> None:
    """Regression trial servicenow, session 72: 'is CSV, which holds both' of a table translated
    in place, which holds German alone; read by the columns translated (session 75)."""
    table = tmp_path / "stt_de.csv"
    table.write_text("key,value\nk1,Arbeitsplatz buchen\n", "utf-8")
    source = tmp_path / "stt_en.csv"
    source.write_text("key,value\nk1,Book a Workspace\n", "utf-8")
    with pytest.raises(InputError) as raised:
        list(read_translations(table, source_file=source, purpose="checked"))
    assert str(raised.value).endswith(
        f"; {table} is a CSV table, whose pairs are read from two of its columns (--columns "
        '"SOURCE=TARGET"), not from another file; for a table translated in place, name the '
        'columns translated as ltmt translate did (--columns "Title,Body (HTML)")'
    )
    pairs = read_translations(table, source_file=source, purpose="checked", columns="value")
    assert [(pair.source, pair.target) for pair in pairs] == [
        ("Book a Workspace", "Arbeitsplatz buchen")
    ]
