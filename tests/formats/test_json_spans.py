"""Strings written into a JSON file's text in place, every other byte kept."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.formats.json_escapes import JsonEscapes
from ltmt.formats.json_spans import (
    changed_strings,
    encoder_like,
    spliced,
    string_spans,
)

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
        ('{"a": "b\\u00a0c"}', '"für / dich"'),  # a no-break space's escape alone
        ('{"a": "\\u003cb\\u003e"}', '"für / dich"'),  # Go's HTML-safe ASCII escapes
        ('{"a": "C:\\\\users"}', '"für / dich"'),  # a backslash, then u: no escape
    ],
)
def test_a_value_is_escaped_as_the_file_escapes(text: str, expected: str) -> None:
    assert encoder_like(text)("für / dich") == expected


@pytest.mark.parametrize(
    ("text", "value", "changed"),
    [
        ('{"a": "x", "b": [1, "y"]}', {"a": "X", "b": [1, "y"]}, {"/a": "X"}),
        ('{"a": "x", "b": [1, "y"]}', {"a": "x", "b": [1, "Y"]}, {"/b/1": "Y"}),
        ('{"a": "x"}', {"a": "x"}, {}),
        ('{"a/b": {"c~": "x"}}', {"a/b": {"c~": "X"}}, {"/a~1b/c~0": "X"}),
        ('[{"a": "x"}]', [{"a": "X"}], {"/0/a": "X"}),
        ('{"a": "caf\\u00e9"}', {"a": "café"}, {}),  # the same value, escaped
    ],
)
def test_changed_strings_are_the_strings_whose_values_differ(
    text: str, value: object, changed: dict[str, str]
) -> None:
    assert changed_strings(text, value) == changed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"a": "x", "b": "y"}', {"a": "X"}),  # a key left out
        ('{"a": "x"}', {"a": "X", "b": "y"}),  # a key added
        ('{"a": "x", "b": "y"}', {"b": "y", "a": "X"}),  # another order
        ('{"a": "x", "a": "y"}', {"a": "Y"}),  # a key the text writes twice
        ('{"a": ["x", "y"]}', {"a": ["X"]}),  # an item left out
        ('{"a": 1}', {"a": True}),  # another type, equal in Python
        ('{"a": 1}', {"a": 1.0}),
        ('{"a": 1}', {"a": "1"}),
        ('{"a": {}}', {"a": []}),  # an empty object is no empty array
        ('{"a": []}', {"a": {}}),
        ('{"a": "x"}', {"a": {"one": "x"}}),
    ],
)
def test_changed_strings_are_none_where_more_than_strings_differ(text: str, value: object) -> None:
    assert changed_strings(text, value) is None


def test_spliced_writes_with_the_encoder_given() -> None:
    text = '{"a": "b\\/c", "d": "e"}'
    assert spliced(text, {"/d": "f/g"}, JsonEscapes().dumps) == '{"a": "b\\/c", "d": "f/g"}'
    assert spliced(text, {"/d": "f/g"}) == '{"a": "b\\/c", "d": "f\\/g"}'


_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def _upper_strings(value: Any) -> Any:
    if isinstance(value, str):
        return value.upper() + "/ü"
    if isinstance(value, list):
        return [_upper_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: _upper_strings(item) for key, item in value.items()}
    return value


@given(
    data=st.lists(_JSON, max_size=3) | st.dictionaries(st.text(max_size=4), _JSON, max_size=3),
    indent=st.sampled_from([None, 2, 4, "\t"]),
    escaped_slashes=st.booleans(),
)
def test_spliced_changed_strings_read_back_as_the_value_written(
    data: Any, indent: int | str | None, escaped_slashes: bool
) -> None:
    text = json.dumps(data, indent=indent)
    text = text.replace("/", "\\/") if escaped_slashes else text
    value = _upper_strings(data)
    changed = changed_strings(text, value)
    assert changed is not None
    assert json.loads(spliced(text, changed)) == value  # escaped as the text escapes
