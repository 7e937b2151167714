"""OpenDocument files: a text's body, notes, tables, frames, header and properties, a
spreadsheet's text cells and a presentation's slides and notes translated with their formatting;
the output read back by odfdo and, where installed, LibreOffice (Debian's
libreoffice-*-nogui, as .ci/run installs them)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import odfdo
import pytest
from archives import zipped
from formats_fakes import FakeModel
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libreoffice import converted

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.opendocument import OpenDocument
from ltmt.formats.pipeline import translate_file

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:officeooo="http://openoffice.org/2009/office" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3"'
)
AUTOMATIC_STYLES = """<office:font-face-decls>
<style:font-face style:name="Liberation Mono" svg:font-family="'Liberation Mono'"/>
</office:font-face-decls><office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"
 officeooo:rsid="0001"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"
 officeooo:rsid="0002"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties officeooo:rsid="0003"/>
</style:style>
<style:style style:name="T4" style:family="text"><style:text-properties
 style:font-name="Liberation Mono"/></style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body">
<style:text-properties fo:language="en" fo:country="US"/></style:style>
</office:automatic-styles>"""
TEXT_BODY = """<office:body><office:text>
<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark-start
 text:name="start"/>Getting started<text:bookmark-end text:name="start"/></text:h>
<text:p text:style-name="P1">Press <text:span text:style-name="T1">Save</text:span><text:span
 text:style-name="T3"> to keep</text:span> your work<text:note text:id="ftn1"
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p
 text:style-name="Footnote">Saved files stay on this computer.</text:p></text:note-body>
</text:note> and read the <text:a xlink:type="simple" xlink:href="https://example.com/guide"
 text:style-name="Internet_20_link">user guide</text:a>.</text:p>
<text:p text:style-name="Text_20_body">Run <text:span text:style-name="Source_20_Text">ls
 -l</text:span> or <text:span text:style-name="T4">dir</text:span> to list
   files.<text:tab/>Done<text:line-break/>Two<text:s text:c="2"/>spaces</text:p>
<text:p text:style-name="Preformatted_20_Text">int main(void) { return 0; }</text:p>
<table:table table:name="Prices"><table:table-column/><table:table-column/><table:table-row>
<table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2026-12-04"><text:p>Dec 4,
 2026</text:p></table:table-cell></table:table-row></table:table>
<text:p text:style-name="Text_20_body"><draw:frame draw:name="Image1" svg:width="1in"
 svg:height="1in" text:anchor-type="as-char"><draw:image xlink:href="Pictures/fish.png"/>
<svg:title>Fish</svg:title><svg:desc>A red fish in a bowl</svg:desc></draw:frame> A picture
<office:annotation><dc:creator>Ann Reviewer</dc:creator><text:p>Check this word</text:p>
</office:annotation>caption</text:p>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>
<dc:creator>Ann</dc:creator></office:change-info><text:p>Deleted words</text:p></text:deletion>
</text:changed-region></text:tracked-changes>
</office:text></office:body>"""
CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}>{AUTOMATIC_STYLES}{TEXT_BODY}</office:document-content>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}><office:styles><style:default-style
 style:family="paragraph"><style:text-properties fo:language="en" fo:country="US"
 style:language-asian="ja" style:country-asian="JP"/></style:default-style>
<style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text"/>
<style:style style:name="Heading_20_1" style:family="paragraph"><text:p>A style's sample
 words</text:p></style:style>
</office:styles><office:master-styles><style:master-page style:name="Standard"><style:header>
<text:p text:style-name="Header">Company confidential</text:p></style:header></style:master-page>
</office:master-styles></office:document-styles>"""
META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NAMESPACES}><office:meta><dc:title>The user guide</dc:title>
<dc:creator>Ann Author</dc:creator><dc:language>en-US</dc:language><meta:generator>ltmt
 tests</meta:generator></office:meta></office:document-meta>"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3"><manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
TEXT_TYPE = "application/vnd.oasis.opendocument.text"
ENTRIES = {
    "mimetype": TEXT_TYPE,
    "content.xml": CONTENT,
    "styles.xml": STYLES,
    "meta.xml": META,
    "META-INF/manifest.xml": MANIFEST,
}


def _document(path: Path, entries: dict[str, str] = ENTRIES) -> Path:
    return zipped(path, entries)


@pytest.fixture
def document(tmp_path: Path) -> Path:
    return _document(tmp_path / "guide.odt")


def test_units_are_the_paragraphs_with_words_in_reading_order(document: Path) -> None:
    units = open_document(document).units()
    assert [(u.key, u.source) for u in units] == [
        ("content.xml#p0", "Getting started"),  # its bookmarks stay out
        (
            # a span that changes nothing but its revision id is plain text; the note a
            # placeholder, its paragraph a unit of its own
            "content.xml#p1",
            'Press <g id="1">Save</g> to keep your work<x id="2"/> and read the '
            '<g id="3">user guide</g>.',
        ),
        ("content.xml#p2", "Saved files stay on this computer."),
        (
            # code spans (Source Text, a monospaced font) are placeholders; spaces in the XML
            # collapse, <text:s>, tabs and line breaks are characters
            "content.xml#p3",
            'Run <x id="1"/> or <x id="2"/> to list files.\tDone\nTwo  spaces',
        ),
        ("content.xml#p5", "Name"),  # not the preformatted code nor the date cell
        # after the frame (a space at a paragraph's start collapses); the comment a
        # placeholder, its paragraph not translated
        ("content.xml#p6", 'A picture <x id="1"/>caption'),
        ("content.xml#alt0", "Fish"),  # the picture's title and description
        ("content.xml#alt1", "A red fish in a bowl"),
        ("styles.xml#p0", "Company confidential"),  # the header, not a style's definition
        ("meta.xml#title", "The user guide"),
    ]


def _translated(document: Path, tmp_path: Path, tgt_lang: str = "de") -> Path:
    out = tmp_path / f"guide.{tgt_lang}.odt"
    result = translate_file(document, out, FakeModel(), src_lang="en", tgt_lang=tgt_lang)
    assert result.translated == 10
    return out


def test_the_translation_keeps_formatting_links_notes_and_what_is_not_text(
    document: Path, tmp_path: Path
) -> None:
    out = _translated(document, tmp_path)
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
        content = archive.read("content.xml").decode("utf-8")
        styles = archive.read("styles.xml").decode("utf-8")
        meta = archive.read("meta.xml").decode("utf-8")
    # the archive as it was: the mimetype first and stored
    assert [i.filename for i in infos] == list(ENTRIES)
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert (
        '<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark-start '
        'text:name="start"/>GETTING STARTED<text:bookmark-end text:name="start"/></text:h>'
    ) in content
    assert 'PRESS <text:span text:style-name="T1">SAVE</text:span> TO KEEP YOUR WORK<text:note' in (
        content
    )
    assert "<text:note-citation>1</text:note-citation>" in content
    assert "SAVED FILES STAY ON THIS COMPUTER." in content
    assert (
        'xlink:href="https://example.com/guide"' in content and ">USER GUIDE</text:a>." in content
    )
    assert '<text:span text:style-name="Source_20_Text">ls\n -l</text:span>' in content
    assert "TO LIST FILES.<text:tab/>DONE<text:line-break/>TWO <text:s/>SPACES" in content
    assert ">int main(void) { return 0; }</text:p>" in content
    assert "<text:p>Dec 4,\n 2026</text:p>" in content  # a date's text as it was
    assert "<svg:title>FISH</svg:title><svg:desc>A RED FISH IN A BOWL</svg:desc>" in content
    assert "<text:p>Check this word</text:p>" in content  # a reviewer's comment
    assert "<text:p>Deleted words</text:p>" in content  # a tracked deletion
    assert 'table:name="Prices"' in content  # a table's name
    assert "COMPANY CONFIDENTIAL" in styles and "A style's sample\n words" in styles
    # the text's language: the target's, so that LibreOffice checks German spelling
    assert 'fo:language="de" style:language-asian="ja"' in styles
    assert 'fo:country="US"' not in styles and 'fo:country="US"' not in content
    assert "<dc:title>THE USER GUIDE</dc:title>" in meta and "<dc:language>de</dc:language>" in meta
    assert "<dc:creator>Ann Author</dc:creator>" in meta


def test_a_region_of_the_target_language_is_the_texts_country(
    document: Path, tmp_path: Path
) -> None:
    out = _translated(document, tmp_path, "de-AT")
    with zipfile.ZipFile(out) as archive:
        styles = archive.read("styles.xml").decode("utf-8")
    assert 'fo:language="de" fo:country="AT"' in styles


def test_odfdo_and_libreoffice_read_the_translation(document: Path, tmp_path: Path) -> None:
    out = _translated(document, tmp_path)
    body = odfdo.Document(str(out)).body
    assert [header.inner_text for header in body.headers] == ["GETTING STARTED"]
    assert str(body.paragraphs[0]).startswith("PRESS SAVE TO KEEP YOUR WORK1. SAVED FILES")
    text = converted(out, "writer", "txt:Text", tmp_path).read_text("utf-8-sig")
    assert "GETTING STARTED" in text
    assert "PRESS SAVE TO KEEP YOUR WORK" in text and "READ THE USER GUIDE." in text
    assert "TWO  SPACES" in text  # the spaces LibreOffice shows


def test_an_existing_output_is_the_translation_so_far_and_imports_as_pairs(
    document: Path, tmp_path: Path
) -> None:
    out = _translated(document, tmp_path)
    model = FakeModel()
    translate_file(document, out, model, src_lang="en", tgt_lang="de")
    assert model.seen == []
    pairs = {p.source: p.target for p in OpenDocument.pairs(out, source_file=document)}
    assert pairs["Getting started"] == "GETTING STARTED"
    assert pairs['Press <g id="1">Save</g> to keep your work<x id="2"/> and read the '
                 '<g id="3">user guide</g>.'] == (
        'PRESS <g id="1">SAVE</g> TO KEEP YOUR WORK<x id="2"/> AND READ THE '
        '<g id="3">USER GUIDE</g>.'
    )  # fmt: skip
    assert pairs["The user guide"] == "THE USER GUIDE"
    with pytest.raises(InputError, match="holds one language; give the source-language file"):
        list(OpenDocument.pairs(out))


SHEET = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:body><office:spreadsheet>
<table:table table:name="Price list"><table:table-column table:number-columns-repeated="3"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>Item</text:p>
</table:table-cell><table:table-cell office:value-type="string"><text:p>Unit price</text:p>
</table:table-cell><table:table-cell office:value-type="string"><text:p>Delivered on</text:p>
</table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string" office:string-value="Blue pen">
<text:p>Blue pen</text:p>
<office:annotation><text:p>Ask the supplier</text:p></office:annotation></table:table-cell>
<table:table-cell office:value-type="float" office:value="1.5"><text:p>1.50</text:p>
</table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-12-04">
<text:p>Friday, December 4</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:formula="of:=CONCATENATE(&quot;Total &quot;;[.A2])"
 office:value-type="string"><text:p>Total Blue pen</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="1.5"/><table:table-cell/>
</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"""
SLIDES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:body><office:presentation>
<draw:page draw:name="page1"><draw:frame presentation:class="title" svg:width="20cm"
 svg:height="3cm" svg:x="2cm" svg:y="1cm"><draw:text-box><text:p>Quarterly results</text:p>
</draw:text-box></draw:frame><presentation:notes><draw:frame presentation:class="notes"
 svg:width="16cm" svg:height="12cm" svg:x="2cm" svg:y="14cm"><draw:text-box><text:p>Thank the
 team first</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
</office:presentation></office:body></office:document-content>"""


def _other(path: Path, kind: str, content: str) -> Path:
    manifest = MANIFEST.replace(TEXT_TYPE, f"application/vnd.oasis.opendocument.{kind}")
    return _document(
        path,
        {"mimetype": f"application/vnd.oasis.opendocument.{kind}", "content.xml": content,
         "META-INF/manifest.xml": manifest},
    )  # fmt: skip


def test_a_spreadsheets_text_cells_are_translated_not_numbers_dates_or_formulas(
    tmp_path: Path,
) -> None:
    path = _other(tmp_path / "prices.ods", "spreadsheet", SHEET)
    units = open_document(path).units()
    assert [u.source for u in units] == ["Item", "Unit price", "Delivered on", "Blue pen"]
    out = tmp_path / "prices.de.ods"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    sheet = odfdo.Document(str(out)).body.get_table(0)
    assert sheet.name == "Price list"  # formulas name the sheet
    # (a cell's copy of its text, office:string-value, which LibreOffice shows, is left out)
    assert sheet.get_values(flat=True)[:4] == ["ITEM", "UNIT PRICE", "DELIVERED ON", "BLUE PEN"]
    table = converted(out, "calc", "csv", tmp_path).read_text("utf-8")
    assert table.splitlines()[0] == "ITEM,UNIT PRICE,DELIVERED ON"
    assert table.splitlines()[1].startswith("BLUE PEN,1.5")
    assert "Total BLUE PEN" in table  # LibreOffice computes the formula again


COMPARED = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="val1"
 table:condition="of:cell-content-is-in-list(&quot;Shipped&quot;;&quot;Open&quot;)"/>
</table:content-validations>
<table:table table:name="Orders"><table:table-row>
<table:table-cell office:value-type="string"><text:p>Shipped</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>open</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Late</text:p></table:table-cell>
<table:table-cell table:formula="of:=COUNTIF([.A1:.C1];&quot;Late&quot;)"
 office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Check the orders.</text:p>
</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>
</office:document-content>"""


def test_cells_a_formula_or_a_drop_down_list_compares_against_are_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _other(tmp_path / "orders.ods", "spreadsheet", COMPARED)
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        units = open_document(path).units()
    assert [u.source for u in units] == ["Check the orders."]
    assert caplog.messages == [
        "3 cell texts left as written: formulas or drop-down lists of the workbook compare "
        "against their text ('Late', 'Shipped', 'open'), which would no longer match"
    ]


def test_the_kept_cells_are_said_once_where_a_translation_is_read_beside_its_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # memory import and qa read the source and the translation: each said it
    path = _other(tmp_path / "orders.ods", "spreadsheet", COMPARED)
    out = tmp_path / "orders.de.ods"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    caplog.clear()
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        pairs = list(OpenDocument.pairs(out, source_file=path))
    assert [pair.target for pair in pairs] == ["CHECK THE ORDERS."]
    assert len(caplog.messages) == 1


def test_a_presentations_slides_and_notes_are_translated(tmp_path: Path) -> None:
    path = _other(tmp_path / "results.odp", "presentation", SLIDES)
    out = tmp_path / "results.de.odp"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    units = open_document(out).units()
    assert [u.source for u in units] == ["QUARTERLY RESULTS", "THANK THE TEAM FIRST"]
    slides = converted(out, "impress", "fodp", tmp_path).read_text("utf-8")
    assert "QUARTERLY RESULTS" in slides and "THANK THE TEAM FIRST" in slides


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (None, r"guide.odt: not an OpenDocument file \(not a zip archive"),
        (
            {"mimetype": "application/epub+zip", "content.xml": CONTENT},
            r"guide.odt: not an OpenDocument file that ltmt translates \(a text, spreadsheet, "
            r"presentation or drawing\): its mimetype is 'application/epub\+zip'$",
        ),
        ({"content.xml": CONTENT}, r"that ltmt translates .*: no mimetype entry$"),
        (  # a Word document named .odt (session 64: it was "no mimetype entry")
            {
                "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/'
                'package/2006/content-types"><Override PartName="/word/document.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.'
                'wordprocessingml.document.main+xml"/></Types>',
                "word/document.xml": "<w:document/>",
            },
            r"guide.odt: not an OpenDocument file but a Word document; give it the extension "
            r"\.docx$",
        ),
        (
            {
                **ENTRIES,
                "META-INF/manifest.xml": MANIFEST.replace(
                    'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                    'manifest:full-path="content.xml" manifest:media-type="text/xml">'
                    "<manifest:encryption-data/></manifest:file-entry>",
                ),
            },
            r"guide.odt: encrypted with a password; save a copy without one \(File > Save As, "
            r"with 'Save with password' unchecked\) and translate that$",
        ),
        (
            {**ENTRIES, "content.xml": "<office:document-content"},
            r"guide.odt:content.xml:1:\d+: not a well-formed OpenDocument XML part",
        ),
    ],
)
def test_what_is_no_opendocument_file_is_refused_in_one_line(
    tmp_path: Path, entries: dict[str, str] | None, message: str
) -> None:
    path = tmp_path / "guide.odt"
    if entries is None:
        path.write_text("plain text", "utf-8")
    else:
        _document(path, entries)
    with pytest.raises(InputError, match=message):
        open_document(path)


def _flat(content: str = CONTENT, styles: str = STYLES, meta: str = META) -> str:
    """The parts as one flat OpenDocument file (``.fodt``)."""

    def inner(xml: str) -> str:
        body = xml[xml.index(">", xml.index("<office:document-")) + 1 :]
        return body[: body.rindex("</office:document-")]

    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} '
        f'office:mimetype="{TEXT_TYPE}">{inner(meta)}{inner(styles)}{inner(content)}'
        "</office:document>"
    )


def test_a_flat_file_is_translated_as_its_parts_are_and_written_back_flat(
    tmp_path: Path,
) -> None:
    path = tmp_path / "guide.fodt"
    path.write_text(_flat(), "utf-8")
    packed = [u.source for u in open_document(_document(tmp_path / "guide.odt")).units()]
    units = open_document(path).units()
    # the same units, the header first (the master pages stand before the body in the one
    # document); keys name the one part
    assert sorted(u.source for u in units) == sorted(packed)
    assert (units[0].key, units[0].source) == ("document#p0", "Company confidential")
    marked = tmp_path / "marked.fodt"  # with a byte order mark first
    marked.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [u.source for u in open_document(marked).units()] == [u.source for u in units]
    out = tmp_path / "guide.de.fodt"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 10
    written = out.read_text("utf-8")
    assert written.startswith("<?xml") and "<dc:title>THE USER GUIDE</dc:title>" in written
    assert 'fo:language="de"' in written and "<dc:language>de</dc:language>" in written
    text = converted(out, "writer", "txt:Text", tmp_path).read_text("utf-8-sig")
    assert "PRESS SAVE TO KEEP YOUR WORK" in text
    model = FakeModel()  # the output is the translation so far
    translate_file(path, out, model, src_lang="en", tgt_lang="de")
    assert model.seen == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '<?xml version="1.0"?><html/>',
            r"guide.fodt: not an OpenDocument file \(an XML document whose root is <html>, not a "
            r"flat OpenDocument file's <office:document>\)$",
        ),
        (
            _flat().replace(TEXT_TYPE, "text/plain"),
            r"guide.fodt: not an OpenDocument file that ltmt translates .*: its mimetype is "
            r"'text/plain'$",
        ),
    ],
)
def test_what_is_no_flat_opendocument_file_is_refused_in_one_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "guide.fodt"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        open_document(path)


SPACES = """<office:body><office:text>
<text:p>A1 x<text:s/> y</text:p>
<text:p>A2 x <text:s/> y</text:p>
<text:p>A3 x<text:tab/> y</text:p>
<text:p>A4 x <text:bookmark text:name="b"/> y</text:p>
<text:p>A5 x <text:span> y</text:span>
   z</text:p>
<text:p><text:bookmark text:name="c"/> A6</text:p>
</office:text></office:body>"""


def test_white_space_reads_as_libreoffice_reads_it(tmp_path: Path) -> None:
    import re

    content = CONTENT.replace(TEXT_BODY, SPACES)
    path = _document(tmp_path / "spaces.odt", {**ENTRIES, "content.xml": content})
    ours = [re.sub(r"<x id=\"\d+\"/>", "", u.source) for u in open_document(path).units()]
    assert ours[:6] == ["A1 x  y", "A2 x   y", "A3 x\t y", "A4 x y", "A5 x y z", "A6"]
    text = converted(path, "writer", "txt:Text", tmp_path).read_text("utf-8-sig")
    assert text.splitlines()[:6] == ours[:6]


_ODF_ELEMENTS = (
    "text:p", "text:h", "text:span", "text:a", "text:s", "text:tab", "text:line-break",
    "text:note", "text:note-body", "text:bookmark", "office:annotation", "table:table-cell",
    "draw:frame", "draw:text-box", "svg:title", "text:soft-page-break",
)  # fmt: skip
_ODF_ATTRIBUTES = (
    'text:c="3"', 'text:c="x"', 'text:c="-2"', 'text:style-name="T1"',
    'text:style-name="Source_20_Text"', 'office:value-type="float"',
    'office:value-type="string"', 'office:string-value="v"', 'table:formula="of:=1"',
    'xlink:href="u"',
)  # fmt: skip


@st.composite
def _odf_body(draw: st.DrawFn, depth: int = 0) -> str:
    """Random mixed content of OpenDocument elements, valid XML."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            name = draw(st.sampled_from(_ODF_ELEMENTS))
            attributes = " ".join(
                draw(st.lists(st.sampled_from(_ODF_ATTRIBUTES), max_size=2, unique=True))
            )
            inner = draw(_odf_body(depth + 1))
            parts.append(f"<{name} {attributes}>{inner}</{name}>")
        else:
            parts.append(escape(draw(st.text(alphabet="ab \t\n&<é", max_size=8))))
    return "".join(parts)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_odf_body(), flat=st.booleans())
def test_any_opendocument_body_translates_or_is_refused_in_one_line(
    tmp_path: Path, body: str, flat: bool
) -> None:
    content = CONTENT.replace(TEXT_BODY, f"<office:body><office:text><text:p>{body}</text:p>"
                              f"{body}</office:text></office:body>")  # fmt: skip
    if flat:
        path = tmp_path / "fuzz.fodt"
        path.write_text(_flat(content=content), "utf-8")
    else:
        path = _document(tmp_path / "fuzz.odt", {**ENTRIES, "content.xml": content})
    out = path.with_name(f"fuzz.de{path.suffix}")
    try:
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de", overwrite=True)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    # the output reads back as a document with as many units
    assert len(open_document(out).units()) == len(open_document(path).units())
