"""An element moved out of the element that holds it (:mod:`ltmt.qa.tag_nesting`)."""

from __future__ import annotations

import pytest

from ltmt.qa.tag_nesting import moved_out


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "<list><item>A</item><item>B</item></list>",
            "<list><item>A</item></list><item>B</item>",
            "its <item> is outside <list>, which holds it in the source: move it back inside",
        ),
        (
            "<list><item>A</item><item>B</item></list>",
            "<list><item>B</item><item>A</item></list>",
            None,
        ),
        # an element the source has outside too may go anywhere
        ("<b>A</b> <i><b>B</b></i>", "<i>A</i> <b>B</b>", None),
        (
            "[list][b]One[/b][/list]",
            "[list][/list][b]Eins[/b]",
            "its [b] is outside [list], which holds it in the source: move it back inside",
        ),
        # a tag with no closing tag holds nothing
        ("<p>A<br>B</p>", "<p>A</p><br>B", None),
    ],
)
def test_an_element_moved_out_of_its_parent_is_said(
    source: str, target: str, expected: str | None
) -> None:
    assert moved_out(source, target, {"br"}) == expected
