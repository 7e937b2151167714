from __future__ import annotations

import pytest

from ltmt.invisible_edges import split_formatting_edges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sale today.&nbsp;&zwnj;&nbsp;&zwnj;",
            ("", "Sale today.", "&nbsp;&zwnj;&nbsp;&zwnj;"),
        ),
        ("\u200c Hi there!\u200c\u200b\u00ad", ("\u200c ", "Hi there!", "\u200c\u200b\u00ad")),
        ("&#8203;&#x200C;Sale&#160;", ("&#8203;&#x200C;", "Sale", "&#160;")),
        # a zero-width character between words stays: only the edges are formatting
        ("Sale\u200bends &amp; more&copy;", ("", "Sale\u200bends &amp; more&copy;", "")),
        ("&zwnj;\u00a0", ("&zwnj;\u00a0", "", "")),
    ],
)
def test_split_formatting_edges(text: str, expected: tuple[str, str, str]) -> None:
    assert split_formatting_edges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preheader's padding with combining grapheme joiners and figure spaces (trial s74:
        # the model moved and spaced a run that ended in &#847;)
        (
            "Ends at midnight.&nbsp;&zwnj;&nbsp;&zwnj;&#847;&#847;",
            ("", "Ends at midnight.", "&nbsp;&zwnj;&nbsp;&zwnj;&#847;&#847;"),
        ),
        (
            "Ends today.&#8199;&#65279;&#847;&#8199;&#65279;&#847;",
            ("", "Ends today.", "&#8199;&#65279;&#847;&#8199;&#65279;&#847;"),
        ),
        ("Hi&#x34F;&#x2007;&numsp;\u034f", ("", "Hi", "&#x34F;&#x2007;&numsp;\u034f")),
        # a combining grapheme joiner between words stays
        ("a&#847;b", ("", "a&#847;b", "")),
    ],
)
def test_e_mail_padding_characters_are_edges_too(text: str, expected: tuple[str, str, str]) -> None:
    assert split_formatting_edges(text) == expected
