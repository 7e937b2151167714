"""kept_element_text: elements kept as written left out of a run's text, in linear time, as
the regular expression it replaces read them."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import pytest

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.kept_element_text import without_kept_elements
from ltmt.formats.paired_tags import kept_as_written

# the pattern the module replaces, which took seconds on thousands of unclosed tags
_AS_BEFORE = re.compile(rf"<(\w+)(\s{TAG_BODY})?>.*?</\1>", re.DOTALL)


def _as_before(source: str) -> str:
    def replaced(found: re.Match[str]) -> str:
        kept = kept_as_written(f"<{found.group(1)}{found.group(2) or ''}>")
        return " " if kept else found.group()

    return _AS_BEFORE.sub(replaced, source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Run <code>ls -l</code> now", "Run   now"),
        ('Keep <span translate="no">Acme</span> as is', "Keep   as is"),
        ("A <b>bold <code>x</code></b> word", "A <b>bold <code>x</code></b> word"),
        ("<code>a</code> and <code>b", "  and <code>b"),
        ("no tags", "no tags"),
    ],
)
def test_kept_elements_are_left_out(source: str, expected: str) -> None:
    assert without_kept_elements(source, kept_as_written) == expected


def test_it_reads_as_the_pattern_did() -> None:
    pieces = ["<b>", "</b>", "<code>", "</code>", "<i x='>'>", "</i>", "x", " ", "<", ">", '"']
    pieces += ['<span class="notranslate">', "</span>", "<1>", "</1>", "&amp;"]
    generator = random.Random(7)
    for _ in range(3000):
        source = "".join(generator.choice(pieces) for _ in range(generator.randrange(1, 14)))
        assert without_kept_elements(source, kept_as_written) == _as_before(source), source


@pytest.mark.parametrize(
    "make",
    [lambda n: "<b>" * n, lambda n: "<code>x</i>" * n, lambda n: '<a x="<1 ' * n],
    ids=["unclosed", "mismatched", "quoted brackets"],
)
def test_unclosed_elements_take_linear_time(make: Callable[[int], str]) -> None:
    started = time.perf_counter()
    assert "text" in without_kept_elements(make(100_000) + "text", kept_as_written)
    assert time.perf_counter() - started < 2.0
