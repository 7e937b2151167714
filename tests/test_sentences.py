"""Splitting long segments: sentences (sentencex) and word-bounded cuts, nothing lost."""

from __future__ import annotations

import pytest

from ltmt.sentences import cut_words, split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Hello Dr. Smith. This is e.g. a test! Is it? Version 1.2 is out.",
        "  leading. and trailing  ",
        "no boundary at all",
        "Two spaces.  Then a tab.\tEnd",
    ],
)
def test_sentences_join_back_to_the_text(text: str) -> None:
    assert "".join(split_sentences(text)) == text


def test_abbreviations_and_numbers_do_not_split() -> None:
    assert split_sentences("Hello Dr. Smith. Version 1.2 is out.") == [
        "Hello Dr. Smith. ",
        "Version 1.2 is out.",
    ]


def test_cut_words_respects_the_limit() -> None:
    text = "one two three four five six seven"
    pieces = cut_words(text, lambda word: 1, 3)
    assert pieces == ["one two three ", "four five six ", "seven"]
    assert "".join(cut_words("a verylongword b", len, 4)) == "a verylongword b"
