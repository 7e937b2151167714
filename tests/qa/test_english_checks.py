"""qa's english check: a common English word of the source kept in a German translation."""

from __future__ import annotations

import pytest

from ltmt.qa.english_checks import copied_english, english_problems
from ltmt.qa.findings import CHECKS
from ltmt.qa.pair_checks import PAIR_CHECKS


@pytest.mark.parametrize(
    ("source", "target", "words"),
    [
        # the Lokalise, Flask-Babel and React Native trials' (session 67): passed every check
        ("Welcome to your dashboard, {name}!", "Welcome in Ihrem Dashboard, {name}!", ["Welcome"]),
        ("Due in [%d] days", "In [%d] Tagen Due", ["Due"]),
        ("Hello {user}, welcome.", "Hello {user}, willkommen.", ["Hello"]),
        ('Click "%(label)s" to continue.', 'Click "%(label)s" um fortzusetzen.', ["Click"]),
        # loans German writes, names and terms inside a sentence, commands, quoted labels
        ("Open the app", "App öffnen", []),
        ("Update now", "Jetzt Update", []),
        ("Open in Google Drive", "In Google Drive öffnen", []),
        ("Czech (Sun Type 6/7)", "Tschechisch (Sun Typ 6/7)", []),
        ("for principal %s", "für Principal %s", []),
        ("use for or done", "for oder done verwenden", []),
        ('Tap "Save"', "Tippe auf „Save“", []),
        ("Welcome", "Welcome", []),  # a copy is the copied check's
    ],
)
def test_a_common_english_word_kept_is_found(source, target, words):
    assert copied_english(source, target) == words


def test_the_english_check_is_a_note_that_says_what_to_do():
    assert english_problems("Hello {user}, welcome.", "Hello {user}, willkommen.", {}) == [
        "keeps the English 'Hello' of the source, which German does not write: translate it "
        "(a name or a term kept in English passes)"
    ]
    assert PAIR_CHECKS["english"] is english_problems
    assert CHECKS["english"].severity == "note"
