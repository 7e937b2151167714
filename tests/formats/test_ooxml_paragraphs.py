"""A Word paragraph's runs as tagged text, and a translation written back into them."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from ltmt.formats.ooxml_paragraphs import (
    W_NS,
    W,
    read_paragraph,
    relabel_languages,
    write_paragraph,
)
from ltmt.formats.word_styles import WordStyles

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _paragraph(body: str) -> Any:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:p>')


def _runs(paragraph: Any) -> list[tuple[str, str]]:
    """Each run's text (tabs and breaks as characters) and its properties' element names."""
    found = []
    for run in paragraph.iter(f"{W}r"):
        properties = run.find(f"{W}rPr")
        names = "".join(
            etree.QName(child).localname + " "
            for child in (properties if properties is not None else ())
        )
        text = "".join(
            {"t": child.text or "", "tab": "\t", "br": "\n"}.get(etree.QName(child).localname, "")
            for child in run
        )
        found.append((text, names.strip()))
    return found


BOLD = "<w:rPr><w:b/></w:rPr>"
ITALIC = "<w:rPr><w:i/></w:rPr>"


def test_the_formatting_most_letters_have_is_plain_and_the_rest_are_pairs() -> None:
    paragraph = _paragraph(
        "<w:pPr><w:pStyle w:val='Body'/></w:pPr>"
        "<w:r><w:t xml:space='preserve'>Press </w:t></w:r>"
        f"<w:r>{BOLD}<w:t>OK</w:t></w:r>"
        "<w:proofErr w:type='spellStart'/>"
        "<w:r><w:t xml:space='preserve'> to save the </w:t></w:r>"
        f"<w:r>{ITALIC}<w:t>whole</w:t></w:r>"
        "<w:r><w:t xml:space='preserve'> file.</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'Press <g id="1">OK</g> to save the <g id="2">whole</g> file.'
    write_paragraph(
        paragraph,
        read,
        'Drücken Sie <g id="1">OK</g>, um die <g id="2">ganze</g> Datei zu sichern.',
    )
    assert paragraph[0].tag == f"{W}pPr"  # the paragraph's properties stay first
    assert _runs(paragraph) == [
        ("Drücken Sie ", ""),
        ("OK", "b"),
        (", um die ", ""),
        ("ganze", "i"),
        (" Datei zu sichern.", ""),
    ]
    assert paragraph.find(f"{W}proofErr") is None  # recomputed by Word
    spaced = [t for t in paragraph.iter(f"{W}t") if t.text != t.text.strip()]
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in spaced)


def test_runs_that_differ_only_in_what_does_not_show_are_one_stretch() -> None:
    paragraph = _paragraph(
        "<w:r><w:rPr><w:lang w:val='en-US'/></w:rPr><w:t xml:space='preserve'>One </w:t></w:r>"
        "<w:r w:rsidR='00A1'><w:rPr><w:rFonts w:hint='eastAsia'/><w:noProof/></w:rPr>"
        "<w:t>sentence.</w:t></w:r>"
    )
    assert read_paragraph(paragraph).text == "One sentence."


def test_tabs_and_line_breaks_are_characters_and_come_back_as_elements() -> None:
    paragraph = _paragraph(
        "<w:r><w:t>Name:</w:t><w:tab/><w:t>value</w:t><w:br/><w:t>next line</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == "Name:\tvalue\nnext line"
    write_paragraph(paragraph, read, "Name:\tWert\nnächste Zeile")
    assert _runs(paragraph) == [("Name:\tWert\nnächste Zeile", "")]
    assert [etree.QName(child).localname for child in paragraph[0]] == [
        "t", "tab", "t", "br", "t"
    ]  # fmt: skip


def test_a_non_breaking_hyphen_is_a_character_and_comes_back_an_element() -> None:
    paragraph = _paragraph("<w:r><w:t>Call 0800</w:t><w:noBreakHyphen/><w:t>123 today.</w:t></w:r>")
    read = read_paragraph(paragraph)
    assert read.text == "Call 0800\u2011123 today."
    write_paragraph(paragraph, read, "Ruf 0800\u2011123 heute an.")
    assert [(etree.QName(child).localname, child.text) for child in paragraph[0]] == [
        ("t", "Ruf 0800"), ("noBreakHyphen", None), ("t", "123 heute an.")
    ]  # fmt: skip


def test_what_is_not_text_is_a_placeholder_and_at_the_ends_stays_out() -> None:
    paragraph = _paragraph(
        "<w:bookmarkStart w:id='0' w:name='_Toc1'/>"
        "<w:r><w:t>See the note</w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='FootnoteReference'/></w:rPr>"
        "<w:footnoteReference w:id='2'/></w:r>"
        "<w:r><w:t xml:space='preserve'> and the picture.</w:t></w:r>"
        "<w:bookmarkEnd w:id='0'/>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText xml:space='preserve'> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'See the note<x id="1"/> and the picture.'
    write_paragraph(paragraph, read, 'Siehe die Notiz<x id="1"/> und das Bild.')
    names = [etree.QName(element).localname for element in paragraph.iter()]
    assert names.count("footnoteReference") == 1
    assert names.index("bookmarkStart") < names.index("footnoteReference")
    assert names[-6:] == ["r", "fldChar", "r", "instrText", "r", "fldChar"]
    reference = next(paragraph.iter(f"{W}footnoteReference")).getparent()
    assert reference.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


def test_a_placeholder_the_translation_dropped_is_kept_at_the_paragraphs_end() -> None:
    paragraph = _paragraph(
        "<w:r><w:t>A note</w:t></w:r><w:r><w:footnoteReference w:id='2'/></w:r>"
        "<w:r><w:t xml:space='preserve'> here.</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    write_paragraph(paragraph, read, "Eine Notiz hier.")
    assert etree.QName(paragraph[-1][0]).localname == "footnoteReference"
    assert "".join(t.text for t in paragraph.iter(f"{W}t")) == "Eine Notiz hier."


def test_a_simple_field_at_the_end_is_a_placeholder_of_the_text() -> None:
    paragraph = _paragraph(
        "<w:r><w:t xml:space='preserve'>Page </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText xml:space='preserve'> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>1</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:t xml:space='preserve'> of </w:t></w:r>"
        "<w:fldSimple w:instr=' NUMPAGES '><w:r><w:t>3</w:t></w:r></w:fldSimple>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'Page <x id="1"/>1<x id="2"/> of <x id="3"/>'
    write_paragraph(paragraph, read, 'Seite <x id="1"/>1<x id="2"/> von <x id="3"/>')
    assert "".join(paragraph.itertext()) == "Seite  PAGE 1 von 3"
    assert etree.QName(paragraph[-1]).localname == "fldSimple"


def test_links_and_formatting_inside_them_are_rebuilt_around_their_words() -> None:
    paragraph = _paragraph(
        "<w:r><w:t xml:space='preserve'>Read the </w:t></w:r>"
        "<w:hyperlink r:id='rId5' w:history='1'>"
        "<w:r><w:rPr><w:rStyle w:val='Hyperlink'/></w:rPr><w:t xml:space='preserve'>user </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='Hyperlink'/><w:b/></w:rPr><w:t>guide</w:t></w:r>"
        "</w:hyperlink>"
        "<w:r><w:t xml:space='preserve'> before you start the work.</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'Read the <g id="1">user </g><g id="2">guide</g> before you start the work.'
    write_paragraph(paragraph, read, 'Lesen Sie die <g id="1">Benutzer</g><g id="2">anleitung</g>.')
    links = paragraph.findall(f"{W}hyperlink")
    assert len(links) == 1  # the two stretches of one link stay in one
    assert links[0].get(f"{{{R_NS}}}id") == "rId5" and links[0].get(f"{W}history") == "1"
    assert _runs(links[0]) == [("Benutzer", "rStyle"), ("anleitung", "rStyle b")]


def test_tags_out_of_order_unknown_or_unpaired_lose_no_text() -> None:
    paragraph = _paragraph(
        f"<w:r><w:t xml:space='preserve'>Plain words and </w:t></w:r><w:r>{BOLD}<w:t>bold</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    write_paragraph(paragraph, read, '</g>Klare <g id="7">Worte</g> und <g id="1">fett')
    assert _runs(paragraph) == [("Klare Worte und ", ""), ("fett", "b")]


def test_markup_characters_are_references_only_where_they_would_read_as_markup() -> None:
    paragraph = _paragraph(
        "<w:r><w:t>if a &lt; b &amp;&amp; c &amp;amp; d, R&amp;D, press &lt;Enter&gt; "
        "or &lt;b&gt;</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == "if a < b && c &amp;amp; d, R&D, press <Enter> or &lt;b&gt;"
    write_paragraph(paragraph, read, read.text)
    assert next(paragraph.iter(f"{W}t")).text == "if a < b && c &amp; d, R&D, press <Enter> or <b>"


def test_spaces_and_punctuation_in_another_formatting_are_plain_text() -> None:
    paragraph = _paragraph(
        f"<w:r><w:t>Some words</w:t></w:r><w:r>{ITALIC}<w:t>.</w:t></w:r>"
        f"<w:r><w:t xml:space='preserve'> More words and </w:t></w:r><w:r>{BOLD}<w:t>2</w:t></w:r>"
    )
    assert read_paragraph(paragraph).text == 'Some words. More words and <g id="1">2</g>'


def test_content_controls_smart_tags_and_insertions_keep_their_elements() -> None:
    paragraph = _paragraph(
        "<w:sdt><w:sdtPr><w:alias w:val='Title'/></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>The title</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:ins w:id='3' w:author='Ann'><w:r><w:t xml:space='preserve'> was added</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space='preserve'> by a reviewer of the text.</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == '<g id="1">The title</g><g id="2"> was added</g> by a reviewer of the text.'
    write_paragraph(paragraph, read, '<g id="1">Der Titel</g><g id="2"> wurde</g> hinzugefügt.')
    sdt = paragraph.find(f"{W}sdt")
    assert sdt.find(f"{W}sdtPr/{W}alias").get(f"{W}val") == "Title"
    assert "".join(t.text for t in sdt.iter(f"{W}t")) == "Der Titel"
    assert paragraph.find(f"{W}ins").get(f"{W}author") == "Ann"


def test_an_insertion_split_by_the_translation_gets_fresh_revision_ids() -> None:
    paragraph = _paragraph(
        "<w:bookmarkStart w:id='30' w:name='_Ref1'/>"
        "<w:r><w:t xml:space='preserve'>The party warrants the right.</w:t></w:r>"
        "<w:ins w:id='26' w:author='Jens'><w:r><w:t xml:space='preserve'> The </w:t></w:r>"
        f"<w:r>{BOLD}<w:t>Receiving Party</w:t></w:r>"
        "<w:r><w:t xml:space='preserve'> acknowledges this.</w:t></w:r></w:ins>"
        "<w:bookmarkEnd w:id='30'/>"
    )
    read = read_paragraph(paragraph)
    write_paragraph(
        paragraph,
        read,
        'Die Partei garantiert das Recht.<g id="1">Die</g> <g id="2">Partei</g> <g id="3">dankt.</g>',
    )
    insertions = paragraph.findall(f"{W}ins")
    assert [ins.get(f"{W}id") for ins in insertions] == ["26", "31", "32"]
    assert {ins.get(f"{W}author") for ins in insertions} == {"Jens"}


@pytest.mark.parametrize("plain", [None, "given"])
def test_a_plain_style_given_is_the_one_written_as_plain_text(plain: str | None) -> None:
    paragraph = _paragraph(
        f"<w:r>{BOLD}<w:t xml:space='preserve'>Mostly bold words </w:t></w:r><w:r><w:t>here</w:t></w:r>"
    )
    plain_style = read_paragraph(paragraph).stretches[1].style if plain else None
    text = read_paragraph(paragraph, plain_style=plain_style).text
    assert text == (
        '<g id="1">Mostly bold words </g>here' if plain else 'Mostly bold words <g id="1">here</g>'
    )


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A = f"{{{A_NS}}}"


def _drawing_paragraph(body: str) -> Any:
    return etree.fromstring(f'<a:p xmlns:a="{A_NS}" xmlns:r="{R_NS}">{body}</a:p>')


def test_a_drawingml_paragraph_keeps_its_breaks_fields_and_end_properties() -> None:
    paragraph = _drawing_paragraph(
        "<a:pPr lvl='1'/>"
        "<a:r><a:rPr lang='en-US' dirty='0'/><a:t>Open the </a:t></a:r>"
        "<a:r><a:rPr lang='en-US' err='1'><a:hlinkClick r:id='rId2'/></a:rPr>"
        "<a:t>dashboard</a:t></a:r>"
        "<a:br><a:rPr lang='en-US'/></a:br>"
        "<a:r><a:rPr lang='en-GB'/><a:t>on slide </a:t></a:r>"
        "<a:fld id='{B6F15528}' type='slidenum'><a:rPr lang='en-US'/><a:t>2</a:t></a:fld>"
        "<a:r><a:rPr lang='en-US'/><a:t> now</a:t></a:r>"
        "<a:endParaRPr lang='en-US'/>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'Open the <g id="1">dashboard</g>\non slide <x id="2"/> now'
    write_paragraph(
        paragraph, read, 'Öffnen Sie das <g id="1">Dashboard</g>\nauf Folie <x id="2"/> jetzt'
    )
    names = [etree.QName(child).localname for child in paragraph]
    assert names == ["pPr", "r", "r", "br", "r", "fld", "r", "endParaRPr"]
    assert [t.text for t in paragraph.iter(f"{A}t")] == [
        "Öffnen Sie das ", "Dashboard", "auf Folie ", "2", " jetzt"
    ]  # fmt: skip
    assert paragraph[2].find(f"{A}rPr/{A}hlinkClick").get(f"{{{R_NS}}}id") == "rId2"


def test_proofing_languages_of_the_source_become_the_target_language() -> None:
    root = etree.fromstring(
        f'<root xmlns:w="{W_NS}" xmlns:a="{A_NS}"><w:lang w:val="en-US" w:eastAsia="ja-JP"/>'
        '<w:lang w:val="fr-FR"/><a:rPr lang="en-GB" altLang="en-US"/><a:defRPr lang="fr"/></root>'
    )
    relabel_languages(root, "en", "de")
    assert (
        etree.tostring(root)
        .decode()
        .endswith(
            '<w:lang w:val="de" w:eastAsia="ja-JP"/><w:lang w:val="fr-FR"/>'
            '<a:rPr lang="de" altLang="en-US"/><a:defRPr lang="fr"/></root>'
        )
    )


@pytest.mark.parametrize(
    "code",
    [
        "<w:r><w:rPr><w:rStyle w:val='VerbatimChar'/></w:rPr><w:t>git push</w:t></w:r>",
        "<w:r><w:rPr><w:rFonts w:ascii='Consolas' w:hAnsi='Consolas'/></w:rPr><w:t>git push</w:t></w:r>",
    ],
)
def test_code_in_a_code_style_or_a_monospaced_font_is_kept_as_it_is(code: str) -> None:
    paragraph = _paragraph(
        f"<w:r><w:t xml:space='preserve'>Then run </w:t></w:r>{code}"
        "<w:r><w:t xml:space='preserve'> to publish the branch.</w:t></w:r>"
    )
    read = read_paragraph(paragraph)
    assert read.text == 'Then run <x id="1"/> to publish the branch.'
    write_paragraph(paragraph, read, 'Führen Sie dann <x id="1"/> aus, um den Zweig zu teilen.')
    assert [t.text for t in paragraph.iter(f"{W}t")][1] == "git push"


STYLES = WordStyles(
    {"Command": "Consolas", "Heading1": "Aptos Display", "ShellPrompt": "Courier New"}
)


@pytest.mark.parametrize(
    ("paragraph_style", "properties", "is_code"),
    [
        ("", "<w:rStyle w:val='Command'/>", True),  # a character style in Consolas
        ("", "<w:rStyle w:val='Command'/><w:rFonts w:ascii='Arial'/>", False),  # set directly
        # a paragraph style's font makes no code: a title, a heading or a body text style set
        # in Consolas or Courier went untranslated (a regression trial's find)
        ("ShellPrompt", "", False),
        ("ShellPrompt", "<w:rFonts w:ascii='Arial'/>", False),
        ("", "<w:rFonts w:ascii='Calibri' w:hAnsi='Consolas'/>", True),  # either font
        ("Heading1", "<w:rStyle w:val='Command'/>", True),
        ("Heading1", "<w:b/>", False),
    ],
)
def test_a_run_in_a_style_whose_font_is_monospaced_is_code(
    paragraph_style: str, properties: str, is_code: bool
) -> None:
    style = f"<w:pPr><w:pStyle w:val='{paragraph_style}'/></w:pPr>" if paragraph_style else ""
    prose = "<w:rPr><w:rFonts w:ascii='Arial'/></w:rPr>"  # prose in any paragraph
    paragraph = _paragraph(
        f"{style}<w:r>{prose}<w:t xml:space='preserve'>Install it with </w:t></w:r>"
        f"<w:r><w:rPr>{properties}</w:rPr><w:t>contoso-agent --install</w:t></w:r>"
        f"<w:r>{prose}<w:t xml:space='preserve'> on each server.</w:t></w:r>"
    )
    text = read_paragraph(paragraph, styles=STYLES).text
    code = 'Install it with <x id="1"/> on each server.'
    assert (text == code) is is_code
    assert ("contoso-agent --install" in text) is not is_code


def test_a_paragraph_in_a_code_style_has_no_text_to_translate() -> None:
    paragraph = _paragraph(
        "<w:pPr><w:pStyle w:val='SourceCode'/></w:pPr><w:r><w:t>print('hello world')</w:t></w:r>"
    )
    assert not read_paragraph(paragraph).has_words


def test_a_drawingml_run_in_a_monospaced_font_is_code() -> None:
    paragraph = _drawing_paragraph(
        "<a:r><a:rPr/><a:t>Call </a:t></a:r>"
        "<a:r><a:rPr><a:latin typeface='Courier New'/></a:rPr><a:t>safeHead []</a:t></a:r>"
        "<a:r><a:rPr/><a:t> on an empty list.</a:t></a:r>"
    )
    assert read_paragraph(paragraph).text == 'Call <x id="1"/> on an empty list.'


def test_a_spreadsheet_strings_escapes_are_read_as_characters_and_written_back() -> None:
    string = etree.fromstring(
        '<si xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<t>Line_x000D_\nnot an escape: _x005F_x0041_</t></si>"
    )
    read = read_paragraph(string)
    assert read.text == "Line\r\nnot an escape: _x0041_"
    write_paragraph(string, read, read.text)
    assert (
        etree.tostring(string)
        .decode()
        .endswith("<t>Line_x000D_\nnot an escape: _x005F_x0041_</t></si>")
    )  # one <t>, no run: a string in one formatting


def test_a_spreadsheet_strings_markup_is_read_as_markup_and_written_back_as_it_is() -> None:
    string = etree.fromstring(
        '<si xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<t>&lt;p&gt;Soft &lt;b&gt;cotton&lt;/b&gt; &amp;amp; linen&lt;/p&gt;</t></si>"
    )
    read = read_paragraph(string)
    assert read.text == "<p>Soft <b>cotton</b> &amp; linen</p>"  # as a CSV cell holds it
    write_paragraph(string, read, "<p>Weiche <b>Baumwolle</b> &amp; Leinen</p>")
    assert string[0].text == "<p>Weiche <b>Baumwolle</b> &amp; Leinen</p>"
