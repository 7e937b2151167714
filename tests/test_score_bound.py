"""The score bounds that prune candidates hold against the exact score (property tests)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.memory.postings import query_terms
from ltmt.retrieval import score_bound
from ltmt.text import fuzzy_score

# a small alphabet with a space makes shared n-grams, repeats and word edges common
TEXT = st.text(alphabet="ab c", min_size=1, max_size=30)


def lacking(query: str, source: str) -> int:
    return int(np.setdiff1d(query_terms(query), query_terms(source)).size)


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT)
def test_no_source_scores_above_its_bound(query: str, source: str) -> None:
    score = fuzzy_score(query, source)
    [with_grams] = score_bound(
        len(query), np.array([len(source)]), np.array([lacking(query, source)])
    )
    [length_only] = score_bound(len(query), np.array([len(source)]), np.array([0]))
    assert score <= with_grams + 1e-9 <= length_only + 1e-9


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(TEXT, min_size=1, max_size=20), st.floats(0, 100))
def test_the_length_window_keeps_every_source_at_or_above_a_threshold(
    query: str, sources: list[str], threshold: float
) -> None:
    """Filtering by the length bound loses nothing that the exhaustive scan finds at the threshold."""
    bounds = score_bound(
        len(query), np.array([len(s) for s in sources]), np.zeros(len(sources), int)
    )
    scanned = {i for i, s in enumerate(sources) if fuzzy_score(query, s) >= threshold}
    assert scanned <= {i for i, bound in enumerate(bounds) if bound >= threshold}
