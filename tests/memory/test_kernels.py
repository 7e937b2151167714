"""The compiled kernels equal the numpy expressions they replace, on random inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.memory import kernels, postings
from ltmt.memory.layout import SIG_BITS


def _numpy_estimates(touched, shared, lens, query_len, n_terms):  # type: ignore[no-untyped-def]
    seg_len = lens[touched]
    total = seg_len.astype(np.float32)
    estimate = shared.astype(np.float32)
    estimate *= np.float32(query_len / n_terms)
    np.minimum(estimate, total, out=estimate)
    total += np.float32(query_len)
    estimate /= total
    estimate[seg_len == 0] = -1.0
    return estimate


def _numpy_best(estimate: np.ndarray, ids: np.ndarray, count: int) -> np.ndarray:
    """The count best by (estimate, id), negative estimates as 0: a full sort."""
    order = np.lexsort((ids, np.maximum(estimate, 0)))  # ascending: the best last
    return np.sort(order[::-1][:count])


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 3000), st.integers(1, 40), st.integers(1, 500), st.integers(0, 2**31))
def test_first_pass_counts_estimates_and_keeps_the_best_as_numpy_would(
    n_ids: int, n_terms: int, pool: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    lens = rng.integers(0, 200, n_ids).astype(np.uint16)
    lens[rng.random(n_ids) < 0.1] = 0  # deleted
    parts = [
        rng.choice(n_ids, int(rng.integers(0, n_ids + 1)), replace=False) for _ in range(n_terms)
    ]
    ids = np.concatenate(parts).astype(np.uint32)
    query_len = float(rng.integers(1, 150))
    counts = np.zeros(n_ids, dtype=np.uint8)
    touched, shared, estimate, ok = kernels.first_pass(ids, counts, lens, query_len, n_terms, pool)
    assert ok
    distinct, times = postings.run_lengths(np.sort(ids))
    want_est = _numpy_estimates(distinct, times, lens, query_len, n_terms)
    keep = _numpy_best(want_est, distinct, pool)
    got = sorted(zip(touched.tolist(), shared.tolist(), estimate.tolist(), strict=True))
    want = list(
        zip(distinct[keep].tolist(), times[keep].tolist(), want_est[keep].tolist(), strict=True)
    )
    assert got == want


def test_first_pass_reports_an_id_beyond_the_lengths() -> None:
    lens = np.ones(4, dtype=np.uint16)
    ids = np.array([1, 4], dtype=np.uint32)
    assert not kernels.first_pass(ids, np.zeros(4, np.uint8), lens, 3.0, 1, 8)[3]


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 2000), st.integers(1, 2000), st.integers(0, 2**31), st.booleans())
def test_best_keeps_the_largest_estimates_ties_to_the_highest_id(
    size: int, count: int, seed: int, coarse: bool
) -> None:
    rng = np.random.default_rng(seed)
    estimate = rng.random(size).astype(np.float32) - np.float32(0.1)
    if coarse:  # many ties
        estimate = np.round(estimate, 1).astype(np.float32)
    ids = rng.choice(2**32, size, replace=False).astype(np.int64)
    got = np.sort(kernels.best(estimate, ids, count))
    assert got.tolist() == _numpy_best(estimate, ids, count).tolist()


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 300), st.integers(1, 120), st.integers(0, 2**31))
def test_held_and_likely_equal_the_numpy_signature_count(
    n_rows: int, n_terms: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    sigs = rng.integers(0, 256, (n_rows, SIG_BITS // 8), dtype=np.uint8)
    sigs &= rng.integers(0, 256, sigs.shape, dtype=np.uint8)  # sparser rows
    ids = rng.choice(n_rows, int(rng.integers(1, n_rows + 1)), replace=False).astype(np.int64)
    terms = rng.integers(0, 2**32, n_terms, dtype=np.uint64)
    bits, times = postings.run_lengths(np.sort(terms % SIG_BITS))
    mask = np.packbits(np.isin(np.arange(SIG_BITS), bits), bitorder="little").view(np.uint64)
    several = times > 1
    held, likely = kernels.held_and_likely(
        sigs.view(np.uint64), ids, mask, bits[several], times[several], n_terms
    )
    rows = np.take(sigs, ids, axis=0)
    want_held = postings.held_terms(rows, terms)
    p = postings.popcount(rows.view(np.uint64)) * np.float32(1 / SIG_BITS)
    want_likely = np.clip(
        (want_held - n_terms * p) / np.maximum(1 - p, np.float32(0.01)), 0, want_held
    ).astype(np.float32)
    assert held.tolist() == want_held.tolist()
    assert likely.tolist() == want_likely.tolist()
