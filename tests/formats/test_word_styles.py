"""The fonts a Word document's styles set, through the styles they are based on."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.ooxml_paragraphs import W_NS
from ltmt.formats.word_styles import NO_STYLES, WordStyles

STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="SourceText"><w:name w:val="Source Text"/>
<w:rPr><w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Command"><w:basedOn w:val="SourceText"/></w:style>
<w:style w:type="character" w:styleId="Shout"><w:basedOn w:val="Command"/>
<w:rPr><w:rFonts w:hAnsi="Impact"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="character" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
</w:styles>"""


@pytest.mark.parametrize(
    ("style_id", "font"),
    [
        ("SourceText", "Liberation Mono"),  # its own
        ("Command", "Liberation Mono"),  # the style it is based on
        ("Shout", "Impact"),  # its own before its base's
        ("Normal", None),  # the default paragraph style's font is the document's
        ("Body", None),  # and so not inherited from it
        ("Loop1", None),  # styles based on each other
        ("Missing", None),
        (None, None),
    ],
)
def test_a_styles_font_is_its_own_or_its_bases(style_id: str | None, font: str | None) -> None:
    assert WordStyles.of(etree.fromstring(STYLES)).font(style_id) == font


def test_no_styles_set_no_font() -> None:
    assert NO_STYLES.font("Command") is None
