"""A source phrase used mostly as a verb, by the words beside it in the memory's English."""

from __future__ import annotations

import pytest

from ltmt.terminology.source_verbs import used_mostly_as_verb
from ltmt.terminology.suggest import SuggestConfig, suggest_terms


@pytest.mark.parametrize(
    ("texts", "phrase", "verb"),
    [
        (["craft a ruby sword", "craft them with redstone"], "craft", True),  # before an object
        (["you can refund me", "we will refund it"], "refund", True),  # after a modal
        (["the refund is late", "a refund was sent"], "refund", False),  # after an article
        (["open the guide", "open guide book", "open guide book"], "open", False),  # 1 of 3
        (["open the guide", "open the file", "your open file"], "open", True),
        (["send the user a message", "the user left"], "user", False),  # a noun, an object after
        (["right click to fire", "right click a block"], "right click", True),
        (["right click to fire"], "right click", False),  # no sign either way
    ],
)
def test_used_mostly_as_verb(texts, phrase, verb):
    tokens = [text.split() for text in texts]
    assert used_mostly_as_verb(tuple(phrase.split()), tokens, range(len(tokens))) is verb


def test_nouns_only_leaves_out_a_verb_whose_german_starts_a_sentence():
    # "Stelle ... her" is the verb "herstellen"; as a noun ("die Stelle") the German noun table
    # knows it, and craft → Stelle passed --nouns-only (user trial s72)
    memory = [
        ("Craft a Ruby Sword", "Stelle ein Rubinschwert her"),
        ("Craft them with redstone and a ruby.", "Stelle sie aus Redstone und einem Rubin her."),
        ("Craft the Gem Polisher first.", "Stelle zuerst den Edelsteinpolierer her."),
    ]
    found = {s.source: (s.target, s.noun_like) for s in suggest_terms(memory, SuggestConfig())}
    assert found["craft"] == ("Stelle", False)
