"""A match's markup as its input has it: a match's tags out of both sides where its input has none."""

from __future__ import annotations

import pytest
from fusion_fakes import make_match

from ltmt.fusion.match_markup import input_markup_only, without_markup_tags
from ltmt.fusion.selection import MatchSelection, select_matches

_SOURCE = "Our <b>award-winning</b> platform helps <i>small teams</i> ship products faster."
_TARGET = "Unsere <b>preisgekrönte</b> Plattform hilft <i>kleinen Teams</i>, Produkte schneller."


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a document's paragraph goes to the model without its tags: the match's come out
        (
            "Our award-winning platform helps small teams ship products faster.",
            "Our award-winning platform helps small teams ship products faster.",
            "Unsere preisgekrönte Plattform hilft kleinen Teams, Produkte schneller.",
        ),
        # an input with tags of its own keeps the match's: they may be its own in another form
        (
            "Our <b>award-winning</b> platform helps small teams ship products faster.",
            _SOURCE,
            _TARGET,
        ),
        (
            'Our <g id="1">award-winning</g> platform helps small teams ship products faster.',
            _SOURCE,
            _TARGET,
        ),
        # a line's <kbd> set aside for the model: taking the match's out garbled it ("Dress")
        (
            'Press <ph id="ltmt-v1"/>+<ph id="ltmt-v2"/> to save the document.',
            _SOURCE,
            _TARGET,
        ),
        (_SOURCE, _SOURCE, _TARGET),
    ],
)
def test_a_matchs_tags_are_taken_out_where_its_input_has_none(
    text: str, source: str, target: str
) -> None:
    match = input_markup_only(make_match(_SOURCE, _TARGET, 88.0, 1), text)
    assert (match.segment.source, match.segment.target, match.score) == (source, target, 88.0)


def test_a_tag_between_two_words_leaves_a_space() -> None:
    assert without_markup_tags("line<br/>break, <b>bold</b>") == "line break, bold"


def test_the_match_selection_reads_matches_with_their_inputs_markup() -> None:
    """kNN fusion wrote ``Unsere <Produngsplattform`` from the tagged target of a match of a
    paragraph given to the model without its tags."""
    text = "Our award-winning platform helps small teams ship products faster."
    [match] = select_matches([make_match(_SOURCE, _TARGET, 88.0, 1)], text, MatchSelection())
    assert "<" not in match.segment.source + match.segment.target
