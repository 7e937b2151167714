"""A JSON file's one-line objects and arrays found in its text and kept on one line when it
is written again; everything else indented as ``json.dumps`` indents it."""

from __future__ import annotations

import json

import pytest

from ltmt.formats.json_escapes import JsonEscapes
from ltmt.formats.json_layout import Spacing, dumps_with_layout, one_line_containers

_ALL_ESCAPED = JsonEscapes(everything=True)

SHOP = """{
  "products": [
    {
      "title": "Yoga Mat",
      "price": {"amount": 19.99, "currency": "USD", "display": "$19.99"},
      "tags": ["a", "b"],
      "box": {"size": [30, 60], "note": "fits {1, 2} ]\\" in"},
      "seo": {
        "title": "Buy a mat"
      },
      "empty": {}
    }
  ]
}"""


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        (
            SHOP,
            {
                ("products", 0, "price"),
                ("products", 0, "tags"),
                ("products", 0, "box"),
                ("products", 0, "box", "size"),
                ("products", 0, "empty"),
            },
        ),
        ('{"a": [1, 2]}', {(), ("a",)}),  # the top level too, where the file is one line
        ('{\n  "a": [\n    1, 2]\n}', set()),  # closed on another line than it opened
        (
            '{\n  "x,y": {"k": "v"},\n  "z": [{"q": 1}, [2]]\n}',
            {("x,y",), ("z",), ("z", 0), ("z", 1)},  # a comma in a key is no separator
        ),
        ('{\n  "caf\\u00e9": {"k": "v"}\n}', {("café",)}),  # a key read as json reads it
        ('{\n  "e": [],\n  "o": {}\n}', {("e",), ("o",)}),  # empty ones too
    ],
)
def test_one_line_containers_by_path(text: str, paths: set[tuple[str | int, ...]]) -> None:
    assert set(one_line_containers(text)) == paths


@pytest.mark.parametrize(
    ("line", "spacing"),
    [
        ('{"a": 1, "b": 2}', Spacing()),
        ('{ "a": 1, "b": 2 }', Spacing(padded=True)),
        ('{"a":1,"b":2}', Spacing(comma=",", colon=":")),
        ("[ 1, 2 ]", Spacing(padded=True)),
        ("[1,2]", Spacing(comma=",")),
        ("{ }", Spacing(padded=True)),
    ],
)
def test_one_line_containers_keep_their_spacing(line: str, spacing: Spacing) -> None:
    assert one_line_containers(f'{{\n  "x": {line}\n}}') == {("x",): spacing}


@pytest.mark.parametrize(
    "line",
    [
        '{ "count": { "content": "$1", "example": "3" } }',
        '{"count":{"content":"$1","example":"3"}}',
        '{ "count": {"content": "$1", "example": "3"} }',
        '[ 1, [ 2, 3 ], {"a":[]} ]',
        "{ }",
    ],
)
def test_one_line_containers_are_written_with_their_spacing(line: str) -> None:
    """``"placeholders": { "count": { ... } }`` was written back as ``{"count": {...}}``: a
    diff line for every message; a container inside one keeps its own spacing."""
    text = f'{{\n  "placeholders": {line}\n}}'
    value = json.loads(text)
    assert dumps_with_layout(value, 2, one_line_containers(text), _ALL_ESCAPED) == text


@pytest.mark.parametrize("indent", [2, 4, "\t"])
@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_a_file_without_one_line_containers_is_written_as_json_dumps_writes_it(
    indent: str | int, ensure_ascii: bool
) -> None:
    value = {"a": {"b": ["x", {"c": 1.5, "d": None}], "e": {}, "f": []}, "g": "Größe", "h": True}
    written = json.dumps(value, indent=indent)
    escapes = _ALL_ESCAPED if ensure_ascii else JsonEscapes()
    assert dumps_with_layout(value, indent, one_line_containers(written), escapes) == (
        json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    )


def test_one_line_containers_stay_on_one_line_nested_ones_too() -> None:
    value = json.loads(SHOP)
    assert dumps_with_layout(value, 2, one_line_containers(SHOP), _ALL_ESCAPED) == SHOP
