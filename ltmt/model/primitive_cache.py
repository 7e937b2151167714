"""How many compiled kernels oneDNN keeps between calls.

torch runs bfloat16 products on the CPU (the fused batches' weights on CPUs with AMX or
AVX-512 BF16) through oneDNN, which compiles a kernel ("primitive") for every shape it meets
and keeps the last 1,024 (``ONEDNN_PRIMITIVE_CACHE_CAPACITY``). A kNN pass meets more: each
step's rows, each batch's source lengths and each match's target length give the linear
layers another shape, and with the cache full every kernel is compiled again at its next use.
Measured on an Intel Xeon with AMX (session 73): 1,200 shapes of four layers, taken in turn,
3.12-3.17 s a round after the first with 1,024 kept against 1.00-1.09 s with 8,192, and a lower
peak RSS (``eval/onednn_shapes.py``, ``eval/results/speed/s73/onednn-shapes.json``); a
cold kNN pass over the speed benchmark's 349 segments 9.25 → 7.00 s (median wall, 4 rounds),
outputs unchanged (``eval/results/speed/s73/ab-knn-onednn-cache.json``).
"""

from __future__ import annotations

import os

CAPACITY_VARIABLE = "ONEDNN_PRIMITIVE_CACHE_CAPACITY"
CAPACITY = 8192


def widen_primitive_cache() -> None:
    """Ask oneDNN to keep :data:`CAPACITY` kernels, unless the environment says otherwise.

    oneDNN reads the variable when it builds its first kernel, so this is called before a
    model's weights load (:func:`ltmt.model.weights.load_weights`); in a program that ran
    bfloat16 products before, it changes nothing."""
    os.environ.setdefault(CAPACITY_VARIABLE, str(CAPACITY))
