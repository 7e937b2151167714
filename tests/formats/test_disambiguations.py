"""A Qt message's disambiguation comment, told apart from its class."""

from __future__ import annotations

import pytest

from ltmt.formats.disambiguations import disambiguation, other_sense, same_sense

STATE = "FileView\nadjective: file state"
VERB = "FileView\nverb: button"


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (STATE, "adjective: file state"),
        ("TabBar\nverb: button", "verb: button"),
        ("MainWindow", ""),  # a class alone
        ("menu.file.open", ""),  # a key, a msgctxt: no sense told here
        ("", ""),
        (None, ""),
    ],
)
def test_the_disambiguation_is_the_comment_after_the_class(context, expected):
    assert disambiguation(context) == expected


@pytest.mark.parametrize(
    ("one", "other", "same", "different"),
    [
        (STATE, "TabBar\nadjective: file state", True, False),  # moved to another class
        (STATE, VERB, False, True),
        (STATE, "TabBar\nverb: button", False, True),
        (STATE, "FileView", False, False),  # one without a comment: not told
        ("MainWindow", "MainWindow", False, False),
        ("state", "verb", False, False),  # PO msgctxt, keys: compared as before
    ],
)
def test_senses_are_the_same_or_differ_only_where_both_have_one(one, other, same, different):
    assert (same_sense(one, other), other_sense(one, other)) == (same, different)
    assert (same_sense(other, one), other_sense(other, one)) == (same, different)
