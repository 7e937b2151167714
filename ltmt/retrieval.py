"""The exact half of retrieval: candidates from the index, reranked by their real fuzzy score.

The score of a stored segment for a query is :func:`ltmt.text.fuzzy_score` of their normalised
sources. The candidate index (:mod:`ltmt.memory.index`) proposes, best guess first; this module
decides with the real score, scoring candidates in batches with rapidfuzz's SIMD batch scorer.

The score is ``200 · L / (|a| + |b|)`` with ``L`` the longest common subsequence, so lengths
alone bound it (``L <= min(|a|, |b|)``: the length window a score threshold implies), and so do
the query's n-grams that a source lacks (:func:`score_bound`). Once ``k`` matches are found, a
candidate whose bound is below the ``k``-th best score cannot enter the result and is skipped
before its text is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import process

from ltmt.memory.layout import NGRAM
from ltmt.text import SCORER

# Candidates scored in the first batch; later batches skip what the length bound rules out.
FIRST_BATCH = 128
BATCH = 512

# Reads the normalised sources of candidate ids: (the ids still stored, their sources).
Fetch = Callable[[Sequence[int]], tuple[list[int], list[str]]]


def score_bound(query_len: int, source_lens: np.ndarray, lacking: np.ndarray) -> np.ndarray:
    """The highest fuzzy score each source can reach against the query.

    ``source_lens`` are the lengths of the normalised sources; ``lacking`` counts the distinct
    n-grams (:data:`~ltmt.memory.layout.NGRAM` characters, of the text padded with one space at
    each end, as the index makes them) of the query that each source does not hold, or any
    lower bound of that count (0: the length window alone).

    Why: align the padded strings along a longest common subsequence ``L'`` (``>= L + 2``). A
    query n-gram is lost only where one of its ``n`` characters is unmatched, or where the
    source inserts characters between two of its characters (``n - 1`` n-grams span a gap), so
    ``lacking <= n·(|a'| - L') + (n - 1)·(|b'| - L')``, which gives
    ``L <= (n·|a| + (n - 1)·|b| - lacking) / (2n - 1)``.
    """
    n = NGRAM
    source_lens = np.asarray(source_lens, dtype=np.int64)
    common = (n * query_len + (n - 1) * source_lens - np.asarray(lacking)) // (2 * n - 1)
    common = np.clip(np.minimum(common, np.minimum(source_lens, query_len)), 0, None)
    total = source_lens + query_len
    return np.where(total > 0, 200.0 * common / np.maximum(total, 1), 100.0)


def rerank(
    query: str, ids: Sequence[int], sources: Sequence[str], k: int
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` of the candidates, best first; ties go to the newest id.

    ``query`` and ``sources`` are normalised the same way; ``ids[i]`` names ``sources[i]``.
    """
    if not ids:
        return []
    scores = process.cdist([query], list(sources), scorer=SCORER, dtype=np.float64)[0]
    id_array = np.asarray(ids, dtype=np.int64)
    order = np.lexsort((-id_array, -scores))[:k]
    return [(int(id_array[i]), float(scores[i])) for i in order]


def best_matches(
    query: str, ids: np.ndarray, bounds: np.ndarray | None, fetch: Fetch, k: int
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` among candidate ``ids`` (best guess first), best first.

    ``bounds[i]`` is a :func:`score_bound` of ``ids[i]`` (None: no pruning); ``fetch`` reads
    the sources. Ties go to the newest id.
    """
    best: list[tuple[int, float]] = []
    start = 0
    while start < len(ids):
        end = start + (FIRST_BATCH if not start else BATCH)
        chosen = ids[start:end]
        if bounds is not None and len(best) >= k:  # it must reach the k-th best score to enter
            chosen = chosen[bounds[start:end] >= best[-1][1]]
        start = end
        if not chosen.size:
            continue
        found_ids, sources = fetch(chosen.tolist())
        scored = rerank(query, found_ids, sources, k)
        best = sorted(best + scored, key=lambda item: (-item[1], -item[0]))[:k]
    return best


def exhaustive(query: str, sources: Sequence[str], k: int) -> list[tuple[int, float]]:
    """The ``k`` best ``(position, score)`` over all ``sources`` (a full scan: the reference)."""
    found = process.extract(query, sources, scorer=SCORER, processor=None, limit=k)
    return [(int(position), float(score)) for _, score, position in found]
