"""A glossary term met as a verb whose target is a German noun: not to be forced.

An English word is often a noun and a verb ("refund", "process", "order"); a glossary of
``refund → Rückerstattung`` means the noun. Forcing the noun where the input uses the verb
wrote ``Kannst du mich Rückerstattung?`` for ``Can you refund me?``. :func:`used_as_verb`
tells such an occurrence by the word before it: a modal or auxiliary (``can``, ``will``,
``don't``), ``please``, a pronoun where a subject stands (``We refund ...``, ``Can you refund
me?``, ``..., and we refund``: at a sentence's or clause's start, after a conjunction, a comma,
``please`` or a modal; after a verb it is an object and the word after it a noun: ``We will
send you invoices``), or ``to`` after a word that takes an infinitive (``need to``, ``how to``;
``Add to cart`` is a noun after a preposition). The
target must read as a noun: one capitalised word (German writes nouns so), a term not kept as
written (a name) and not case-sensitive. A verb at a sentence's start (``Refund my order``)
is not told apart, and is followed as before.
"""

from __future__ import annotations

import re

from ltmt.terminology.matching import TermHit, kept_as_written

# the words after which an English word is a verb (a modal, an auxiliary, "please")
BEFORE_A_VERB = frozenset(
    {
        *("can", "could", "will", "would", "shall", "should", "may", "might", "must"),
        *("can't", "cannot", "won't", "wouldn't", "shouldn't", "don't", "doesn't", "didn't"),
        "please",
    }
)
# pronouns that are a verb's subject where a subject stands (:func:`_subject_place`)
_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she"})
# the words after which a clause starts: a pronoun after them is a subject
_CONJUNCTIONS = frozenset(
    {
        *("and", "or", "but", "so", "then", "if", "when", "once", "because", "unless"),
        *("until", "while", "after", "before", "that", "where"),
    }
)
# the words after which "to" starts an infinitive ("need to refund"), not a place ("add to cart")
_BEFORE_AN_INFINITIVE = frozenset(
    {
        *("want", "wants", "need", "needs", "have", "has", "had", "going", "able", "how"),
        *("like", "try", "tried", "wish", "plan", "unable", "used", "ought"),
    }
)
_WORD = re.compile(r"[\w']+")  # "don't" one word
_ONE_WORD = re.compile(r"[^\W\d_][\w-]*")


def noun_target(hit: TermHit) -> bool:
    """Whether ``hit``'s target reads as a German noun: one capitalised word, of a term that is
    no name (kept as written) and not case-sensitive."""
    term = hit.term
    target = term.target
    return (
        bool(_ONE_WORD.fullmatch(target))
        and target[0].isupper()
        and not term.case_sensitive
        and not kept_as_written(term)
    )


def used_as_verb(text: str, hit: TermHit) -> bool:
    """Whether ``text`` uses ``hit``'s source as a verb (module docstring), by its two words
    before it."""
    sentence = re.split(r"[.!?;:]\s", text[: hit.start])[-1]  # "Thank you. Refund ..."
    before = [word.casefold() for word in _WORD.findall(sentence)[-2:]]
    if before[-1:] == ["to"]:
        return len(before) == 2 and before[0] in _BEFORE_AN_INFINITIVE
    if before[-1:] and before[-1] in _PRONOUNS:
        return _subject_place(sentence)
    return bool(before) and before[-1] in BEFORE_A_VERB


def _subject_place(sentence: str) -> bool:
    """Whether the pronoun that ends ``sentence`` stands where a subject does: first in its
    clause (after a comma), after a conjunction, ``please`` or a modal (``Can you``); not after
    a verb (``send you``), where it is an object."""
    words = [word.casefold() for word in _WORD.findall(sentence.rsplit(",", 1)[-1])][:-1]
    return not words or words[-1] in _CONJUNCTIONS or words[-1] in BEFORE_A_VERB


def not_forced(text: str, hit: TermHit) -> bool:
    """Whether ``hit`` is a noun target met as a verb in ``text``: decoding leaves it out."""
    return noun_target(hit) and used_as_verb(text, hit)
