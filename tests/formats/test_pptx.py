"""PowerPoint presentations, made with python-pptx (a test dependency): slides, tables, notes
and alt texts translated with their formatting; the output read back by python-pptx and, where
installed, LibreOffice Impress (Debian's libreoffice-impress-nogui, as .ci/run installs it)."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pptx
import pytest
from archives import zipped
from formats_fakes import FakeModel
from libreoffice import converted
from pptx.util import Inches

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.pptx import PptxDocument

# a PNG of one pixel
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def _presentation(path: Path) -> Path:
    deck = pptx.Presentation()
    title_slide = deck.slides.add_slide(deck.slide_layouts[0])
    title_slide.shapes.title.text = "Quarterly results"
    title_slide.placeholders[1].text = "Sales and support"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "What changed"
    body = slide.placeholders[1].text_frame
    body.text = "Support answers faster"
    paragraph = body.add_paragraph()
    paragraph.add_run().text = "Open the "
    link = paragraph.add_run()
    link.text = "new dashboard"
    link.hyperlink.address = "https://example.com/dashboard"
    paragraph.add_run().text = " every "
    bold = paragraph.add_run()
    bold.text = "Monday"
    bold.font.bold = True
    paragraph.add_run().text = " morning."
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(5), Inches(4), Inches(1)).table
    table.cell(0, 0).text = "Region"
    table.cell(0, 1).text = "2026"
    picture = slide.shapes.add_picture(io.BytesIO(PIXEL), Inches(6), Inches(1))
    picture._element.nvPicPr.cNvPr.set("descr", "A rising line chart")
    slide.notes_slide.notes_text_frame.text = "Thank the support team."
    deck.core_properties.title = "Results"
    deck.core_properties.comments = ""  # the template says it was made by python-pptx
    deck.save(str(path))
    return path


@pytest.fixture
def presentation(tmp_path: Path) -> Path:
    return _presentation(tmp_path / "results.pptx")


def test_units_are_the_slides_paragraphs_then_the_notes(presentation: Path) -> None:
    units = [(u.key, u.source) for u in open_document(presentation).units()]
    assert units == [
        ("ppt/slides/slide1.xml#p0", "Quarterly results"),
        ("ppt/slides/slide1.xml#p1", "Sales and support"),
        ("ppt/slides/slide2.xml#p0", "What changed"),
        ("ppt/slides/slide2.xml#p1", "Support answers faster"),
        (
            "ppt/slides/slide2.xml#p2",
            'Open the <g id="1">new dashboard</g> every <g id="2">Monday</g> morning.',
        ),
        ("ppt/slides/slide2.xml#p3", "Region"),  # a cell ("2026" has no words)
        ("ppt/slides/slide2.xml#alt0", "A rising line chart"),  # the picture's description
        ("ppt/notesSlides/notesSlide1.xml#p0", "Thank the support team."),
        ("docProps/core.xml#title", "Results"),
    ]


def _translated(presentation: Path, tmp_path: Path) -> Path:
    out = tmp_path / "results.de.pptx"
    result = translate_file(presentation, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 9
    return out


def test_the_translation_keeps_links_formatting_tables_and_notes(
    presentation: Path, tmp_path: Path
) -> None:
    out = _translated(presentation, tmp_path)
    deck = pptx.Presentation(str(out))
    first, second = deck.slides
    assert first.shapes.title.text == "QUARTERLY RESULTS"
    body = second.placeholders[1].text_frame.paragraphs
    assert body[0].text == "SUPPORT ANSWERS FASTER"
    runs = {run.text: run for run in body[1].runs}
    assert runs["NEW DASHBOARD"].hyperlink.address == "https://example.com/dashboard"
    assert runs["MONDAY"].font.bold is True
    assert body[1].text == "OPEN THE NEW DASHBOARD EVERY MONDAY MORNING."
    table = next(shape for shape in second.shapes if shape.has_table).table
    assert (table.cell(0, 0).text, table.cell(0, 1).text) == ("REGION", "2026")
    assert second.notes_slide.notes_text_frame.text == "THANK THE SUPPORT TEAM."
    assert deck.core_properties.title == "RESULTS"
    with zipfile.ZipFile(presentation) as before, zipfile.ZipFile(out) as after:
        assert [i.filename for i in after.infolist()] == [i.filename for i in before.infolist()]
        slide = after.read("ppt/slides/slide2.xml").decode("utf-8")
        assert after.read("ppt/media/image1.png") == before.read("ppt/media/image1.png")
    assert 'descr="A RISING LINE CHART"' in slide
    assert 'lang="en-US"' not in slide


def test_libreoffice_impress_reads_the_translation(presentation: Path, tmp_path: Path) -> None:
    out = _translated(presentation, tmp_path)
    flat = converted(out, "impress", "fodp", tmp_path).read_text("utf-8")
    assert "QUARTERLY RESULTS" in flat and "THANK THE SUPPORT TEAM." in flat
    assert "NEW DASHBOARD" in flat and "https://example.com/dashboard" in flat


def test_an_existing_output_is_the_translation_so_far_and_imports_as_pairs(
    presentation: Path, tmp_path: Path
) -> None:
    out = _translated(presentation, tmp_path)
    model = FakeModel()
    translate_file(presentation, out, model, src_lang="en", tgt_lang="de")
    assert model.seen == []
    pairs = {p.source: p.target for p in PptxDocument.pairs(out, source_file=presentation)}
    assert pairs["What changed"] == "WHAT CHANGED"
    assert pairs["A rising line chart"] == "A RISING LINE CHART"


def _word_document(path: Path) -> Path:
    """A Word document's archive (its main part alone) at ``path``, whatever its name."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def test_a_word_document_named_pptx_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = _word_document(tmp_path / "report.pptx")
    with pytest.raises(
        InputError,
        match=r"report\.pptx: not a PowerPoint presentation but a Word document; give it the "
        r"extension \.docx$",
    ):
        open_document(path)
    with pytest.raises(  # read as a presentation by --format: its name is right
        InputError,
        match=r"report\.docx: not a PowerPoint presentation but a Word document; read it as one "
        r"\(leave --format out\)$",
    ):
        open_document(_word_document(tmp_path / "report.docx"), "pptx")


def test_a_source_file_of_another_kind_names_both_kinds(presentation: Path, tmp_path: Path) -> None:
    """A presentation's pairs with a Word document as --source-file: 'report.docx: not a
    PowerPoint presentation but a Word document; give it the extension .docx' (it had it)."""
    source = _word_document(tmp_path / "report.docx")
    with pytest.raises(
        InputError,
        match=rf"^{presentation}: the translation is a PowerPoint presentation, but the source "
        rf"file {source} is a Word document; give the source file of the same kind$",
    ):
        PptxDocument.pairs(presentation, source_file=source)


def test_an_opendocument_source_file_names_both_kinds(presentation: Path, tmp_path: Path) -> None:
    """``--source-file deck.odp`` said ``not a PowerPoint presentation (no [Content_Types].xml
    in the archive)``."""
    source = zipped(
        tmp_path / "deck.odp",
        {"mimetype": "application/vnd.oasis.opendocument.presentation", "content.xml": "<x/>"},
    )
    with pytest.raises(
        InputError,
        match=rf"^{presentation}: the translation is a PowerPoint presentation, but the source "
        rf"file {source} is an OpenDocument file; give the source file of the same kind$",
    ):
        PptxDocument.pairs(presentation, source_file=source)
    with pytest.raises(
        InputError,
        match=r"deck\.odp: not a PowerPoint presentation but an OpenDocument file; read it as one "
        r"\(leave --format out\)$",
    ):
        open_document(source, "pptx")


def test_a_bold_run_never_goes_onto_a_word_its_translation_is_only_inside(
    tmp_path: Path,
) -> None:
    """``leave`` alone gave ``Laub``, which is inside ``Erlauben``: the bold went there."""
    deck = pptx.Presentation()
    body = deck.slides.add_slide(deck.slide_layouts[1]).placeholders[1].text_frame
    body.paragraphs[0].add_run().text = "Lock your screen when you "
    bold = body.paragraphs[0].add_run()
    bold.text, bold.font.bold = "leave", True
    body.paragraphs[0].add_run().text = " your desk."
    deck.save(str(tmp_path / "in.pptx"))
    outputs = {
        "Lock your screen when you leave your desk.": "Erlauben Sie den Bildschirm beim Gehen.",
        "leave": "Laub",
    }

    def model(texts: list[str], prefer: list[dict]) -> list[str]:
        return [outputs.get(text, text) for text in texts]

    translate_file(tmp_path / "in.pptx", tmp_path / "out.pptx", model, src_lang="en", tgt_lang="de")
    paragraph = pptx.Presentation(str(tmp_path / "out.pptx")).slides[0].placeholders[1]
    bold_runs = [run.text for run in paragraph.text_frame.paragraphs[0].runs if run.font.bold]
    assert bold_runs == ["Laub"]
