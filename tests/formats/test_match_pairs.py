"""A pair's words in the memory matches a fused translation followed."""

from __future__ import annotations

import pytest

from ltmt.formats.match_pairs import words_in_matches
from ltmt.formats.paired_tags import strip_pairs

MATCH = ("Click <b>Next</b> to continue.", "Klicken Sie auf <b>Weiter</b>, um fortzufahren.")


@pytest.mark.parametrize(
    ("source", "matches", "expected"),
    [
        ('Click <g id="1">Next</g> to go on.', [MATCH], ["Weiter"]),
        # the same text but for case and spaces; the first match that has the pair
        ('Click <g id="1"> next</g> now.', [("Hello", "Hallo"), MATCH], ["Weiter"]),
        # a match without a pair around the same text, or whose target lacks it
        ('Click <g id="1">Back</g> to continue.', [MATCH], [""]),
        ('Click <g id="1">Next</g> to continue.', [(MATCH[0], "Klicken Sie auf Weiter.")], [""]),
        # the pair whose tags stand where the source's does: the second <b>, not the <i>
        (
            '<g id="1">Save</g> and <g id="2">Close</g>',
            [
                (
                    "<b>Save</b>, <i>now</i> and <b>Close</b>",
                    "<i>jetzt</i> <b>Sichern</b>, <b>Zu</b>",
                )
            ],
            ["Sichern", "Zu"],
        ),
        # a pair kept as written has no words to find
        ('<g id="1">Next</g> <code>ls</code>', [MATCH], ["Weiter"]),
    ],
)
def test_words_in_matches(source: str, matches: list[tuple[str, str]], expected: list[str]) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert words_in_matches(paired, matches) == expected
