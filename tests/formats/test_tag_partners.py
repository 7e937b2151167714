"""tag_partners: a run's start and end tags paired by name, as counting from either finds."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.tag_partners import tag_partners


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ([("start", "b"), ("text", ""), ("end", "b")], [2, None, 0]),
        ([("start", "b"), ("start", "b"), ("end", "b")], [None, 2, 1]),
        ([("start", "a"), ("start", "b"), ("end", "a"), ("end", "b")], [2, 3, 0, 1]),
        ([("end", "b"), ("start", "b")], [None, None]),
        ([("empty", "br"), ("start", "i"), ("end", "i")], [None, 2, 1]),
    ],
)
def test_partners(tags: list[tuple[str, str]], expected: list[int | None]) -> None:
    assert tag_partners(tags) == expected


def test_thousands_of_unclosed_tags_are_paired_in_linear_time() -> None:
    started = time.perf_counter()
    partners = tag_partners([("start", "b")] * 200_000 + [("end", "b")])
    assert partners[-1] == 199_999 and partners[0] is None
    assert time.perf_counter() - started < 2.0
