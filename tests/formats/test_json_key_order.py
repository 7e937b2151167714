"""The key order of a JSON output over an existing translation
(:mod:`ltmt.formats.json_key_order`)."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.json_key_order import in_target_order


@pytest.mark.parametrize(
    ("out", "target", "order"),
    [
        # the translation's own order (sorted by a formatter) for the keys it has
        ({"save": 1, "open": 2}, {"open": 0, "save": 0}, ["open", "save"]),
        # a new key follows the key before it in the source
        ({"save": 1, "close": 2, "open": 3}, {"open": 0, "save": 0}, ["open", "save", "close"]),
        # ... and the source's first keys, new, go first
        ({"about": 1, "save": 2, "open": 3}, {"open": 0, "save": 0}, ["about", "open", "save"]),
        # a translation in the source's order: the source's order, new keys in their place
        ({"a": 1, "b": 2, "c": 3}, {"a": 0, "c": 0}, ["a", "b", "c"]),
        # nothing adopted in common: the source's order
        ({"a": 1, "b": 2}, {"x": 0}, ["a", "b"]),
    ],
)
def test_top_level_order(out: dict[str, Any], target: dict[str, Any], order: list[str]) -> None:
    assert list(in_target_order(out, target)) == order


def test_nested_objects_follow_the_translation_and_values_are_the_outputs() -> None:
    out = {"menu": {"save": "S", "open": "O"}, "title": "T", "tags": ["b", "a"]}
    target = {"title": "x", "tags": ["a", "b"], "menu": {"open": "x", "save": "x"}}
    ordered = in_target_order(out, target)
    assert list(ordered) == ["title", "tags", "menu"]
    assert list(ordered["menu"]) == ["open", "save"]
    assert ordered == out  # the same values: arrays keep the output's order
    assert ordered["tags"] == ["b", "a"]


def test_keys_kept_apart_stay_at_the_end() -> None:
    """The translation's keys the source lacks are kept at the end of their object, as the
    warning about them says."""
    out = {"save": 1, "open": 2, "menu": {"b": 1, "old": 2}, "gone": 3}
    target = {"gone": 0, "menu": {"old": 0, "b": 0}, "open": 0, "save": 0}
    ordered = in_target_order(out, target, {("gone",), ("menu", "old")})
    assert list(ordered) == ["menu", "open", "save", "gone"]
    assert list(ordered["menu"]) == ["b", "old"]
