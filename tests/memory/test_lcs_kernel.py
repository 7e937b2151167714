"""The exact rerank's scores: the compiled LCS kernel (and its fallback) against rapidfuzz."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from ltmt.memory.source_codes import SourceCodes
from ltmt.retrieval import exact_best, exact_scores, ratio

# one-, two-, three- and four-byte UTF-8 characters, and a space
ALPHABET = "ab cdeéßü€漢😀"


def codes_of(texts: list[str]) -> SourceCodes:
    return SourceCodes.of_texts(1, False, texts)


@settings(max_examples=150, deadline=None)
@given(
    query=st.text(alphabet=ALPHABET, min_size=1, max_size=200),
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=200), min_size=1, max_size=6),
)
def test_scores_equal_rapidfuzz_bit_for_bit(query: str, texts: list[str]) -> None:
    """Queries of 1 to 200 characters (one to four 64-bit words), every UTF-8 width, empty
    sources: the kernel's scores are rapidfuzz's, to the last bit."""
    ids = np.arange(1, len(texts) + 1)
    scores = exact_scores(query, ids, codes_of(texts))
    assert scores.tolist() == [fuzz.ratio(query, text) for text in texts]


@pytest.mark.parametrize("size", [63, 64, 65, 127, 128, 129])
def test_word_boundaries(size: int) -> None:
    query = ("abcdefgh" * 40)[:size]
    texts = [query, query[1:], query[::-1], query[: size // 2] + "xy" + query[size // 2 :]]
    scores = exact_scores(query, np.arange(1, 5), codes_of(texts))
    assert scores.tolist() == [fuzz.ratio(query, text) for text in texts]


def test_without_numba_rapidfuzz_gives_the_same_scores(
    remove_numba: Callable[[], None],
) -> None:
    query = "open the file %s"
    texts = ["Open the file", "open the fìle %s", "", "漢字 the file", "close it"]
    compiled = exact_scores(query, np.arange(1, 6), codes_of(texts))
    remove_numba()
    fallback = exact_scores(query, np.arange(1, 6), codes_of(texts))
    assert fallback.tolist() == compiled.tolist()


def test_an_empty_query_scores_as_rapidfuzz_scores_it() -> None:
    scores = exact_scores("", np.array([1, 2]), codes_of(["", "abc"]))
    assert scores.tolist() == [fuzz.ratio("", ""), fuzz.ratio("", "abc")]


def test_ratio_of_empty_strings_is_100() -> None:
    assert ratio(np.array([0, 2]), np.array([0, 5])).tolist() == [100.0, fuzz.ratio("ab", "abc")]


def test_ties_go_to_the_newest_id_and_k_bounds_the_result() -> None:
    codes = codes_of(["abc", "abc", "abd", "xyz"])
    assert exact_best("abc", np.array([1, 2, 3, 4]), None, codes, 2) == [(2, 100.0), (1, 100.0)]
    assert exact_best("abc", np.zeros(0, dtype=np.int64), None, codes, 2) == []


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="abc d", min_size=1, max_size=12), min_size=1, max_size=400),
    query=st.text(alphabet="abc d", min_size=1, max_size=12),
    k=st.integers(1, 5),
)
def test_the_bounds_skip_only_what_cannot_enter(texts: list[str], query: str, k: int) -> None:
    """With sound bounds (here each candidate's true score, the tightest), past the first batch
    only candidates that can reach the k-th best are scored: the same k best as without."""
    codes = codes_of(texts)
    ids = np.arange(1, len(texts) + 1)
    bounds = np.array([fuzz.ratio(query, text) for text in texts])
    assert exact_best(query, ids, bounds, codes, k) == exact_best(query, ids, None, codes, k)
