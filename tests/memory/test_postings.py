"""The index on disk: term signatures are upper bounds of the terms a segment holds; the
counting helpers the index uses are exact."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.memory import postings


def test_signatures_never_count_fewer_terms_than_a_segment_holds() -> None:
    rng = np.random.default_rng(7)
    for _ in range(50):
        n_rows = int(rng.integers(1, 40))
        held_by = [
            set(rng.integers(0, 2**32, int(rng.integers(0, 300))).tolist()) for _ in range(n_rows)
        ]
        rows = np.array([row for row, terms in enumerate(held_by) for _ in terms], dtype=np.int64)
        terms = np.array([t for terms in held_by for t in terms], dtype=np.uint32)
        sigs = postings.signatures(rows, terms, n_rows)
        query = set(rng.integers(0, 2**32, 30).tolist())
        query |= (
            set(rng.choice(sorted(held_by[0]), min(10, len(held_by[0])), replace=False).tolist())
            if held_by[0]
            else set()
        )
        counted = postings.held_terms(sigs, np.array(sorted(query), dtype=np.uint32))
        exact = [len(query & terms) for terms in held_by]
        assert (counted >= exact).all()
        assert counted[0] >= min(10, len(held_by[0]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=300))
def test_run_lengths_are_the_distinct_values_and_their_counts(values: list[int]) -> None:
    distinct, counts = postings.run_lengths(np.sort(np.array(values, dtype=np.uint32)))
    want = Counter(values)
    assert distinct.tolist() == sorted(want)
    assert counts.dtype == np.int32
    assert counts.tolist() == [want[v] for v in sorted(want)]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 200), st.integers(0, 9), st.integers(0, 2**31))
def test_popcount_counts_the_set_bits_of_each_row(n_rows: int, n_words: int, seed: int) -> None:
    words = np.random.default_rng(seed).integers(0, 2**64, (n_rows, n_words), dtype=np.uint64)
    want = [sum(bin(int(w)).count("1") for w in row) for row in words]
    counted = postings.popcount(words)
    assert counted.dtype == np.int32
    assert counted.tolist() == want


def test_index_rows_list_each_term_once_with_its_ascending_postings() -> None:
    rows = postings.index_rows(np.array([5, 6]), ["ab", "abc"])
    ids = np.frombuffer(rows.ids_bytes, dtype="<u4")
    by_term = {
        int(term): ids[start:end].tolist()
        for term, start, end in zip(rows.terms, rows.bounds[:-1], rows.bounds[1:], strict=True)
    }
    shared = postings.text_terms(["ab"])[0][0]  # " ab", the first n-gram of the padded "ab"
    assert by_term[int(shared)] == [5, 6]
    assert sorted(len(found) for found in by_term.values()) == [1, 1, 1, 2]
    assert rows.lengths.view("<u2").ravel().tolist() == [2, 3]
    empty = postings.index_rows(np.zeros(0, dtype=np.int64), [])
    assert (empty.terms.size, empty.bounds.tolist(), empty.sigs.shape) == (0, [0], (0, 64))


def test_index_rows_in_chunks_equal_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["open the file", "save the file", "ok", "x", "open file", "the file was saved"] * 3
    ids = np.arange(3, 3 + len(texts), dtype=np.int64)
    whole = postings.index_rows(ids, texts)
    monkeypatch.setattr(postings, "INDEX_CHUNK", 4)  # five chunks, the last one short
    chunked = postings.index_rows(ids, texts)
    for field in ("terms", "bounds", "lengths", "sigs"):
        assert np.array_equal(getattr(chunked, field), getattr(whole, field)), field
    assert chunked.ids_bytes == whole.ids_bytes
    assert whole.terms.size > 10 and np.all(np.diff(whole.terms.astype(np.int64)) > 0)
