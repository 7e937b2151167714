"""Text a translation put outside the block elements that hold all of its source's text
(:mod:`ltmt.qa.loose_text`)."""

from __future__ import annotations

import time

import pytest

from ltmt.qa.loose_text import text_outside_blocks
from ltmt.qa.pair_checks import placeholder_problems

DESIGNER = (
    '<html><head/><body><p><span style=" font-weight:600;">Welcome!</span></p>'
    "<p>Create a new project.</p></body></html>"
)
OLDER = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<html><head><meta name="qrichtext" '
    'content="1" /><style type="text/css">\np, li { white-space: pre-wrap; }\n</style></head>'
    '<body style=" font-family:\'Sans\';">\n<p style="margin:0px;">Report bugs.</p>\n'
    '<p style="-qt-paragraph-type:empty;"><br /></p></body></html>'
)


def _said(text: str) -> str:
    return (
        f"has {text!r} outside its paragraphs (and other block elements), where the source's "
        "text is all inside them: move it back inside"
    )


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # trial s76: Qt Designer's rich text given whole to the model
        (
            DESIGNER,
            '<html><head/><body><p><span style=" font-weight:600;">Willkommen</span></p>! Ein '
            "<p>neues Projekt erstellen.</p></body></html>",
            _said("! Ein"),
        ),
        (
            DESIGNER,
            '<html><head/><body><p><span style=" font-weight:600;">Willkommen!</span></p>'
            "<p>Ein neues Projekt erstellen.</p></body> anfingen zu werden</html>",
            _said("anfingen zu werden"),
        ),
        (
            DESIGNER,
            '<html><head/><body><p><span style=" font-weight:600;">Willkommen!</span></p>'
            "<p>Ein neues Projekt erstellen.</p></body></html>",
            None,
        ),
        # the older form: its style sheet and the line breaks between its blocks are no text
        (OLDER, OLDER.replace("Report bugs.", "Fehler melden."), None),
        (OLDER, OLDER.replace("Report bugs.</p>", "Fehler</p> melden."), _said("melden.")),
        (
            "<para>Formats:</para><list><item>Plain text</item><item>Markdown</item></list>",
            "<para>Formate:</para><list><item>Text</item>down<item>Markdown</item></list>",
            _said("down"),
        ),
        # a source with text of its own outside its blocks is not judged
        ("Note: <p>Save it.</p>", "<p>Speichern.</p> Hinweis:", None),
        # no block elements: inline markup only
        ("<b>Note</b>: save it.", "Hinweis: <b>speichern</b>.", None),
        ("Plain text", "Einfacher Text", None),
    ],
)
def test_text_outside_the_blocks_is_said(source: str, target: str, expected: str | None) -> None:
    assert text_outside_blocks(source, target) == expected


def test_qa_says_it_of_a_pair() -> None:
    target = (
        '<html><head/><body><p><span style=" font-weight:600;">Willkommen</span></p>! Ein '
        "<p>neues Projekt erstellen.</p></body></html>"
    )
    assert placeholder_problems(DESIGNER, target, {}) == [_said("! Ein")]


def test_long_input_takes_time_in_proportion_to_its_length() -> None:
    """Read by one pass of the HTML parser: 20,000 tags take about a tenth of a second."""
    source = "<p>" + "a<" * 10_000 + "</p>"
    started = time.perf_counter()
    assert text_outside_blocks(source, "<p>x</p>" + "<" * 20_000) == _said("<")
    source = "<p>Long " + "<b>x</b> " * 5_000 + "</p>"
    assert text_outside_blocks(source, "<p>Lang</p>" + " y" * 5_000) == _said("y " * 14 + "y…")
    assert time.perf_counter() - started < 3.0
