"""A tag's quoted attribute values hold ``>`` (and a ``<`` that starts no tag); text with a
lone bracket is no tag; long adversarial text is read in linear time."""

from __future__ import annotations

import re

import pytest

from ltmt.formats.attribute_values import ANY_TAG, QUOTED_VALUE

_ANY_TAG = re.compile(ANY_TAG)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Moodle's link to a placeholder's URL: the ">" of "->" is the value's
        ('Open the <a href="{$a->url}">review page</a>.', ['<a href="{$a->url}">', "</a>"]),
        ('<a title="x>y" href="/r">page</a>', ['<a title="x>y" href="/r">', "</a>"]),
        ("<a title='x>y'>page</a>", ["<a title='x>y'>", "</a>"]),
        ('<a title = "x > y">page</a>', ['<a title = "x > y">', "</a>"]),
        # a "<" that starts no tag is the value's; one before a letter or "/" ends it
        ('<a title="x < 5">a</a>', ['<a title="x < 5">', "</a>"]),
        ('<span data-op="<=">a</span>', ['<span data-op="<=">', "</span>"]),
        # a quote left open before a tag swallows no tag: read as before, up to the first ">"
        ('<a title="x>y <b>z</b>', ['<a title="x>', "<b>", "</b>"]),
        # quotes not after "=" are characters as any: an apostrophe, a quoted word
        ("<don't> it's", ["<don't>"]),
        ('<b>"Hi" > there</b>', ["<b>", "</b>"]),
        # an unclosed value: read as before, up to the first ">"
        ('<a href="x>click</a>', ['<a href="x>', "</a>"]),
    ],
)
def test_a_tag_reaches_the_first_bracket_outside_its_quoted_values(
    text: str, expected: list[str]
) -> None:
    assert _ANY_TAG.findall(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If a > b and x < 5 then a -> b => c",
        "a <- b, c >= d, <name>, <b>bold</b>",
        "<br/> <x id=1/> <don't> <b class=a>",
        'Say "<b>hi</b>" <i>"x"</i>',
    ],
)
def test_text_without_a_quoted_value_reads_as_before(text: str) -> None:
    assert _ANY_TAG.findall(text) == re.findall(r"<[^<>]*>", text)


@pytest.mark.parametrize(
    ("value", "whole"),
    [('"{$a->url}"', True), ("'x>y'", True), ('"x < 5"', True), ('"a<b"', False), ('"x', False)],
)
def test_a_quoted_value(value: str, whole: bool) -> None:
    assert (re.fullmatch(QUOTED_VALUE, value) is not None) is whole


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('<a href="' + ">" * 50_000, 1),  # an unclosed quote: the first ">" ends the tag
        ('<a x="' * 20_000, 0),
        ("<" * 50_000, 0),
        ("<a " + 'x="y" ' * 20_000 + 'z="', 0),
        ("<a " + '="' * 20_000, 0),
        ('<a x="' + "< " * 20_000, 0),
        ('<a t="x>" ' * 20_000, 0),  # a closed value and no ">" after it: no tag
        ("a -> b => c " * 10_000, 0),
    ],
    ids=lambda value: value[:12] if isinstance(value, str) else str(value),
)
def test_long_adversarial_text_is_read_without_catastrophic_backtracking(
    text: str, found: int
) -> None:
    assert len(_ANY_TAG.findall(text)) == found
