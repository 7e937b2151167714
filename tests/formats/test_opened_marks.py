from __future__ import annotations

import re

import pytest

from ltmt.formats.opened_marks import opened_only

# an opening ``(`` or ``[``, a closing ``)`` or ``]``, a kept ``'...'`` and a word
_MARKS = re.compile(r"(?P<open>[(\[])|(?P<close>[)\]])|(?P<kept>'[^']*')|\w+")
_KIND = {"(": ")", "[": "]"}


def _kept(text: str, nested: bool) -> list[str]:
    matches = _MARKS.finditer(text)
    found = opened_only(
        matches, "open", "close", _KIND.__getitem__, str, nested=nested, skipped="kept"
    )
    return [match.group() for match in found]


@pytest.mark.parametrize(
    ("text", "nested", "expected"),
    [
        ("a ) b", False, ["a", "b"]),  # nothing opened it: text
        ("( a )", False, ["(", "a", ")"]),
        ("( a ] )", False, ["(", "a", ")"]),  # another kind's closing mark is text
        ("( a ) )", False, ["(", "a", ")"]),  # one closing mark an opening
        ("( [ a ] )", False, ["(", "[", "a", "]"]),  # an opening replaces one waiting
        ("( [ a ] )", True, ["(", "[", "a", "]", ")"]),  # or waits with it
        ("( 'x )' )", False, ["(", ")"]),  # the skipped group's matches are left out
    ],
)
def test_opened_only(text: str, nested: bool, expected: list[str]) -> None:
    assert _kept(text, nested) == expected
