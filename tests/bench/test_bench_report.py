"""results.md's tables: what the "from memory" column counts."""

from __future__ import annotations

import pytest

from ltmt.bench.report import from_memory


@pytest.mark.parametrize(
    ("methods", "count"),
    [
        ({"knn": 16, "model": 14}, 16),  # fused segments count (they showed 0)
        ({"exact": 2, "tm": 3, "model": 1}, 5),
        ({"knn-trained": 4, "attention": 1, "exact": 1, "empty": 2}, 6),
        ({"model": 8}, 0),
        ({}, 0),
    ],
)
def test_from_memory_counts_reused_and_fused_segments(methods: dict[str, int], count: int) -> None:
    assert from_memory(methods) == count
