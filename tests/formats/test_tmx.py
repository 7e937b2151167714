"""The streaming TMX reader reads what translate-toolkit's TMX store reads (its units, their
language nodes and ``getNodeText``), on a file made of the cases that differ in XML: inline
codes, ``xml:space``, CDATA, comments, entities, missing and blank sides; and it keeps no tree
of the units it has read."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from ltmt.errors import InputError, LanguageError
from ltmt.formats.common import XML_LANG, lang_matches
from ltmt.formats.not_read import NotRead
from ltmt.formats.tmx import TMX_SEGMENTS, read_tmx, write_tmx
from ltmt.formats.tmx_metadata import TMX_REPEATED
from ltmt.segments import PairRecord

TRICKY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x"
      creationtool="hand" creationtoolversion="1"/>
  <body>
    <tu tuid="1"><prop type="x-domain">ui</prop><note>first</note><note>second</note>
      <tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept></seg></tuv>
      <tuv xml:lang="de"><seg>Klicken Sie <bpt i="1">&lt;b&gt;</bpt>hier<ept i="1">&lt;/b&gt;</ept></seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>A <ph x="1">{0}</ph> and <it pos="begin">&lt;i&gt;</it>it<hi type="x">hi<sub>sub flow</sub></hi></seg></tuv>
      <tuv xml:lang="de-DE"><seg>Ein <ph x="1">{0}</ph> und <it pos="begin">&lt;i&gt;</it>es</seg></tuv>
    </tu>
    <tu xml:space="default">
      <tuv xml:lang="en"><seg>  spaces   folded
        here  </seg></tuv>
      <tuv xml:lang="de"><seg xml:space="preserve">  kept   as
        is  </seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en"><seg><![CDATA[5 < 6 & "quoted"]]></seg></tuv>
      <tuv xml:lang="de"><seg>5 &lt; 6 &amp; caf&#xE9; <!-- a comment --> ok</seg></tuv>
    </tu>
    <tu><tuv xml:lang="en"><seg>No German</seg></tuv><tuv xml:lang="fr"><seg>Pas</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Blank target</seg></tuv><tuv xml:lang="de"><seg>  </seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>No seg</seg></tuv><tuv xml:lang="de"><note>n</note></tuv></tu>
    <tu>
      <tuv xml:lang="de"><seg>Zuerst Deutsch</seg></tuv>
      <tuv xml:lang="en"><seg>German first</seg></tuv>
      <tuv xml:lang="de"><seg>Zweites Deutsch</seg></tuv>
    </tu>
    <tu><tuv lang="EN"><seg>Old lang attribute</seg></tuv><tuv lang="DE"><seg>Alt</seg></tuv></tu>
    <tu>
      <tuv xml:lang="en"><seg>Line one
line two	tab</seg></tuv>
      <tuv xml:lang="de"><seg>Zeile eins
Zeile zwei	Tab</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def toolkit_pairs(path: Path, src_lang: str, tgt_lang: str) -> list[tuple[str, str, int]]:
    """The pairs as ltmt read them through translate-toolkit's TMX store (before session 23)."""
    from translate.storage import tmx

    store = tmx.tmxfile.parsestring(path.read_bytes())
    pairs = []
    for unit in store.units:
        nodes = unit.getlanguageNodes()
        langs = [node.get(XML_LANG) or node.get("lang") or "" for node in nodes]
        pick = list(zip(nodes, langs, strict=True))
        source_node = next((n for n, lang in pick if lang_matches(lang, src_lang)), None)
        target_node = next(
            (n for n, lang in pick if lang_matches(lang, tgt_lang) and n is not source_node),
            None,
        )
        source = unit.getNodeText(source_node) if source_node is not None else None
        target = unit.getNodeText(target_node) if target_node is not None else None
        if source and target and source.strip() and target.strip():
            pairs.append((source, target, unit.xmlelement.sourceline))
    return pairs


@pytest.mark.parametrize(("src_lang", "tgt_lang"), [("en", "de"), ("de", "en"), ("en", "")])
def test_the_reader_reads_what_translate_toolkit_reads(
    tmp_path: Path, src_lang: str, tgt_lang: str
) -> None:
    path = tmp_path / "tricky.tmx"
    path.write_text(TRICKY, encoding="utf-8")
    records = list(read_tmx(path, src_lang=src_lang, tgt_lang=tgt_lang))
    got = [(r.source, r.target, int(r.position.rsplit(":", 1)[1])) for r in records]
    assert got == toolkit_pairs(path, src_lang, tgt_lang)
    assert len(got) >= 6


ODD = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x"
      creationtool="hand" creationtoolversion="1"/>
  <body xml:space="default">
    <tu><tuv xml:lang="en"><seg>  folded   by the body  </seg></tuv>
      <tuv xml:lang="de"><seg xml:space="preserve">  kept  </seg></tuv></tu>
    <tu><!-- a comment first --><tuv xml:lang="en" xml:space="preserve"><seg>  kept by the tuv </seg></tuv>
      <tuv xml:lang="de"><seg> gefaltet  hier </seg></tuv></tu>
    <tu><tuv xml:lang="en"><note><seg>nested first</seg></note><seg>direct second</seg></tuv>
      <tuv xml:lang="de"><prop type="x">p</prop><seg>direkt</seg></tuv></tu>
  </body>
</tmx>
"""


def test_space_from_the_body_and_nested_segments_read_as_translate_toolkit_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd.tmx"
    path.write_text(ODD, encoding="utf-8")
    got = [(r.source, r.target, int(r.position.rsplit(":", 1)[1])) for r in read_tmx(path)]
    assert got == toolkit_pairs(path, "en", "de")
    assert [source for source, _, _ in got] == [
        "folded by the body",
        "  kept by the tuv ",
        "nested first",
    ]


def test_inline_codes_space_and_metadata_read_as_expected(tmp_path: Path) -> None:
    path = tmp_path / "tricky.tmx"
    path.write_text(TRICKY, encoding="utf-8")
    records = {r.source: r for r in read_tmx(path)}
    assert records["Click <b>here</b>"].target == "Klicken Sie <b>hier</b>"
    assert records["Click <b>here</b>"].metadata == {
        "id": "1",
        "note": "first\nsecond",
        "domain": "ui",
        TMX_REPEATED: {"note": ["first", "second"]},
    }
    assert records["A {0} and <i>ithisub flow"].target == "Ein {0} und <i>es"
    assert records["spaces folded here"].target == "  kept   as\n        is  "
    assert records['5 < 6 & "quoted"'].target == "5 < 6 & café  ok"
    assert records["German first"].target == "Zuerst Deutsch"
    assert "No German" not in records and "Blank target" not in records


def test_units_left_out_and_second_targets_are_each_said_in_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tricky.tmx"
    path.write_text(TRICKY, encoding="utf-8")
    lines = TRICKY.splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if text in line)

    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        list(read_tmx(path))
    skipped = [line_of(t) for t in ("No German", "Blank target", "No seg")]
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 3 <tu> without both en and de text were not read "
        f"(lines {', '.join(map(str, skipped))})",
        f"{path}: 1 <tu> holds more than one de text; the closest to de was imported "
        f"(line {line_of('German first') - 2})",
    ]


def test_units_left_out_are_counted_by_reason_for_a_caller_that_reports_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An import said "0 skipped" of a TMX whose units without a target were said in a
    warning alone."""
    path = tmp_path / "tricky.tmx"
    path.write_text(TRICKY, encoding="utf-8")
    not_read = NotRead()
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        list(read_tmx(path, not_read=not_read))
    assert not_read.by_reason() == {"empty target": 2, "untranslated": 1}
    # said once, in the caller's report; a second target read is no unit left out
    assert [r.getMessage() for r in caplog.records if "not read" in r.getMessage()] == []


def test_units_read_are_dropped_from_the_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.formats import tmx

    path = tmp_path / "many.tmx"
    write_tmx(path, [PairRecord(f"Source {n}", f"Ziel {n}") for n in range(50)])
    earlier = []
    read = tmx._Sides.read

    def spying(self: tmx._Sides, unit: object) -> tuple[str, str, dict[str, str]] | None:
        earlier.append(unit.getparent().index(unit))  # type: ignore[attr-defined]
        return read(self, unit)

    monkeypatch.setattr(tmx._Sides, "read", spying)
    assert len(list(read_tmx(path))) == 50
    # when a unit is read, the units before it are gone but the last, cleared (the parser
    # may have read ahead: the units after it are there)
    assert earlier == [0] + [1] * 49


def test_a_file_cut_after_its_units_is_an_error_and_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cut.tmx"
    path.write_text(TRICKY[: TRICKY.index("</body>")], encoding="utf-8")
    reader = read_tmx(path)
    with pytest.raises(InputError, match=r"cut\.tmx:\d+:\d+: not well-formed TMX"):
        next(reader)


def test_a_file_whose_doctype_declares_entities_is_refused_before_a_pair_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "entities.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n'
        '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" '
        'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
        '<tu><tuv xml:lang="en"><seg>Open &e; now</seg></tuv>'
        '<tuv xml:lang="de"><seg>Jetzt &e; öffnen</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"entities\.tmx: declares XML entities in its DOCTYPE"):
        list(read_tmx(path))


@pytest.mark.parametrize("units_before", [0, 20000])
def test_an_undeclared_entity_beside_an_external_dtd_is_named_where_it_is(
    tmp_path: Path, units_before: int
) -> None:
    """``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` (as ltmt's exports write) with ``&eacute;`` was
    refused as declaring entities, which it does not; after many units the reference was read
    as nothing (``Caf 2024``)."""
    unit = '<tu><tuv xml:lang="en"><seg>C</seg></tuv><tuv xml:lang="de"><seg>C</seg></tuv></tu>\n'
    path = tmp_path / "dtd.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        + unit
        * units_before
        + '<tu><tuv xml:lang="en"><seg>Cafe</seg></tuv>\n'
        '<tuv xml:lang="de"><seg>Caf&eacute; 2024</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    line = 5 + units_before
    expected = rf"^{re.escape(str(path))}:{line}:28: undefined entity &eacute;: write é or &#233;$"
    with pytest.raises(InputError, match=expected):
        list(read_tmx(path))


def test_a_namespaced_or_foreign_root(tmp_path: Path) -> None:
    path = tmp_path / "other.tmx"
    path.write_text('<xliff version="1.2"><tu/></xliff>', encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.tmx: not a TMX file \(root element is <xliff>\)"):
        list(read_tmx(path))


def one_unit_tmx(path: Path, source: str, target: str, space: str = "") -> Path:
    """``path`` written as a TMX file of one unit, its ``<seg>`` contents ``source`` and
    ``target`` (markup), with ``xml:space="SPACE"`` on the unit where given."""
    attribute = f' xml:space="{space}"' if space else ""
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US"/>'
        f'<body><tu{attribute}><tuv xml:lang="en-US"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="de-DE"><seg>{target}</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("seg", "expected"),
    [
        # SDL Trados Studio's empty codes, as its TMX export writes them
        (
            'Your order <ph x="1" type="0" /> has been shipped.',
            'Your order <x id="1"/> has been shipped.',
        ),
        (
            'Click <bpt i="1" type="1" x="1" />Save<ept i="1" /> now.',
            'Click <g id="1">Save</g> now.',
        ),
        (
            '<bpt i="1"/>a <bpt i="2" x="7"/>b<ept i="2"/><ept i="1"/>',
            '<g id="1">a <g id="7">b</g></g>',
        ),
        ('Open <it pos="begin" x="3"/>here', 'Open <bx id="3"/>here'),
        ('here<it pos="end" x="3"/> now', 'here<ex id="3"/> now'),
        ('Start <bpt i="4"/>here', 'Start <bx id="4"/>here'),
        ('here<ept i="4"/> end', 'here<ex id="4"/> end'),
        ("Press <ut/> and <ph/>", 'Press <x id="1"/> and <x id="2"/>'),
        ('In <hi type="b">bold <ph x="2"/></hi>', 'In bold <x id="2"/>'),
        # native code: read as it is (translate-toolkit reads it so); a pair with one end's
        # native code only is tags (its native code alone would be no markup)
        ('A <ph x="1">{0}</ph> b', "A {0} b"),
        ('<bpt i="1">&lt;b&gt;</bpt>b<ept i="1">&lt;/b&gt;</ept>', "<b>b</b>"),
        ('<bpt i="1">&lt;b&gt;</bpt>b<ept i="1"/>', '<g id="1">b</g>'),
        ('<ph x="a&amp;&quot;b"/>x', '<x id="a&amp;&quot;b"/>x'),
    ],
)
def test_inline_codes_without_native_code_are_read_as_xliff_tags(
    tmp_path: Path, seg: str, expected: str
) -> None:
    path = one_unit_tmx(tmp_path / "trados.tmx", seg, seg)
    [record] = read_tmx(path)
    assert (record.source, record.target) == (expected, expected)


def test_omegats_paired_tags_are_read_as_a_pair_and_written_back_as_one(tmp_path: Path) -> None:
    """OmegaT's ``<b0>`` alone is no markup, but it and its ``</b0>`` are: the start was read
    as a lone ``<bx/>`` beside a ``</b0>`` in the text, and written back as two ``<it>``."""
    seg = 'Press <bpt i="1" x="1">&lt;b0&gt;</bpt>Enter<ept i="1">&lt;/b0&gt;</ept> now.'
    [record] = read_tmx(one_unit_tmx(tmp_path / "omegat.tmx", seg, seg))
    assert (record.source, record.target) == ("Press <b0>Enter</b0> now.",) * 2
    write_tmx(tmp_path / "back.tmx", [record])
    assert (tmp_path / "back.tmx").read_text(encoding="utf-8").count(f"<seg>{seg}</seg>") == 2


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ('<ph x="0">&lt;x0/&gt;</ph>', '<ph x="0">&lt;x0/&gt;</ph>'),  # OmegaT's lone tag
        ('<bpt i="1">&lt;b0&gt;</bpt> <ept i="1">&lt;/b0&gt;</ept>', '<bpt i="1"/><ept i="1"/>'),
        ('<ph x="1">{0}</ph>', '<ph x="1">{0}</ph>'),
        ("Page <ph x='1'/>", "<ph x='1'/>"),  # a translation of the codes alone
    ],
)
def test_a_unit_with_a_side_of_inline_codes_alone_is_left_out_as_no_words(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, source: str, target: str
) -> None:
    path = one_unit_tmx(tmp_path / "t.tmx", source, target)
    not_read = NotRead()
    assert list(read_tmx(path, not_read=not_read)) == []
    assert not_read.by_reason() == {"no words": 1}
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        assert list(read_tmx(path)) == []
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 1 <tu> of inline codes alone, without words, was not read (line 2)"
    ]


def test_words_in_a_highlight_or_between_codes_are_words(tmp_path: Path) -> None:
    seg = '<ph x="1"/><hi type="b">Save</hi><ph x="2"/>'
    path = one_unit_tmx(tmp_path / "t.tmx", seg, '<ph x="1"/>Sichern<ph x="2"/>')
    [record] = read_tmx(path)
    assert record.source == '<x id="1"/>Save<x id="2"/>'


def test_empty_codes_keep_their_place_when_space_is_folded(tmp_path: Path) -> None:
    path = one_unit_tmx(tmp_path / "t.tmx", " A  <ph x='1'/>\n b ", "C <ph x='1'/>", "default")
    [record] = read_tmx(path)
    assert (record.source, record.target) == ('A <x id="1"/> b', 'C <x id="1"/>')


def test_a_unit_whose_empty_paired_codes_overlap_is_left_out_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    overlapping = '<bpt i="1"/>a<bpt i="2"/>b<ept i="1"/>c<ept i="2"/>'
    path = one_unit_tmx(tmp_path / "t.tmx", overlapping, "abc")
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        assert list(read_tmx(path)) == []
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 1 <tu> with paired inline codes that overlap was not read (line 2)"
    ]


def test_trados_codes_read_as_the_xliff_reader_reads_the_same_codes(tmp_path: Path) -> None:
    """One form in the memory: a Trados TMX unit and an XLIFF unit with the same codes give
    the same pair, so the one matches the other."""
    from ltmt.formats.xliff import read_xliff

    tmx_path = one_unit_tmx(
        tmp_path / "t.tmx",
        'Click <bpt i="1" x="1"/>Save<ept i="1"/> on <ph x="2"/>.',
        'Klicken Sie <ph x="2"/> auf <bpt i="1" x="1"/>Speichern<ept i="1"/>.',
    )
    xliff_path = tmp_path / "t.xlf"
    xliff_path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="o"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Click <g id="1">Save</g> on <x id="2"/>.</source>'
        '<target state="final">Klicken Sie <x id="2"/> auf <g id="1">Speichern</g>.</target>'
        "</trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    [from_tmx], [from_xliff] = read_tmx(tmx_path), read_xliff(xliff_path)
    assert (from_tmx.source, from_tmx.target) == (from_xliff.source, from_xliff.target)


DATED = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x"
      creationtool="hand" creationtoolversion="1"/>
  <body>
    <tu creationdate="20180101T100000Z" changedate="20240601T100000Z" creationid="ann"
        changeid="bob" usagecount="3" lastusagedate="20240701T080000Z">
      <tuv xml:lang="en"><seg>Download invoice</seg></tuv>
      <tuv xml:lang="de"><seg>Rechnung herunterladen</seg></tuv>
    </tu>
    <tu changedate="20190101T100000Z">
      <tuv xml:lang="en"><seg>Download invoice</seg></tuv>
      <tuv xml:lang="de"><seg>Faktura downloaden</seg></tuv>
    </tu>
    <tu creationdate="20200101T100000Z">
      <tuv xml:lang="en"><seg>Print</seg></tuv><tuv xml:lang="de"><seg>Drucken</seg></tuv>
    </tu>
    <tu><tuv xml:lang="en"><seg>Undated</seg></tuv><tuv xml:lang="de"><seg>Ohne</seg></tuv></tu>
  </body>
</tmx>
"""


def test_units_are_read_oldest_first_by_their_change_or_creation_date(tmp_path: Path) -> None:
    """An import stores the last of a source's translations as the one reused: the file's
    order made a 2019 translation win over a 2024 one."""
    path = tmp_path / "dates.tmx"
    path.write_text(DATED, encoding="utf-8")
    assert [r.target for r in read_tmx(path)] == [
        "Ohne",  # undated: first
        "Faktura downloaden",  # changed 2019
        "Drucken",  # created 2020
        "Rechnung herunterladen",  # changed 2024
    ]


def test_the_units_dates_ids_and_usage_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "dates.tmx"
    path.write_text(DATED, encoding="utf-8")
    newest = list(read_tmx(path))[-1]
    assert newest.metadata == {
        "creationdate": "20180101T100000Z",
        "creationid": "ann",
        "changedate": "20240601T100000Z",
        "changeid": "bob",
        "usagecount": "3",
        "lastusagedate": "20240701T080000Z",
    }
    write_tmx(tmp_path / "back.tmx", [newest])
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    assert 'changedate="20240601T100000Z"' in written and "<prop" not in written
    [back] = read_tmx(tmp_path / "back.tmx")
    assert back.metadata == newest.metadata


REGIONS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-US" segtype="sentence" adminlang="en" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en-US"><seg>Save</seg></tuv><tuv xml:lang="de-AT"><seg>Speichern (AT)</seg></tuv>
<tuv xml:lang="de-DE"><seg>Speichern (DE)</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Open</seg></tuv><tuv xml:lang="de-CH"><seg>Öffnen (CH)</seg></tuv>
<tuv xml:lang="de"><seg>Öffnen</seg></tuv><tuv xml:lang="de-DE"><seg>Öffnen (DE)</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Close</seg></tuv><tuv xml:lang="de-CH"><seg>Schliessen</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize(
    ("tgt_lang", "expected"),
    [
        ("de", {"Save": "Speichern (DE)", "Open": "Öffnen", "Close": "Schliessen"}),
        ("de-AT", {"Save": "Speichern (AT)", "Open": "Öffnen"}),  # not de-DE's or de-CH's
        ("de-CH", {"Open": "Öffnen (CH)", "Close": "Schliessen"}),
    ],
)
def test_a_target_in_several_regions_is_read_in_the_closest(
    tmp_path: Path, tgt_lang: str, expected: dict[str, str]
) -> None:
    """A unit of de-AT then de-DE imported the Austrian text into a de memory: the bare
    language comes first, then its main region (de-DE), then the others. A region asked for
    reads that region or the bare language, never another region."""
    path = tmp_path / "regions.tmx"
    path.write_text(REGIONS, encoding="utf-8")
    records = read_tmx(path, "en", tgt_lang, not_read=NotRead())
    assert {record.source: record.target for record in records} == expected


def test_units_read_from_another_region_are_counted_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "regions.tmx"
    path.write_text(REGIONS, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        list(read_tmx(path, "en", "de", not_read=NotRead()))
    assert (
        f"{path}: 1 unit in a regional variant of de (de-CH: 1), imported as de (its region kept: an export writes it where it is the one "
        "region of the memory's pairs)" in [record.getMessage() for record in caplog.records]
    )


@pytest.mark.parametrize(
    ("src_lang", "tgt_lang", "expected"),
    [
        # the file's languages compared with the one missing, not with the pair
        ("en", "de-AT", r"the file has no de-AT text \(its languages: de-DE, en-US, fr-FR\); give "
         r"--tgt-lang de-DE \(or de for any region\)$"),
        ("en-GB", "de", r"the file has no en-GB text \(its languages: de-DE, en-US, fr-FR\); give "
         r"--src-lang en-US \(or en for any region\)$"),
        ("en", "it", r"the file has no it text \(its languages: de-DE, en-US, fr-FR\); pass "
         r"--src-lang/--tgt-lang to choose the pair$"),
        ("es", "it", r"languages in the file are de-DE, en-US, fr-FR, not es->it; pass "),
    ],
)  # fmt: skip
def test_a_language_the_file_lacks_is_named_with_the_code_to_give(
    tmp_path: Path, src_lang: str, tgt_lang: str, expected: str
) -> None:
    """A de-DE memory imported with ``--tgt-lang de-AT`` said "languages in the file are
    de-DE, en-US, fr-FR, not en->de-AT": a list of languages against a pair."""
    path = tmp_path / "three.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en-US"/><body><tu>'
        '<tuv xml:lang="en-US"><seg>Save</seg></tuv><tuv xml:lang="de-DE"><seg>Sichern</seg>'
        '</tuv><tuv xml:lang="fr-FR"><seg>Enregistrer</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(LanguageError, match=expected):
        list(read_tmx(path, src_lang, tgt_lang))


@pytest.mark.parametrize(
    ("target_code", "tgt_lang", "expected"),
    [
        # "languages in the file are en-US, fr-FR, not de" read as if en-US were not de too
        ("fr-FR", "de", r"fr\.tmx: the file has no de text \(its languages: en-US, fr-FR\); "
         r"pass --src-lang/--tgt-lang to choose the pair$"),
        # the code to give as BCP 47 writes it, not as the file does
        ("DE-DE", "de-AT", r"give --tgt-lang de-DE \(or de for any region\)$"),
        ("de_DE", "de-AT", r"give --tgt-lang de-DE \(or de for any region\)$"),
    ],
)  # fmt: skip
def test_a_missing_language_is_said_missing_with_the_code_to_give_in_canonical_form(
    tmp_path: Path, target_code: str, tgt_lang: str, expected: str
) -> None:
    path = tmp_path / "fr.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en-US"/><body><tu>'
        f'<tuv xml:lang="en-US"><seg>Save</seg></tuv><tuv xml:lang="{target_code}">'
        "<seg>Sauver</seg></tuv></tu></body></tmx>",
        encoding="utf-8",
    )
    with pytest.raises(LanguageError, match=expected):
        list(read_tmx(path, "en", tgt_lang))


def test_an_exported_segment_without_dates_is_dated_when_the_memory_stored_it(
    tmp_path: Path,
) -> None:
    """A pair added with ``memory add`` has no date: exported undated, it read back as older
    than a 2024 translation of its source imported before it, which became the newest again."""
    from ltmt.segments import Segment

    imported = Segment(1, "u", "Press Enter.", "Drücken Sie Enter.", 1_800_000_000.0, "old.tmx",
                       {"creationdate": "20240117T111111Z"})  # fmt: skip
    added = Segment(2, "u", "Press Enter.", "Eingabetaste drücken.", 1_800_000_060.0, "cli")
    path = tmp_path / "export.tmx"
    write_tmx(path, [PairRecord.of_segment(imported), PairRecord.of_segment(added)])
    back = list(read_tmx(path))
    assert [record.target for record in back] == ["Drücken Sie Enter.", "Eingabetaste drücken."]
    assert [record.metadata for record in back] == [
        {"creationdate": "20240117T111111Z", "changedate": "20240117T111111Z"},  # its own
        {"creationdate": "20270115T080100Z", "changedate": "20270115T080100Z"},
    ]


@pytest.mark.parametrize(
    ("tgt_lang", "written"),
    [
        # two regions: the language alone, one code for every unit (regression trial s72:
        # de-DE, de and de-CH in one file import in part into a CAT tool)
        ("de", {"Save": "de", "Open": "de", "Close": "de"}),
        ("de-CH", {"Save": "de-CH", "Open": "de-CH", "Close": "de-CH"}),  # the one asked for
    ],
)
def test_each_unit_s_region_is_kept_and_every_unit_written_in_one_code(
    tmp_path: Path, tgt_lang: str, written: dict[str, str]
) -> None:
    """Units of de-DE and de-CH imported as de: the region each declared is kept in the
    memory; an export writes one code per side for every unit."""
    path = tmp_path / "regions.tmx"
    path.write_text(REGIONS, encoding="utf-8")
    records = list(read_tmx(path, "en", "de", not_read=NotRead()))
    assert [record.metadata.get("tmx_languages") for record in records] == [
        {"source": "en-US", "target": "de-DE"},
        {"source": "en-US"},
        {"source": "en-US", "target": "de-CH"},
    ]
    write_tmx(tmp_path / "back.tmx", records, "en-US", tgt_lang)  # the header's, every source's
    back = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    assert "tmx_languages" not in back
    from lxml import etree

    units = etree.fromstring(back.encode()).iter("tu")
    languages = {tu[0][0].text: tu[1].get(XML_LANG) for tu in units}
    assert languages == written


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("&copy;", r"ent\.tmx:3:27: not well-formed TMX: undefined entity &copy;: write © or "
         r"&#169;$"),
        ("&nosuch;", r"ent\.tmx:3:27: not well-formed TMX: undefined entity &nosuch;: write the "
         r"character it stands for$"),
        # a blank's advice printed the blank itself: "write   or &#160;"
        ("&nbsp;", r"ent\.tmx:3:27: not well-formed TMX: undefined entity &nbsp;: write U\+00A0 "
         r"NO-BREAK SPACE or &#160;$"),
    ],
)  # fmt: skip
def test_an_undeclared_entity_is_named_where_it_is(
    tmp_path: Path, entity: str, expected: str
) -> None:
    """The streaming parser ended on it with ``ent.tmx:0:0: not well-formed TMX: no element
    found``."""
    path = tmp_path / "ent.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>C</seg></tuv>\n'
        f'<tuv xml:lang="de"><seg>C {entity} 2024</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=expected):
        list(read_tmx(path))


def test_an_export_writes_each_pairs_own_date(tmp_path: Path) -> None:
    """An export wrote the time the memory stored a pair as its changedate (a 2023 unit's
    date became 2027's); now it writes the pair's own date (an import compares it with the
    stored translations': ltmt.memory.dated), the stored time for a pair added by hand, and an
    earlier export's ``ltmt-original-changedate`` as the changedate again."""
    from ltmt.segments import Segment

    added = Segment(1, "u", "Press Enter.", "Eingabetaste drücken.", 1_800_000_000.0, "cli")
    imported = Segment(2, "u", "Press Enter.", "Drücken Sie Enter.", 1_800_000_060.0, "p2.tmx",
                       {"changedate": "20230101T000000Z"})  # fmt: skip
    earlier = Segment(3, "u", "Save", "Speichern", 1_800_000_120.0, "export.tmx",
                      {"changedate": "20270115T080200Z",
                       "ltmt-original-changedate": "20230102T000000Z"})  # fmt: skip
    path = tmp_path / "export.tmx"
    write_tmx(path, [PairRecord.of_segment(s) for s in (added, imported, earlier)])
    back = list(read_tmx(path))  # oldest first
    assert [record.target for record in back] == [
        "Drücken Sie Enter.",
        "Speichern",
        "Eingabetaste drücken.",
    ]
    assert [record.metadata for record in back] == [
        {"creationdate": "20230101T000000Z", "changedate": "20230101T000000Z"},
        {"creationdate": "20230102T000000Z", "changedate": "20230102T000000Z"},
        {"creationdate": "20270115T080000Z", "changedate": "20270115T080000Z"},
    ]


def test_an_export_dates_a_pair_approved_again_by_hand_then(tmp_path: Path) -> None:
    """A 2024 unit approved again by ``memory add`` was exported with its 2024 date, so an
    import of the export made a 2025 translation the one reused again; now it is dated when it
    was approved, its own date kept as ``ltmt-original-changedate``, its creationdate its own."""
    from ltmt.segments import Segment

    approved = Segment(1, "u", "Save changes", "Änderungen speichern", 1_800_000_000.0, "cli",
                       {"changedate": "20240115T100000Z",
                        "ltmt-approved": "20270115T080000Z"})  # fmt: skip
    path = tmp_path / "export.tmx"
    write_tmx(path, [PairRecord.of_segment(approved)])
    [back] = read_tmx(path)
    assert back.metadata == {
        "ltmt-approved": "20270115T080000Z",
        "ltmt-original-changedate": "20240115T100000Z",
        "creationdate": "20240115T100000Z",
        "changedate": "20270115T080000Z",
    }


@pytest.mark.parametrize(
    ("dates", "written"),
    [
        # a changedate after the time the memory stored the pair is its own, none replaced
        ({"changedate": "20300101T000000Z"}, ("20270115T080000Z", "20300101T000000Z")),
        # a creationdate alone is the pair's own date: its changedate too
        ({"creationdate": "20310101T000000Z"}, ("20310101T000000Z", "20310101T000000Z")),
        # a creationdate after the changedate is no later than it
        (
            {"creationdate": "20310101T000000Z", "changedate": "20240101T000000Z"},
            ("20240101T000000Z", "20240101T000000Z"),
        ),
    ],
)
def test_an_exported_units_creationdate_is_never_after_its_changedate(
    tmp_path: Path, dates: dict[str, str], written: tuple[str, str]
) -> None:
    from ltmt.segments import Segment

    segment = Segment(1, "u", "Save", "Speichern", 1_800_000_000.0, "a.tmx", dates)
    path = tmp_path / "export.tmx"
    write_tmx(path, [PairRecord.of_segment(segment)])
    [back] = read_tmx(path)
    assert (back.metadata["creationdate"], back.metadata["changedate"]) == written


HIGHLIGHTED = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" adminlang="en" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>Click <bpt i="1" type="bold">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> and <hi type="term">the file</hi><ph type="lb"/>.</seg></tuv>
<tuv xml:lang="de"><seg>Klicken Sie auf <bpt i="1" type="bold">&lt;b&gt;</bpt>Speichern<ept i="1">&lt;/b&gt;</ept> und <hi type="term">die Datei</hi><ph type="lb"/>.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Open <ph x="1"/> now</seg></tuv><tuv xml:lang="de"><seg>Jetzt <ph x="1"/> öffnen</seg></tuv></tu>
</body></tmx>
"""
SEG_EN = (
    '<seg>Click <bpt i="1" type="bold">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> and '
    '<hi type="term">the file</hi><ph type="lb"/>.</seg>'
)


def test_highlights_and_code_types_survive_a_round_trip(tmp_path: Path) -> None:
    """An import read <hi type="term"> as its text and dropped the codes' types: an export
    wrote <bpt i="1" x="1"> and <ph x="3"/>. The text the model sees is unchanged; the
    segments are kept as read and written back while their text is unchanged."""
    path = tmp_path / "hi.tmx"
    path.write_text(HIGHLIGHTED, encoding="utf-8")
    highlighted, plain = read_tmx(path)
    assert highlighted.source == 'Click <b>Save</b> and the file<x id="3"/>.'
    assert highlighted.metadata[TMX_SEGMENTS]["source"] == SEG_EN[5:-6]
    assert TMX_SEGMENTS not in plain.metadata  # nothing lost: none kept
    edited = PairRecord(
        highlighted.source, "Klicken Sie auf <b>Sichern</b>.", metadata=highlighted.metadata
    )
    write_tmx(tmp_path / "back.tmx", [highlighted, plain, edited])
    written = (tmp_path / "back.tmx").read_text(encoding="utf-8")
    assert written.count(SEG_EN) == 2
    assert '<hi type="term">die Datei</hi><ph type="lb"/>.</seg>' in written
    assert '<seg>Klicken Sie auf <bpt i="1" x="1">&lt;b&gt;</bpt>Sichern' in written  # edited
    assert [(r.source, r.target, r.metadata) for r in read_tmx(tmp_path / "back.tmx")][:2] == [
        (r.source, r.target, r.metadata) for r in (highlighted, plain)
    ]


TRADOS_LEVELS = """<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4"><header creationtool="SDL Language Platform" o-tmf="SDL TM8 Format"
 datatype="xml" segtype="sentence" adminlang="en-US" srclang="en-US"/><body>
<tu><prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="en-US"><seg>Close the lid.</seg></tuv><tuv xml:lang="de-DE"><seg>Schließ den Deckel zu machen.</seg></tuv></tu>
<tu><prop type="x-ConfirmationLevel">ApprovedSignOff</prop><tuv xml:lang="en-US"><seg>Open the lid.</seg></tuv><tuv xml:lang="de-DE"><seg>Öffnen Sie den Deckel.</seg></tuv></tu>
<tu><prop type="x-ConfirmationLevel">RejectedTranslation</prop><tuv xml:lang="en-US"><seg>Lift the lid.</seg></tuv><tuv xml:lang="de-DE"><seg>Heben Deckel.</seg></tuv></tu>
<tu><prop type="x-ConfirmationLevel">Translated</prop><tuv xml:lang="en-US"><seg>Shut the lid.</seg></tuv><tuv xml:lang="de-DE"><seg>Schließen Sie den Deckel.</seg></tuv></tu>
</body></tmx>
"""


def test_trados_drafts_and_rejected_units_are_not_read_as_the_xliff_reader_leaves_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A Trados TMX's Draft and RejectedTranslation units were imported, and reused as exact
    matches (``Lift the lid.`` -> ``Heben Deckel.``)."""
    path = tmp_path / "drafts.tmx"
    path.write_text(TRADOS_LEVELS, encoding="utf-8")
    not_read = NotRead()
    records = list(read_tmx(path, not_read=not_read))
    assert [r.source for r in records] == ["Open the lid.", "Shut the lid."]
    assert not_read.by_reason() == {"awaiting review": 1, "needing translation": 1}
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.tmx"):
        assert len(list(read_tmx(path))) == 2
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 2 <tu> that Trados marks as a draft or rejected were not read (lines 4, 6)"
    ]


def test_trados_unspecified_and_lower_case_levels_are_read_as_before() -> None:
    """The tester's x/levels.tmx: 9 pairs imported became 5, a legacy unit's ``Unspecified``
    and a lower-case ``translated`` read as awaiting review."""
    path = Path(__file__).parent / "data" / "trados_levels.tmx"
    not_read = NotRead()
    records = list(read_tmx(path, not_read=not_read))
    assert [r.source for r in records] == [
        "Close the lid.",
        "Open the lid.",
        "Lift the lid carefully.",
        "Save your changes.",
        "Delete the file.",
        "Check the cable.",
        "Wait a minute.",
    ]
    assert not_read.by_reason() == {"awaiting review": 1, "needing translation": 1}


def test_an_xliff_pair_is_written_with_the_number_it_was_read_with(tmp_path: Path) -> None:
    """An export renumbered Trados's <bpt i="1" x="1"/>…<ept i="1"/> as i="2"."""
    path = tmp_path / "out.tmx"
    record = PairRecord(
        'Click <g id="1">Settings</g>.', 'Klicken Sie auf <g id="1">Einstellungen</g>.'
    )
    write_tmx(path, [record], "en-US", "de-DE")
    written = path.read_text("utf-8")
    assert '<seg>Click <bpt i="1" x="1"/>Settings<ept i="1"/>.</seg>' in written
    assert '<seg>Klicken Sie auf <bpt i="1" x="1"/>Einstellungen<ept i="1"/>.</seg>' in written
    [read] = read_tmx(path, "en", "de")
    assert (read.source, read.target) == (record.source, record.target)


def test_an_xliff2_placeholder_is_exported_with_what_its_disp_showed(tmp_path: Path) -> None:
    """An XLIFF 2.0 ``<ph id="2" disp="{name}"/>`` was exported as ``<ph x="2"/>``, what it
    stood for lost; it is written as ``<ph x="2">{name}</ph>``, a native code stored for it
    still winning."""
    held = {"placeholders": {'<x id="2"/>': '<ph id="2" disp="{name}"/>'}}
    greeting = PairRecord(
        'Welcome back, <x id="2"/>!', 'Willkommen zurück, <x id="2"/>!', metadata=held
    )
    native = PairRecord(
        'Hi <x id="2"/>',
        'Hallo <x id="2"/>',
        metadata={**held, "native_codes": {'<x id="2"/>': "%s"}},
    )
    write_tmx(tmp_path / "out.tmx", [greeting, native])
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert '<seg>Welcome back, <ph x="2">{name}</ph>!</seg>' in written
    assert '<seg>Willkommen zurück, <ph x="2">{name}</ph>!</seg>' in written
    assert '<seg>Hi <ph x="2">%s</ph></seg>' in written
