"""Arrays that grow at their end while older views of them are read."""

from __future__ import annotations

import numpy as np

from ltmt.memory.growing import GROWTH, appended


def test_the_newest_views_grow_in_place_and_older_ones_get_arrays_of_their_own() -> None:
    bytes_, rows = np.arange(8, dtype=np.uint8), np.zeros((7, 3), dtype=np.uint8)
    buffer, (first_bytes, first_rows) = appended(
        None, (bytes_, rows), ((bytes_[:1],), (rows[:1] + 1,))
    )
    assert [len(a) for a in buffer.arrays] == [int(9 * GROWTH), int(8 * GROWTH)]
    assert buffer.used == [9, 8] and first_rows[7].tolist() == [1, 1, 1]
    same, (second_bytes, _) = appended(
        buffer, (first_bytes, first_rows), ((bytes_[:1],), (rows[:1],))
    )
    assert same is buffer and np.shares_memory(second_bytes, first_bytes)
    assert first_bytes.tolist() == [*range(8), 0]  # the older view as it was
    other, (again, _) = appended(buffer, (first_bytes, first_rows), ((bytes_[3:4],), (rows[:1],)))
    assert other is not buffer and not np.shares_memory(again, second_bytes)
    assert again.tolist() == [*range(8), 0, 3] and second_bytes.tolist() == [*range(8), 0, 0]


def test_parts_in_pieces_are_written_one_after_another() -> None:
    start = np.arange(3, dtype=np.uint8)
    pieces = (
        np.array([7, 8], dtype=np.uint8),
        np.zeros(0, dtype=np.uint8),
        np.array([9], np.uint8),
    )
    buffer, (grown,) = appended(None, (start,), (pieces,))
    assert grown.tolist() == [0, 1, 2, 7, 8, 9] and buffer.used == [6]
    same, (again,) = appended(buffer, (grown,), ((np.array([5], np.uint8),),))
    assert same is buffer and again.tolist() == [0, 1, 2, 7, 8, 9, 5]
