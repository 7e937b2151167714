"""A TMX unit's metadata is read from the ``<tu>`` and its ``<tuv>`` (OmegaT writes who changed
a translation and when, and its notes, on the target ``<tuv>``), and written back where and as
it was read (OmegaT's context props typed ``file``, ``prev``, ``next``, ``id``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.formats.tmx_metadata import (
    TMX_LANGUAGES,
    TMX_PLACES,
    TMX_REPEATED,
    TMX_TUV,
    file_languages,
    metadata_notes,
)
from ltmt.segments import PairRecord

# as OmegaT's project_save.tmx writes a default and an alternative translation
OMEGAT = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
      segtype="sentence" srclang="EN-US"/>
  <body>
    <tu>
      <tuv lang="EN-US"><seg>The invoice was sent.</seg></tuv>
      <tuv lang="DE-DE" changeid="anna" changedate="20240313T090000Z" creationid="anna"
          creationdate="20240312T090000Z">
        <note>Client prefers Rechnung</note>
        <prop type="x-reviewed">yes</prop>
        <seg>Die Rechnung wurde gesendet.</seg>
      </tuv>
    </tu>
    <tu>
      <prop type="file">ui/dialogs.properties</prop>
      <prop type="id">dialog.cancel.button</prop>
      <prop type="prev">Are you sure?</prop>
      <tuv lang="EN-US"><seg>Cancel</seg></tuv>
      <tuv lang="DE-DE" changeid="bernd" changedate="20240402T080000Z"><seg>Abbrechen</seg></tuv>
    </tu>
    <tu>
      <tuv lang="EN-US"><seg>Cancel</seg></tuv>
      <tuv lang="DE-DE" changeid="anna" changedate="20240301T080000Z"><seg>Stornieren</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def omegat_records(tmp_path: Path) -> dict[str, PairRecord]:
    """The pairs of :data:`OMEGAT`, by target."""
    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT, encoding="utf-8")
    return {record.target: record for record in read_tmx(path)}


def test_the_target_tuvs_dates_note_and_props_are_read_as_a_units(tmp_path: Path) -> None:
    record = omegat_records(tmp_path)["Die Rechnung wurde gesendet."]
    assert record.metadata == {
        "changeid": "anna",
        "changedate": "20240313T090000Z",
        "creationid": "anna",
        "creationdate": "20240312T090000Z",
        "note": "Client prefers Rechnung",
        "reviewed": "yes",
        TMX_PLACES: {
            "target": [
                "creationdate",
                "creationid",
                "changedate",
                "changeid",
                "note",
                "reviewed",
            ]
        },
        TMX_LANGUAGES: {"source": "en-US", "target": "de-DE"},
    }


def test_a_target_tuvs_change_date_orders_the_translations_of_a_source(tmp_path: Path) -> None:
    """The newest is stored last, the one an import makes reused."""
    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT, encoding="utf-8")
    cancel = [record.target for record in read_tmx(path) if record.source == "Cancel"]
    assert cancel == ["Stornieren", "Abbrechen"]


def test_props_typed_without_x_keep_their_names_and_an_id_prop_is_no_tuid(
    tmp_path: Path,
) -> None:
    record = omegat_records(tmp_path)["Abbrechen"]
    assert record.metadata["id"] == "dialog.cancel.button"
    assert record.metadata[TMX_PLACES] == {
        "target": ["changedate", "changeid"],
        "plain": ["file", "id", "prev"],
    }
    write_tmx(tmp_path / "back.tmx", [record])
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    for prop in (
        '<prop type="file">ui/dialogs.properties</prop>',
        '<prop type="id">dialog.cancel.button</prop>',
        '<prop type="prev">Are you sure?</prop>',
    ):
        assert prop in written
    assert "x-file" not in written and "tuid" not in written


def test_metadata_is_written_back_on_the_tuv_it_was_read_from(tmp_path: Path) -> None:
    records = list(omegat_records(tmp_path).values())
    write_tmx(tmp_path / "back.tmx", records, "en-US")  # the source tuvs' language: the header's
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    assert (
        # OmegaT's de-DE, as each unit declared it (read as de)
        '<tuv xml:lang="de-DE" creationdate="20240312T090000Z" creationid="anna" '
        'changedate="20240313T090000Z" changeid="anna">\n'
        '        <prop type="x-reviewed">yes</prop>\n'
        "        <note>Client prefers Rechnung</note>\n"
        "        <seg>Die Rechnung wurde gesendet.</seg>"
    ) in written
    assert "<tu changedate" not in written
    back = {record.target: record for record in read_tmx(tmp_path / "back.tmx")}
    assert {target: record.metadata for target, record in back.items()} == {
        record.target: record.metadata for record in records
    }


@pytest.mark.parametrize(
    ("unit", "source", "target", "expected"),
    [
        # the <tu>'s value wins over the target <tuv>'s, which wins over the source's
        (
            '<tu changeid="tu"><note>tu note</note>',
            '<tuv xml:lang="en" changeid="source">',
            '<tuv xml:lang="de" changeid="target"><note>target note</note>',
            {
                "changeid": "tu",
                "note": "tu note",
                # the values the unit's replaced, each kept for its <tuv>
                TMX_TUV: {
                    "source": {"changeid": "source"},
                    "target": {"changeid": "target", "note": "target note"},
                },
            },
        ),
        (
            "<tu>",
            '<tuv xml:lang="en" changeid="source">',
            '<tuv xml:lang="de" changeid="target">',
            {
                "changeid": "target",
                TMX_PLACES: {"target": ["changeid"]},
                TMX_TUV: {"source": {"changeid": "source"}},
            },
        ),
        (
            "<tu>",
            '<tuv xml:lang="en" changeid="source">',
            '<tuv xml:lang="de">',
            {"changeid": "source", TMX_PLACES: {"source": ["changeid"]}},
        ),
        # a unit's x- prop after a plain one of its name is an ltmt key again, both kept
        (
            '<tu><prop type="file">a</prop><prop type="x-file">b</prop>',
            '<tuv xml:lang="en">',
            '<tuv xml:lang="de">',
            {"file": "b", TMX_REPEATED: {"file": ["a", "b"]}},
        ),
    ],
)
def test_where_levels_hold_one_key_the_closest_to_the_unit_wins(
    tmp_path: Path, unit: str, source: str, target: str, expected: dict[str, object]
) -> None:
    path = tmp_path / "t.tmx"
    path.write_text(
        f'<tmx version="1.4"><header srclang="en"/><body>{unit}{source}<seg>Save</seg></tuv>'
        f"{target}<seg>Speichern</seg></tuv></tu></body></tmx>",
        encoding="utf-8",
    )
    [record] = read_tmx(path)
    assert record.metadata == expected


@pytest.mark.parametrize(
    "places",
    [None, "target", {"target": "changeid"}, {"target": [1, None]}, {"plain": {"file": 1}}],
)
def test_places_of_another_shape_put_every_key_on_the_unit(tmp_path: Path, places: object) -> None:
    """A hand-made JSONL line's metadata is written as ltmt's own keys."""
    metadata = {"changeid": "anna", "file": "a.txt", TMX_PLACES: places}
    write_tmx(tmp_path / "out.tmx", [PairRecord("Save", "Speichern", "", metadata)])
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert '<tu changeid="anna">' in written
    assert '<prop type="x-file">a.txt</prop>' in written
    assert "tmx_places" not in written


MULTIPLE = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-US" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence"
 adminlang="en-US" creationtool="SDL Language Platform" creationtoolversion="8.1"/><body>
<tu creationdate="20240101T000000Z">
<prop type="x-Project:MultipleString">Manual 2023</prop>
<prop type="x-Project:MultipleString">Manual 2024</prop>
<prop type="x-Client:MultipleString">ACME Corp</prop>
<note>First note: terminology approved.</note>
<note>Second note: check with legal.</note>
<tuv xml:lang="en"><prop type="x-Context">Chapter 1</prop><note>source note</note>
<seg>Read the safety instructions.</seg></tuv>
<tuv xml:lang="de"><seg>Lesen Sie die Sicherheitshinweise.</seg></tuv>
</tu></body></tmx>
"""


def test_repeated_props_notes_and_a_tuvs_note_are_all_kept_and_written_back(
    tmp_path: Path,
) -> None:
    """SDL Trados Studio's repeated ``x-Project:MultipleString`` kept its last value, two notes
    were joined into one by a line break, and the source ``<tuv>``'s note was dropped for the
    unit's."""
    path = tmp_path / "multiple.tmx"
    path.write_text(MULTIPLE, encoding="utf-8")
    [record] = read_tmx(path)
    assert record.metadata == {
        "creationdate": "20240101T000000Z",
        "Project:MultipleString": "Manual 2024",
        "Client:MultipleString": "ACME Corp",
        "note": "First note: terminology approved.\nSecond note: check with legal.",
        "context": "Chapter 1",  # any case of x-context is the unit's context
        TMX_PLACES: {"source": ["context"]},
        TMX_TUV: {"source": {"note": "source note"}},
        TMX_REPEATED: {
            "Project:MultipleString": ["Manual 2023", "Manual 2024"],
            "note": ["First note: terminology approved.", "Second note: check with legal."],
        },
    }
    write_tmx(tmp_path / "back.tmx", [record])
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    for element in (
        '<prop type="x-Project:MultipleString">Manual 2023</prop>',
        '<prop type="x-Project:MultipleString">Manual 2024</prop>',
        "<note>First note: terminology approved.</note>",
        "<note>Second note: check with legal.</note>",
        '<prop type="x-context">Chapter 1</prop>\n        <note>source note</note>',
    ):
        assert element in written
    [back] = read_tmx(tmp_path / "back.tmx")
    assert back.metadata == record.metadata


def older_release_export(metadata: dict[str, Any]) -> dict[str, str]:
    """What the release before repeated values were kept as lists wrote of a stored pair's
    ``metadata``: its string values alone (a list or a mapping it skipped)."""
    return {key: value for key, value in metadata.items() if isinstance(value, str)}


def test_a_store_written_now_keeps_its_notes_and_props_for_an_older_release(
    tmp_path: Path,
) -> None:
    """Several notes and a repeated prop were stored as lists, which the release before skips:
    its export of a store written now lost them. The key holds what it read (the notes joined,
    the prop's last value), the lists are kept apart, and today's export writes each again."""
    from ltmt import Memory

    path = tmp_path / "multiple.tmx"
    path.write_text(MULTIPLE, encoding="utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", read_tmx(path))
        stored = [PairRecord.of_segment(segment) for segment in memory.segments("u")]
    older = older_release_export(dict(stored[0].metadata))
    assert older["note"] == "First note: terminology approved.\nSecond note: check with legal."
    assert older["Project:MultipleString"] == "Manual 2024"
    write_tmx(tmp_path / "out.tmx", stored)
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert written.count("<note>") == 3  # each of the unit's two, the source <tuv>'s one
    assert written.count("Project:MultipleString") == 2
    assert "tmx_repeated" not in written


@pytest.mark.parametrize(
    ("metadata", "notes"),
    [
        ({"note": "a\nb", TMX_REPEATED: {"note": ["a", "b"]}}, ["a", "b"]),
        # a note changed since it was read is written as it is now
        ({"note": "edited", TMX_REPEATED: {"note": ["a", "b"]}}, ["edited"]),
        # as a store written before the lists were kept apart holds them
        ({"note": ["a", "b"]}, ["a", "b"]),
        ({"note": " "}, []),
    ],
)
def test_the_notes_of_a_pair(metadata: dict[str, Any], notes: list[str]) -> None:
    assert metadata_notes(metadata) == notes


@pytest.mark.parametrize(
    ("fmt", "written"),
    [
        ("po", ("#. First note: terminology approved.\n#. Second note: check with legal.",)),
        ("xliff", ("<note>First note: terminology approved.</note>", "<note>Second note")),
        ("xliff2", ("<note>First note: terminology approved.</note>", "<note>Second note")),
    ],
)
def test_a_units_several_notes_are_written_by_the_other_formats_too(
    tmp_path: Path, fmt: str, written: tuple[str, ...]
) -> None:
    """The notes read as a list are each an XLIFF ``<note>``, and one PO comment a line."""
    from ltmt.formats.pairs import write_pairs

    path = tmp_path / "multiple.tmx"
    path.write_text(MULTIPLE, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    write_pairs(out, read_tmx(path), fmt)
    text = out.read_text(encoding="utf-8")
    assert all(part in text for part in written), text


CONTEXTS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Memsource" o-tmf="Memsource" adminlang="en"
 datatype="xml" segtype="sentence" srclang="en"/><body>
<tu><prop type="x-Context">ticket.status.open</prop><tuv xml:lang="en"><seg>Open</seg></tuv><tuv xml:lang="de"><seg>Offen</seg></tuv></tu>
<tu><prop type="x-context">menu.file.open</prop><tuv xml:lang="en"><seg>Open</seg></tuv><tuv xml:lang="de"><seg>Öffnen</seg></tuv></tu>
<tu><prop type="X-CONTEXT">menu.edit.open</prop><tuv xml:lang="en"><seg>Open</seg></tuv><tuv xml:lang="de"><seg>Aufmachen</seg></tuv></tu>
<tu><prop type="x-Context">-1683373543806011370, 5317418470829489150</prop><tuv xml:lang="en"><seg>Close</seg></tuv><tuv xml:lang="de"><seg>Schließen</seg></tuv></tu>
</body></tmx>
"""


def test_a_context_prop_is_read_whatever_its_case_and_written_as_ltmts(tmp_path: Path) -> None:
    """Phrase's ``<prop type="x-Context">`` was read as a prop ``Context``, no context: two
    units of one source and two keys both translated ``Open`` as the last; any case of
    ``x-context`` is the unit's context, written back as ``x-context``. SDL Trados Studio's
    ``x-Context`` of two hashes is no key and stays a prop of its own."""
    path = tmp_path / "ctx.tmx"
    path.write_text(CONTEXTS, encoding="utf-8")
    records = list(read_tmx(path))
    assert [r.metadata.get("context") for r in records] == [
        "ticket.status.open",
        "menu.file.open",
        "menu.edit.open",
        None,
    ]
    assert records[3].metadata["Context"] == "-1683373543806011370, 5317418470829489150"
    write_tmx(tmp_path / "back.tmx", records)
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    assert '<prop type="x-context">ticket.status.open</prop>' in written
    assert '<prop type="x-context">menu.edit.open</prop>' in written
    assert '<prop type="x-Context">-1683373543806011370, 5317418470829489150</prop>' in written
    assert [r.metadata.get("context") for r in read_tmx(tmp_path / "back.tmx")][:3] == [
        "ticket.status.open",
        "menu.file.open",
        "menu.edit.open",
    ]


@pytest.mark.parametrize(
    ("src_lang", "declared"),
    [
        ("en-GB", ["en", "en", "en"]),  # imported from tuvs of en with --src-lang en-GB
        ("en-US", ["en", "en-US", "en-GB"]),  # a mixed store exported with --src-lang en-US
        ("en", ["en-US", "en-GB", "en"]),
    ],
)
def test_every_source_tuv_carries_the_headers_language(
    tmp_path: Path, src_lang: str, declared: list[str]
) -> None:
    """An export with ``--src-lang en-GB`` labelled its source tuvs ``en`` as the file they were
    imported from declared them, and a mixed store's with ``en-US`` wrote one ``en``: the
    source language asked for is every source tuv's; the target's one region declared is
    every target tuv's (regression trial s72: ``de`` beside ``de-CH``)."""
    records = [
        PairRecord(f"Save {n}", f"Sichern {n}", metadata={TMX_LANGUAGES: {"source": lang}})
        for n, lang in enumerate(declared)
    ]
    records.append(PairRecord("Close", "Schliessen", metadata={TMX_LANGUAGES: {"target": "de-CH"}}))
    write_tmx(tmp_path / "out.tmx", records, src_lang, "de", one_source_tag=True)
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert f'srclang="{src_lang}"' in written
    from lxml import etree

    units = list(etree.fromstring(written.encode()).iter("tu"))
    tuv_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [tu[0].get(tuv_lang) for tu in units] == [src_lang] * 4
    assert [tu[1].get(tuv_lang) for tu in units] == ["de-CH"] * 4


@pytest.mark.parametrize(
    ("declared", "header", "sources"),
    [
        (["en-US", "en-GB", None], "en", ["en", "en", "en"]),  # mixed: the language
        (["en-US", "en-US", "en-US"], "en-US", ["en-US", "en-US", "en-US"]),  # the one shared
        # one region declared: every unit's (a de-DE XLIFF's pairs beside a JSONL file's)
        (["en-US", None, None], "en-US", ["en-US", "en-US", "en-US"]),
        ([None, None, None], "en", ["en", "en", "en"]),
    ],
)
def test_without_a_source_language_asked_every_source_tuv_has_one_code(
    tmp_path: Path, declared: list[str | None], header: str, sources: list[str]
) -> None:
    """Regression trial regc, session 68: an export without ``--src-lang`` wrote every source
    tuv ``en``, its ``en-US`` lost. Trial s72: each in its own region mixed ``en`` and
    ``en-US`` in one file, which a CAT tool imports in part. Every source tuv, and the
    header's srclang, carries the one region the pairs declared, else the language alone."""
    records = [
        PairRecord(
            f"Save {n}",
            f"Sichern {n}",
            metadata={"context": f"k{n}", **({TMX_LANGUAGES: {"source": lang}} if lang else {})},
        )
        for n, lang in enumerate(declared)
    ]
    write_tmx(tmp_path / "out.tmx", records, "en", "de")
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert f'srclang="{header}"' in written
    from lxml import etree

    tuv_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = etree.fromstring(written.encode())
    assert [tu.find("tuv").get(tuv_lang) for tu in root.iter("tu")] == sources


@pytest.mark.parametrize(
    ("declared", "read_as", "kept"),
    [
        ({"source": "eng-US", "target": "ger-DE"}, {"source": "en", "target": "de"},
         {"source": "en-US", "target": "de-DE"}),  # memoQ's codes, as BCP 47 tags
        ({"source": "en-US", "target": "de-DE"}, {"source": "en-US", "target": "de"},
         {"target": "de-DE"}),  # the one asked for says it already
        ({"source": "en", "target": "de"}, {"source": "en-US", "target": "de-DE"}, {}),  # less
        ({"source": "en-US", "target": "fr-FR"}, {"source": "en", "target": "de"},
         {"source": "en-US"}),  # a file read as another pair, as asked
        ({"target": "de_DE.UTF-8"}, {"target": "deu"}, {"target": "de-DE"}),  # a PO header
        ({"source": "", "target": ""}, {"source": "en", "target": "de"}, {}),
    ],
)  # fmt: skip
def test_a_files_declared_languages_are_kept_where_they_name_a_region(
    declared: dict[str, str], read_as: dict[str, str], kept: dict[str, str]
) -> None:
    assert file_languages(declared, read_as) == kept
