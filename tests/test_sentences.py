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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trial: sentencex cut after an abbreviation before a number ('Dilute approx.')
        ("Dilute approx. 5 ml of the concentrate in 1 l of water.", 1),
        ("Turn the selector to pos. 3 and wait until the light turns green.", 1),
        ("Set vol. 3 and max. 5 and min. 2, incl. 4 users.", 1),
        # a sentence's end before a number or a word still ends it
        ("Use ca. 5 ml. Then wait.", 2),
        ("Download the app from example.com. It is free of charge for all users.", 2),
    ],
)
def test_an_abbreviation_before_a_number_ends_no_sentence(text: str, expected: int) -> None:
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert len(pieces) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("See section 4.2. for details.", "en", ["See section 4.2. for details."]),
        ("Save. See section 4.2. for details.", "en", ["Save. ", "See section 4.2. for details."]),
        ("Siehe Abschnitt 4.2. für Details.", "de", ["Siehe Abschnitt 4.2. für Details."]),
        ("Version 2. release is out. 3 files.", "en", ["Version 2. release is out. ", "3 files."]),
        ("open the file. close it.", "en", ["open the file. ", "close it."]),  # all lower case
    ],
)  # fmt: skip
def test_no_sentence_starts_with_a_lower_case_letter(text, language, expected) -> None:
    """``See section 4.2. for details.`` was split after ``4.2.``: its halves were translated
    apart, and its translation counted differently (a sentence lost, ``--strict`` failed)."""
    assert split_sentences(text, language) == expected


def test_cut_words_respects_the_limit() -> None:
    text = "one two three four five six seven"
    pieces = cut_words(text, lambda word: 1, 3)
    assert pieces == ["one two three ", "four five six ", "seven"]
    assert "".join(cut_words("a verylongword b", len, 4)) == "a verylongword b"
