"""Sorting segment ids and selecting the best estimates fast on every CPU.

A search sorts the ids its first pass reads (about 137,000 at 1M segments) to count how many
of the query's terms each segment holds, then selects the segments with the best estimates.
numpy's ``np.sort`` and ``np.argpartition`` run x86-simd-sort's AVX-512 code wherever numpy
finds AVX-512, and on AMD Zen 4 that code is several times slower than its AVX2 code: it
writes with compress stores to memory, which Zen 4 runs in microcode (numpy/numpy pull request
32690, 2026; x86-simd-sort issue 6). Measured on session 30's 2-core AMD EPYC (Zen 4), against
numpy with its AVX-512 code turned off (``NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL"``):
sorting 137,000 uint32 ids 3.3 against 0.5 ms, the 8,192 largest of 139,000 float32 estimates
1.4 against 0.2 ms; the benchmark's 1M-segment searches took 9.9 ms at p50, against 5.7 on
session 25's AVX2-only EPYC.

There, :func:`sort_ids` sorts with numpy's stable sort, timsort, which has no AVX-512 code and
merges the sorted posting lists the ids come as (session 30 sorted by two 16-bit radix passes,
which session 38 measured slower: 1.81 against 1.46 ms a search, and numpy's AVX2 quicksort
0.77, ``eval/results/retrieval-s38/sort-ids*.json``), and :func:`largest` selects by a
histogram of the values, partitioning only the bucket the cut falls in; elsewhere they are
numpy's. Each gives the same result either way (a sort is
a sort; the largest are the same values, ties at the cut going either way).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ltmt.model.cpu import cpu_is_amd_zen4

_BUCKETS = 1 << 12  # of largest's histogram


def sort_ids(values: np.ndarray) -> np.ndarray:
    """``values`` (non-negative integers below 2**32) sorted ascending, in their dtype: numpy's
    quicksort, or where that runs its AVX-512 code on Zen 4, numpy's stable sort (timsort for
    32-bit integers, which merges the sorted posting lists the ids come as)."""
    if values.size < 2 or not numpy_sort_is_slow():
        return np.sort(values)
    return np.sort(values, kind="stable")


def largest(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the ``count`` largest of the float ``values`` (more than ``count``, no
    NaN), in no order; ties at the cut go either way."""
    low, high = float(values.min()), float(values.max())
    most = float(np.finfo(values.dtype).max)
    if not numpy_sort_is_slow() or not high - low < most:
        return np.argpartition(values, values.size - count)[values.size - count :]
    if not high > low:  # all equal
        return np.arange(count)
    scale = (_BUCKETS - 1) / (high - low)
    if not scale < most:  # a range too narrow for the values' type (denormals)
        return np.argpartition(values, values.size - count)[values.size - count :]
    # buckets of equal width over [low, high], in the values' order (the float products are
    # monotone): every value in a higher bucket than the count-th largest's is taken, and the
    # exact values decide within its bucket alone
    buckets = ((values - low) * scale).astype(np.intp)
    from_top = np.cumsum(np.bincount(buckets, minlength=_BUCKETS)[::-1])
    cut = _BUCKETS - 1 - int(np.searchsorted(from_top, count))
    above = np.flatnonzero(buckets > cut)
    tied = np.flatnonzero(buckets == cut)
    wanted = count - above.size
    if wanted < tied.size:
        tied = tied[np.argpartition(values[tied], tied.size - wanted)[tied.size - wanted :]]
    return np.concatenate((above, tied))


@cache
def numpy_sort_is_slow() -> bool:
    """Whether ``np.sort`` runs numpy's AVX-512 code on an AMD Zen 4 CPU (module doc)."""
    return numpy_sorts_with_avx512() and cpu_is_amd_zen4()


def numpy_sorts_with_avx512() -> bool:
    """Whether numpy dispatches its sorts to AVX-512 code on this CPU (it found AVX-512 and
    ``NPY_DISABLE_CPU_FEATURES`` did not turn it off)."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:  # a numpy without that table: assume it does, as numpy 2 does
        return True
    return bool(features.get("X86_V4") or features.get("AVX512_SKX"))
