"""HTML pages: what is translated, how it reaches the model, and the page written back."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats.documents import open_document
from ltmt.formats.html_document import HtmlDocument, declared_encoding
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.segments import Match, PairRecord, Segment, Translation

SOURCE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="description" content="A small demo page &amp; more">
  <meta name="viewport" content="width=device-width">
  <title>Getting started</title>
  <script>var greeting = "<p>Hello there</p>";</script>
  <style>p::before { content: "Note" }</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/docs" title="Read the docs">Documentation</a></li></ul></nav>
  <h1>Welcome to <em>ltmt</em></h1>
  <p>Don&rsquo;t forget to save
     your work before you <strong>close</strong> the file.
     Press <kbd>Ctrl</kbd>+<kbd>S</kbd>.</p>
  <p>Terms &amp; conditions apply.<br>See <a href=/terms title='The terms'>the terms</a>.</p>
  <img src="logo.png" alt="The project logo">
  <pre>keep   this text</pre>
  <p translate="no">Brand Name</p>
  <div class="notranslate"><p>Also kept</p></div>
  <p><code>ltmt translate</code></p>
  <form><input type="text" placeholder="Your name"><input type="submit" value="Send">
  <input type="hidden" value="secret token"><button>Cancel it</button>
  <textarea>Typed text</textarea></form>
  <!-- a comment with words -->
  <table><tr><th>Option</th><td>Chooses the memory</td></tr></table>
</body>
</html>
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "index.html"
    path.write_text(SOURCE, encoding="utf-8")
    return path


def test_units_are_runs_and_the_attributes_people_read(source: Path) -> None:
    units = open_document(source).units()
    assert [u.source for u in units] == [
        "A small demo page & more",
        "Getting started",
        "Home",  # (the link around a whole item stays outside)
        "Read the docs",
        "Documentation",
        "Welcome to <em>ltmt</em>",
        "Don\u2019t forget to save your work before you <strong>close</strong> the file. "
        "Press <kbd>Ctrl</kbd>+<kbd>S</kbd>.",
        'Terms & conditions apply.<br/>See <a href="/terms" title="The terms">the terms</a>.',
        "The terms",
        "The project logo",
        "Your name",
        "Send",
        "Cancel it",
        "Option",
        "Chooses the memory",
    ]
    # not sent: scripts, styles, <pre>, translate="no", notranslate, code alone, a textarea's
    # text, a hidden value, comments, the viewport's content


def test_translate_file_writes_the_page_as_it_was_but_the_text(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "de" / "index.html"
    out.parent.mkdir()
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de")
    assert result.translated == 15
    written = out.read_text("utf-8")
    assert '<html lang="de">' in written
    assert '<meta name="description" content="A SMALL DEMO PAGE &amp; MORE">' in written
    assert "<title>GETTING STARTED</title>" in written
    assert '<script>var greeting = "<p>Hello there</p>";</script>' in written
    assert '<style>p::before { content: "Note" }</style>' in written
    assert '<li><a href="/">HOME</a></li>' in written
    assert '<a href="/docs" title="READ THE DOCS">DOCUMENTATION</a>' in written
    assert (
        "<p>DON&rsquo;T FORGET TO SAVE YOUR WORK BEFORE YOU <strong>CLOSE</strong> THE FILE. "
        "PRESS <kbd>Ctrl</kbd>+<kbd>S</kbd>.</p>"
    ) in written  # (code elements and the source's references as written)
    # the tags as the page wrote them, with their translated attributes
    assert (
        '<p>TERMS &amp; CONDITIONS APPLY.<br>SEE <a href=/terms title="THE TERMS">THE '
        "TERMS</a>.</p>"
    ) in written
    assert '<img src="logo.png" alt="THE PROJECT LOGO">' in written
    assert '<input type="submit" value="SEND">' in written
    assert '<input type="hidden" value="secret token">' in written
    for kept in (
        "<pre>keep   this text</pre>",
        '<p translate="no">Brand Name</p>',
        '<div class="notranslate"><p>Also kept</p></div>',
        "<p><code>ltmt translate</code></p>",
        "<textarea>Typed text</textarea>",
        "<!-- a comment with words -->",
        '<meta name="viewport" content="width=device-width">',
    ):
        assert kept in written
    assert not any("Brand" in text or "Typed" in text for text in model.seen)


def _skeleton(page: bytes) -> list[tuple[str, dict[str, str]]]:
    """The elements of a page as a browser-like parser (lxml's) builds them, with the
    attributes that are not translated."""
    read = {"alt", "title", "placeholder", "aria-label", "content", "value", "lang"}
    root = lxml.html.document_fromstring(page)
    return [
        (str(element.tag), {k: v for k, v in element.attrib.items() if k not in read})
        for element in root.iter()
    ]


def _text(page: bytes) -> str:
    return re.sub(r"\s+", " ", lxml.html.document_fromstring(page).text_content()).strip()


def _respaced(tagged: str) -> str:
    """``tagged`` with the spaces outside its tags doubled."""
    return re.sub(r"(<[^<>]*>)|( )", lambda m: m.group(1) or "  ", tagged)


def test_the_source_as_its_own_translation_renders_as_the_source(
    source: Path, tmp_path: Path
) -> None:
    document = HtmlDocument.open(source)
    # each run's text with its spaces doubled (the same to HTML, so written through the tags'
    # mapping, not kept as written), each value as it is
    document.fill({u.key: _respaced(u.source) for u in document.units()})
    out = tmp_path / "same.html"
    document.save(out)
    before, after = source.read_bytes(), out.read_bytes()
    assert _skeleton(after) == _skeleton(before)
    assert _text(after) == _text(before)
    assert b'<html lang="de">' in after


def test_an_existing_output_is_the_translation_so_far(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "index.de.html"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    edited = out.read_text("utf-8").replace(
        "<title>GETTING STARTED</title>", "<title>Erste   Schritte</title>"
    )
    edited = edited.replace('alt="THE PROJECT LOGO"', "alt='Das Logo &amp; mehr'")
    out.write_text(edited, "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []  # every run and value has a translation
    assert out.read_text("utf-8") == edited  # the translator's text as they wrote it


def test_a_unit_translated_as_its_source_is_a_pair_of_the_import(tmp_path: Path) -> None:
    """A page's unit whose translation is its source was left out without being counted (read
    16, added 16, skipped {} for 17 units): the import reads and stores it, as a TMX's."""
    from ltmt import Memory

    source = tmp_path / "help.html"
    source.write_text("<p>Option</p><p>Open the file.</p>", "utf-8")
    out = tmp_path / "help.de.html"
    out.write_text("<p>Option</p><p>Datei öffnen.</p>", "utf-8")
    records = list(read_pairs(out, "html", source_file=source))
    assert [(r.source, r.target) for r in records] == [
        ("Option", "Option"),
        ("Open the file.", "Datei öffnen."),
    ]
    with Memory(tmp_path / "store") as memory:
        report = memory.import_pairs("u1", records)
    assert (report.read, report.added, dict(report.skipped)) == (2, 2, {})


def test_memory_import_reads_the_pairs_beside_the_source(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "index.de.html"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    pairs = list(read_pairs(out, "html", source_file=source))
    assert len(pairs) == 15
    assert (pairs[1].source, pairs[1].target) == ("Getting started", "GETTING STARTED")
    other = tmp_path / "other.html"
    other.write_text("<p>One paragraph only</p>", "utf-8")
    with pytest.raises(  # the words fit qa as well as memory import (not 'import the ...')
        InputError,
        match=r"other.html: its text does not line up with .*index.*; give as --source-file the "
        r"page it was translated from$",
    ):
        list(read_pairs(other, "html", source_file=source))
    with pytest.raises(InputError, match=r"--source-file"):
        list(read_pairs(out, "html"))


def test_a_latin1_page_is_written_in_its_encoding(tmp_path: Path) -> None:
    page = tmp_path / "old.htm"
    page.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"</head><body><p>Caf\xe9 menu</p></body></html>"
    )
    assert declared_encoding(page.read_bytes()) == "iso8859-1"
    document = HtmlDocument.open(page)
    assert [u.source for u in document.units()] == ["Café menu"]
    document.fill({"text0": "Café — Karte"})
    out = tmp_path / "old.de.htm"
    document.save(out)
    # a character the encoding lacks as a reference; <html> without lang gets one
    assert out.read_bytes() == (
        b'<html lang="de"><head><meta http-equiv="Content-Type" content="text/html; '
        b'charset=iso-8859-1"></head><body><p>Caf\xe9 &#8212; Karte</p></body></html>'
    )  # (Windows-1252 has the dash as 0x97, which a reader of Latin-1 proper would not show)


def test_an_undeclared_ascii_page_takes_references_beyond_ascii(tmp_path: Path) -> None:
    page = tmp_path / "plain.html"
    page.write_bytes(b"<html><body><p>For all &copy; users &#8212; now</p></body></html>")
    document = HtmlDocument.open(page)
    assert [u.source for u in document.units()] == ["For all \u00a9 users \u2014 now"]
    document.fill({"text0": "F\u00fcr alle \u00a9 Nutzer \u2014 jetzt"})
    out = tmp_path / "plain.de.html"
    document.save(out)
    assert out.read_bytes() == (
        b'<html lang="de"><body><p>F&#252;r alle &copy; Nutzer &#8212; jetzt</p></body></html>'
    )


@pytest.mark.parametrize(
    "page",
    [
        "<title>Help center</title>\n<body>\n<p>For all users</p>\n</body>\n",
        '<meta name="viewport" content="width=device-width">\n<p>For all users</p>\n',
    ],
)
def test_an_undeclared_ascii_page_with_title_body_or_meta_but_no_head_takes_references(
    tmp_path: Path, page: str
) -> None:
    """A page with ``<title>``/``<body>`` but no doctype, ``<html>`` or ``<head>`` was written
    in UTF-8 without a charset, which a browser reads as Windows-1252 (mojibake)."""
    source = tmp_path / "help.html"
    source.write_bytes(page.encode("ascii"))
    document = HtmlDocument.open(source)
    document.fill({"text0": "F\u00fcr alle Nutzer"})
    out = tmp_path / "help.de.html"
    document.save(out)
    assert b"F&#252;r alle Nutzer" in out.read_bytes()
    assert out.read_bytes().isascii()


@pytest.mark.parametrize(
    ("fragment", "translation", "written"),
    [
        # a Jekyll include: the page that includes it says UTF-8
        (
            '<button aria-label="Toggle the menu">Menu</button>',
            {"attr0": "Men\u00fc ein-/ausschalten", "text1": "Men\u00fc"},
            '<button aria-label="Men\u00fc ein-/ausschalten">Men\u00fc</button>',
        ),
        # a reference the source writes stays as written, the rest is UTF-8
        (
            "<p>Copyright &copy; 2026 Acme &#8212; all rights reserved.</p>",
            {"text0": "Copyright \u00a9 2026 Acme \u2014 alle Rechte vorbehalten."},
            "<p>Copyright &copy; 2026 Acme &#8212; alle Rechte vorbehalten.</p>",
        ),
    ],
)
def test_an_undeclared_ascii_fragment_is_written_in_utf8_with_its_references(
    tmp_path: Path, fragment: str, translation: dict[str, str], written: str
) -> None:
    """A Jekyll include's German came out as ``Men&#252;`` and its ``&copy;`` as ``&#169;``."""
    page = tmp_path / "nav.html"
    page.write_bytes(fragment.encode("ascii"))
    document = HtmlDocument.open(page)
    document.fill(translation)
    out = tmp_path / "nav.de.html"
    document.save(out)
    assert out.read_bytes() == written.encode("utf-8")


@pytest.mark.parametrize(
    ("page", "sources"),
    [
        # unclosed paragraphs and list items, as real pages have them
        ("<p>First one<p>Second one<ul><li>Item a<li>Item b</ul>", ["First one", "Second one",
                                                                     "Item a", "Item b"]),
        # a comment is a boundary; a custom element too
        ("<p>Before <!-- x --> after</p><my-card>Card text</my-card>", ["Before", "after",
                                                                         "Card text"]),
        # nested skipped elements end at their own end tag
        ("<pre>a<pre>b</pre>c</pre><p>Shown text</p>", ["Shown text"]),
        # references decoded, a no-break space as its character; text in angle brackets as
        # itself but where it would read as a tag
        ("<p>&ldquo;Quoted&rdquo; &mdash; 5&nbsp;MB &lt;tag&gt; &#60;b&#62; caf&eacute;</p>",
         ["“Quoted” — 5\xa0MB <tag> &lt;b&gt; café"]),
        ("<p>if a < b then &amp; else</p>", ["if a < b then & else"]),
        # an image inside a run is a self-closing tag; its alt a unit of its own
        ('<p>Click <img src="i.png" alt="the icon"> to start</p>',
         ['Click <img src="i.png" alt="the icon"/> to start', "the icon"]),
        # a link marked notranslate inside a run stays in it (the pipeline keeps it)
        ('<p>Use <span class="notranslate">Foo Bar</span> now</p>',
         ['Use <span class="notranslate">Foo Bar</span> now']),
        ('<li><span translate="no">Foo Bar</span></li>', []),
        # elements without words at a run's edges stay outside it: a heading's link mark, an
        # empty anchor, a line break, an image (its alt a unit of its own)
        ('<h1>Install<a class="headerlink" href="#install" title="Link to it">¶</a></h1>',
         ["Install", "Link to it"]),
        ('<h3>Class: <code>X</code><span><a href="#x">#</a></span> <a id="y"></a></h3>',
         ["Class: <code>X</code>"]),
        ('<p><br>Text here<br></p><p><img src="w.png" alt="Warning"> Do not</p>',
         ["Text here", "Warning", "Do not"]),
        # a tag whose partner is beyond the run (cut by a block) stays outside it at an edge
        ('<p>Use <span class="m"><math><mi>x</mi></math></span>, then go.</p>',
         ["Use", ", then go."]),
        # no-break spaces at an edge stay in the page too
        ('<td><a href="#f">f_name</a>&nbsp;<span>()</span></td><td>\xa0Menu\xa0</td>',
         ["f_name", "Menu"]),
        ("<p>  \n  </p><p>123 456</p>", []),
        # an <svg>'s title and description are read, nothing else of it (its <text> is drawn:
        # a logo's wordmark, a chart's labels); an unclosed <path> does not swallow the page
        ('<svg aria-label="Chart"><path d="M0"><title>Bookings</title><desc>They grew.</desc>'
         '<style>a{}</style><text x="1">Up <tspan>by</tspan> 5</text></svg><p>After</p>',
         ["Chart", "Bookings", "They grew.", "After"]),
        ('<svg class="logo"><text>ACME Cloud</text></svg><svg><title>icon-close</title></svg>'
         '<svg><title>Close</title></svg><svg><text><tspan>Total</tspan> <tspan>cost</tspan>'
         '</text></svg>',
         ["Close"]),
        ('<div role="slider" aria-valuetext="Three nights" aria-valuenow="3"></div>',
         ["Three nights"]),
    ],
)  # fmt: skip
def test_runs_of_real_pages(tmp_path: Path, page: str, sources: list[str]) -> None:
    path = tmp_path / "p.html"
    path.write_text(page, "utf-8")
    assert [u.source for u in HtmlDocument.open(path).units()] == sources


def test_a_model_ampersand_is_escaped_and_a_run_keeps_its_white_space(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<p>\n   Terms and conditions\n</p>", "utf-8")
    document = HtmlDocument.open(path)
    document.fill({"text0": "AGB & Bedingungen"})
    assert document.translated_text() == "<p>\n   AGB &amp; Bedingungen\n</p>"


def test_markup_the_model_garbled_makes_no_element(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text('<dt><span class="c">Function:</span> call <var>cif</var></dt>', "utf-8")
    document = HtmlDocument.open(path)
    # seen by the 21M model on libffi's manual: a tag renamed, one cut short
    document.fill({"text0": "<spann Klasse=»c«>Funktion:</span> ruft <ph id *<var>cif</var> auf"})
    assert document.translated_text() == (
        "<dt>Funktion: ruft &lt;ph id *<var>cif</var> auf</dt>"
    )  # (the </span> whose opening was garbled left out too: elements nest)


def test_a_tag_whose_partner_is_beyond_the_run_is_written_as_the_source_has_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.html"
    path.write_text("<p>Hello <b>bold words <div>Box</div> still</b> here</p>", "utf-8")
    document = HtmlDocument.open(path)
    assert [u.source for u in document.units()] == ["Hello <b>bold words", "Box", "still</b> here"]
    document.fill({"text0": "Hallo <b>fette Worte", "text2": "noch</b> hier"})
    assert document.translated_text() == (
        "<p>Hallo <b>fette Worte <div>Box</div> noch</b> hier</p>"
    )


@pytest.mark.parametrize(
    ("translation", "written"),
    [
        ("<b>Jetzt</b> <i>speichern", "<b>Jetzt</b> speichern"),
        ("</i>Jetzt <b>speichern</b>", "Jetzt <b>speichern</b>"),
        ("<b>Jetzt <i>speichern</b></i>", "<b>Jetzt speichern</b>"),
    ],
)
def test_tags_whose_partner_the_model_dropped_are_left_out(
    tmp_path: Path, translation: str, written: str
) -> None:
    path = tmp_path / "p.html"
    path.write_text("<p><b>Save</b> <i>now</i></p>", "utf-8")
    document = HtmlDocument.open(path)
    document.fill({"text0": translation})
    assert document.translated_text() == f"<p>{written}</p>"


def test_an_undeclared_page_that_is_not_utf8_is_read_as_browsers_do(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(b"<p>ok</p>\n<p>Caf\xe9 (Pokorn\xfd)</p>")
    document = HtmlDocument.open(path)
    assert document.encoding == "cp1252"
    assert "declares no encoding and is not UTF-8: read and written as Windows-1252" in caplog.text
    assert [u.source for u in document.units()] == ["ok", "Café (Pokorný)"]


def test_an_undeclared_page_in_no_encoding_a_browser_would_guess_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sjis.html"
    path.write_bytes("<p>日本語のページ</p>".encode("shift_jis"))
    with pytest.raises(
        InputError,
        match=r"sjis.html:1:4: byte 0x93 is not valid UTF-8, and the page declares no encoding "
        r"\(nor is it Windows-1252\): declare it \(<meta charset=\"...\">\) or convert the page "
        r"to UTF-8$",
    ):
        HtmlDocument.open(path)


def test_a_page_that_is_not_in_its_declared_encoding_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b'<meta charset="utf-8">\n<p>caf\xe9</p>')
    with pytest.raises(
        InputError,
        match=r"bad.html:2:7: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: fix its "
        r"declared encoding, or convert it: iconv -f CP1252 -t UTF-8 \S*bad\.html > \S*bad-utf8\.html$",
    ):
        HtmlDocument.open(path)


def test_a_no_break_space_goes_to_the_model_as_one_and_comes_back_as_its_reference(
    tmp_path: Path,
) -> None:
    source = tmp_path / "p.html"
    source.write_text("<p>Open&nbsp;the file and press&nbsp;<kbd>Ctrl</kbd>.</p>", "utf-8")
    model = FakeModel()
    translate_file(source, tmp_path / "p.de.html", model, tgt_lang="de")
    assert model.seen[0] == "Open\u00a0the file and press\u00a0<kbd>Ctrl</kbd>."
    written = (tmp_path / "p.de.html").read_text("utf-8")
    assert "<p>OPEN&nbsp;THE FILE AND PRESS&nbsp;<kbd>Ctrl</kbd>.</p>" in written


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<p>Contact us for help.&nbsp;</p>", "<p>CONTACT US FOR HELP.&nbsp;</p>"),
        ("<p>Click <b>Save</b>.&nbsp;&nbsp;</p>", "<p>CLICK <b>SAVE</b>.&nbsp;&nbsp;</p>"),
        ("<p>&#160; Note.&#xA0;</p>", "<p>&#160; NOTE.&#xA0;</p>"),
    ],
)
def test_no_break_spaces_at_a_runs_edges_stay_in_the_page(
    tmp_path: Path, page: str, expected: str
) -> None:
    """A Zendesk article's trailing ``&nbsp;`` was dropped with the text it follows."""
    source = tmp_path / "p.html"
    source.write_text(page, "utf-8")
    translate_file(source, tmp_path / "p.de.html", FakeModel(), tgt_lang="de")
    assert (tmp_path / "p.de.html").read_text("utf-8") == expected


def test_an_update_translates_again_the_runs_whose_source_changed(
    source: Path, tmp_path: Path
) -> None:
    records = OutputSources(tmp_path / "records")
    out = tmp_path / "index.de.html"
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    edited = out.read_text("utf-8").replace(
        "<title>GETTING STARTED</title>", "<title>Erste Schritte</title>"
    )
    out.write_text(edited, "utf-8")
    source.write_text(SOURCE.replace("A small demo page", "A tiny demo page"), "utf-8")
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de", output_sources=records)
    assert model.seen == ["A tiny demo page & more"]
    assert out.read_text("utf-8") == edited.replace("A SMALL DEMO PAGE", "A TINY DEMO PAGE")
    assert result.report.source_changed == 1


def test_a_kept_line_of_an_ascii_fragment_stays_as_a_reviewer_wrote_it_in_utf8(
    tmp_path: Path,
) -> None:
    """A reviewer's ``zurücksetzen`` in the output of a page of ASCII without a charset came
    back ``zur&#252;cksetzen`` on a rerun; an output that is still ASCII stays so."""
    source = tmp_path / "f.html"
    source.write_text("<p>Reset it.</p>\n<p>Open it.</p>\n", "ascii")
    records = OutputSources(tmp_path / "records")
    out = tmp_path / "f.de.html"
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_bytes() == b"<p>RESET IT.</p>\n<p>OPEN IT.</p>\n"
    out.write_bytes("<p>Zurücksetzen.</p>\n<p>OPEN IT.</p>\n".encode())
    source.write_text("<p>Reset it.</p>\n<p>Open it all.</p>\n", "ascii")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_bytes() == "<p>Zurücksetzen.</p>\n<p>OPEN IT ALL.</p>\n".encode()


def test_pages_line_up_by_their_blocks_and_those_that_do_not_are_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A Zendesk article whose German has one more paragraph and two list items merged was
    imported by place: its first paragraph stored with the added note's German."""
    source, target = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(
        '<p>View invoices in {{dc.product_name}}.</p>\n<h2 id="h_1">Invoices</h2>\n'
        "<ul><li>Open <b>Settings</b>.</li><li>Click <b>Billing</b>.</li>"
        "<li>Click <b>Invoices</b>.</li></ul>\n<p>Kept for 12 months.</p>\n",
        "utf-8",
    )
    target.write_text(
        "<p>Rechnungen in {{dc.product_name}} ansehen.</p>\n<p>Hinweis: nur im Plan Pro.</p>\n"
        '<h2 id="h_1">Rechnungen</h2>\n<ul><li>Öffnen Sie <b>Einstellungen</b>.</li>'
        "<li>Klicken Sie auf <b>Abrechnung</b> und <b>Rechnungen</b>.</li></ul>\n"
        "<p>12 Monate lang verfügbar.</p>\n",
        "utf-8",
    )
    pairs = [(p.source, p.target) for p in HtmlDocument.pairs(target, source)]
    assert pairs == [
        ("View invoices in {{dc.product_name}}.", "Rechnungen in {{dc.product_name}} ansehen."),
        ("Invoices", "Rechnungen"),
        ("Open <b>Settings</b>.", "Öffnen Sie <b>Einstellungen</b>."),
        ("Kept for 12 months.", "12 Monate lang verfügbar."),
    ]
    assert caplog.messages == [
        f"{target}: 2 blocks of {source} line up with none of its own and are left out "
        "('Click <b>Billing</b>.', 'Click <b>Invoices</b>.'); check that the pages have the "
        "same blocks"
    ]


def test_an_import_leaves_out_pairs_of_template_tags_alone(tmp_path: Path) -> None:
    """An e-mail template's trial (session 68): ``memory import welcome.approved.de.html
    --source-file welcome.html`` stored ``{{#if trial}}`` → ``{{#if trial}}``, ``{{else}}``,
    ``{{/each}}``: pairs without a word, counted now as TMX's codes alone are (``no words``);
    ``qa``, which hands the reader no count, still reads them."""
    from ltmt.formats.not_read import NotRead

    source, target = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(
        "<p>{{#if trial}}</p>\n<p>Your trial ends on {{trialEndDate}}.</p>\n<p>{{else}}</p>\n"
        "<p>Your plan is active.</p>\n<p>{{/if}}</p>\n<li>{{this.title}}</li>\n",
        "utf-8",
    )
    target.write_text(
        "<p>{{#if trial}}</p>\n<p>Deine Testphase endet am {{trialEndDate}}.</p>\n"
        "<p>{{else}}</p>\n<p>Dein Tarif ist aktiv.</p>\n<p>{{/if}}</p>\n<li>{{this.title}}</li>\n",
        "utf-8",
    )
    not_read = NotRead()
    pairs = [(p.source, p.target) for p in HtmlDocument.pairs(target, source, not_read=not_read)]
    assert pairs == [
        ("Your trial ends on {{trialEndDate}}.", "Deine Testphase endet am {{trialEndDate}}."),
        ("Your plan is active.", "Dein Tarif ist aktiv."),
    ]
    assert not_read.by_reason() == {"no words": 4}
    assert len(list(HtmlDocument.pairs(target, source))) == 6


def test_an_amount_and_a_character_reference_are_no_placeholders_of_a_blocks_shape(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The tester's en3.html/de3b.html: "$5" (read as a placeholder) written "5 $", and
    "&amp;" written "und", lined the pair up with nothing, and it was left out."""
    source, target = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(
        "<h2>Plans &amp; pricing</h2>\n<p>The Pro plan costs $5 per month.</p>\n"
        "<p>Terms &amp; Conditions apply.</p>\n<p>Write to {{dc.support_email}} for help.</p>\n",
        "utf-8",
    )
    target.write_text(
        "<h2>Tarife und Preise</h2>\n<p>Der Pro-Tarif kostet 5 $ pro Monat.</p>\n"
        "<p>Es gelten die AGB.</p>\n<p>Schreiben Sie an {{dc.support_email}}.</p>\n",
        "utf-8",
    )
    pairs = [(p.source, p.target) for p in HtmlDocument.pairs(target, source)]
    assert pairs == [
        ("Plans & pricing", "Tarife und Preise"),
        ("The Pro plan costs $5 per month.", "Der Pro-Tarif kostet 5 $ pro Monat."),
        ("Terms & Conditions apply.", "Es gelten die AGB."),
        ("Write to {{dc.support_email}} for help.", "Schreiben Sie an {{dc.support_email}}."),
    ]
    assert caplog.messages == []


def stored_matches(pairs: list[PairRecord]) -> Callable[..., list[Translation]]:
    """A translate function that reuses ``pairs`` (a memory's) as 100 % matches, as stored."""
    stored = {pair.source: pair.target for pair in pairs}

    def exact(texts: list[str], prefer: list[dict] | None = None) -> list[Translation]:
        return [
            Translation(
                text,
                stored[text],
                (Match(Segment(n, "u", text, stored[text], 0.0, "import"), 100.0),),
                method="exact",
            )
            for n, text in enumerate(texts)
        ]

    return exact


@pytest.mark.parametrize(
    "run",
    [
        'See the <a href="faq.html" title="Frequently asked questions">help page</a> now.',
        'Use the <abbr title="Graphical user interface">GUI</abbr> to start.',
    ],
)
def test_a_stored_run_whose_tag_has_a_translated_title_is_written_with_its_tag(
    tmp_path: Path, run: str
) -> None:
    source, first, again = tmp_path / "p.html", tmp_path / "p.de.html", tmp_path / "again.html"
    source.write_text(f"<p>{run}</p>", "utf-8")
    translate_file(source, first, FakeModel(), tgt_lang="de")
    pairs = list(read_pairs(first, "html", source_file=source))
    # the memory's target holds the run's tag with its title translated
    assert any(re.search(r'<[a-z]+ [^>]*title="[A-Z ]+">', pair.target) for pair in pairs)
    translate_file(source, again, stored_matches(pairs), tgt_lang="de")
    assert again.read_text("utf-8") == first.read_text("utf-8")


XHTML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Sync</title></head>
<body>
<p>Changes are uploaded every 5\u00a0minutes.</p>
</body>
</html>
"""


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("sync.xhtml", XHTML),
        (
            "sync.xhtml",
            XHTML.split("\n", 1)[1].replace(' xmlns="http://www.w3.org/1999/xhtml"', ""),
        ),
        ("sync.html", XHTML),  # an XML declaration
        ("sync.html", XHTML.split("\n", 1)[1]),  # XHTML's namespace
    ],
    ids=["declared", "by-its-name", "xml-declaration", "xhtml-namespace"],
)
def test_an_xhtml_page_is_written_with_the_references_xml_reads(
    tmp_path: Path, name: str, page: str
) -> None:
    source, out = tmp_path / name, tmp_path / f"de-{name}"
    source.write_text(page, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert "<p>CHANGES ARE UPLOADED EVERY 5&#160;MINUTES.</p>" in written
    lxml.etree.fromstring(written.encode("utf-8"))  # (no undeclared entity: &nbsp;)


def test_an_xhtml_output_written_with_html_references_is_written_with_xml_ones(
    tmp_path: Path,
) -> None:
    source, out = tmp_path / "sync.xhtml", tmp_path / "sync.de.xhtml"
    source.write_text(XHTML, "utf-8")
    out.write_text(  # an output an earlier run wrote, a translation so far
        XHTML.replace("Changes are uploaded every 5\u00a0minutes.", "Alle 5&nbsp;Minuten."),
        "utf-8",
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Sync"]
    assert "<p>Alle 5&#160;Minuten.</p>" in out.read_text("utf-8")


def test_an_inserted_list_item_leaves_the_edits_of_the_others_in_place(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    page = "<ul>\n<li>Login fixed.</li>\n<li>Prices fixed.</li>\n</ul>\n"
    source.write_text(page, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("PRICES FIXED", "Preise behoben"), "utf-8")
    source.write_text(page.replace("<li>Prices", "<li>Search fixed.</li>\n<li>Prices"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "<ul>\n<li>LOGIN FIXED.</li>\n<li>SEARCH FIXED.</li>\n<li>Preise behoben.</li>\n</ul>\n"
    )


LANGUAGES = """<html lang="en"><body><main lang="en-GB">
<p>As the French say, <q lang="fr">c'est la vie</q>.</p>
<blockquote lang="de"><p>Ordnung ist das halbe Leben.</p></blockquote>
<p>Our office says <span lang="de">Herzlich willkommen</span> to every guest.</p>
<p>Read the <a href="/terms" lang="en">terms of use</a> first.</p>
<p>He wrote <code lang="en">print("hello")</code> in the terminal.</p>
<nav><a href="/en/" hreflang="en" lang="en">English</a></nav>
</main></body></html>
"""


def test_a_block_marked_as_another_language_is_kept_and_the_sources_marks_set_to_the_target(
    tmp_path: Path,
) -> None:
    source = tmp_path / "lang.html"
    source.write_text(LANGUAGES, encoding="utf-8")
    out = tmp_path / "lang.de.html"
    model = FakeModel()
    translate_file(source, out, model, src_lang="en", tgt_lang="de")
    # a block of another language does not reach the model; inline words of one are
    # translated with their sentence, as a pair (as a protected code, they garbled it)
    assert "Ordnung ist das halbe Leben." not in model.seen
    assert "As the French say, c'est la vie." in model.seen
    # lang is set where the text was translated: not on code, nor on a link to a page in
    # that language (a language switcher's "English")
    assert out.read_text("utf-8") == (
        """<html lang="de"><body><main lang="de">
<p>AS THE FRENCH SAY, <q lang="fr">C'EST LA VIE</q>.</p>
<blockquote lang="de"><p>Ordnung ist das halbe Leben.</p></blockquote>
<p>OUR OFFICE SAYS <span lang="de">HERZLICH WILLKOMMEN</span> TO EVERY GUEST.</p>
<p>READ THE <a href="/terms" lang="de">TERMS OF USE</a> FIRST.</p>
<p>HE WROTE <code lang="en">print("hello")</code> IN THE TERMINAL.</p>
<nav><a href="/en/" hreflang="en" lang="en">ENGLISH</a></nav>
</main></body></html>
"""
    )
    # without the source's language (an embedded page), every element is read as before
    units = [unit.source for unit in open_document(source).units()]
    assert units[:2] == [
        'As the French say, <q lang="fr">c\'est la vie</q>.',
        "Ordnung ist das halbe Leben.",
    ]


def test_an_element_the_translation_put_around_the_whole_run_is_read_with_it(
    tmp_path: Path,
) -> None:
    """qa said ``lacks <span class="sr-only">, </span>`` of a translation whose span held the
    whole run (the span was left out of its text, as the element around a run is)."""
    source = tmp_path / "a.html"
    source.write_text('<button><span class="sr-only">Close</span>\u00d7</button>', "utf-8")
    target = tmp_path / "a.de.html"
    target.write_text('<button><span class="sr-only">Schließen\u00d7</span></button>', "utf-8")
    [pair] = HtmlDocument.pairs(target, source)
    assert (pair.source, pair.target) == (
        '<span class="sr-only">Close</span>\u00d7',
        '<span class="sr-only">Schließen\u00d7</span>',
    )
    assert placeholder_problems(pair.source, pair.target, {}) == []


LIQUID_PAGE = """<div class="post">
  {% include note.html content="Back up first." %}
  {% include figure.html
     image="x.png"
     caption='The theme picker in the settings page' %}
  <p>Read this. {% include note.html content="Kept in the sentence." %}</p>
  {% raw %}{% include note.html content="Written as is." %}{% endraw %}
</div>
"""


def test_a_liquid_includes_text_parameters_are_translated_in_place(tmp_path: Path) -> None:
    """A Jekyll layout's ``{% include note.html content="Back up first." %}`` stayed English
    (the whole tag went to the model, its lines joined into one)."""
    source, out = tmp_path / "post.html", tmp_path / "post.de.html"
    source.write_text(LIQUID_PAGE, "utf-8")
    assert [unit.source for unit in HtmlDocument.open(source).units()] == [
        "Back up first.",
        "The theme picker in the settings page",
        'Read this. {% include note.html content="Kept in the sentence." %}',
        '{% raw %}{% include note.html content="Written as is." %}{% endraw %}',
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == LIQUID_PAGE.replace(
        '"Back up first."', '"BACK UP FIRST."'
    ).replace(
        "'The theme picker in the settings page'", '"THE THEME PICKER IN THE SETTINGS PAGE"'
    ).replace("Read this.", "READ THIS.")


AGENCY_MAIL = (
    "<p>You will learn how to:</p>\n<ul>\n<li>Build a report.</li>\n<li>Share dashboards.</li>\n"
    "<li>Export data.</li>\n</ul>\n"
    "{% if contact.company %}<p>Bring {{ contact.company }} along.</p>{% endif %}\n"
    '<p><a class="btn" href="https://example.com/webinar">Save my seat</a></p>\n'
    "<p>Questions? Reply.</p>\n"
)
# the runs of HubL alone, which every run sends (a copy of the source is no translation kept)
HUBL = ["{% if contact.company %}", "{% endif %}"]
# marketing's edit: a list item inserted
ALERTS_ADDED = AGENCY_MAIL.replace("<li>Export", "<li>Set up alerts.</li>\n<li>Export")


def _agency_loop(tmp_path: Path, review: dict[str, str]) -> tuple[Path, Path, OutputSources]:
    """The agency loop (trial s74): the first delivery is reviewed (``review``: ltmt's text
    replaced by the reviewer's); meanwhile a list item is inserted into the source and the
    output updated; then the reviewed copy of the first delivery is put in its place."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(AGENCY_MAIL, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8")
    for written, edit in review.items():
        reviewed = reviewed.replace(written, edit)
    source.write_text(ALERTS_ADDED, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(reviewed, "utf-8")
    return source, output, records


def test_a_reviewed_copy_of_an_earlier_delivery_is_not_shifted_by_a_block_inserted_since(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The record's places were the update's, a list item more: each reviewed German after the
    new item was written into the place before its own (a link inside a link, ``<li>{% if
    contact.company %}</li>``, exit 0). Which of the reviewed items stands for which English
    cannot be told: they are translated again, and named; the rest keep the review."""
    review = {
        "BUILD A REPORT.": "Bericht erstellen.",
        "SHARE DASHBOARDS.": "Dashboards teilen.",
        "EXPORT DATA.": "Daten exportieren.",
        "SAVE MY SEAT": "Platz sichern",
        "QUESTIONS? REPLY.": "Fragen? Antworte.",
    }
    source, output, records = _agency_loop(tmp_path, review)
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, model, output_sources=records)
    assert model.seen == [
        "Build a report.",
        "Share dashboards.",
        "Set up alerts.",
        "Export data.",
        *HUBL,
    ]
    assert output.read_text("utf-8") == (
        "<p>YOU WILL LEARN HOW TO:</p>\n<ul>\n<li>BUILD A REPORT.</li>\n"
        "<li>SHARE DASHBOARDS.</li>\n<li>SET UP ALERTS.</li>\n<li>EXPORT DATA.</li>\n</ul>\n"
        "{% if contact.company %}<p>BRING {{ contact.company }} ALONG.</p>{% endif %}\n"
        '<p><a class="btn" href="https://example.com/webinar">Platz sichern</a></p>\n'
        "<p>Fragen? Antworte.</p>\n"
    )
    assert caplog.messages == [
        f"{output}: 3 blocks of it (text1, text2, text3) matched none of {source}'s: blocks were "
        "inserted or removed there since, and the record of what ltmt wrote there is of other "
        "blocks (a reviewed copy of an earlier output put in its place?), so their translations "
        "were not kept and the English is translated again rather than guessed by place; "
        "compare with a copy of the file to keep reviewed text"
    ]


def test_ltmt_text_left_in_a_reviewed_copy_lines_its_blocks_up_by_their_sources(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Where the reviewer left ltmt's German of the items beside the new one, the record says
    which English each was written for: only the new item is translated, every edit kept."""
    review = {"BUILD A REPORT.": "Bericht erstellen.", "QUESTIONS? REPLY.": "Fragen? Antworte."}
    source, output, records = _agency_loop(tmp_path, review)
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, model, output_sources=records)
    assert model.seen == ["Set up alerts.", *HUBL] and caplog.messages == []
    assert output.read_text("utf-8") == (
        "<p>YOU WILL LEARN HOW TO:</p>\n<ul>\n<li>Bericht erstellen.</li>\n"
        "<li>SHARE DASHBOARDS.</li>\n<li>SET UP ALERTS.</li>\n<li>EXPORT DATA.</li>\n</ul>\n"
        "{% if contact.company %}<p>BRING {{ contact.company }} ALONG.</p>{% endif %}\n"
        '<p><a class="btn" href="https://example.com/webinar">SAVE MY SEAT</a></p>\n'
        "<p>Fragen? Antworte.</p>\n"
    )


def test_without_a_record_items_alike_beside_an_inserted_one_are_not_guessed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An output ltmt never wrote, a list item fewer than the source: the diff of the blocks'
    shapes put the new item last, and the German of the last item went to the new English.
    Which item is new cannot be told: the items are translated again, and named."""
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(ALERTS_ADDED, "utf-8")
    output.write_text(
        AGENCY_MAIL.replace("Build a report.", "Bericht erstellen.")
        .replace("Share dashboards.", "Dashboards teilen.")
        .replace("Export data.", "Daten exportieren.")
        .replace("Questions? Reply.", "Fragen? Antworte."),
        "utf-8",
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, model, output_sources=OutputSources(tmp_path / "r"))
    assert "<li>SET UP ALERTS.</li>\n<li>EXPORT DATA.</li>" in output.read_text("utf-8")
    assert "<p>Fragen? Antworte.</p>" in output.read_text("utf-8")
    assert caplog.messages[0] == (
        f"{output}: 3 blocks of it (text1, text2, text3) matched none of {source}'s: blocks were "
        "inserted or removed there since, and no record of what ltmt wrote there tells which "
        "English each German was for, so their translations were not kept and the English is "
        "translated again rather than guessed by place; compare with a copy of the file to keep "
        "reviewed text"
    )


PRICING = (
    "<h1>Pricing</h1>\n<p>Start for free.</p>\n<p>All plans include support.</p>\n"
    "<p>Prices exclude VAT.</p>\n<p>Cancel any time.</p>\n"
)
# the reviewer's: the first paragraph edited, a note inserted after it
EDITED = "<p>Kostenlos starten.</p>\n<p>Hinweis: zzgl. MwSt.</p>"


def test_a_paragraph_added_to_a_reviewed_page_is_refused_not_dropped(tmp_path: Path) -> None:
    """Trial s75: the rerun dropped the reviewer's note and translated the paragraph they had
    edited before it again (which of the two stands for "Start for free." cannot be told),
    with a warning alone. Refused as Markdown is, nothing written; with the note's English
    added to the source, both are kept; --overwrite translates the page afresh."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PRICING, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8").replace("<p>START FOR FREE.</p>", EDITED)
    output.write_text(reviewed, "utf-8")
    model = FakeModel()
    with pytest.raises(
        UnalignedTranslationError,
        match=r"de\.html: it has 1 block that .*en\.html lacks \(6 blocks, 5 in the source, "
        r"ltmt wrote 5 there: added by hand\?\), and a rerun would drop or shift blocks, so "
        r"nothing was written; add the English of the added blocks to .*en\.html, or take them "
        r"out and put them back after the run, or give --overwrite to translate it afresh$",
    ):
        translate_file(source, output, model, output_sources=records)
    assert output.read_text("utf-8") == reviewed and model.seen == []
    source.write_text(PRICING.replace("</p>\n<p>All", "</p>\n<p>Note: VAT.</p>\n<p>All"), "utf-8")
    translate_file(source, output, model, output_sources=records)
    assert output.read_text("utf-8") == reviewed and model.seen == []
    source.write_text(PRICING, "utf-8")
    output.write_text(reviewed, "utf-8")
    translate_file(source, output, model, output_sources=records, overwrite=True)
    assert output.read_text("utf-8") == (
        "<h1>PRICING</h1>\n<p>START FOR FREE.</p>\n<p>ALL PLANS INCLUDE SUPPORT.</p>\n"
        "<p>PRICES EXCLUDE VAT.</p>\n<p>CANCEL ANY TIME.</p>\n"
    )


@pytest.mark.parametrize(
    ("edit", "refused"),
    [
        ({"<p>START FOR FREE.</p>": EDITED}, True),  # the trial's
        ({"<p>CANCEL ANY TIME.</p>": "<p>CANCEL ANY TIME.</p>\n<p>Hinweis.</p>"}, True),
        ({"<h1>PRICING</h1>": "<p>Entwurf.</p>\n<h1>PRICING</h1>"}, True),  # another kind
        ({"<p>PRICES EXCLUDE VAT.</p>\n": ""}, False),  # a paragraph fewer: warned, kept
        ({"<p>START FOR FREE.</p>": "<p>Kostenlos starten.</p>"}, False),  # edited alone
        ({"<p>START FOR FREE.</p>": "<p>Kostenlos <b>starten</b>.</p>"}, False),
        ({"<p>START FOR FREE.</p>": "<p>Kostenlos starten.</p>\n<p>&#8212;</p>"}, False),
    ],
)
def test_only_a_block_with_words_beyond_the_source_s_and_the_record_s_is_refused(
    tmp_path: Path, edit: dict[str, str], refused: bool
) -> None:
    """A paragraph with words more than both the page and the record of what ltmt wrote
    there is refused; one fewer, an edit inside a paragraph, or one without words is not."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PRICING, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8")
    for written, edited in edit.items():
        reviewed = reviewed.replace(written, edited)
    output.write_text(reviewed, "utf-8")
    if refused:
        with pytest.raises(UnalignedTranslationError, match="it has 1 block that"):
            translate_file(source, output, FakeModel(), output_sources=records)
    else:
        translate_file(source, output, FakeModel(), output_sources=records)


def test_a_block_of_another_language_is_no_block_added(tmp_path: Path) -> None:
    """Given the source's language, ``<p lang="fr">`` is not translated: a unit of neither the
    page nor the record, but a block of both files, so a rerun is not refused."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PRICING + '<p lang="fr">Bonjour, merci.</p>\n', "utf-8")
    translate_file(source, output, FakeModel(), src_lang="en", output_sources=records)
    written = output.read_text("utf-8")
    model = FakeModel()
    translate_file(source, output, model, src_lang="en", output_sources=records)
    assert output.read_text("utf-8") == written and model.seen == []
    assert '<p lang="fr">Bonjour, merci.</p>' in written


def test_a_page_too_broken_to_read_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<p>Hello</p>\n" + "<p" * 50_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.html: line 2: 50,000 '<' that open a tag or"):
        HtmlDocument(page, page.read_bytes())
