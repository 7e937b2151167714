"""qa's english check: a common English word of the source kept in a German translation."""

from __future__ import annotations

import pytest

from ltmt.qa.english_checks import (
    KEPT_WORDS,
    _kept_pattern,
    copied_english,
    english_problems,
    kept_by_terms,
)
from ltmt.qa.findings import CHECKS
from ltmt.qa.pair_checks import PAIR_CHECKS
from ltmt.terminology.terms import Term


@pytest.mark.parametrize(
    ("source", "target", "words"),
    [
        # the Lokalise, Flask-Babel and React Native trials' (session 67): passed every check
        ("Happy birthday!", "Happy Birthday!", ["Happy"]),
        ("Free shipping", "Free Shipping", ["Free"]),
        ("Welcome to your dashboard, {name}!", "Welcome in Ihrem Dashboard, {name}!", ["Welcome"]),
        ("Hello {user}, welcome.", "Hello {user}, willkommen.", ["Hello"]),
        ("Due in [%d] days", "In [%d] Tagen Due", ["Due"]),
        # ... a loan German writes, alone, passes (regression trial regc, qa2.po, session 67)
        ("Support is available 24/7", "Support ist rund um die Uhr verfügbar", []),
        ("Meeting starts at %s", "Meeting beginnt um %s", []),
        ("Sale ends today", "Sale endet heute", []),
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
    assert english_problems("Happy birthday!", "Happy Birthday!", {}) == [
        "keeps the English 'Happy' of the source, which German does not write: translate it "
        "(a name or a term kept in English passes)"
    ]
    assert PAIR_CHECKS["english"] is english_problems
    assert CHECKS["english"].severity == "note"


def test_a_word_a_glossary_term_keeps_in_english_passes():
    """Narrative trial: ``Old Tom`` → ``Old Tom`` in the glossary, and every ``Old Tom: ...``
    line was noted for keeping the English 'Old'; now the term's kept words pass."""
    kept = kept_by_terms([Term("Old Tom", "Old Tom"), Term("lighthouse", "Leuchtturm")])
    assert kept == {"old tom"}
    source, target = "Old Tom: That will be {$gold} gold.", "Old Tom: Das macht {$gold} Gold."
    assert copied_english(source, target) == ["Old"]
    assert english_problems(source, target, {KEPT_WORDS: kept}) == []


KEPT = kept_by_terms(
    [Term("Old Tom", "Old Tom"), Term("Apple Pay", "Apple Pay"), Term("Smart Lock", "Smart Lock")]
)


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        ("Old settings are kept.", "Old Einstellungen werden behalten.", ["Old"]),
        ("Pay with your card", "Pay mit Ihrer Karte", ["Pay"]),
        ("Lock the screen", "Lock den Bildschirm", ["Lock"]),
        ("Old Tom: a sweeter gin", "Old Tom: ein süßerer Gin", []),
        ("Pay with Apple Pay", "Mit Apple Pay bezahlen", []),
    ],
)
def test_a_kept_terms_word_passes_only_inside_the_whole_term(
    source: str, target: str, english: list[str]
) -> None:
    """Regression trial regc, session 68: once a kept glossary term held a word (Old Tom, Apple
    Pay, Smart Lock), the word passed anywhere: ``Old Einstellungen``, ``Pay mit Ihrer Karte``,
    ``Lock den Bildschirm``; now only where the target has the whole term there."""
    assert copied_english(source, target, KEPT) == english
    if english:
        assert english_problems(source, target, {KEPT_WORDS: KEPT}) == [
            f"keeps the English '{english[0]}' of the source, which German does not write: "
            "translate it (a name or a term kept in English passes)"
        ]


def test_kept_terms_that_overlap_each_pass_their_words() -> None:
    """``Big Apple`` and ``Apple Pay`` share ``Apple``: in ``Big Apple Pay`` both are whole,
    so ``Big`` and ``Pay`` pass, as when each term was searched on its own."""
    kept = kept_by_terms([Term("Big Apple", "Big Apple"), Term("Apple Pay", "Apple Pay")])
    source = "Big Apple Pay: pay now."
    assert copied_english(source, "Big Apple Pay: jetzt bezahlen.") == ["Big", "Pay"]
    assert copied_english(source, "Big Apple Pay: jetzt bezahlen.", kept) == []
    assert copied_english(source, "Big Pay: jetzt bezahlen.", kept) == ["Big", "Pay"]
    # a term overlapping itself: the third Happy is inside the second Happy Happy, whole (one
    # pattern for all terms since session 69; a regex per term noted it)
    happy = frozenset({"happy happy"})
    assert copied_english("Happy Happy Happy: now.", "Happy Happy Happy jetzt.", happy) == []


def test_the_kept_terms_are_compiled_once_for_a_run() -> None:
    """A qa run passes one set of kept terms with every entry: one pattern for all of them,
    compiled once, not one per term per entry (code review, session 69)."""
    _kept_pattern.cache_clear()
    for _ in range(3):
        english_problems("Old Tom: a sweeter gin", "Old Tom: ein süßerer Gin", {KEPT_WORDS: KEPT})
    assert _kept_pattern.cache_info().misses == 1


def test_a_kept_terms_english_plural_passes() -> None:
    """Salesforce trial: glossary ``Lead`` → ``Lead``, and ``Leads older than 30 days are
    archived.`` → ``Leads älter als 30 Tage sind archiviert.`` was noted "keeps the English
    'Leads' of the source, which German does not write: translate it"."""
    kept = kept_by_terms([Term("Lead", "Lead", case_sensitive=True)])
    source = "<b>Note:</b> Leads older than 30 days are archived."
    target = "<b>Hinweis:</b> Leads älter als 30 Tage sind archiviert."
    assert english_problems(source, target, {}) == [
        "keeps the English 'Leads' of the source, which German does not write: translate it "
        "(a name or a term kept in English passes)"
    ]
    assert english_problems(source, target, {KEPT_WORDS: kept}) == []
    # the plural ending alone, not another word that starts with the term
    assert copied_english("Leader boards", "Leader Tafeln", kept) == ["Leader"]
