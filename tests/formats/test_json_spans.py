"""Strings written into a JSON file's text in place, every other byte kept."""

from __future__ import annotations

import pytest

from ltmt.formats.json_spans import encoded_like, spliced, string_spans

TEXT = '{ "a" : ["x", 1, {"b":"y"}],\n  "c": "" }'


def test_string_spans_are_by_pointer() -> None:
    spans = string_spans(TEXT)
    assert {key: TEXT[start:end] for key, (start, end) in spans.items()} == {
        "/a/0": '"x"',
        "/a/2/b": '"y"',
        "/c": '""',
    }


def test_spliced_replaces_the_strings_named_alone() -> None:
    strings = {"/c": "Zürich", "/a/2/b": "z", "/missing": "never"}
    assert spliced(TEXT, strings) == '{ "a" : ["x", 1, {"b":"z"}],\n  "c": "Zürich" }'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "b"}', '"für / dich"'),
        ('{"a": "\\u00e9"}', '"f\\u00fcr / dich"'),  # ASCII with \u escapes
        ('{"a": "b\\/c"}', '"für \\/ dich"'),  # PHP's escaped slash
    ],
)
def test_a_value_is_escaped_as_the_file_escapes(text: str, expected: str) -> None:
    assert encoded_like(text, "für / dich") == expected
