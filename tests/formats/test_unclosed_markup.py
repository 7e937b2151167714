"""unclosed_markup: a text whose unclosed tags and comments would stall the HTML parser for
minutes is refused at once with the line to fix; any other is read as before."""

from __future__ import annotations

import time

import pytest

from ltmt.errors import InputError
from ltmt.formats.unclosed_markup import UnclosedMarkupError, refuse_unclosed_markup


@pytest.mark.parametrize(
    "text",
    ["<p" * 50_000, "<!--" * 50_000, "<!--x>" * 50_000, '<p a="' * 50_000, "</a" * 50_000],
    ids=["start tags", "comments", "comments with >", "quoted values", "end tags"],
)
def test_pathological_markup_is_refused_at_once(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(UnclosedMarkupError, match=r"^line 1: 50,000 '<' that open a tag"):
        refuse_unclosed_markup(text)
    assert time.perf_counter() - started < 1.0


def test_the_message_names_the_first_line_and_what_to_do() -> None:
    text = "<p>Fine</p>\n<!-- ok -->\nthen " + "<b" * 5000
    with pytest.raises(InputError) as refused:
        refuse_unclosed_markup(text)
    assert str(refused.value) == (
        "line 3: 5,000 '<' that open a tag or comment never closed, from here to the end: too "
        "broken to read as HTML; write a '<' that is text as '&lt;', and close the tags ('>') "
        "and comments ('-->')"
    )
    assert refused.value.line == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "<p>Hello <b>world</b></p>" * 20_000,
        "<!-- an unclosed comment " + "<p>text</p>" * 100_000,  # read to the next "-->": none
        "if a<b and c<d then stop",
        "<p>Fine</p>" * 1000 + "<p" * 500,
        "<!--" * 500,
    ],
    ids=["a long page", "one unclosed comment", "plain text", "a few at the end", "a few comments"],
)
def test_other_texts_are_read(text: str) -> None:
    refuse_unclosed_markup(text)


def test_the_check_takes_linear_time_on_adversarial_text() -> None:
    for text in ("--" + " " * 400_000 + ">", "-- >" * 200_000, ">" * 400_000, "<" * 400_000):
        started = time.perf_counter()
        refuse_unclosed_markup(text)
        assert time.perf_counter() - started < 1.0
