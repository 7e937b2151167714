"""The exact half of retrieval: candidates from the index, reranked by their real fuzzy score.

The score of a stored segment for a query is :func:`ltmt.text.fuzzy_score` of their normalised
sources. The candidate index (:mod:`ltmt.memory.index`) proposes, best guess first; this module
decides with the real score, computed from the candidates' sources held in memory
(:class:`ltmt.memory.source_codes.SourceCodes`) by a compiled bit-parallel kernel
(:mod:`ltmt.memory.lcs_kernel`) that gives rapidfuzz's scores.

The score is ``200 · L / (|a| + |b|)`` with ``L`` the longest common subsequence, so lengths
alone bound it (``L <= min(|a|, |b|)``: the length window a score threshold implies), and so do
the query's n-grams that a source lacks (:func:`score_bound`). Once ``k`` matches are found, a
candidate whose bound is below the ``k``-th best score cannot enter the result and is not
scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import process

from ltmt.compiled import compiled_module
from ltmt.memory.layout import NGRAM
from ltmt.memory.sources import FetchedSources
from ltmt.text import SCORER

if TYPE_CHECKING:
    from ltmt.memory.source_codes import SourceCodes

KERNEL = "ltmt.memory.lcs_kernel"

# Candidates scored first; the rest are scored where their bound reaches the k-th best of these.
FIRST_BATCH = 256


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


def exact_best(
    query: str,
    ids: np.ndarray,
    bounds: np.ndarray | None,
    codes: SourceCodes | FetchedSources,
    k: int,
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` among candidate ``ids`` (best guess first), best first;
    ties go to the newest id.

    ``codes`` holds the candidates' sources (each id below its ``end``) or reads them;
    ``bounds[i]`` is a
    :func:`score_bound` of ``ids[i]`` (None: no pruning). The first :data:`FIRST_BATCH` are
    scored, then the rest whose bound reaches the ``k``-th best score found.
    """
    if not ids.size:
        return []
    first = ids[:FIRST_BATCH]
    scores = exact_scores(query, first, codes)
    rest = ids[FIRST_BATCH:]
    if rest.size:
        if bounds is not None and first.size >= k:
            kth = np.partition(scores, first.size - k)[first.size - k]
            rest = rest[bounds[FIRST_BATCH:] >= kth]
        ids = np.concatenate([first, rest])
        scores = np.concatenate([scores, exact_scores(query, rest, codes)])
    order = np.lexsort((-ids, -scores))[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]


def exact_scores(query: str, ids: np.ndarray, codes: SourceCodes | FetchedSources) -> np.ndarray:
    """:func:`ltmt.text.fuzzy_score` of ``query`` and each of the sources of ``ids`` in
    ``codes`` (float64, rapidfuzz's values): a packed table's by :mod:`ltmt.memory.lcs_kernel`
    where numba can be imported, else (and the sources read one by one, which a process that
    searches once reads: no compiler loaded) by rapidfuzz."""
    if isinstance(codes, FetchedSources) or not query or not (kernel := compiled_module(KERNEL)):
        return process.cdist([query], codes.texts(ids), scorer=SCORER, dtype=np.float64)[0]
    begins, ends = codes.spans(ids)
    common = np.empty(ids.size, dtype=np.int64)
    lengths = np.empty(ids.size, dtype=np.int64)
    points = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    kernel.lcs_lengths(points, codes.data, begins, ends, common, lengths)
    return ratio(common, lengths + len(query))


def load_kernel() -> None:
    """Load the compiled scorer of packed sources now, where numba can be imported (numba's
    import and the kernel's cached code take a few hundred milliseconds): what
    :func:`ltmt.memory.search.preload` does before it packs a memory's sources, so that the
    first search that scores from them does not wait for it."""
    kernel = compiled_module(KERNEL)
    if kernel is not None:  # one call, with the argument types of exact_scores'
        found = np.zeros(1, dtype=np.int64)
        data = np.full(1, ord("a"), dtype=np.uint8)
        span = np.zeros(1, dtype=np.int64), np.ones(1, dtype=np.int64)
        kernel.lcs_lengths(found + ord("a"), data, *span, found, found.copy())


def ratio(common: np.ndarray, total: np.ndarray) -> np.ndarray:
    """``fuzz.ratio`` from longest common subsequences and the two strings' summed lengths, as
    rapidfuzz computes it (``1 - distance / total``, times 100; 100 for two empty strings)."""
    distance = total - 2 * common
    normalised = np.divide(distance, total, out=np.zeros(total.shape), where=total > 0)
    return (1.0 - normalised) * 100.0


def exhaustive(query: str, sources: Sequence[str], k: int) -> list[tuple[int, float]]:
    """The ``k`` best ``(position, score)`` over all ``sources`` (a full scan: the reference)."""
    found = process.extract(query, sources, scorer=SCORER, processor=None, limit=k)
    return [(int(position), float(score)) for _, score, position in found]
