"""A JSON message file's leading comment split off (:mod:`ltmt.formats.json_comments`)."""

from __future__ import annotations

import pytest

from ltmt.formats.json_comments import leading_comment


@pytest.mark.parametrize(
    ("text", "comment", "rest"),
    [
        ("/* a\n b */\n{}", "/* a\n b */\n", "    \n     \n{}"),
        ("// one\n// two\n{}", "// one\n// two\n", "      \n      \n{}"),
        ("/* a */ {}", "/* a */ ", "        {}"),
        ('{"a": "/* no */"}', "", '{"a": "/* no */"}'),
        ("/* not closed\n{}", "", "/* not closed\n{}"),
    ],
)
def test_leading_comment(text: str, comment: str, rest: str) -> None:
    assert leading_comment(text) == (comment, rest)
