"""The incremental decoder's attention for one step, compiled with numba (float32, CPU).

A decoder step's attention is hundreds of tiny matrix products: per sentence and head, the
``beam`` query rows against the keys of that sentence alone. torch's batched product loops
over them one small ``gemm`` at a time, and the self-attention of the slot layout
(:mod:`ltmt.model.incremental`) multiplies every row by every slot of its sentence, ``beam``
times the keys it keeps, then masks the others out. These kernels read only what each row
attends to: its own history, through the table of slots it already keeps (``ancestors``), and
its sentence's source positions that are not padding. The softmax is taken in the same loop.
So a layer's self-attention is one call that writes the step's keys and values into the
buffers and attends, and its cross-attention another, with no mask tensors and no copies.

Both run on one thread and release the interpreter lock (``nogil``), so workers decoding
batches side by side run them at once. They are compiled on first use and cached on disk
(numba's ``cache=True``: next to this module, or numba's user-wide cache where that is not
writable). Where numba cannot be imported, or the states are neither float32 nor bfloat16 on
the CPU, the decoder keeps torch's products; bfloat16 states are read and kept in float32 for
them (:mod:`ltmt.model.incremental`). Their results equal torch's up
to the order of float32 sums (``tests/model/test_attention_kernels.py``).
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

# one thread, the interpreter lock released; compiled at the first call and cached on disk.
# Sums may be reordered (vectorised), but infinities stay exact: padding's bias is -inf.
_compiled = numba.njit(
    nogil=True, cache=True, fastmath={"reassoc", "contract", "nsz", "arcp"}, boundscheck=False
)


@_compiled
def _softmax_in_place(scores: Any, best: Any) -> None:
    """``scores`` (whose largest is ``best``) made their softmax; ``-inf`` becomes 0."""
    total = np.float32(0.0)
    for i in range(scores.shape[0]):
        scores[i] = np.exp(scores[i] - best)
        total += scores[i]
    inverse = np.float32(1.0) / total
    for i in range(scores.shape[0]):
        scores[i] *= inverse


@_compiled
def self_attend(
    qkv: Any, keys: Any, values: Any, ancestors: Any, position: int, scaling: float, out: Any
) -> None:
    """One layer's self-attention at ``position`` for every row.

    ``qkv (rows, 3 * heads * head_dim)``: the step's query, key and value side by side;
    ``keys``, ``values (sentences, heads, capacity, group, head_dim)``: the slot buffers, whose
    ``position`` gets each row's key and value in its own slot (row ``i`` of a sentence: slot
    ``i``); ``ancestors (rows, capacity)``: the slot holding each row's history at every
    position, ``position`` included. Writes ``out (rows, heads * head_dim)``: each row's
    attention over its own positions ``0 .. position``, its query scaled by ``scaling``."""
    sentences, heads, _, group, head_dim = keys.shape
    width = heads * head_dim
    for row in range(sentences * group):  # the step's keys and values, each in its row's slot
        sentence, slot = row // group, row % group
        for head in range(heads):
            start = head * head_dim
            for d in range(head_dim):
                keys[sentence, head, position, slot, d] = qkv[row, width + start + d]
                values[sentence, head, position, slot, d] = qkv[row, 2 * width + start + d]
    scores = np.empty(position + 1, np.float32)
    mixed = np.empty(head_dim, np.float32)
    for sentence in range(sentences):
        for head in range(heads):  # a sentence's rows share most slots: read them while cached
            start = head * head_dim
            for slot in range(group):
                row = sentence * group + slot
                query = qkv[row, start : start + head_dim]
                best = np.float32(-np.inf)
                for p in range(position + 1):
                    key = keys[sentence, head, p, ancestors[row, p]]
                    total = np.float32(0.0)
                    for d in range(head_dim):
                        total += query[d] * key[d]
                    scores[p] = total * scaling
                    best = max(best, scores[p])
                _softmax_in_place(scores, best)
                mixed[:] = 0.0
                for p in range(position + 1):
                    value = values[sentence, head, p, ancestors[row, p]]
                    weight = scores[p]
                    for d in range(head_dim):
                        mixed[d] += weight * value[d]
                out[row, start : start + head_dim] = mixed


@_compiled
def cross_attend(
    query: Any,
    keys: Any,
    values: Any,
    bias: Any,
    scaling: float,
    out: Any,
    weights: Any,
    keep: bool,
) -> None:
    """One layer's cross-attention for every row.

    ``query (rows, heads * head_dim)``, a sentence's rows side by side; ``keys``, ``values
    (sentences, heads, source, head_dim)``; ``bias (sentences, source)``: 0 where its rows may
    attend, ``-inf`` on padding. Writes ``out (rows, heads * head_dim)`` and, with ``keep``,
    ``weights (rows, source)``: the attention weights averaged over heads, 0 on padding."""
    sentences, heads, source, head_dim = keys.shape
    if sentences == 0:
        return
    group = query.shape[0] // sentences
    scores = np.empty(source, np.float32)
    mixed = np.empty(head_dim, np.float32)
    if keep:
        weights[:] = 0.0
    for sentence in range(sentences):
        for head in range(heads):
            start = head * head_dim
            for slot in range(group):
                row = sentence * group + slot
                asked = query[row, start : start + head_dim]
                best = np.float32(-np.inf)
                for j in range(source):
                    if bias[sentence, j] == -np.inf:
                        scores[j] = -np.inf
                        continue
                    key = keys[sentence, head, j]
                    total = np.float32(0.0)
                    for d in range(head_dim):
                        total += asked[d] * key[d]
                    scores[j] = total * scaling + bias[sentence, j]
                    best = max(best, scores[j])
                _softmax_in_place(scores, best)
                mixed[:] = 0.0
                for j in range(source):
                    weight = scores[j]
                    if weight > 0.0:
                        value = values[sentence, head, j]
                        for d in range(head_dim):
                            mixed[d] += weight * value[d]
                out[row, start : start + head_dim] = mixed
                if keep:
                    for j in range(source):
                        weights[row, j] += scores[j] / heads
