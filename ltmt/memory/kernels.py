"""The compiled hot loops of candidate generation (:mod:`.index`), by numba.

Importing this module imports numba (about 0.3 s) and loads the compiled kernels from numba's
cache in ltmt's cache directory (``<cache dir>/numba``, see :func:`ltmt.paths.default_cache_dir`;
``NUMBA_CACHE_DIR`` when set wins). The first process that calls a kernel compiles it (a few
seconds, once per numba version and machine) and writes the cache; later processes load it.
Only :mod:`.index` imports this module, and only when a query reads postings: a process that
never searches a memory never imports numba.

The kernels release the GIL (``nogil``), so that searches in several threads run in parallel.
Their float arithmetic is numpy's, operation by operation (float32 estimates, float64 signature
corrections), so they rank exactly as the numpy expressions in their docstrings would.
"""

from __future__ import annotations

import numba
import numpy as np

from ltmt.paths import default_cache_dir

_saved_cache_dir = numba.config.CACHE_DIR  # type: ignore[attr-defined]
if not _saved_cache_dir:  # a cache picks its directory when its function is decorated
    numba.config.CACHE_DIR = str(default_cache_dir() / "numba")  # type: ignore[attr-defined]
try:
    _jit = numba.njit(cache=True, nogil=True)

    @_jit
    def estimates(
        touched: np.ndarray, shared: np.ndarray, lens: np.ndarray, query_len: float, n_terms: int
    ) -> np.ndarray:
        """Half the Dice coefficient of the two lengths, the share ``f`` of the ``n_terms``
        counted terms a segment holds (``shared``) standing for the query's length:
        ``min(f·len_q, len_s) / (len_q + len_s)`` in float32; -1 for a deleted segment
        (length 0)."""
        scale = np.float32(query_len / n_terms)
        q = np.float32(query_len)
        out = np.empty(touched.size, dtype=np.float32)
        for i in range(touched.size):
            seg_len = lens[touched[i]]
            if seg_len == 0:
                out[i] = -1.0
            else:
                total = np.float32(seg_len)
                out[i] = min(np.float32(shared[i]) * scale, total) / (total + q)
        return out

    @_jit
    def first_pass(
        ids: np.ndarray,
        counts: np.ndarray,
        lens: np.ndarray,
        query_len: float,
        n_terms: int,
        pool: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """Count per segment the postings ``ids`` (of ``n_terms`` terms, each id at most once
        per term) in ``counts`` (zeros, ``lens.size`` of a dtype that holds ``n_terms``),
        estimate every segment counted (:func:`estimates`) and keep the ``pool`` best
        (:func:`best`).

        Returns (segment ids, their counts (int32), estimates, whether every id is below
        ``lens.size``), in the order the ids were first met.
        """
        n = lens.size
        touched = np.empty(ids.size, dtype=np.int64)
        k = 0
        for j in range(ids.size):  # branch-free: the first time a segment is met, k moves on
            seg = ids[j]
            if seg >= n:
                return touched[:0], np.zeros(0, np.int32), np.zeros(0, np.float32), False
            touched[k] = seg
            k += counts[seg] == 0
            counts[seg] += 1
        touched = touched[:k]
        shared = np.empty(k, dtype=np.int32)
        for i in range(k):
            shared[i] = counts[touched[i]]
        estimate = estimates(touched, shared, lens, query_len, n_terms)
        if k <= pool:
            return touched, shared, estimate, True
        keep = best(estimate, touched, pool)
        return touched[keep], shared[keep], estimate[keep], True

    @_jit
    def best(estimate: np.ndarray, ids: np.ndarray, count: int) -> np.ndarray:
        """Indices of the ``count`` best of ``estimate`` (float32; negative ones count as 0),
        ties going to the highest of ``ids`` (below 2**32), in their order in ``estimate``:
        the ``count`` largest keys ``estimate bits << 32 | id``, by radix selection. The first
        digit (the top 16 bits of the estimate: sign, exponent, 7 bits of mantissa) is counted
        over all; the rest only over the keys in its chosen bucket, in 12-bit digits."""
        m = estimate.size
        if count >= m:
            return np.arange(m)
        bits = estimate.view(np.int32)  # non-negative floats order as their bit patterns
        hist = np.zeros(1 << 16, dtype=np.int64)
        bucket = 0
        for i in range(m):
            digit = max(bits[i], 0) >> 16
            hist[digit] += 1
            bucket = max(bucket, digit)
        above = 0  # keys above the digits chosen so far
        while above + hist[bucket] < count:
            above += hist[bucket]
            bucket -= 1
        left = np.empty(hist[bucket], dtype=np.int64)  # the keys in the bucket: low bits
        keys = np.empty(hist[bucket], dtype=np.uint64)
        k = 0
        for i in range(m):
            if max(bits[i], 0) >> 16 == bucket:
                low = np.uint64(max(bits[i], 0) & 0xFFFF)
                keys[k] = (low << np.uint64(32)) | np.uint64(ids[i])
                left[k] = k
                k += 1
        n_left = k
        threshold = np.uint64(0)  # of the low 48 bits of a key in the bucket
        mask = np.uint64(0xFFF)
        for shift_ in (36, 24, 12, 0):
            shift = np.uint64(shift_)
            hist[:4096] = 0
            chosen = 0  # from the highest digit met down
            for j in range(n_left):
                digit = np.int64((keys[left[j]] >> shift) & mask)
                hist[digit] += 1
                chosen = max(chosen, digit)  # type: ignore[assignment]
            while above + hist[chosen] < count:
                above += hist[chosen]
                chosen -= 1
            threshold |= np.uint64(chosen) << shift
            k = 0
            for j in range(n_left):
                i = left[j]
                left[k] = i
                k += np.int64((keys[i] >> shift) & mask) == chosen
            n_left = k
        keep = np.empty(count, dtype=np.int64)  # exactly count keys are at the threshold or above
        k = t = 0
        for i in range(m):
            digit = max(bits[i], 0) >> 16
            if digit == bucket:
                if k < count:
                    keep[k] = i
                k += keys[t] >= threshold
                t += 1
            elif digit > bucket:
                keep[k] = i
                k += 1
        return keep

    @_jit
    def held_and_likely(
        sigs: np.ndarray,
        ids: np.ndarray,
        mask: np.ndarray,
        bits: np.ndarray,
        times: np.ndarray,
        n_terms: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each of ``ids``, from its row of the signatures ``sigs`` (``(n, 8)`` uint64):
        how many of ``n_terms`` terms it holds at most (its bits set in ``mask``, bit
        ``bits[i]`` counting ``times[i]`` terms where several share it; int32) and how many
        it likely holds, ``clip((held - n·p) / max(1 - p, 0.01), 0, held)`` with ``p`` the share
        of its bits that are set (in float64, as float32)."""
        held = np.empty(ids.size, dtype=np.int32)
        likely = np.empty(ids.size, dtype=np.float32)
        floor = np.float64(np.float32(0.01))
        for i in range(ids.size):
            row = sigs[ids[i]]
            count = 0
            ones = 0
            for w in range(row.size):
                count += _popcount(row[w] & mask[w])
                ones += _popcount(row[w])
            for j in range(bits.size):
                bit = bits[j]
                if (row[bit >> 6] >> np.uint64(bit & 63)) & np.uint64(1):
                    count += times[j] - 1
            held[i] = count
            p = ones * (1.0 / (row.size * 64))
            value = (count - n_terms * p) / max(1.0 - p, floor)
            likely[i] = np.float32(min(max(value, 0.0), float(count)))
        return held, likely

    @_jit
    def _popcount(word: np.uint64) -> int:
        """Set bits of a 64-bit word (SWAR)."""
        word = word - ((word >> np.uint64(1)) & np.uint64(0x5555555555555555))
        word = (word & np.uint64(0x3333333333333333)) + (
            (word >> np.uint64(2)) & np.uint64(0x3333333333333333)
        )
        word = (word + (word >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
        return int((word * np.uint64(0x0101010101010101)) >> np.uint64(56))

finally:
    numba.config.CACHE_DIR = _saved_cache_dir  # type: ignore[attr-defined]
