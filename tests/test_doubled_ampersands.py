"""``&&`` given to the model as ``&`` and written doubled again (:mod:`ltmt.doubled_ampersands`)."""

from __future__ import annotations

import pytest

from ltmt.doubled_ampersands import doubled_again, single, words_lost_beside


@pytest.mark.parametrize(
    ("text", "plain", "spacing"),
    [
        ("Find && Replace…", "Find & Replace…", ((True, True),)),
        ("Rock&&Roll && Blues", "Rock&Roll & Blues", ((False, False), (True, True))),
        ("Copy && &Paste", "Copy & &Paste", ((True, True),)),  # the accelerator beside it
        # as the morning gave them, the && a tag (a regression trial, session 71): one-letter
        # operands (the model dropped the A), no word before, a Q&A beside it
        ("A&&B && C", "A&&B && C", ()),
        ("&&&File", "&&&File", ()),
        ("Both A && B must be true.", "Both A && B must be true.", ()),
        ("R&&D &Blog", "R&&D &Blog", ()),
        ("Q&A && support", "Q&A && support", ()),
        ("Tom &amp; Jerry", "Tom &amp; Jerry", ()),
        ("Plain text", "Plain text", ()),
    ],
)
def test_each_doubled_ampersand_is_given_as_one(text, plain, spacing):
    assert single(text) == (plain, spacing)


@pytest.mark.parametrize(
    ("translation", "spacing", "written"),
    [
        ("Finden & Ersatz…", ((True, True),), "Finden && Ersatz…"),
        ("Kopiere &-Barte", ((True, True),), "Kopiere && Barte"),  # the model's hyphen
        ("Rock& rollen", ((True, True),), "Rock && rollen"),
        ("A&B & C", ((False, False), (True, True)), "A&&B && C"),
        ("Suchen &Ersetzen & mehr", ((True, True),), "Suchen && Ersetzen & mehr"),  # the first
        ("Tom &amp; Jerry & mehr", ((True, True),), "Tom &amp; Jerry && mehr"),  # an entity
        ("Suchen und Ersetzen", ((True, True),), "Suchen und Ersetzen"),  # none to double
    ],
)
def test_the_translations_ampersand_is_written_doubled_again(translation, spacing, written):
    assert doubled_again(translation, spacing) == written


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        ("Find && &Replace…", "&& &Ersetzen…", True),
        ("Find && &Replace…", "Suchen &&", True),
        ("Find && &Replace…", "&Suchen && Ersetzen…", False),
        ("&& more", "&& mehr", False),
        ("A && B\nC", "A && B\nC", False),
        ("Find && Replace", "Ersetzen", False),  # no && at all: ampersands_made_single's lines
    ],
)
def test_a_doubled_ampersand_at_an_edge_lost_the_words_beside_it(source, target, lost):
    assert words_lost_beside(source, target) is lost
