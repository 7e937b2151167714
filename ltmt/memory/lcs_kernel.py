"""The longest common subsequence of one query and many stored sources, in one compiled call
(numba): what the fuzzy score of a retrieval candidate is computed from.

``fuzz.ratio`` is ``100 · (1 - (|a| + |b| - 2·L) / (|a| + |b|))`` with ``L`` the longest
common subsequence of the two strings (rapidfuzz's Indel similarity). :func:`lcs_lengths`
computes ``L`` with the bit-parallel algorithm rapidfuzz uses too (Hyyrö's, one bit per query
character, 64 to a word, words chained by carries), reading each source's UTF-8 bytes from one
buffer (:class:`ltmt.memory.source_codes.SourceCodes`) instead of a Python string per source.
Characters the query does not hold leave the bit vector unchanged and cost a table lookup. The
scores :func:`ltmt.retrieval.exact_best` makes from them equal rapidfuzz's bit for bit
(``tests/memory/test_lcs_kernel.py``).

The candidates of a 1M-segment memory lie scattered over a buffer of about 90 MB, so a read of
each one's first bytes would wait on memory in turn. :func:`lcs_lengths` first touches every
span once (independent loads, which the CPU overlaps), then computes.

Compiled on first use and cached on disk, like :mod:`ltmt.fusion.knn_kernel`; one thread, the
interpreter lock released. Where numba cannot be imported, :mod:`ltmt.retrieval` scores with
rapidfuzz instead (the same scores, slower).
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

_compiled = numba.njit(nogil=True, cache=True, boundscheck=False)

_ONES = np.uint64(0xFFFFFFFFFFFFFFFF)


@numba.njit(nogil=True, cache=True, inline="always")
def _popcount(value: Any) -> Any:
    value = value - ((value >> np.uint64(1)) & np.uint64(0x5555555555555555))
    value = (value & np.uint64(0x3333333333333333)) + (
        (value >> np.uint64(2)) & np.uint64(0x3333333333333333)
    )
    value = (value + (value >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return np.int64((value * np.uint64(0x0101010101010101)) >> np.uint64(56))


@numba.njit(nogil=True, cache=True, inline="always")
def _decode(data: Any, at: Any, lead: Any) -> Any:
    """The code point of the multi-byte UTF-8 character at ``at`` (lead byte ``lead``), and
    where the next one starts."""
    if lead < 0xE0:
        return ((lead & 0x1F) << 6) | (np.int64(data[at + 1]) & 0x3F), at + 2
    if lead < 0xF0:
        return (
            ((lead & 0x0F) << 12)
            | ((np.int64(data[at + 1]) & 0x3F) << 6)
            | (np.int64(data[at + 2]) & 0x3F)
        ), at + 3
    return (
        ((lead & 0x07) << 18)
        | ((np.int64(data[at + 1]) & 0x3F) << 12)
        | ((np.int64(data[at + 2]) & 0x3F) << 6)
        | (np.int64(data[at + 3]) & 0x3F)
    ), at + 4


@_compiled
def lcs_lengths(query: Any, data: Any, begins: Any, ends: Any, common: Any, lengths: Any) -> int:
    """For each span ``data[begins[i]:ends[i]]`` (a UTF-8 source), its longest common
    subsequence with ``query`` (``(m,)`` int64 code points) in ``common[i]`` and its length in
    characters in ``lengths[i]``. Returns the sum of the spans' first bytes, which keeps the
    loads that bring them in from being optimised away."""
    warmed = 0
    for row in range(begins.size):  # bring every span's first bytes in: independent loads
        warmed += data[begins[row]] if ends[row] > begins[row] else 0
    size = query.size
    words = (size + 63) // 64
    wide = np.unique(query[query >= 128])
    ascii_masks = np.zeros((128, words), np.uint64)
    wide_masks = np.zeros((wide.size + 1, words), np.uint64)
    for position in range(size):
        bit = np.uint64(1) << np.uint64(position % 64)
        code = query[position]
        if code < 128:
            ascii_masks[code, position // 64] |= bit
        else:
            wide_masks[np.searchsorted(wide, code), position // 64] |= bit
    top = _ONES if size % 64 == 0 else (np.uint64(1) << np.uint64(size % 64)) - np.uint64(1)
    n_wide = wide.size
    if words == 1:  # the common case: the bit vector stays in a register
        masks = ascii_masks[:, 0].copy()
        for row in range(begins.size):
            at, end = begins[row], ends[row]
            state = _ONES
            chars = 0
            while at < end:
                lead = np.int64(data[at])
                chars += 1
                if lead < 0x80:
                    matched = state & masks[lead]
                    at += 1
                else:
                    code, at = _decode(data, at, lead)
                    found = np.searchsorted(wide, code)
                    if found == n_wide or wide[found] != code:
                        continue
                    matched = state & wide_masks[found, 0]
                state = (state + matched) | (state - matched)
            common[row] = _popcount(~state & top)
            lengths[row] = chars
        return warmed
    held = np.zeros(128, np.bool_)  # the ASCII characters the query holds
    for code in range(128):
        for word in range(words):
            held[code] |= ascii_masks[code, word] != 0
    state_words = np.empty(words, np.uint64)
    for row in range(begins.size):
        at, end = begins[row], ends[row]
        state_words[:] = _ONES
        chars = 0
        while at < end:
            lead = np.int64(data[at])
            chars += 1
            if lead < 0x80:
                at += 1
                if not held[lead]:  # leaves the bit vector as it is
                    continue
                mask_row = ascii_masks[lead]
            else:
                code, at = _decode(data, at, lead)
                found = np.searchsorted(wide, code)
                if found == n_wide or wide[found] != code:
                    continue
                mask_row = wide_masks[found]
            carry = np.uint64(0)
            for word in range(words):
                state = state_words[word]
                matched = state & mask_row[word]
                total = state + matched
                carried = total + carry
                carry = np.uint64(total < state) | np.uint64(carried < total)
                state_words[word] = carried | (state - matched)
        found_common = 0
        for word in range(words - 1):
            found_common += _popcount(~state_words[word])
        common[row] = found_common + _popcount(~state_words[words - 1] & top)
        lengths[row] = chars
    return warmed
