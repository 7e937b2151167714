"""Marian's sinusoidal position table, in numpy (no torch: the CTranslate2 conversion uses it)."""

from __future__ import annotations

from typing import Any


def sinusoidal_table(positions: int, dim: int) -> Any:
    """``(positions, dim)`` float32 numpy array: sines in the first half, cosines in the second,
    as ``MarianSinusoidalPositionalEmbedding.create_weight`` computes them (in float64, then
    rounded to float32)."""
    import numpy as np

    angles = np.array(
        [
            [pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
            for pos in range(positions)
        ]
    )
    table = np.empty((positions, dim), dtype=np.float32)
    half = dim // 2 if dim % 2 == 0 else dim // 2 + 1
    table[:, :half] = np.sin(angles[:, 0::2])
    table[:, half:] = np.cos(angles[:, 1::2])
    return table
