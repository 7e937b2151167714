"""An output that holds what a run would write is left as it is
(:mod:`ltmt.formats.unchanged_output`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ltmt.errors import InputError
from ltmt.formats.unchanged_output import holds_already, same_data


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ({"a": "A", "b": "B"}, {"b": "B", "a": "A"}, True),  # key order aside
        ({"x": {"a": 1, "b": [1, 2]}}, {"x": {"b": [1, 2], "a": 1}}, True),
        ({"a": [1, 2]}, {"a": [2, 1]}, False),  # a list's order is content
        ({"a": True}, {"a": 1}, False),  # Python's == says these are equal
        ({"a": 1}, {"a": 1.0}, False),
        ({"a": "1"}, {"a": 1}, False),
        ({"a": None}, {"a": ""}, False),
        ({"a": "A"}, {"a": "A", "b": "B"}, False),
        ({"a": {"b": "B"}}, {"a": ["B"]}, False),
        ({"a": []}, {"a": {}}, False),
    ],
)
def test_same_data(first: Any, second: Any, same: bool) -> None:
    assert same_data(first, second) is same
    assert same_data(second, first) is same


def _same_json(existing: bytes, rendered: bytes) -> bool:
    return same_data(json.loads(existing), json.loads(rendered))


def test_a_file_holding_the_same_data_in_another_order_is_left(tmp_path: Path) -> None:
    path = tmp_path / "de.json"
    path.write_bytes(b'{\n    "a": "A",\n    "b": "B"\n}\n')
    assert holds_already(path, b'{"b": "B", "a": "A"}', _same_json)
    assert not holds_already(path, b'{"b": "B", "a": "X"}', _same_json)


def test_only_the_same_bytes_by_default(tmp_path: Path) -> None:
    path = tmp_path / "de.json"
    path.write_bytes(b'{"a": "A"}')
    assert holds_already(path, b'{"a": "A"}', lambda existing, rendered: False)
    assert not holds_already(path, b'{ "a": "A" }', lambda existing, rendered: False)


def test_a_missing_or_unparsed_file_is_written(tmp_path: Path) -> None:
    assert not holds_already(tmp_path / "none.json", b"{}", _same_json)
    assert not holds_already(tmp_path, b"{}", _same_json)  # no regular file
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"a": ')
    assert not holds_already(broken, b'{"a": "A"}', _same_json)

    def refused(existing: bytes, rendered: bytes) -> bool:
        raise InputError("not valid")

    assert not holds_already(broken, b'{"a": "A"}', refused)
