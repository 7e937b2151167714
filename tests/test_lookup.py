"""What a request looks up before decoding: each segment's memory matches, the call's terms."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.lookup import memory_matches, term_matcher
from ltmt.terminology.terms import Term


class _Glossary:
    def __init__(self, terms):
        self._terms = terms

    def terms(self):
        return list(self._terms)


class RecordingMemory:
    """Answers each query with its own text and records what it was asked."""

    def __init__(self, stored_terms=()):
        self.asked = []
        self.stored_terms = list(stored_terms)

    def search_batch(self, user, texts, k=4, prefer=None):
        self.asked.append((user, list(texts), k, prefer))
        return [[f"{text}@{k}"] for text in texts]

    def glossary(self, user):
        return _Glossary(self.stored_terms)


def test_blank_texts_are_not_searched_and_get_no_match():
    memory = RecordingMemory()
    found = memory_matches(memory, "u1", ["open", " ", "close"], k=6)
    assert found == [("open@6",), (), ("close@6",)]
    assert memory.asked == [("u1", ["open", "close"], 6, None)]


@pytest.mark.parametrize(("has_memory", "user"), [(False, "u1"), (True, None)])
def test_without_a_memory_or_a_user_nothing_is_found(has_memory, user):
    memory = RecordingMemory() if has_memory else None
    assert memory_matches(memory, user, ["open", "close"], k=4) == [(), ()]


def test_preferences_follow_the_searched_texts_and_must_match_them_in_number():
    memory = RecordingMemory()
    memory_matches(memory, "u1", ["open", "", "close"], 4, [{"context": "a"}, {}, {"context": "c"}])
    assert memory.asked[-1][3] == [{"context": "a"}, {"context": "c"}]
    memory_matches(memory, "u1", ["open"], 4, [{}])  # no preference at all: a plain search
    assert memory.asked[-1][3] is None
    with pytest.raises(ConfigError, match="1 preferences for 2 texts"):
        memory_matches(memory, "u1", ["open", "close"], 4, [{}])


def test_later_glossaries_win_over_the_stored_one():
    memory = RecordingMemory([Term("file", "Datei"), Term("branch", "Zweig")])
    matcher = term_matcher(memory, "u1", True, [Term("File", "Akte")], [])
    assert matcher is not None
    assert [(t.source, t.target) for t in matcher.terms] == [("File", "Akte"), ("branch", "Zweig")]


def test_the_stored_glossary_is_read_only_when_asked_for_and_for_a_user():
    memory = RecordingMemory([Term("file", "Datei")])
    assert term_matcher(memory, "u1", False) is None
    assert term_matcher(memory, None, True) is None
    assert term_matcher(None, "u1", True, [Term("file", "Akte")]) is not None
