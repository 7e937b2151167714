"""Counts in what ltmt prints take the noun's number."""

from __future__ import annotations

import pytest

from ltmt.wording import agreeing, counted, first_few, with_article


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (1, "segment", None, "1 segment"),
        (0, "segment", None, "0 segments"),
        (2, "segment", None, "2 segments"),
        (1, "entry", "entries", "1 entry"),
        (3, "entry", "entries", "3 entries"),
        (1, "index posting", None, "1 index posting"),
    ],
)
def test_counted(count, singular, plural, expected):
    assert counted(count, singular, plural) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ftl", "an ftl"),  # read letter by letter: "ef"
        ("html", "an html"),
        ("srt", "an srt"),
        ("md", "an md"),
        ("xlsx", "an xlsx"),
        ("csv", "a csv"),
        ("txt", "a txt"),
        ("vtt", "a vtt"),
        ("ts", "a ts"),
        ("po", "a po"),  # read as a word
        ("json", "a json"),
        ("yaml", "a yaml"),
        ("docx", "a docx"),
        ("epub", "an epub"),
        ("odf", "an odf"),
        ("android", "an android"),
        ("xliff", "an xliff"),
        ("xcstrings", "an xcstrings"),
    ],
)
def test_a_name_takes_the_article_of_its_sound(name: str, expected: str) -> None:
    """``a ftl document must be a file``: a name read letter by letter takes "an" before a
    letter whose name starts with a vowel sound."""
    assert with_article(name) == expected


@pytest.mark.parametrize(
    ("items", "count_rest", "expected"),
    [
        (["a", "b"], False, "a, b"),
        (["a", "b", "c"], True, "a, b, c"),
        (["a", "b", "c", "d"], False, "a, b, c, ..."),
        (["a", "b", "c", "d", "e"], True, "a, b, c and 2 more"),
    ],
)
def test_first_few(items: list[str], count_rest: bool, expected: str) -> None:
    assert first_few(items, count_rest=count_rest) == expected


@pytest.mark.parametrize(
    ("label", "count", "said"),
    [
        (
            "whose source changed since they were translated",
            1,
            "whose source changed since it was translated",
        ),
        (
            "whose source changed since they were translated",
            2,
            "whose source changed since they were translated",
        ),
        ("longer than their limit (shorten them)", 1, "longer than its limit (shorten it)"),
        ("as they are", 1, "as it is"),
        ("theme settings", 1, "theme settings"),  # words that only start alike
        ("length ratio", 1, "length ratio"),
    ],
)
def test_a_label_agrees_with_its_count(label: str, count: int, said: str) -> None:
    assert agreeing(label, count) == said
