"""A JSON parse error said in full: what is wrong at the position and what to write instead."""

from __future__ import annotations

import json

import pytest

from ltmt.formats.json_errors import json_problem


def _problem(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    return json_problem(raised.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": {"message": "Line\tTab"}}', r"a raw tab inside a string: write \t instead"),
        ('{"a": "two\nlines"}', r"a line break inside a string: write \n instead"),
        ('{"a": "bell\x07"}', r"control character U+0007 inside a string: write \u0007 instead"),
        ('{\n// a comment\n"a": "x"}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x", /* note */ "b": "y"}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x" // note\n}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x",\n}', "a comma after the last item: JSON allows no trailing comma"),
        ('["a", "b", ]', "a comma after the last item: JSON allows no trailing comma"),
        ("{'a': 'x'}", "single quotes: JSON strings and names take double quotes"),
        ('{"a": "x"', "expecting ',' between two items"),
        ('{"a": "x}', 'a string that is not closed (a missing ")'),
        ('{"a": "x"} {}', "more text after the JSON value ends"),
        ('{"a": "C:\\dir"}', r"an invalid escape '\\d' in a string: JSON knows"),
        ('{"a": }', "expecting a value (a string, number, object, array, true, false or null)"),
    ],
)
def test_problems_are_said_in_full(text: str, problem: str) -> None:
    assert _problem(text).startswith(problem)
