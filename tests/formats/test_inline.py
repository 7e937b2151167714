"""Inline codes in one form across formats: XLIFF 1.2/2.0 and TMX codes read as the markup
their native code is (so a PO or HTML string with the same markup matches them), filled back
into the source's elements, and written by the memory exports as inline codes that read back as
the same text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ltmt.formats.common import local_name
from ltmt.formats.inline import fill, to_text
from ltmt.formats.markup_codes import NATIVE_CODES, Code, markup_codes, pair_markup_codes
from ltmt.formats.po import read_po
from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.formats.xliff import NS_12, NS_20, read_xliff, write_xliff
from ltmt.segments import PairRecord


def _source_12(content: str) -> Any:
    return etree.fromstring(f'<source xmlns="{NS_12}">{content}</source>')


def _source_20(content: str, data: str = "") -> Any:
    """A 2.0 ``<source>`` of ``content`` in a unit whose ``<originalData>`` holds ``data``."""
    unit = etree.fromstring(
        f'<unit xmlns="{NS_20}" id="u"><originalData>{data}</originalData>'
        f"<segment><source>{content}</source></segment></unit>"
    )
    return next(unit.iter(f"{{{NS_20}}}source"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('Line<ph id="1">&lt;br/&gt;</ph>two', "Line<br/>two"),
        (
            'Click <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept>.',
            "Click <b>Save</b>.",
        ),
        ('<it id="1" pos="open">&lt;i&gt;</it>open', "<i>open"),
        ('Hello <ph id="1">{0}</ph>', "Hello {0}"),
        # no native code, or a blank one: the code's own tag, a placeholder
        ('Press <x id="1"/> and <g id="2">here</g>.', 'Press <x id="1"/> and <g id="2">here</g>.'),
        ('a<ph id="1" ctype="x-tab">\t</ph>b', 'a<x id="1"/>b'),
        (
            'a<ph id="1"/>b<it id="2" pos="open"/>c<it id="3" pos="close"/>',
            'a<x id="1"/>b<bx id="2"/>c<ex id="3"/>',
        ),
        # a pair without native code as the <g> TMX's reads as, a lone end as <bx>/<ex>
        ('Trados <bpt id="1"/>bold<ept id="1"/>', 'Trados <g id="1">bold</g>'),
        (
            '<bpt id="1"></bpt>a <bpt id="2"/>b<ept id="2"/><ept id="1"/>',
            '<g id="1">a <g id="2">b</g></g>',
        ),
        ('<bpt id="3" rid="9"/>b<ept id="4" rid="9"/>', '<g id="3">b</g>'),
        ('Start <bpt id="4"/>here', 'Start <bx id="4"/>here'),
        ('here<ept id="4"/> end', 'here<ex id="4"/> end'),
        # pairs that cross: the inner one is a <g>, the other's ends <bx>/<ex>
        (
            '<bpt id="1"/>a<bpt id="2"/>b<ept id="1"/>c<ept id="2"/>',
            '<bx id="1"/>a<g id="2">b<ex id="1"/>c</g>',
        ),
        # Angular's pair of <x/>: START_ and CLOSE_ of one name (a lone one is an <x/>)
        (
            'Your order <x id="START_BOLD_TEXT" ctype="x-b" equiv-text="&lt;b&gt;"/>shipped'
            '<x id="CLOSE_BOLD_TEXT" ctype="x-b" equiv-text="&lt;/b&gt;"/>.',
            'Your order <g id="START_BOLD_TEXT">shipped</g>.',
        ),
        (
            '<x id="START_LINK"/>a<x id="CLOSE_TAG_SPAN"/>',
            '<x id="START_LINK"/>a<x id="CLOSE_TAG_SPAN"/>',
        ),
        # ends in two elements: no <g> can hold them
        ('<bpt id="1"/>a<g id="5">b<ept id="1"/></g>', '<bx id="1"/>a<g id="5">b<ex id="1"/></g>'),
    ],
)
def test_xliff_12_codes_read_as_their_native_code(content: str, expected: str) -> None:
    assert to_text(_source_12(content)).text == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # Markdown, ERB, RTF, an entity: as text the model changed them and the code was lost
        (
            'This is <bpt id="1">**</bpt>very<ept id="1">**</ept> important',
            'This is <g id="1">very</g> important',
        ),
        ('Hello <ph id="1">&lt;%= user.name %&gt;</ph>!', 'Hello <x id="1"/>!'),
        (
            'Use <bpt id="1">\\b </bpt>Export<ept id="1">\\b0 </ept>.',
            'Use <g id="1">Export</g>.',
        ),
        ('Hello <ph x="1">{\\f1 }</ph>world', 'Hello <ph x="1"/>world'),
        ('Copyright<ph id="1">&amp;nbsp;</ph>2024', 'Copyright<x id="1"/>2024'),
        # more than one tag in one code, the two ends of a pair not one element's
        ('Press <ph id="1">&lt;kbd&gt;Enter&lt;/kbd&gt;</ph>', 'Press <x id="1"/>'),
        (
            '<bpt id="1">&lt;b&gt;</bpt>x<ept id="1">&lt;/i&gt;</ept>',
            '<g id="1">x</g>',
        ),
        ('<bpt id="1">&lt;b&gt;</bpt>x<ept id="1"/>', '<g id="1">x</g>'),
        # placeholders and a pair of tags read as themselves
        ('<ph id="1">%s</ph> of <ph id="2">{{count}}</ph>', "%s of {{count}}"),
        ('<bpt id="1" rid="7">&lt;u&gt;</bpt>x<ept id="2" rid="7">&lt;/u&gt;</ept>', "<u>x</u>"),
    ],
)
def test_a_native_code_that_is_not_markup_is_read_as_an_xliff_tag(
    content: str, expected: str
) -> None:
    assert to_text(_source_12(content)).text == expected


def test_a_bpt_and_ept_pair_read_as_g_keeps_both_native_codes_for_an_export(
    tmp_path: Path,
) -> None:
    source = _source_12('Use <bpt id="1">{\\b }</bpt>Export<ept id="1">}</ept>.')
    read = to_text(source)
    assert read.natives == {'<g id="1">': "{\\b }", '<g id="1"></g>': "}"}
    record = PairRecord(
        read.text, 'Nutze <g id="1">Export</g>.', metadata={NATIVE_CODES: read.natives}
    )
    write_xliff(tmp_path / "m.xlf", [record])
    unit = next(etree.parse(tmp_path / "m.xlf").iter(f"{{{NS_12}}}trans-unit"))
    assert _codes(next(unit.iter(f"{{{NS_12}}}target"))) == [
        ("bpt", {"id": "1"}, "{\\b }"),
        ("ept", {"id": "1"}, "}"),
    ]
    [back] = read_xliff(tmp_path / "m.xlf")
    assert (back.source, back.target, back.metadata[NATIVE_CODES]) == (
        record.source,
        record.target,
        read.natives,
    )


@pytest.mark.parametrize(
    ("content", "data", "expected"),
    [
        (
            'A <pc id="1" dataRefStart="d1" dataRefEnd="d1">b</pc>',
            "**",
            'A <pc id="1" dataRefStart="d1" dataRefEnd="d1">b</pc>',
        ),
        ('Hi <ph id="1" dataRef="d1"/>', "&lt;%= name %&gt;", 'Hi <x id="1"/>'),
    ],
)
def test_xliff_20_original_data_that_is_not_markup_keeps_the_codes_own_tag(
    content: str, data: str, expected: str
) -> None:
    assert to_text(_source_20(content, f'<data id="d1">{data}</data>')).text == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('Line<ph id="1" dataRef="d1"/>two', "Line<br/>two"),
        ('A <pc id="2" dataRefStart="d2" dataRefEnd="d3">bold</pc> word', "A <b>bold</b> word"),
        ('A <sc id="2" dataRef="d2"/>bold<ec startRef="2" dataRef="d3"/>', "A <b>bold</b>"),
        ('Hello <ph id="1" disp="{0}"/>!', 'Hello <x id="1"/>!'),
        ('<pc id="1">plain</pc>', '<pc id="1">plain</pc>'),
    ],
)
def test_xliff_20_codes_read_as_the_original_data_they_point_to(
    content: str, expected: str
) -> None:
    data = '<data id="d1">&lt;br/&gt;</data><data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;</data>'
    assert to_text(_source_20(content, data)).text == expected


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        (
            'Click <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept> now<ph id="2">'
            "&lt;br/&gt;</ph>",
            "Jetzt<br/> <b>Speichern</b> klicken",
            'Jetzt<ph id="2">&lt;br/&gt;</ph> <bpt id="1">&lt;b&gt;</bpt>Speichern'
            '<ept id="1">&lt;/b&gt;</ept> klicken',
        ),
        (
            'Open <g id="1">the file</g><x id="2"/>',
            'Öffne <g id="1">die Datei</g><x id="2"/>',
            'Öffne <g id="1">die Datei</g><x id="2"/>',
        ),
        # a <bpt>/<ept> pair read as <g>: its two codes around the translation's words
        (
            'Click <bpt id="1" ctype="bold">{}</bpt>Save<ept id="1">{}</ept> now',
            'Jetzt <g id="1">Speichern</g> klicken',
            'Jetzt <bpt id="1" ctype="bold">{}</bpt>Speichern<ept id="1">{}</ept> klicken',
        ),
        # Angular's <x/> pair: its two codes around the translation's words, in order
        (
            'Read <x id="START_LINK" ctype="x-a"/>the terms<x id="CLOSE_LINK" ctype="x-a"/> now',
            'Lesen Sie jetzt <g id="START_LINK">die Bedingungen</g>',
            'Lesen Sie jetzt <x id="START_LINK" ctype="x-a"/>die Bedingungen'
            '<x id="CLOSE_LINK" ctype="x-a"/>',
        ),
        (
            '<bpt id="1"/>a <bpt id="2"/>b<ept id="2"/><ept id="1"/>',
            '<g id="1">A <g id="2">B</g></g>',
            '<bpt id="1"/>A <bpt id="2"/>B<ept id="2"/><ept id="1"/>',
        ),
    ],
)
def test_fill_turns_native_code_back_into_the_sources_elements(
    source: str, translation: str, expected: str
) -> None:
    target = etree.fromstring(f'<target xmlns="{NS_12}"/>')
    assert fill(target, translation, to_text(_source_12(source)))
    inner = etree.tostring(target, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0]
    assert inner.replace(f' xmlns="{NS_12}"', "") == expected


def test_fill_puts_an_xliff_20_pair_of_native_code_back_as_its_pc() -> None:
    source = _source_20(
        'A <pc id="2" dataRefStart="d2" dataRefEnd="d3">bold</pc> word',
        '<data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;</data>',
    )
    target = etree.SubElement(source.getparent(), f"{{{NS_20}}}target")
    assert fill(target, "Ein <b>fettes</b> Wort", to_text(source))
    [pc] = target
    assert (pc.get("id"), pc.text, target.text, pc.tail) == ("2", "fettes", "Ein ", " Wort")


def test_fill_of_native_codes_that_do_not_nest_keeps_every_code() -> None:
    source = _source_20(
        '<pc id="1" dataRefStart="d2" dataRefEnd="d3">a</pc><ph id="2" dataRef="d1"/>',
        '<data id="d1">&lt;br/&gt;</data><data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;</data>',
    )
    target = etree.SubElement(source.getparent(), f"{{{NS_20}}}target")
    assert not fill(target, "</b>a<b><br/>", to_text(source))
    assert (target.text, [local_name(c.tag) for c in target]) == ("a", ["pc", "ph"])


def _inner(target: Any) -> str:
    inner = etree.tostring(target, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0]
    return inner.replace(f' xmlns="{NS_12}"', "")


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        # the model lost the end of a <bpt>/<ept> pair: the text, then both codes
        (
            'This is <bpt id="1">**</bpt>very important<ept id="1">**</ept>.',
            'Das ist <g id="1">sehr wichtig.',
            'Das ist sehr wichtig.<bpt id="1">**</bpt><ept id="1">**</ept>',
        ),
        (
            'This is <bpt id="1">**</bpt>very important<ept id="1">**</ept>.',
            "Das ist sehr wichtig.",
            'Das ist sehr wichtig.<bpt id="1">**</bpt><ept id="1">**</ept>',
        ),
        (
            'Hello <ph id="1">&lt;%= user.name %&gt;</ph>, welcome.',
            "Hallo, willkommen.",
            'Hallo, willkommen.<ph id="1">&lt;%= user.name %&gt;</ph>',
        ),
        # a code written twice is written once
        (
            'Line one<ph id="1">&lt;br/&gt;</ph>two',
            "Zeile<br/> eins<br/>zwei",
            'Zeile<ph id="1">&lt;br/&gt;</ph> einszwei',
        ),
        # a container the translation lost is put back empty
        ('Open <g id="1">the file</g>', "Öffne die Datei", 'Öffne die Datei<g id="1"/>'),
    ],
)
def test_fill_puts_back_every_code_the_translation_lost_once_and_says_so(
    source: str, translation: str, expected: str
) -> None:
    target = etree.fromstring(f'<target xmlns="{NS_12}"/>')
    assert not fill(target, translation, to_text(_source_12(source)))
    assert _inner(target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<b>bold</b> x<br/>",
            [Code("bpt", "<b>", 1), "bold", Code("ept", "</b>", 1), " x", Code("ph", "<br/>", 2)],
        ),
        ("a <br> b", ["a ", Code("ph", "<br>", 1), " b"]),
        ("<i>open", [Code("begin", "<i>", 1), "open"]),
        ("closed</i>", ["closed", Code("end", "</i>", 1)]),
        (
            '<a href="x">1<b>2</a>3</b>',
            [
                Code("bpt", '<a href="x">', 1),
                "1",
                Code("bpt", "<b>", 2),
                "2",
                Code("ept", "</a>", 1),
                "3",
                Code("ept", "</b>", 2),
            ],
        ),
        ("a < b & c > d", ["a < b & c > d"]),
    ],
)
def test_markup_codes_finds_pairs_placeholders_and_lone_tags(
    text: str, expected: list[str | Code]
) -> None:
    numbers = iter(range(1, 10))
    assert markup_codes(text, lambda kind, native: next(numbers)) == expected


def test_a_targets_codes_take_the_numbers_of_the_same_tags_in_the_source() -> None:
    source, target = pair_markup_codes("<b>A</b> b<br/>", "<br/>B <u>x</u> <b>a</b><b>c</b>")
    assert [p.number for p in source if isinstance(p, Code)] == [1, 1, 2]
    assert [p.number for p in target if isinstance(p, Code)] == [2, 3, 3, 1, 1, 4, 4]


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="de" datatype="html"><body>
<trans-unit id="1"><source>Line one<ph id="1">&lt;br/&gt;</ph>line two.</source>
<target state="translated">Zeile eins<ph id="1">&lt;br/&gt;</ph>Zeile zwei.</target></trans-unit>
<trans-unit id="2"><source>Click <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept>.</source>
<target state="translated">Klicken Sie auf <bpt id="1">&lt;b&gt;</bpt>Speichern<ept id="1">&lt;/b&gt;</ept>.</target>
</trans-unit></body></file></xliff>
"""
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Line one<br/>line two."
msgstr "Zeile eins<br/>Zeile zwei."

msgid "Click <b>Save</b>."
msgstr "Klicken Sie auf <b>Speichern</b>."
"""


def test_an_xliff_unit_with_native_codes_is_the_pair_a_po_entry_with_the_markup_is(
    tmp_path: Path,
) -> None:
    """The native code inside ``<ph>`` was lost (``Line one<ph id="1"/>line two.``), so the
    pair matched no PO or HTML string with the ``<br/>`` it stands for."""
    (tmp_path / "a.xlf").write_text(XLIFF_12, encoding="utf-8")
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    from_xliff = [(r.source, r.target) for r in read_xliff(tmp_path / "a.xlf")]
    assert from_xliff == [(r.source, r.target) for r in read_po(tmp_path / "a.po")]


MARKUP = [
    PairRecord("Click <b>Save</b> now.<br/>", "<br/>Klicken Sie auf <b>Speichern</b>."),
    PairRecord("<br/>", "<br/>"),
    PairRecord('<i>Open <a href="x?a=1&amp;b">it</a>', 'Öffne <a href="x?a=1&amp;b">es</a></i>'),
    PairRecord(
        'Press <x id="1"/> and <g id="2">here</g>.', 'Drücke <x id="1"/> <g id="2">hier</g>.'
    ),
    PairRecord("a < b & c > d", "a < b & c > d"),
]


@pytest.mark.parametrize(
    ("write", "read", "name", "left_out"),
    [
        (write_xliff, read_xliff, "m.xlf", []),
        # a TMX unit of codes alone is no sentence to translate: read as none ("no words")
        (write_tmx, read_tmx, "m.tmx", [("<br/>", "<br/>")]),
    ],
)
def test_markup_is_exported_as_inline_codes_that_import_as_the_same_text(
    tmp_path: Path, write: Any, read: Any, name: str, left_out: list[tuple[str, str]]
) -> None:
    path = tmp_path / name
    assert write(path, MARKUP) == len(MARKUP)
    assert "&lt;b&gt;Save" not in path.read_text(encoding="utf-8")  # no tag written as text
    back = [(r.source, r.target) for r in read(path)]
    assert back == [(r.source, r.target) for r in MARKUP if (r.source, r.target) not in left_out]


def _codes(segment: Any) -> list[tuple[str, dict[str, str], str]]:
    return [(local_name(c.tag), dict(c.attrib), c.text or "") for c in segment]


def test_xliff_export_writes_12_inline_codes_with_the_sources_ids_in_the_target(
    tmp_path: Path,
) -> None:
    write_xliff(tmp_path / "m.xlf", MARKUP[:1])
    unit = next(etree.parse(tmp_path / "m.xlf").iter(f"{{{NS_12}}}trans-unit"))
    source, target = (next(unit.iter(f"{{{NS_12}}}{side}")) for side in ("source", "target"))
    assert _codes(source) == [
        ("bpt", {"id": "1"}, "<b>"),
        ("ept", {"id": "1"}, "</b>"),
        ("ph", {"id": "2"}, "<br/>"),
    ]
    assert _codes(target) == [
        ("ph", {"id": "2"}, "<br/>"),
        ("bpt", {"id": "1"}, "<b>"),
        ("ept", {"id": "1"}, "</b>"),
    ]
    lone = PairRecord("<i>Open", "Öffne</i>")
    write_xliff(tmp_path / "lone.xlf", [lone])
    segments = etree.parse(tmp_path / "lone.xlf").iter(f"{{{NS_12}}}source", f"{{{NS_12}}}target")
    assert [_codes(s) for s in segments] == [
        [("it", {"id": "1", "pos": "open"}, "<i>")],
        [("it", {"id": "2", "pos": "close"}, "</i>")],
    ]


def test_tmx_export_pairs_bpt_and_ept_by_i_and_keeps_codes_alone_in_a_seg_on_its_line(
    tmp_path: Path,
) -> None:
    write_tmx(tmp_path / "m.tmx", MARKUP[:3])
    text = (tmp_path / "m.tmx").read_text(encoding="utf-8")
    assert '<seg><ph x="1">&lt;br/&gt;</ph></seg>' in text  # no line breaks put into it
    segments = list(etree.parse(tmp_path / "m.tmx").iter("seg"))
    assert _codes(segments[0]) == [
        ("bpt", {"i": "1", "x": "1"}, "<b>"),
        ("ept", {"i": "1"}, "</b>"),
        ("ph", {"x": "2"}, "<br/>"),
    ]
    assert _codes(segments[5]) == [
        ("bpt", {"i": "2", "x": "2"}, '<a href="x?a=1&amp;b">'),
        ("ept", {"i": "2"}, "</a>"),
        ("it", {"x": "3", "pos": "end"}, "</i>"),
    ]


def test_an_xliff_text_written_with_references_is_the_pair_a_web_po_entry_is(
    tmp_path: Path,
) -> None:
    """A web app's XLIFF holds its strings as HTML (``Terms &amp;amp; Conditions`` in the XML:
    the text ``Terms &amp; Conditions``), as its PO and TSV do; read into another form, it lost
    the exact match of the memory those filled."""
    (tmp_path / "w.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="app" source-language="en" target-language="de" datatype="plaintext">'
        '<body><trans-unit id="1"><source>Terms &amp;amp; Conditions</source>'
        '<target state="translated">AGB &amp;amp; Bedingungen</target></trans-unit>'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    assert [(r.source, r.target) for r in read_xliff(tmp_path / "w.xlf")] == [
        ("Terms &amp; Conditions", "AGB &amp; Bedingungen")
    ]


TRADOS_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL" srclang="en-US" datatype="xml" segtype="sentence"
 adminlang="en" o-tmf="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-US"><seg>Your order <ph x="1" type="0" /> has been shipped.</seg></tuv>
<tuv xml:lang="de-DE"><seg>Ihre Bestellung <ph x="1" type="0" /> wurde versandt.</seg></tuv></tu>
</body></tmx>
"""
XLIFF_PH = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="de" datatype="plaintext"><body>
<trans-unit id="1"><source>Your order <ph id="1" ctype="x-order"/> has been shipped.</source>
</trans-unit></body></file></xliff>
"""


def test_an_empty_xliff_ph_and_tradoss_empty_tmx_ph_are_one_exact_match(tmp_path: Path) -> None:
    """An XLIFF's ``<ph id="1"/>`` was stored as itself and Trados's ``<ph x="1"/>`` as ``<x
    id="1"/>``: the TMX's translation of the same segment was no exact match."""

    (tmp_path / "trados.tmx").write_text(TRADOS_TMX, encoding="utf-8")
    (tmp_path / "app.xlf").write_text(XLIFF_PH, encoding="utf-8")
    scores, written = _translated_by_exact_matches(
        tmp_path, list(read_tmx(tmp_path / "trados.tmx"))
    )
    assert scores == [100.0]
    assert 'Ihre Bestellung <ph id="1" ctype="x-order"/> wurde versandt.</target>' in written
    assert 'state-qualifier="exact-match"' in written


PAIRED_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" srclang="en" datatype="xml" segtype="sentence"
 adminlang="en" o-tmf="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Click <bpt i="1"/>Save<ept i="1"/> to keep it.</seg></tuv>
<tuv xml:lang="de"><seg>Klicken Sie auf <bpt i="1"/>Speichern<ept i="1"/>.</seg></tuv></tu>
</body></tmx>
"""
PAIRED_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="de" datatype="plaintext"><body>
<trans-unit id="1"><source>Click <bpt id="1"></bpt>Save<ept id="1"></ept> to keep it.</source>
</trans-unit></body></file></xliff>
"""


def test_an_empty_bpt_and_ept_pair_is_one_memory_key_from_tmx_and_xliff(tmp_path: Path) -> None:
    """An empty ``<bpt>``/``<ept>`` pair was stored as ``<g>`` from a TMX and as itself from
    an XLIFF: the same segment was two memory keys, and the TMX's translation no exact match."""

    (tmp_path / "memory.tmx").write_text(PAIRED_TMX, encoding="utf-8")
    (tmp_path / "app.xlf").write_text(PAIRED_XLIFF, encoding="utf-8")
    (tmp_path / "done.xlf").write_text(
        PAIRED_XLIFF.replace(
            "</source>",
            '</source><target state="translated">Klicken Sie auf <bpt id="1"/>Speichern'
            '<ept id="1"/>.</target>',
        ),
        encoding="utf-8",
    )
    [from_tmx], [from_xliff] = read_tmx(tmp_path / "memory.tmx"), read_xliff(tmp_path / "done.xlf")
    assert (from_xliff.source, from_xliff.target) == (from_tmx.source, from_tmx.target)
    scores, written = _translated_by_exact_matches(tmp_path, [from_tmx])
    assert scores == [100.0]
    # written as the file writes its empty elements, with end tags (cat67's end_tags)
    assert 'Klicken Sie auf <bpt id="1"></bpt>Speichern<ept id="1"></ept>.</target>' in written


def _translated_by_exact_matches(tmp_path: Path, pairs: list[Any]) -> tuple[list[float], str]:
    """``tmp_path/app.xlf`` translated into ``out.xlf`` by the best match of each unit in a
    memory of ``pairs``, reused as an exact match: the matches' scores and the file written."""
    from ltmt import Memory
    from ltmt.formats.pipeline import translate_file
    from ltmt.segments import Translation

    scores: list[float] = []
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", pairs)

        def stored(texts: list[str], prefer: list[dict]) -> list[str | Translation]:
            found = [memory.search("u", text, k=1)[0] for text in texts]
            scores.extend(match.score for match in found)
            return [
                Translation(text, match.segment.target, (match,), "exact")
                for text, match in zip(texts, found, strict=True)
            ]

        translate_file(tmp_path / "app.xlf", tmp_path / "out.xlf", stored)
    return scores, (tmp_path / "out.xlf").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # Trados's track changes: the deleted words left out, the added ones kept, no marks
        (
            'Sie <mrk mtype="x-sdl-deleted" sdl:revid="r1">benutzen</mrk><mrk mtype="x-sdl-added"'
            ' sdl:revid="r2">verwenden</mrk> es.',
            "Sie verwenden es.",
        ),
        # a comment: its words, without the mark (its id's digits no text)
        (
            'Open <mrk mtype="x-sdl-comment" sdl:cid="c1a2-0000-4000">SafeKeep</mrk> now.',
            "Open SafeKeep now.",
        ),
        # nested, and a code inside an addition kept, one inside a deletion gone
        (
            '<mrk mtype="x-sdl-comment" sdl:cid="c1">a <mrk mtype="x-sdl-added" sdl:revid="r3">'
            '<g id="1">b</g></mrk><mrk mtype="x-sdl-deleted" sdl:revid="r4"><x id="2"/>c</mrk>'
            "</mrk> d",
            'a <g id="1">b</g> d',
        ),
        # any other mark is a code, as before
        (
            '<mrk mtype="protected" mid="7">ACME</mrk> Hub',
            '<mrk mtype="protected" mid="7">ACME</mrk> Hub',
        ),
    ],
)
def test_trados_track_changes_and_comments_read_as_the_text_they_leave(
    content: str, expected: str
) -> None:
    """A reviewed target was stored with both words and the marks (``<mrk
    mtype="x-sdl-deleted" revid="r1">benutzen</mrk><mrk mtype="x-sdl-added" ...>``)."""
    source = etree.fromstring(
        f'<source xmlns="{NS_12}" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">'
        f"{content}</source>"
    )
    read = to_text(source)
    assert read.text == expected
    assert not any(tag.startswith('<mrk mtype="x-sdl') for tag in read.codes)
