"""Marian's sinusoidal position table, in numpy (no torch: the CTranslate2 conversion uses it)."""

from __future__ import annotations

from typing import Any


def sinusoidal_table(positions: int, dim: int) -> Any:
    """``(positions, dim)`` float32 numpy array: sines in the first half, cosines in the second,
    as ``MarianSinusoidalPositionalEmbedding.create_weight`` computes them (in float64, then
    rounded to float32)."""
    import numpy as np

    # the same scalar powers as transformers' nested loop, once per column instead of once per
    # cell; the division by them is exactly rounded either way (about 300 times faster)
    scales = np.array([np.power(10000, 2 * (j // 2) / dim) for j in range(dim)])
    angles = np.arange(positions, dtype=np.float64)[:, None] / scales[None, :]
    table = np.empty((positions, dim), dtype=np.float32)
    half = dim // 2 if dim % 2 == 0 else dim // 2 + 1
    table[:, :half] = np.sin(angles[:, 0::2])
    table[:, half:] = np.cos(angles[:, 1::2])
    return table
