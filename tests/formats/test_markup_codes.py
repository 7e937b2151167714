"""Stored XLIFF codes (a code read without native markup) exported as XLIFF elements and as
TMX codes without native code, never as a native code that is an XLIFF tag or as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ltmt.formats.common import local_name
from ltmt.formats.markup_codes import Code, markup_codes
from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.formats.xliff import NS_12, read_xliff, write_xliff
from ltmt.segments import PairRecord

IMPORTED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="de" datatype="html"><body>
<trans-unit id="1"><source>Copyright<ph id="1">&amp;nbsp;</ph>2024</source>
<target state="translated">Copyright<ph id="1">&amp;nbsp;</ph>2024</target></trans-unit>
<trans-unit id="2"><source>Click <g id="1">Cancel</g> to stop.</source>
<target state="translated">Klicken Sie auf <g id="1">Abbrechen</g>.</target></trans-unit>
<trans-unit id="3"><source>Use <bpt id="1">\\b </bpt>Export<ept id="1">\\b0 </ept>.</source>
<target state="translated">Nutzen Sie <bpt id="1">\\b </bpt>Export<ept id="1">\\b0 </ept>.</target>
</trans-unit></body></file></xliff>
"""


def _codes(segment: Any) -> list[tuple[str, dict[str, str], str]]:
    return [(local_name(c.tag), dict(c.attrib), c.text or "") for c in segment.iter()][1:]


def test_xliff_codes_without_markup_are_exported_as_xliff_elements_with_their_native_code(
    tmp_path: Path,
) -> None:
    """``<ph id="1">&amp;nbsp;</ph>`` came out as the text ``Copyright&amp;nbsp;2024`` and
    ``<g id="1">`` as ``<bpt id="1">&lt;g id="1"&gt;</bpt>``; then as an empty ``<ph
    id="1"/>`` (its native code lost)."""
    (tmp_path / "in.xlf").write_text(IMPORTED, encoding="utf-8")
    records = list(read_xliff(tmp_path / "in.xlf"))
    write_xliff(tmp_path / "out.xlf", records)
    sources = etree.parse(tmp_path / "out.xlf").iter(f"{{{NS_12}}}source")
    assert [_codes(source) for source in sources] == [
        [("ph", {"id": "1"}, "&nbsp;")],
        [("g", {"id": "1"}, "Cancel")],  # (a <g> has no native code)
        [("bpt", {"id": "1"}, "\\b "), ("ept", {"id": "1"}, "\\b0 ")],
    ]
    back = [(r.source, r.target, r.metadata) for r in read_xliff(tmp_path / "out.xlf")]
    assert back == [(r.source, r.target, r.metadata) for r in records]


def test_xliff_codes_are_exported_to_tmx_as_codes_with_the_native_code_known(
    tmp_path: Path,
) -> None:
    (tmp_path / "in.xlf").write_text(IMPORTED, encoding="utf-8")
    write_tmx(tmp_path / "out.tmx", read_xliff(tmp_path / "in.xlf"))
    segments = list(etree.parse(tmp_path / "out.tmx").iter("seg"))
    assert [_codes(segment) for segment in segments[::2]] == [
        [("ph", {"x": "1"}, "&nbsp;")],
        # the pair's number is its <g> id, as read (session 67: it was renumbered 2)
        [("bpt", {"i": "1", "x": "1"}, ""), ("ept", {"i": "1"}, "")],  # (none known)
        [("bpt", {"i": "1", "x": "1"}, "\\b "), ("ept", {"i": "1"}, "\\b0 ")],
    ]
    assert [r.source for r in read_tmx(tmp_path / "out.tmx")] == [
        'Copyright<x id="1"/>2024',
        'Click <g id="1">Cancel</g> to stop.',
        'Use <g id="1">Export</g>.',
    ]


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
o-tmf="x" adminlang="en" srclang="en" datatype="xml"/><body>
<tu><tuv xml:lang="en"><seg>Hello <ph x="1">{\\f1 }</ph>world.</seg></tuv>
<tuv xml:lang="de"><seg>Hallo <ph x="1">{\\f1 }</ph>Welt.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>This is <hi type="b">important</hi>.</seg></tuv>
<tuv xml:lang="de"><seg>Das ist <hi type="b">wichtig</hi>.</seg></tuv></tu>
</body></tmx>
"""


def test_a_tmx_code_whose_native_code_is_no_markup_is_a_code_again_on_export(
    tmp_path: Path,
) -> None:
    """``<ph x="1">{\\f1 }</ph>`` was read as the text ``{\\f1 }`` and exported as text; a
    ``<hi>``'s content is read as text."""
    (tmp_path / "in.tmx").write_text(TMX, encoding="utf-8")
    records = list(read_tmx(tmp_path / "in.tmx"))
    assert [r.source for r in records] == ['Hello <x id="1"/>world.', "This is important."]
    write_xliff(tmp_path / "out.xlf", records)
    [source, _] = etree.parse(tmp_path / "out.xlf").iter(f"{{{NS_12}}}source")
    assert _codes(source) == [("ph", {"id": "1"}, "{\\f1 }")]
    write_tmx(tmp_path / "out.tmx", records)
    assert [(r.source, r.metadata) for r in read_tmx(tmp_path / "out.tmx")] == [
        (r.source, r.metadata) for r in records
    ]


def test_a_memory_export_writes_the_native_code_each_imported_code_held(tmp_path: Path) -> None:
    """A pair imported with ``<bpt id="1">\\b </bpt>`` (a code kept as its tag) was exported
    with the code empty: the tool that made the file could not restore its formatting."""
    from ltmt import Memory

    (tmp_path / "in.xlf").write_text(IMPORTED, encoding="utf-8")
    (tmp_path / "in.tmx").write_text(TMX, encoding="utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [*read_xliff(tmp_path / "in.xlf"), *read_tmx(tmp_path / "in.tmx")])
        stored = [PairRecord.of_segment(segment) for segment in memory.segments("u")]
    write_tmx(tmp_path / "out.tmx", stored)
    natives = [c.text for c in etree.parse(tmp_path / "out.tmx").iter("ph", "bpt", "ept")]
    assert (
        natives
        == ["&nbsp;", "&nbsp;", None, None, None, None] + ["\\b ", "\\b0 "] * 2 + ["{\\f1 }"] * 2
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '<g id="1">a</g><x id="2"/>',
            [
                Code("bpt", '<g id="1">', 1, "g"),
                "a",
                Code("ept", "</g>", 1, "g"),
                Code("ph", '<x id="2"/>', 2, "x"),
            ],
        ),
        (
            '<bpt id="3"/>a<ept id="3"/><sc id="4"/>',
            [
                Code("bpt", '<bpt id="3"/>', 1, "bpt"),
                "a",
                Code("ept", '<ept id="3"/>', 1, "ept"),
                Code("begin", '<sc id="4"/>', 2, "sc"),
            ],
        ),
        # an HTML tag of an XLIFF name without an id is markup
        ("<g>a</g>", [Code("bpt", "<g>", 1), "a", Code("ept", "</g>", 1)]),
    ],
)
def test_markup_codes_tells_xliff_codes_from_markup(text: str, expected: list[str | Code]) -> None:
    numbers = iter(range(1, 10))
    assert markup_codes(text, lambda kind, native: next(numbers)) == expected


LITERAL_BRACKETS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
o-tmf="x" adminlang="en" srclang="en" datatype="xml"/><body>
<tu><tuv xml:lang="en"><seg>Tap &amp; hold the &lt;Power&gt; key.</seg></tuv>
<tuv xml:lang="de"><seg>Tippen und halten Sie die &lt;Power&gt;-Taste.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Press &lt;b&gt;Save&lt;/b&gt; now.</seg></tuv>
<tuv xml:lang="de"><seg>Dr&#252;cken Sie jetzt &lt;b&gt;Speichern&lt;/b&gt;.</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize("written", ["tmx", "xlf"])
def test_text_that_reads_as_no_markup_is_exported_as_text(tmp_path: Path, written: str) -> None:
    """The text ``<Power>`` (a metavariable, no tag) was exported as ``<it x="1"
    pos="begin">&lt;Power&gt;</it>`` and read back as ``<bx id="1"/>``: the 100 % match was
    lost. Escaped HTML (a web app's ``&lt;b&gt;``), which the readers read as markup, stays
    a code."""
    (tmp_path / "in.tmx").write_text(LITERAL_BRACKETS, encoding="utf-8")
    records = list(read_tmx(tmp_path / "in.tmx"))
    assert [r.source for r in records] == [
        "Tap & hold the <Power> key.",
        "Press <b>Save</b> now.",
    ]
    write_pairs, read_pairs = (
        (write_tmx, read_tmx) if written == "tmx" else (write_xliff, read_xliff)
    )
    write_pairs(tmp_path / f"out.{written}", records)
    assert "&lt;Power&gt; key." in (tmp_path / f"out.{written}").read_text("utf-8")
    back = list(read_pairs(tmp_path / f"out.{written}"))
    assert [(r.source, r.target) for r in back] == [(r.source, r.target) for r in records]


def test_an_exported_codes_number_is_no_xliff_codes_id(tmp_path: Path) -> None:
    write_xliff(tmp_path / "m.xlf", [PairRecord('<x id="1"/> <b>a</b>', '<b>a</b> <x id="1"/>')])
    [source, target] = etree.parse(tmp_path / "m.xlf").iter(
        f"{{{NS_12}}}source", f"{{{NS_12}}}target"
    )
    assert [c.get("id") for c in source] == ["1", "3", "3"]  # not the x's 1
    assert [c.get("id") for c in target] == ["3", "3", "1"]


def test_text_without_a_tag_start_is_not_scanned_for_placeholders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The placeholder scan of every pair was most of a TMX export's time (20,000 pairs of
    plain text: 25 s of 57); text without a ``<`` holds no markup tag to find."""

    def scan(text: str) -> list[object]:
        raise AssertionError(f"scanned {text!r}")

    monkeypatch.setattr("ltmt.formats.markup_codes.find_placeholders", scan)
    assert markup_codes("Save {0} as %s", lambda kind, tag: 1) == ["Save {0} as %s"]
