"""Word documents: the body, headers, footers, notes and properties translated with their
formatting; the output read back by python-docx and, where installed, LibreOffice (Debian's
libreoffice-writer-nogui, as .ci/run installs it)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from archives import zipped
from compound import compound_file
from formats_fakes import FakeModel
from libreoffice import converted

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.docx import DocxDocument
from ltmt.formats.ooxml_paragraphs import in_source_terms, read_paragraph
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{MAIN}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{MAIN}.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="{MAIN}.header+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{MAIN}.footnotes+xml"/>
<Override PartName="/docProps/core.xml"
  ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2"
  Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
  Target="docProps/core.xml"/>
</Relationships>"""
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RELS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{RELS}/header" Target="header1.xml"/>
<Relationship Id="rId3" Type="{RELS}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="{RELS}/hyperlink" Target="https://example.com/guide"
  TargetMode="External"/>
</Relationships>"""
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{RELS}"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/>
<w:r><w:t>Getting started</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
<w:p><w:r><w:t xml:space="preserve">Press </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Save</w:t></w:r>
<w:r><w:t xml:space="preserve"> to keep your work</w:t></w:r>
<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>
<w:r><w:t xml:space="preserve"> and read the </w:t></w:r><w:hyperlink r:id="rId4"><w:r>
<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>user guide</w:t></w:r></w:hyperlink>
<w:r><w:t>.</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>42</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>
<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline xmlns:wp="{DRAWING}"><wp:extent cx="914400" cy="914400"/>
<wp:docPr id="1" name="Picture 1" descr="A red fish in a bowl" title="Fish"/>
<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic>
</wp:inline></w:drawing></w:r></w:p>
<w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr>
</w:body></w:document>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>
<w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
</w:styles>"""
HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>Company confidential</w:t></w:r></w:p></w:hdr>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Saved files stay on this computer.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties
  xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The user guide</dc:title>
<dc:creator>Ann Author</dc:creator><dc:language>en-US</dc:language></cp:coreProperties>"""
ENTRIES = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELS,
    "word/document.xml": DOCUMENT,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/styles.xml": STYLES,
    "word/header1.xml": HEADER,
    "word/footnotes.xml": FOOTNOTES,
    "docProps/core.xml": CORE,
}


def _document(path: Path, entries: dict[str, str] = ENTRIES) -> Path:
    return zipped(path, entries)


@pytest.fixture
def document(tmp_path: Path) -> Path:
    return _document(tmp_path / "guide.docx")


def test_units_are_the_paragraphs_with_words_in_reading_order(document: Path) -> None:
    units = open_document(document).units()
    assert [(u.key, u.source) for u in units] == [
        ("word/document.xml#p0", "Getting started"),  # its bookmark stays out
        (
            "word/document.xml#p1",
            'Press <g id="1">Save</g> to keep your work<x id="2"/> and read the '
            '<g id="3">user guide</g>.',
        ),
        ("word/document.xml#p2", "Name"),  # a cell ("42" has no words)
        ("word/document.xml#p4", 'Page <x id="1"/>1'),  # the field's end stays out
        ("word/document.xml#alt0", "A red fish in a bowl"),  # a picture's description
        ("word/document.xml#alt1", "Fish"),  # and title
        ("word/header1.xml#p0", "Company confidential"),
        ("word/footnotes.xml#p1", " Saved files stay on this computer."),  # after its mark
        ("docProps/core.xml#title", "The user guide"),
    ]


def _translated(document: Path, tmp_path: Path) -> Path:
    out = tmp_path / "guide.de.docx"
    result = translate_file(document, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 9
    return out


def test_the_translation_keeps_formatting_links_notes_and_fields(
    document: Path, tmp_path: Path
) -> None:
    out = _translated(document, tmp_path)
    word = docx.Document(str(out))
    paragraphs = word.paragraphs
    assert paragraphs[0].text == "GETTING STARTED"
    assert paragraphs[0].style.name == "Heading 1"
    runs = [(run.text, bool(run.bold)) for run in paragraphs[1].runs]
    assert ("SAVE", True) in runs and ("PRESS ", False) in runs
    (link,) = paragraphs[1].hyperlinks
    assert (link.text, link.address) == ("USER GUIDE", "https://example.com/guide")
    assert word.tables[0].cell(0, 0).text == "NAME" and word.tables[0].cell(0, 1).text == "42"
    assert word.sections[0].header.paragraphs[0].text == "COMPANY CONFIDENTIAL"
    assert word.core_properties.title == "THE USER GUIDE"
    assert word.core_properties.language == "de"
    assert word.core_properties.author == "Ann Author"  # other properties as they were
    with zipfile.ZipFile(out) as archive:
        assert [info.filename for info in archive.infolist()] == list(ENTRIES)
        body = archive.read("word/document.xml").decode("utf-8")
        notes = archive.read("word/footnotes.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert '<w:footnoteReference w:id="1"/>' in body
    assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in body
    assert '<w:bookmarkStart w:id="0" w:name="_Toc1"/>' in body
    assert 'descr="A RED FISH IN A BOWL" title="FISH"' in body
    assert "<w:footnoteRef/>" in notes and "SAVED FILES STAY ON THIS COMPUTER." in notes
    assert '<w:lang w:val="de" w:eastAsia="ja-JP"/>' in styles  # Word checks German spelling


def test_libreoffice_reads_the_translation(document: Path, tmp_path: Path) -> None:
    out = _translated(document, tmp_path)
    text = converted(out, "writer", "txt:Text", tmp_path).read_text("utf-8-sig")
    assert "GETTING STARTED" in text
    assert "PRESS SAVE TO KEEP YOUR WORK" in text and "READ THE USER GUIDE." in text


def test_an_existing_output_is_the_translation_so_far_and_imports_as_pairs(
    document: Path, tmp_path: Path
) -> None:
    out = _translated(document, tmp_path)
    model = FakeModel()
    translate_file(document, out, model, src_lang="en", tgt_lang="de")
    assert model.seen == []
    pairs = {p.source: p.target for p in DocxDocument.pairs(out, source_file=document)}
    assert pairs["Getting started"] == "GETTING STARTED"
    assert pairs['Press <g id="1">Save</g> to keep your work<x id="2"/> and read the '
                 '<g id="3">user guide</g>.'] == (
        'PRESS <g id="1">SAVE</g> TO KEEP YOUR WORK<x id="2"/> AND READ THE '
        '<g id="3">USER GUIDE</g>.'
    )  # fmt: skip
    assert pairs["The user guide"] == "THE USER GUIDE"
    positions = [p.position for p in DocxDocument.pairs(out, source_file=document)]
    assert positions[1] == f"{out}: word/document.xml#p1 ('Press Save to keep your work …')"
    assert positions[4] == f"{out}: word/document.xml#alt0"  # a picture's description
    with pytest.raises(InputError, match="holds one language; give the source-language file"):
        list(DocxDocument.pairs(out))


def test_a_run_in_a_character_style_in_a_monospaced_font_is_kept_as_code(
    tmp_path: Path,
) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    word = docx.Document()
    command = word.styles.add_style("Command", WD_STYLE_TYPE.CHARACTER)
    command.font.name = "Consolas"
    paragraph = word.add_paragraph("Install the agent with ")
    paragraph.add_run("contoso-agent --install").style = command
    paragraph.add_run(" on each server.")
    word.save(str(tmp_path / "install.docx"))
    document = DocxDocument.open(tmp_path / "install.docx")
    assert document.units()[0].source == 'Install the agent with <x id="1"/> on each server.'
    out = tmp_path / "install.de.docx"
    translate_file(tmp_path / "install.docx", out, FakeModel(), src_lang="en", tgt_lang="de")
    runs = docx.Document(str(out)).paragraphs[0].runs
    assert [(run.text, run.style.name) for run in runs][1] == ("contoso-agent --install", "Command")


def test_headings_and_body_text_in_a_monospaced_style_are_prose(tmp_path: Path) -> None:
    """A title, headings and a body text style set in Consolas or Courier were kept as code,
    untranslated, once styles' fonts were read (a regression trial's find)."""
    word = docx.Document()
    word.styles["Normal"].font.name = "Courier New"
    for name in ("Title", "Heading 1", "Body Text"):
        word.styles[name].font.name = "Consolas"
    word.add_paragraph("Quarterly report", style="Title")
    word.add_heading("Introduction", 1)
    word.add_paragraph("Our sales increased by ten percent.", style="Body Text")
    word.save(str(tmp_path / "report.docx"))
    sources = [unit.source for unit in DocxDocument.open(tmp_path / "report.docx").units()]
    assert sources[:3] == [
        "Quarterly report",
        "Introduction",
        "Our sales increased by ten percent.",
    ]


def test_a_translations_tags_are_read_as_the_sources_by_their_formatting() -> None:
    from lxml import etree

    def paragraph(body: str) -> object:
        return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{body}</w:p>')

    bold, italic = "<w:rPr><w:b/></w:rPr>", "<w:rPr><w:i/></w:rPr>"
    mine = read_paragraph(
        paragraph(
            f"<w:r><w:t xml:space='preserve'>A long plain sentence with </w:t></w:r>"
            f"<w:r>{bold}<w:t>bold</w:t></w:r><w:r><w:t xml:space='preserve'> and </w:t></w:r>"
            f"<w:r>{italic}<w:t>italic</w:t></w:r><w:r><w:t> words.</w:t></w:r>"
        )
    )
    theirs = read_paragraph(
        paragraph(
            f"<w:r><w:t xml:space='preserve'>Ein langer Satz mit </w:t></w:r>"
            f"<w:r>{italic}<w:t>kursiven</w:t></w:r><w:r><w:t xml:space='preserve'> und </w:t></w:r>"
            f"<w:r>{bold}<w:t>fetten</w:t></w:r><w:r><w:t xml:space='preserve'> und </w:t></w:r>"
            f"<w:r><w:rPr><w:u w:val='single'/></w:rPr><w:t>neuen</w:t></w:r><w:r><w:t> Wörtern.</w:t></w:r>"
        ),
        plain_style=mine.plain_style,
    )
    assert in_source_terms(theirs, mine) == (
        'Ein langer Satz mit <g id="2">kursiven</g> und <g id="1">fetten</g> und neuen Wörtern.'
    )


def test_a_document_saved_as_strict_open_xml_is_translated_and_stays_strict(
    tmp_path: Path,
) -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    entries = {
        name: text.replace(W_NS, strict) if name.startswith("word/") else text
        for name, text in ENTRIES.items()
    }
    path = _document(tmp_path / "strict.docx", entries)
    assert open_document(path).units()[0].source == "Getting started"
    out = tmp_path / "strict.de.docx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert f'xmlns:w="{strict}"' in body and W_NS not in body
    assert "GETTING STARTED" in body
    assert '<w:lang w:val="de" w:eastAsia="ja-JP"/>' in styles and W_NS not in styles


@pytest.mark.parametrize(
    ("streams", "message"),
    [
        (
            ("WordDocument", "1Table"),
            r"renamed\.docx: not a Word document but a Word 97-2003 document \(\.doc\); save it "
            r"as \.docx \(soffice --headless --convert-to docx --outdir converted .*renamed\.docx "
            r"makes one\)$",
        ),
        (
            ("EncryptionInfo", "EncryptedPackage"),
            r"renamed\.docx: encrypted with a password; save a copy without one and translate "
            r"that$",
        ),
    ],
)
def test_a_compound_file_named_docx_is_named_by_what_it_holds(
    tmp_path: Path, streams: tuple[str, ...], message: str
) -> None:
    """A .doc renamed .docx was 'encrypted with a password or saved by Office 97-2003'."""
    path = tmp_path / "renamed.docx"
    path.write_bytes(compound_file(*streams))
    with pytest.raises(InputError, match=message):
        open_document(path)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (None, r"not a Word document \(not a zip archive"),
        ({"a.txt": "x"}, r"not a Word document \(no \[Content_Types\].xml in the archive\)"),
        (
            {
                "[Content_Types].xml": CONTENT_TYPES.replace(
                    f"{MAIN}.document.main+xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ),
                "word/document.xml": DOCUMENT,
            },
            r"guide.docx: not a Word document but an Excel workbook; give it the extension \.xlsx$",
        ),
        (
            {**ENTRIES, "word/document.xml": "<w:document"},
            r"guide.docx:word/document.xml:1:\d+: not a well-formed Office XML part",
        ),
    ],
)
def test_what_is_no_word_document_is_refused_in_one_line(
    tmp_path: Path, entries: dict[str, str] | None, message: str
) -> None:
    path = tmp_path / "guide.docx"
    if entries is None:
        path.write_text("plain text", "utf-8")
    else:
        _document(path, entries)
    with pytest.raises(InputError, match=message):
        open_document(path)


TRACKED = DOCUMENT.replace(
    "<w:sectPr>",
    '<w:p><w:pPr><w:rPr><w:ins w:id="7" w:author="Ann"/></w:rPr></w:pPr>'
    '<w:r><w:t xml:space="preserve">Pay within </w:t></w:r>'
    '<w:del w:id="8" w:author="Ann"><w:r><w:delText>14</w:delText></w:r></w:del>'
    '<w:ins w:id="9" w:author="Ann"><w:r><w:t>30</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> days.</w:t></w:r></w:p><w:sectPr>',
)


def test_the_summary_says_what_became_of_tracked_changes(tmp_path: Path) -> None:
    path = _document(tmp_path / "tracked.docx", {**ENTRIES, "word/document.xml": TRACKED})
    assert DocxDocument.open(path).tracked_changes() == (1, 1)  # not the paragraph mark's
    result = translate_file(
        path, tmp_path / "tracked.de.docx", FakeModel(), src_lang="en", tgt_lang="de"
    )
    assert result.report.as_dict()["tracked_insertions"] == 1
    assert result.report.summary().endswith(
        "; tracked changes: 1 insertion translated as such, 1 deletion kept as written "
        "(accept or reject changes first for a clean translation)"
    )


def _word_document(path: Path, title: str, paragraphs: list[str]) -> Path:
    word = docx.Document()
    word.core_properties.title = title
    for text in paragraphs:
        word.add_paragraph(text)
    word.save(str(path))
    return path


def test_another_document_or_an_update_into_an_existing_output_translates_what_changed(
    tmp_path: Path,
) -> None:
    records = OutputSources(tmp_path / "records")
    out = tmp_path / "de.docx"
    guide = _word_document(tmp_path / "a.docx", "User guide", ["Open the file.", "Save it."])
    translate_file(guide, out, FakeModel(), src_lang="en", tgt_lang="de", output_sources=records)
    edited = docx.Document(str(out))
    edited.paragraphs[1].runs[0].text = "Speichern Sie sie."  # the translator's
    edited.save(str(out))
    notes = _word_document(tmp_path / "b.docx", "Release notes", ["Close the window.", "Save it."])
    model = FakeModel()
    result = translate_file(notes, out, model, src_lang="en", tgt_lang="de", output_sources=records)
    assert model.seen == ["Close the window.", "Release notes"]
    word = docx.Document(str(out))
    assert [p.text for p in word.paragraphs] == ["CLOSE THE WINDOW.", "Speichern Sie sie."]
    assert word.core_properties.title == "RELEASE NOTES"  # not the other document's
    assert result.report.source_changed == 2


def test_another_documents_translation_read_in_this_ones_tags_is_not_taken_for_an_edit(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    out = tmp_path / "de.docx"
    translate_file(
        _document(tmp_path / "a.docx"),
        out,
        FakeModel(),
        src_lang="en",
        tgt_lang="de",
        output_sources=records,
    )
    # another program's fields, which the first document's do not line up with
    document = DOCUMENT.replace("<w:t>Page </w:t>", "<w:t>Contoso Ltd. | Page </w:t>").replace(
        '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="begin" w:dirty="true"/>'
    )
    other = _document(tmp_path / "b.docx", {**ENTRIES, "word/document.xml": document})
    model = FakeModel()
    translate_file(other, out, model, src_lang="en", tgt_lang="de", output_sources=records)
    assert "edited since" not in caplog.text
    assert 'Contoso Ltd. | Page <x id="1"/>1' in model.seen
    assert "CONTOSO LTD. | PAGE 1" in [p.text for p in docx.Document(str(out)).paragraphs]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("word/../../PWNED.txt", b"pwned", "its entry 'word/../../PWNED.txt' points outside"),
    ],
    ids=["zip slip"],
)
def test_a_zip_slip_is_refused_and_nothing_written(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _document(tmp_path / "guide.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    out = tmp_path / "guide.de.docx"
    with pytest.raises(InputError, match=message):
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert not out.exists()


def test_a_zip_bomb_part_is_refused_and_nothing_written(tmp_path: Path) -> None:
    bomb = DOCUMENT + " " * (4 << 20)
    path = _document(tmp_path / "guide.docx", {**ENTRIES, "word/document.xml": bomb})
    out = tmp_path / "guide.de.docx"
    with pytest.raises(InputError, match=r"its part word/document\.xml, which ltmt reads, de"):
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert not out.exists()


def test_a_picture_that_compresses_well_is_copied(tmp_path: Path) -> None:
    """A mostly white uncompressed TIFF scan (1002 times its compressed size) was refused as a
    zip bomb (session 64); it is copied as it is, never read into memory whole."""
    scan = "II*" + "\0" * (4 << 20)  # white, uncompressed
    path = _document(tmp_path / "guide.docx", {**ENTRIES, "word/media/scan.tif": scan})
    out = tmp_path / "guide.de.docx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        assert archive.read("word/media/scan.tif") == scan.encode()


def test_a_part_whose_doctype_declares_entities_is_refused(tmp_path: Path) -> None:
    declared = DOCUMENT.replace(
        "<w:document", '<!DOCTYPE w:document [<!ENTITY e "x">]>\n<w:document', 1
    ).replace("Getting started", "Getting &e; started")
    path = _document(tmp_path / "guide.docx", {**ENTRIES, "word/document.xml": declared})
    with pytest.raises(InputError, match=r"document\.xml: declares XML entities in its DOCTYPE"):
        open_document(path)


AMENDED = DOCUMENT.replace(
    "<w:sectPr>",
    '<w:p><w:r><w:t xml:space="preserve">5.1 The Receiving Party </w:t></w:r>'
    '<w:del w:id="20" w:author="Ann"><w:r><w:delText>shall</w:delText></w:r></w:del>'
    '<w:ins w:id="21" w:author="Ann"><w:r><w:t>may</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> disclose it.</w:t></w:r></w:p><w:sectPr>',
)
AMENDED_SOURCE = '5.1 The Receiving Party <x id="1"/>may disclose it.'


def _may_alone_as_mai(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
    """A model that translates the sentence with ``kann`` and ``may`` alone as ``Mai``."""
    wanted = {AMENDED_SOURCE: '5.1 Die empfangende Partei <x id="1"/> kann es offenlegen.'}
    return [wanted.get(text, "Mai" if text == "may" else text) for text in texts]


def test_a_tracked_insertion_the_translation_has_no_words_for_is_left_untracked(
    tmp_path: Path,
) -> None:
    path = _document(tmp_path / "amended.docx", {**ENTRIES, "word/document.xml": AMENDED})
    output = tmp_path / "amended.de.docx"
    result = translate_file(path, output, _may_alone_as_mai, src_lang="en", tgt_lang="de")
    written = zipfile.ZipFile(output).read("word/document.xml").decode()
    paragraph = re.search(r"<w:p>(?:(?!<w:p>).)*Partei.*?</w:p>", written)
    assert paragraph is not None
    assert "Mai" not in written and "<w:ins" not in paragraph.group()  # (was kann <ins>Mai</ins>)
    assert "<w:delText>shall</w:delText>" in paragraph.group()
    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph.group())) == (
        "5.1 Die empfangende Partei  kann es offenlegen."
    )
    assert result.report.as_dict()["tracked_untracked"] == 1
    assert result.report.summary().endswith(
        "; tracked changes: 0 insertions translated as such, 1 deletion kept as written (accept "
        "or reject changes first for a clean translation); 1 tracked insertion could not be "
        "kept apart in the translation: its words are untracked; review it"
    )


def test_a_bold_kept_name_stays_bold_alone_in_the_compound_it_starts(tmp_path: Path) -> None:
    words = {
        "Read the guide before using the CardioSense™ X2 monitor.": (
            "Lesen Sie die Anleitung, bevor Sie den CardioSense™ X2-Monitor verwenden."
        ),
        "CardioSense™ X2": "CardioSense™ X2",
    }
    made = docx.Document()
    paragraph = made.add_paragraph("Read the guide before using the ")
    paragraph.add_run("CardioSense™ X2").bold = True
    paragraph.add_run(" monitor.")
    made.save(tmp_path / "in.docx")
    translate_file(
        tmp_path / "in.docx",
        tmp_path / "out.docx",
        lambda texts, prefer: [words.get(t, t) for t in texts],
        src_lang="en",
        tgt_lang="de",
    )
    runs = docx.Document(str(tmp_path / "out.docx")).paragraphs[0].runs
    assert [(run.text, bool(run.bold)) for run in runs] == [
        ("Lesen Sie die Anleitung, bevor Sie den ", False),
        ("CardioSense™ X2", True),
        ("-Monitor verwenden.", False),
    ]
