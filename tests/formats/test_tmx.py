"""The streaming TMX reader reads what translate-toolkit's TMX store reads (its units, their
language nodes and ``getNodeText``), on a file made of the cases that differ in XML: inline
codes, ``xml:space``, CDATA, comments, entities, missing and blank sides; and it keeps no tree
of the units it has read."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.common import XML_LANG, lang_matches
from ltmt.formats.tmx import read_tmx, write_tmx
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
        f"{path}: 1 <tu> holds more than one de text; the first was imported "
        f"(line {line_of('German first') - 2})",
    ]


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


def test_a_namespaced_or_foreign_root(tmp_path: Path) -> None:
    path = tmp_path / "other.tmx"
    path.write_text('<xliff version="1.2"><tu/></xliff>', encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.tmx: not a TMX file \(root element is <xliff>\)"):
        list(read_tmx(path))
