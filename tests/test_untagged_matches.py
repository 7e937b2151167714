"""A plain segment's matches read without their tags: scored on their words, reused so."""

from __future__ import annotations

import pytest

from ltmt.segments import Match, Segment
from ltmt.untagged_matches import (
    SEARCHED_WITHOUT_TAGS,
    best_as_read,
    code_tags,
    searched_count,
    untagged,
    without_markup_tags,
)


def _match(source: str, target: str, score: float, seg_id: int = 1) -> Match:
    return Match(Segment(seg_id, "u1", source, target, 0.0, "tags.tmx"), score)


@pytest.mark.parametrize(
    ("text", "plain", "one_space"),
    [
        ('See section 4.4<x id="2"/>.', "See section 4.4.", "See section 4.4."),
        (
            'Do not take <g id="1">Xarelto</g> if you are pregnant.',
            "Do not take Xarelto if you are pregnant.",
            "Do not take Xarelto if you are pregnant.",
        ),
        # a tag between two words leaves a space; one between two spaces, with one_space, none
        ("line<br/>break, <b>bold</b>", "line break, bold", "line break, bold"),
        ('Take <x id="1"/> daily.', "Take  daily.", "Take daily."),
        ('Take <bx id="1"/> <ex id="1"/> daily.', "Take   daily.", "Take daily."),
        # the text's own double space is kept; so are edges, which reuse gives the segment's
        ('Take  <x id="1"/>daily.', "Take  daily.", "Take  daily."),
        ('<x id="1"/> Take', " Take", " Take"),
        # no markup: a comparison, a metavariable never closed, a placeholder
        ("a < b and c > d", "a < b and c > d", "a < b and c > d"),
        ("Delete {0} now", "Delete {0} now", "Delete {0} now"),
    ],
)
def test_tags_are_taken_out_their_words_kept(text: str, plain: str, one_space: str) -> None:
    assert without_markup_tags(text) == plain
    assert without_markup_tags(text, one_space=True) == one_space


@pytest.mark.parametrize(
    ("texts", "k", "asked"),
    [
        (["See section 4.4."], 4, SEARCHED_WITHOUT_TAGS),
        (["See section 4.4."], 20, 20),
        (['See section 4.4<x id="2"/>.'], 4, 4),
        (['See section 4.4<x id="2"/>.', "See section 4.4."], 4, SEARCHED_WITHOUT_TAGS),
    ],
)
def test_a_segment_without_tags_is_searched_for_more_matches(
    texts: list[str], k: int, asked: int
) -> None:
    assert searched_count(texts, k) == asked


TAGGED = _match('See section 4.4<x id="2"/>.', 'Siehe Abschnitt 4.4<x id="2"/>.', 74.4, seg_id=3)
SIBLINGS = [_match(f"See section 4.{n}.", f"Siehe Abschnitt 4.{n}.", 93.8, n) for n in (5, 6)]


def test_a_plain_segments_tagged_match_is_scored_and_given_on_its_words() -> None:
    """(pharma trial, s76) a Trados TMX's ``See section 4.4<ph x="2"/>.`` scored 74.4 against
    ``See section 4.4.`` and its approved ``Siehe Abschnitt 4.4.`` was not reused."""
    text = "See section 4.4."
    found = best_as_read(text, text, [*SIBLINGS, TAGGED], 2, case_sensitive=False)
    assert [(m.segment.id, m.segment.source, m.segment.target, m.score) for m in found] == [
        (3, "See section 4.4.", "Siehe Abschnitt 4.4.", 100.0),
        (5, "See section 4.5.", "Siehe Abschnitt 4.5.", 93.8),
    ]


def test_a_segment_with_tags_keeps_its_matches_as_stored() -> None:
    text = 'See section 4.4<x id="7"/>.'
    found = best_as_read(text, text, [*SIBLINGS, TAGGED], 2, case_sensitive=False)
    assert found == SIBLINGS


def test_a_match_without_tags_is_itself() -> None:
    assert untagged(SIBLINGS[0], "see section 4.4.", case_sensitive=False) is SIBLINGS[0]


def test_a_near_match_is_scored_on_its_words() -> None:
    match = untagged(TAGGED, "see section 4.3.", case_sensitive=False)
    assert (match.segment.source, round(match.score, 1)) == ("See section 4.4.", 93.8)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ('See section 4.4<x id="2"/>.', ['<x id="2"/>']),
        ('Take <g id="1">Xarelto</g> daily', ['<g id="1">', "</g>"]),
        ("<b>Bold</b> and a<br/>break", ["<b>", "</b>", "<br/>"]),
        # a text's own bracketed names: no codes (vim, dpkg)
        ("auto-removing autocommand: %s <buffer=%d>", []),
        ("-c<control-file>  get control info from <file>", []),
    ],
)
def test_only_inline_codes_and_html_elements_are_taken_out(text: str, codes: list[str]) -> None:
    assert [tag.text for tag in code_tags(text)] == codes


def test_a_match_whose_brackets_are_its_own_text_is_scored_as_stored() -> None:
    """The dev benchmark's vim ``autocommand %s``: its match ``auto-removing autocommand: %s
    <buffer=%d>`` read without ``<buffer=%d>`` scored higher, and its ``Entferne`` was fused in."""
    own = _match("auto-removing autocommand: %s <buffer=%d>", "Entferne Autokommando: %s", 55.0)
    assert untagged(own, "autocommand %s", case_sensitive=False) is own
