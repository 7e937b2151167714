"""qa's check of Mozilla's semicolon plural lists: a translation with the source's forms."""

from __future__ import annotations

import pytest

from ltmt.formats.mozilla_plurals import MOZILLA_PLURALS
from ltmt.qa.mozilla_checks import list_problems

IN_LIST_FILE = {"syntax": MOZILLA_PLURALS}
MERGED = (
    "has 1 form parted by ;, the source 2: PluralForm picks a form by the count (one form "
    "shows for every count); write as many"
)


@pytest.mark.parametrize(
    ("source", "target", "metadata", "expected"),
    [
        ("Close #1 tab?;Close #1 tabs?", "#1 Tab schließen?;#1 Tabs schließen?", IN_LIST_FILE, []),
        ("Close #1 tab?;Close #1 tabs?", "#1 Tab(s) schließen?", IN_LIST_FILE, [MERGED]),
        ("Close #1 tab?;Close #1 tabs?", "#1 Tab(s) schließen?", {}, []),  # no list file
        ("Saved; reload the page.", "Gespeichert, neu laden.", IN_LIST_FILE, []),  # a ; of text
        ("Close #1 tab?;Close #1 tabs?", "", IN_LIST_FILE, []),  # untranslated: said apart
    ],
)
def test_a_translation_keeps_the_lists_number_of_forms(source, target, metadata, expected):
    assert list_problems(source, target, metadata) == expected
