"""Batching token ids: right padding and batches of similar length."""

from __future__ import annotations

import pytest
import torch

from ltmt.model.batching import length_batches, pad_token_ids


def test_pad_token_ids_right_pads_with_a_mask() -> None:
    ids, mask = pad_token_ids([[5, 6, 7], [8]], pad_id=0)
    assert ids.tolist() == [[5, 6, 7], [8, 0, 0]]
    assert mask.tolist() == [[1, 1, 1], [1, 0, 0]]
    assert ids.dtype == mask.dtype == torch.long


@pytest.mark.parametrize(
    ("lengths", "batch_size", "expected"),
    [
        ([5, 5, 5, 5], 2, [[0, 1], [2, 3]]),  # the size cap
        ([10, 2, 11, 3], 8, [[1, 3], [0, 2]]),  # shortest first; 2 with 10 would be mostly padding
        ([4], 8, [[0]]),
        ([], 8, []),
    ],
)
def test_length_batches(lengths: list[int], batch_size: int, expected: list[list[int]]) -> None:
    assert length_batches(lengths, batch_size) == expected


def test_length_batches_bound_cells_and_keep_a_long_item_alone() -> None:
    lengths = [10, 10, 10, 10, 50]
    assert length_batches(lengths, 64, max_padding=1.0, max_cells=30) == [[0, 1, 2], [3], [4]]
    assert length_batches(lengths, 64, max_padding=1.0) == [[0, 1, 2, 3, 4]]
