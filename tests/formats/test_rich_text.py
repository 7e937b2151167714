"""A catalog message that is an HTML document (Qt's rich text) translated as a page
(:mod:`ltmt.formats.rich_text`)."""

from __future__ import annotations

import html
import json
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.block_messages import block_message
from ltmt.formats.documents import Unit
from ltmt.formats.pipeline import translate_file
from ltmt.formats.po import read_po
from ltmt.formats.qt_ts import read_ts
from ltmt.formats.rich_text import document_page, is_html_document

# Qt Designer's rich text (Qt 5 and later): a QLabel's text with formatting
DESIGNER = (
    '<html><head/><body><p><span style=" font-weight:600;">Welcome!</span></p>'
    "<p>Create a new project or open an existing one.</p></body></html>"
)
DESIGNER_DE = (
    '<html><head/><body><p><span style=" font-weight:600;">WELCOME!</span></p>'
    "<p>CREATE A NEW PROJECT OR OPEN AN EXISTING ONE.</p></body></html>"
)
# its older form (Qt 4, QTextEdit's html): a doctype, a head with a style sheet, styled blocks
HEAD = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">\n'
    '<html><head><meta name="qrichtext" content="1" /><style type="text/css">\n'
    "p, li { white-space: pre-wrap; }\n"
    "</style></head><body style=\" font-family:'Sans Serif'; font-size:9pt;\">\n"
)
P = '<p style=" margin-top:0px; -qt-block-indent:0;">'
EMPTY_P = '<p style="-qt-paragraph-type:empty; margin-top:0px;"><br /></p>'
LINK = '<a href="https://www.gnu.org/licenses/gpl-3.0.html"><span style=" color:#0000ff;">'
OLDER = (
    f"{HEAD}{P}This program is free software under the {LINK}GNU GPL</span></a>.</p>\n"
    f"{EMPTY_P}\n{P}Report bugs on our issue tracker.</p></body></html>"
)
OLDER_DE = (
    f"{HEAD}{P}THIS PROGRAM IS FREE SOFTWARE UNDER THE {LINK}GNU GPL</span></a>.</p>\n"
    f"{EMPTY_P}\n{P}REPORT BUGS ON OUR ISSUE TRACKER.</p></body></html>"
)


@pytest.mark.parametrize(
    ("text", "document"),
    [
        (DESIGNER, True),
        (OLDER, True),
        ("<html><body><p>One paragraph.</p></body></html>", True),
        ('  <HTML lang="en"><body>Text</body></HTML>', True),
        ("<!doctype html><p>Hi</p>", True),
        ("<p>Save the file.</p><p>Then close it.</p>", False),  # blocks: PO's block_message
        ("The <html> element starts a page.", False),
        ("<htmlish>x</htmlish>", False),
        ("<!DOCTYPE TS>", False),
        ("Click <b>Save</b>.", False),
        ("", False),
    ],
)
def test_a_message_that_is_an_html_document_is_read_as_a_page(text: str, document: bool) -> None:
    assert is_html_document(text) is document
    assert (document_page(Unit("1", text)) is not None) is document


def test_a_one_paragraph_document_is_a_page_too() -> None:
    """A tooltip of one paragraph: its body and head stay outside the model's text, as
    :func:`block_message` reads it for a PO message (two blocks are its rule otherwise)."""
    tooltip = '<html><head/><body><p>Saves all <span style=" font-weight:600;">open</span> documents.</p></body></html>'
    page = block_message(tooltip)
    assert page is not None
    assert [piece.source for piece in page.pieces()] == [
        'Saves all <span style=" font-weight:600;">open</span> documents.'
    ]


@pytest.mark.parametrize(
    "text",
    [
        " " * 100_000 + "x",
        "<html" + " " * 100_000,
        "<html " + "a=" * 50_000,
        "<!DOCTYPE" + " " * 100_000 + "htm",
        "\t\n" * 50_000 + "<htm",
    ],
)
def test_the_document_test_takes_no_time_on_long_input(text: str) -> None:
    started = time.perf_counter()
    assert not is_html_document(text)
    assert time.perf_counter() - started < 0.5


def _ts(source: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">\n'
        "<context>\n    <name>WelcomePage</name>\n    <message>\n"
        f"        <source>{html.escape(source)}</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "    <message>\n        <source>Open the file</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "</context>\n</TS>\n"
    )


@pytest.mark.parametrize(("source", "expected"), [(DESIGNER, DESIGNER_DE), (OLDER, OLDER_DE)])
def test_qt_designer_rich_text_in_a_ts_keeps_its_document(
    tmp_path: Path, source: str, expected: str
) -> None:
    """Given whole, its words landed between its paragraphs (``</p>! Ein <p>``) and the older
    form's doctype and style sheet were translated (``p, li { Le-space: Vorwrap; }``); each
    paragraph's text is now given alone, the rest written as it was."""
    path, out = tmp_path / "app_de.ts", tmp_path / "out.ts"
    path.write_text(_ts(source), "utf-8")
    model = FakeModel()
    translate_file(path, out, model, tgt_lang="de")
    targets = {r.source: r.target for r in read_ts(out, "en", "de", include_fuzzy=True)}
    assert targets == {source: expected, "Open the file": "OPEN THE FILE"}
    assert not any("<p" in text or "<html" in text or "white-space" in text for text in model.seen)


def test_qt_designer_rich_text_in_a_po_keeps_its_document(tmp_path: Path) -> None:
    """``lconvert`` writes the same message into a PO file: read as a page there too."""
    path, out = tmp_path / "de.po", tmp_path / "out.po"
    escaped = OLDER.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "AboutDialog"\nmsgid "{escaped}"\nmsgstr ""\n',
        "utf-8",
    )
    model = FakeModel()
    translate_file(path, out, model, tgt_lang="de", mark_fuzzy=False)
    assert [record.target for record in read_po(out)] == [OLDER_DE]
    assert "Report bugs on our issue tracker." in model.seen
    assert not any(
        "<p" in text or "DOCTYPE" in text or "white-space" in text for text in model.seen
    )


def test_another_catalogs_html_document_is_read_as_a_page(tmp_path: Path) -> None:
    """An XLIFF unit (``lconvert`` writes one from a ``.ts``) holding the document as text."""
    path, out = tmp_path / "app.xlf", tmp_path / "out.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="app" source-language="en" target-language="de" datatype="plaintext">'
        f'<body>\n<trans-unit id="1"><source>{html.escape(DESIGNER, quote=False)}</source>'
        '</trans-unit>\n<trans-unit id="2"><source>Open the file</source></trans-unit>\n'
        "</body></file></xliff>\n",
        "utf-8",
    )
    model = FakeModel()
    translate_file(path, out, model, tgt_lang="de", mark_fuzzy=False)
    written = html.unescape(out.read_text("utf-8"))
    assert f'<target state="translated">{DESIGNER_DE}</target>' in written
    assert "Welcome!" in model.seen and "Open the file" in model.seen


def test_a_json_strings_html_document_is_read_as_a_page(tmp_path: Path) -> None:
    """A doctype opens the older form, which JSON's block HTML (elements alone) does not read."""
    path, out = tmp_path / "en.json", tmp_path / "de.json"
    path.write_text(json.dumps({"about": OLDER, "open": "Open the file"}), "utf-8")
    model = FakeModel()
    translate_file(path, out, model, tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"about": OLDER_DE, "open": "OPEN THE FILE"}
    assert not any("DOCTYPE" in text or "white-space" in text for text in model.seen)
