"""Tags without their attributes, for the number measures."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.tag_attributes import without_tag_attributes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Open <mrk mtype="x-sdl-comment" cid="c1a2b3c4-0000-4000">SafeKeep</mrk> 5.3',
            "Open <mrk>SafeKeep</mrk> 5.3",
        ),
        # a tag the model garbled is still a tag
        ("Open <g id=»c1a2b3c4-00-4000«>SafeKeep</g>", "Open <g>SafeKeep</g>"),
        ('Click <x id="pt2017"/> 3 times', "Click <x/> 3 times"),
        ('See <a href="/kb/20431">KB 7</a>', "See <a>KB 7</a>"),
        # a value after the name (TextMeshPro's), with attributes or without
        ('Press <sprite="buttons" index=2> now', "Press <sprite> now"),
        ("a <size=120%>4</size> <sprite=2/>", "a <size>4</size> <sprite/>"),
        # no attributes, a digit in the name: as they are
        ("a <b>3</b> <x0/> <1>5</1>", "a <b>3</b> <x0/> <1>5</1>"),
        ("cp <file1> <file2>", "cp <file1> <file2>"),
        ("x < 3 and y > 4", "x < 3 and y > 4"),
        ("no tags 42", "no tags 42"),
    ],
)
def test_tags_lose_their_attributes_only(text: str, expected: str) -> None:
    assert without_tag_attributes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<a " * 20_000,
        '<g id="' * 20_000,
        "<x " + "a=1 " * 20_000,
        "<x=" * 20_000,
        "<size=" + "1" * 50_000,
        "<" + "a" * 50_000 + " ",
    ],
)
def test_long_adversarial_input_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    without_tag_attributes(text)
    assert time.perf_counter() - started < 2.0
