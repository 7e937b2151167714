"""An attribute list's shape (:mod:`ltmt.formats.attribute_lists`)."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.attribute_lists import ATTRIBUTE_LIST


@pytest.mark.parametrize(
    ("text", "is_one"),
    [
        ("{ .md-button }", True),
        ('{#install .x key="a b"}', True),
        ("{: .lead }", True),
        ("{:toc}", True),
        ("{-}", True),
        ("{name}", False),  # a format string's field
        ("{ a b }", False),
        ("{}", False),
    ],
)
def test_an_attribute_list_is_read_by_its_shape(text: str, is_one: bool) -> None:
    assert (ATTRIBUTE_LIST.fullmatch(text) is not None) == is_one


@pytest.mark.parametrize(
    "text", ["{ " + ".a " * 20_000, "{: " + "a=b " * 15_000 + "c=", "{: " + "a" * 50_000]
)
def test_an_unclosed_list_fails_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert list(ATTRIBUTE_LIST.finditer(text)) == []
    assert time.perf_counter() - started < 1.0
