"""The index on disk: term signatures are upper bounds of the terms a segment holds."""

from __future__ import annotations

import numpy as np

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
