"""Caption cues (a name tag, a location card): told from a sentence cut over cues."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.subtitle_captions import is_caption


@pytest.mark.parametrize(
    ("lines", "caption"),
    [
        (["THOMAS BRANDT", "Former Border Guard"], True),  # a name tag
        (["Anna Weber", "Head of Security"], True),  # title-cased, a title's small words
        (["BERLIN, 1989"], True),  # a location card
        (["{\\an8}EAST BERLIN"], True),  # its position block aside
        (["<i>THOMAS BRANDT</i>"], True),  # its tags aside
        (["[DOOR SLAMS]"], False),  # a sound ends in a bracket: it ends a sentence already
        (["OK"], False),  # capitals, but too short a word: a word said
        (["Yesterday"], False),  # one line of small letters: a sentence going on
        (["We dug the tunnel"], False),
        (["I told you never", "to go there"], False),  # a line of small words
        (["THOMAS BRANDT,"], False),  # a comma: its sentence goes on
        (["Thomas Brandt", "Former Border Guard."], False),  # a full stop: a sentence
        (["Thomas", "I am here"], False),  # "am", "here": no title's words
        ([""], False),
        (["1989"], False),  # no word
    ],
)
def test_a_caption_is_capitals_or_labels_without_punctuation(
    lines: list[str], caption: bool
) -> None:
    assert is_caption(lines) is caption


def test_a_long_adversarial_line_is_read_in_linear_time() -> None:
    lines = ["A'" * 50_000 + "!", "a'" * 50_000, "A'" * 50_000 + "A", "\u2019A" * 50_000]
    started = time.perf_counter()
    assert [is_caption([line, line]) for line in lines] == [False, False, True, True]
    assert time.perf_counter() - started < 2
