"""Inline codes that differ only in their ids, and a stored text given a segment's ids."""

from __future__ import annotations

import pytest

from ltmt.formats.code_ids import input_ids, renumbered


@pytest.mark.parametrize(
    ("text", "stored", "expected"),
    [
        ('a<x id="7"/>b', 'a<x id="2"/>b', {"2": "7"}),
        ('<g id="1">a</g><x id="2"/>', '<g id="2">a</g><x id="1"/>', {"2": "1", "1": "2"}),
        (
            '<bx id="4" rid="9"/>a<ex id="5" rid="9"/>',
            '<bx id="1" rid="3"/>a<ex id="2" rid="3"/>',
            {"1": "4", "3": "9", "2": "5"},
        ),
        ('<sc id="s2"/>a<ec startRef="s2"/>', '<sc id="1"/>a<ec startRef="1"/>', {"1": "s2"}),
        ('a<x id="7"/>b', 'a<bx id="2"/>b', None),  # another kind
        ('a<x id="7" ctype="lb"/>b', 'a<x id="2"/>b', None),  # another attribute
        ('a<x id="7"/>b<x id="7"/>', 'a<x id="2"/>b<x id="3"/>', None),  # two ids as one
        ('a<x id="7"/>b<x id="8"/>', 'a<x id="2"/>b<x id="2"/>', None),  # one id as two
        ('a<x id="7"/>b', "a b", None),  # a code the stored text lacks
        ("a<b>b</b>", "a<b>b</b>", None),  # markup, no code
    ],
)
def test_codes_are_paired_by_kind_and_place(text, stored, expected):
    assert input_ids(text, stored) == expected


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ('Ein<x id="2"/> <g id="1">OK</g>.', 'Ein<x id="1"/> <g id="2">OK</g>.'),
        ("<b>Kein</b> Code.", "<b>Kein</b> Code."),
        ('Mehr<x id="5"/>.', None),  # an id the source lacks: it could clash
    ],
)
def test_a_stored_text_takes_the_ids_given_all_at_once(stored, expected):
    assert renumbered(stored, {"1": "2", "2": "1"}) == expected
