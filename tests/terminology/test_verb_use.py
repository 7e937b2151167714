from __future__ import annotations

import pytest

from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term
from ltmt.terminology.verb_use import as_placed, not_forced, verb_target

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


SAVE = Term("Save", "Speichern")


@pytest.mark.parametrize(
    ("term", "verb"),
    [
        (SAVE, True),  # a capitalised infinitive of a command verb
        (Term("Open", "Öffnen"), True),
        (Term("Cancel", "Abbrechen"), True),
        (Term("data", "Daten"), False),  # a plural noun
        (Term("character", "Zeichen"), False),  # a neuter noun in -en, no command's source
        (Term("file", "Datei"), False),
        (Term("Save", "Speichern", case_sensitive=True), False),
        (Term("Save file", "Datei speichern"), False),  # not one word
    ],
)  # fmt: skip
def test_a_capitalised_infinitive_of_a_command_is_a_verb_target(term: Term, verb: bool):
    assert verb_target(term) is verb


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Click here to save the file.", "speichern"),  # was "zu Speichern"
        ("Save all open documents.", "speichern"),  # "Alle offenen Dokumente speichern."
        ("Do you want to save changes before exiting?", "speichern"),
        ("Save", "Speichern"),  # a button's label: the term alone
        ("&Save", "Speichern"),
        ("Save...", "Speichern"),
    ],
)  # fmt: skip
def test_a_verb_target_is_written_in_lower_case_inside_a_sentence(text: str, target: str):
    """Regression trial winrc, session 70: 'Save,Speichern' wrote "um die Datei zu Speichern"
    and "Alle offenen Dokumente Speichern." (a German verb has no capital inside a sentence)."""
    [hit] = TermMatcher([SAVE]).find(text)
    assert as_placed(text, hit).term.target == target


def test_a_verb_target_is_forced_where_its_source_is_a_verb():
    """Regression trial winrc, session 70: "Do you want to save changes ...?" read 'save' as a
    noun target met as a verb, and left 'Speichern' out, while ``ltmt qa`` asked for it."""
    text = "Do you want to save changes before exiting?"
    [hit] = TermMatcher([SAVE]).find(text)
    assert not not_forced(text, hit)
