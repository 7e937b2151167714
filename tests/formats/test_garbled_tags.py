"""Where a tag the model garbled past recovery stood."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.garbled_tags import broken_copy
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.formats.repair import repair_line

_SPRITE = 'Press <sprite="buttons" index=2> to open the map.'


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        # a Unity trial's (session 74): a hyphen for the space, the glyph once put after the stop
        (
            "Adresse <sprite=»buttons«-Index=2> zum Öffnen der Karte.",
            'Adresse <sprite="buttons" index=2> zum Öffnen der Karte.',
        ),
        (
            "Drücken Sie <SPRITE index-2>, um die Karte zu öffnen.",
            'Drücken Sie <sprite="buttons" index=2>, um die Karte zu öffnen.',
        ),
        # dropped, or two copies (which is the tag's?): inserted as before
        ("Karte öffnen.", 'Karte öffnen. <sprite="buttons" index=2>'),
        (
            "<sprite=»a«-1> Karte <sprite=»b«-2> öffnen.",
            ' Karte öffnen. <sprite="buttons" index=2>',
        ),
        # another element's broken tag is no copy of this one
        ("Karte <spritely-2> öffnen.", 'Karte <spritely-2> öffnen. <sprite="buttons" index=2>'),
    ],
)
def test_a_garbled_copy_of_a_missing_tag_marks_its_place(output: str, expected: str) -> None:
    assert repair_line(_SPRITE, output)[0] == expected


def test_a_broken_copy_is_the_tags_where_no_other_of_its_element_is_missing() -> None:
    tags = find_placeholders("<b>a</b> <b>c</b> <sprite=1>")
    opening, closing, other, _, sprite = tags
    pattern = broken_copy(closing, [closing])
    assert pattern is not None and pattern.fullmatch("</B class=»x«>") is not None
    assert pattern.fullmatch("<b class=»x«>") is None  # an opening tag is no closing one's copy
    assert broken_copy(opening, [opening, other]) is None  # two <b> missing: whose copy?
    assert broken_copy(opening, [opening, closing]) is not None
    assert broken_copy(sprite, [sprite]) is not None
    assert broken_copy(find_placeholders("%s")[0], []) is None  # no tag


@pytest.mark.parametrize(
    "output",
    [
        "<sprite=" * 20_000,
        '<sprite="' * 20_000,
        "<sprite " + 'a="' * 20_000,
        "<sprite" + "= " * 30_000,
    ],
)
def test_long_adversarial_input_is_read_in_linear_time(output: str) -> None:
    tag = find_placeholders(_SPRITE)[0]
    pattern = broken_copy(tag, [tag])
    assert pattern is not None
    started = time.perf_counter()
    list(pattern.finditer(output))
    assert time.perf_counter() - started < 1.0
