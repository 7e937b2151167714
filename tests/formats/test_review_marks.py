"""Trados's track changes and comments: what each mark leaves of its words."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.review_marks import has_comment, has_review_marks, review_mark

NS = 'xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        ('<mrk mtype="x-sdl-deleted" sdl:revid="r1">a</mrk>', "dropped"),
        ('<mrk mtype="x-sdl-added" sdl:revid="r2">a</mrk>', "text"),
        ('<mrk mtype="x-sdl-comment" sdl:cid="c1">a</mrk>', "text"),
        ('<mrk mtype="seg" mid="1">a</mrk>', None),
        ('<mrk mtype="x-sdl-location" mid="b1"/>', None),
        ('<mrk mtype="protected">a</mrk>', None),
        ('<g id="x-sdl-deleted">a</g>', None),
    ],
)
def test_what_a_mark_leaves(element: str, expected: str | None) -> None:
    assert review_mark(etree.fromstring(element.replace(" ", f" {NS} ", 1))) == expected


@pytest.mark.parametrize(
    ("content", "marks", "comment"),
    [
        ('a <mrk mtype="x-sdl-comment" sdl:cid="c1">b</mrk>', True, True),
        ('a <mrk mtype="x-sdl-added" sdl:revid="r1">b</mrk>', True, False),
        ('<mrk mtype="seg" mid="1">a <mrk mtype="x-sdl-deleted">b</mrk></mrk>', True, False),
        ('<mrk mtype="seg" mid="1">a <g id="1">b</g></mrk>', False, False),
    ],
)
def test_a_segment_with_marks_is_told(content: str, marks: bool, comment: bool) -> None:
    target = etree.fromstring(f"<target {NS}>{content}</target>")
    assert has_review_marks(target) is marks
    assert has_comment(target) is comment
    assert not has_review_marks(None) and not has_comment(None)
