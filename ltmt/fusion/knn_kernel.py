"""Plain kNN's step in one compiled call (numba, float32 on the CPU).

:meth:`ltmt.fusion.knn_state.KnnState.fuse_log_probs` reads, for each row with memory, its
distances to its own sentence's entries, their history term and penalties, the ``K`` nearest,
their vote and λ, and mixes the vote into the row's log-probabilities. In torch that is about 95
calls a step on tensors of a few rows by a few dozen entries, each costing more to dispatch than
to compute (``eval/count_torch_calls.py``, session 36). :func:`mix_nearest` does the same
arithmetic, row by row, in one call: the entries' dot products with the row's state stay one
batched product in torch (``dots``), the rest is here. It runs for plain kNN (a trained
combiner's state adjusts the vote itself, and reads fields this kernel does not compute) and
where numba can be imported; its outputs equal torch's up to float32 rounding
(``tests/fusion/test_knn_kernel.py``).

Compiled on first use and cached on disk, like :mod:`ltmt.model.attention_kernels`; one
thread, the interpreter lock released.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

# no fast-math: the distances and the vote keep torch's order of operations
_compiled = numba.njit(nogil=True, cache=True, boundscheck=False)

# memory_eos codes (KnnConfig.memory_eos): who may vote for </s>
EOS_ALL, EOS_NEAREST, EOS_NONE = 0, 1, 2
EOS_CODES = {"all": EOS_ALL, "nearest": EOS_NEAREST, "none": EOS_NONE}


@_compiled
def mix_nearest(
    log_probs: Any,
    active: Any,
    hidden: Any,
    dots: Any,
    norms: Any,
    invalid: Any,
    values: Any,
    entry_history: Any,
    differing: Any,
    score_factor: Any,
    prefix: Any,
    settings: Any,
    neighbours: int,
    context: int,
    memory_eos: int,
    eos_id: int,
) -> None:
    """Mix each active row's kNN vote into its ``log_probs`` row, in place.

    Row ``i`` of the per-row inputs belongs to row ``active[i]`` of ``log_probs (n, vocab)``,
    ``hidden (n, d)`` and ``prefix (n, t)``. ``dots (a, M)``: the row's scaled state dotted
    with its sentence's entries' keys; ``norms``, ``invalid``, ``values``, ``differing (a,
    M)`` and ``entry_history (a, M, context)``: those entries' squared key norms, padding,
    tokens, differing shares and histories; ``score_factor (a,)``. ``settings`` (float64):
    the state's scale (sqrt of d_model), context penalty, differing penalty, temperature, tau
    and lambda_max. ``memory_eos``: :data:`EOS_ALL`, :data:`EOS_NEAREST` or :data:`EOS_NONE`.
    A row whose λ is 0 is left as it is.
    """
    scale, context_penalty = np.float32(settings[0]), np.float32(settings[1])
    differing_penalty, temperature = np.float32(settings[2]), np.float32(settings[3])
    tau, lambda_max = np.float32(settings[4]), np.float32(settings[5])
    zero, one = np.float32(0.0), np.float32(1.0)
    count, width = dots.shape
    length = prefix.shape[1]
    k = min(neighbours, width)
    distances = np.empty(width, np.float32)
    nearest = np.empty(k, np.int64)
    chosen = np.empty(width, np.bool_)
    weights = np.empty(k, np.float32)
    mixed = np.empty(k, np.float32)
    history = np.empty(context, np.int64)
    for i in range(count):
        row = active[i]
        squared = np.float32(0.0)
        for d in range(hidden.shape[1]):
            value = hidden[row, d] / scale
            squared += value * value
        for j in range(context):  # the row's latest tokens, the latest first; -1 before them
            history[j] = prefix[row, length - 1 - j] if j < length else -1
        for m in range(width):
            if invalid[i, m]:
                distances[m] = np.inf
                continue
            total = squared + norms[i, m] - np.float32(2.0) * dots[i, m]
            distance = np.sqrt(max(total, zero))
            if context > 0 and context_penalty != zero:
                shared = 0
                while shared < context and entry_history[i, m, shared] == history[shared]:
                    shared += 1
                distance += context_penalty * np.float32(context - shared)
            if differing_penalty != zero:
                distance += differing_penalty * differing[i, m]
            distances[m] = distance
        chosen[:] = False
        for j in range(k):  # the k nearest, nearest first; the lower index on a tie
            best = -1
            for m in range(width):
                if not chosen[m] and (best < 0 or distances[m] < distances[best]):
                    best = m
            nearest[j] = best
            chosen[best] = True
        closest = distances[nearest[0]]
        lam = lambda_max * max(zero, one - closest / tau)  # 0 where no entry is valid (inf)
        if lam <= zero:
            continue
        top = -closest / temperature  # the softmax of -distance / temperature
        total = zero
        for j in range(k):
            weights[j] = np.exp(-distances[nearest[j]] / temperature - top)
            total += weights[j]
        kept = zero
        for j in range(k):
            weights[j] /= total
            silenced = memory_eos != EOS_ALL and values[i, nearest[j]] == eos_id
            if silenced and not (memory_eos == EOS_NEAREST and j == 0):
                weights[j] = 0.0
            kept += weights[j]
        if memory_eos != EOS_ALL:
            for j in range(k):
                weights[j] /= max(kept, np.float32(1e-12))
        else:
            kept = one
        lam = lam * score_factor[i] * kept
        if lam <= zero:
            continue
        shift = np.log1p(-lam)
        for v in range(log_probs.shape[1]):
            log_probs[row, v] += shift
        # each neighbour's token: log((1 - λ) p_model + λ p_knn), p_knn summed over the
        # neighbours sharing the token (read before any is written)
        for j in range(k):
            token = values[i, nearest[j]]
            vote = zero
            for other in range(k):
                if values[i, nearest[other]] == token:
                    vote += weights[other]
            model = log_probs[row, token]
            memory = np.log(lam * vote) if vote > zero else np.float32(-np.inf)
            larger, smaller = max(model, memory), min(model, memory)
            if smaller == -np.inf:
                mixed[j] = larger
            else:
                mixed[j] = larger + np.log1p(np.exp(smaller - larger))
        for j in range(k):
            log_probs[row, values[i, nearest[j]]] = mixed[j]
