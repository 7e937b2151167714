"""Glossary terms whose source is an English function word: warned of, never matched."""

from __future__ import annotations

import pytest

from ltmt.terminology.function_words import (
    function_word_warning,
    has_content_words,
    is_function_word_term,
)
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (Term("you", "du"), True),
        (Term("Your", "dein"), True),
        (Term("of the", "des"), True),
        (Term("your account", "dein Konto"), False),  # a phrase with a noun is terminology
        (Term("US", "USA"), False),  # capitals: an acronym
        (Term("it", "IT", case_sensitive=True), False),  # the user said the case matters
        (Term("on", "ein"), False),  # a UI label as often
        (Term("Pro", "Pro"), False),
    ],
)
def test_function_word_terms(term: Term, expected: bool):
    assert is_function_word_term(term) is expected


def test_the_matcher_skips_function_word_terms():
    matcher = TermMatcher([Term("you", "du"), Term("your", "dein"), Term("list", "Liste")])
    hits = matcher.find("You can now share your lists with your family.")
    assert [hit.term.source for hit in hits] == ["list"]


def test_the_warning_names_the_terms_and_points_to_qa():
    terms = [Term("you", "du"), Term("your", "dein"), Term("free trial", "Testphase")]
    assert function_word_warning("du.csv", terms) == (
        "du.csv: 2 terms with a pronoun, article or function word as source ('you', 'your') "
        "not applied in translation: the form of address is no glossary matter (check it "
        "with 'ltmt qa --formality du')"
    )
    assert function_word_warning("g.csv", terms[2:]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%d of %d", False),
        ("%s and %s", False),
        ("Page %d of %d", True),
        ("Hi %{first_name},", True),
        ("%{count}", False),
    ],
)
def test_has_content_words(text: str, expected: bool):
    assert has_content_words(text) is expected
