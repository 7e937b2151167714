from __future__ import annotations

import pytest

from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term
from ltmt.terminology.verb_use import not_forced

REFUND = Term("refund", "Rückerstattung")


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("Can you refund me?", True),  # was "Kannst du mich Rückerstattung?"
        ("We will refund the full amount.", True),
        ("You need to refund it.", True),
        ("Please refund my order.", True),
        ("Your refund is on its way.", False),
        ("Request a refund", False),
        ("Go to refund settings", False),  # "to" as a preposition
        ("refund my ticket", False),  # a verb at the start is not told apart
        ("Thank you. Refund requests take a day.", False),
        ("We refund the full amount.", True),  # a pronoun where a subject stands
        ("If you refund it, say so.", True),
        ("Sorry, we refund only unused tickets.", True),
    ],
)  # fmt: skip
def test_a_noun_target_is_not_forced_on_the_verb(text: str, skipped: bool):
    [hit] = TermMatcher([REFUND]).find(text)
    assert not_forced(text, hit) is skipped


@pytest.mark.parametrize(
    "term",
    [
        Term("sign in", "anmelden"),  # a verb target
        Term("Acme", "Acme"),  # a name
        Term("Git", "Git", case_sensitive=True),
        Term("refund", "die Rückerstattung"),  # not one word
    ],
)
def test_only_a_one_word_noun_target_is_left_out(term: Term):
    text = f"You can {term.source} it."
    [hit] = TermMatcher([term]).find(text)
    assert not not_forced(text, hit)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("We will send you invoices every month.", Term("invoice", "Beleg")),
        ("We can send you tickets by email.", Term("ticket", "Vorgang")),
        ("Did you receive invoices from us?", Term("invoice", "Beleg")),
    ],
)
def test_a_noun_after_an_object_pronoun_is_forced(text: str, term: Term):
    """Regression trial regc, session 68: ``send you invoices`` read ``you`` as a subject and
    ``invoices`` as a verb, so the glossary's ``Beleg`` was not forced; after a verb a pronoun
    is an object and the word after it a noun."""
    [hit] = TermMatcher([term]).find(text)
    assert not not_forced(text, hit)
