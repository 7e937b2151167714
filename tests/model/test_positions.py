"""Marian's sinusoidal position table, computed in numpy."""

from __future__ import annotations

import numpy as np
import pytest

from ltmt.model.positions import sinusoidal_table


@pytest.mark.parametrize(("positions", "dim"), [(512, 512), (64, 16), (33, 7), (100, 7)])
def test_the_table_equals_transformers_marian_positions_exactly(positions: int, dim: int) -> None:
    from transformers.models.marian.modeling_marian import MarianSinusoidalPositionalEmbedding

    expected = MarianSinusoidalPositionalEmbedding(positions, dim).create_weight().numpy()
    table = sinusoidal_table(positions, dim)
    assert table.dtype == np.float32
    assert np.array_equal(table, expected)
