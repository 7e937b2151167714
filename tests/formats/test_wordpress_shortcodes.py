"""WordPress shortcodes (``[easy_booking_form id="123"]``): one placeholder each, sent to the
model as a tag and held to by qa; footnotes, links, subtitles' sounds and BBCode left as they
were."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.wordpress_shortcodes import SHORTCODE
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Use the shortcode [easy_booking_form id="123"] to show the form.', ['[easy_booking_form id="123"]']),
        ('Add [easy_booking_calendar service="spa" months="2"] to any page.', ['[easy_booking_calendar service="spa" months="2"]']),
        ("Add [gallery ids='1,2,3' size='large'] here.", ["[gallery ids='1,2,3' size='large']"]),
        ('Add [booking-form layout="compact" /] here.', ['[booking-form layout="compact" /]']),
        ("Show [booking_summary /] or [cart/] below.", ["[booking_summary /]", "[cart/]"]),
    ],
)  # fmt: skip
def test_an_unpaired_shortcode_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """The model translated its attribute names and made its quotes German
    (``[easy_booking_calendar Dienst=»spa« Monate=»2«]``: WordPress trial s76)."""
    found = find_placeholders(text)
    assert [(p.text, p.kind) for p in found] == [(code, "shortcode") for code in expected]
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair, and BBCode's own names: tags as before, not shortcodes
        ('[caption id="x"]A photo[/caption]', [('[caption id="x"]', "tag"), ("[/caption]", "tag")]),
        ('[img width="100"]', [('[img width="100"]', "tag")]),
        ("[wave amp=50 freq=2]x[/wave]", [("[wave amp=50 freq=2]", "tag"), ("[/wave]", "tag")]),
        # a bare snake_case name: Ren'Py's interpolation shape, as before
        ("Add [easy_booking_form] to a page.", [("[easy_booking_form]", "token")]),
        # no shortcode: a footnote, an editor's mark, a sound, a link, a command's metavariable
        ("See [1] and [sic].", []),
        ("[DOOR SLAMS] Who is there?", []),
        # (a Markdown link's marks: ltmt.formats.markdown_link_marks)
        (
            "Read [the guide](https://example.com/guide).",
            [("[", "markdown"), ("](https://example.com/guide)", "markdown")],
        ),
        ('[link text="x"](https://example.com)', [("[", "markdown"), ("](https://example.com)", "markdown")]),
        ("Usage: run [NAME=VALUE] [default=N] [--all]", []),
        ('Say [Hello there="x"]', []),  # a capital: no shortcode's name
        ("{count, plural, one {# booking} other {# bookings}}", []),  # ICU: braces, not brackets
    ],
)  # fmt: skip
def test_other_bracketed_text_is_read_as_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.kind) for p in find_placeholders(text)] == expected


def test_the_model_gets_a_tag_and_the_shortcode_comes_back_as_written() -> None:
    source = 'Add [easy_booking_calendar service="spa" months="2"] to any page.'
    split = split_segment(source, LineForms(decorations=True))
    assert split.lines == ["Add <x/> to any page."]
    assert split.rebuild(["Fügen Sie <x/> zu einer Seite hinzu."]) == (
        'Fügen Sie [easy_booking_calendar service="spa" months="2"] zu einer Seite hinzu.'
    )


def test_qa_reports_a_changed_shortcode() -> None:
    source = 'Add [easy_booking_calendar service="spa" months="2"] to any page.'
    garbled = "Fügen Sie [easy_booking_calendar Dienst=»spa« Monate=»2«] zu einer Seite hinzu."
    assert placeholder_problems(source, garbled, {}) == [
        'lacks [easy_booking_calendar service="spa" months="2"]'
    ]
    kept = 'Fügen Sie [easy_booking_calendar service="spa" months="2"] zu einer Seite hinzu.'
    assert placeholder_problems(source, kept, {}) == []


@pytest.mark.parametrize(
    "text",
    [
        '[a x="1"' * 20_000,  # no closing bracket, again and again
        "[a" + ' x="1' * 50_000,  # unclosed values
        "[a" + ' x="1"' * 50_000 + " ",  # many attributes, no end
        "[a" + "_a" * 50_000 + " x",
        "[a " + " " * 100_000,
        "[" * 100_000,
    ],
)
def test_the_pattern_takes_linear_time_on_long_adversarial_text(text: str) -> None:
    started = time.perf_counter()
    list(re.finditer(SHORTCODE, text))
    assert time.perf_counter() - started < 1.0
