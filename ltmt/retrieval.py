"""Fuzzy scoring and reranking: the exact half of retrieval.

The score of a stored segment for a query is the CAT-tool fuzzy match of their normalised
sources (:func:`ltmt.memory.normalize.normalize`): rapidfuzz's ``fuzz.ratio``, an edit-distance
similarity on characters (insertions and deletions, ``100 · (1 - indel / (len_a + len_b))``).
100 means the same normalised source. The candidate index (:mod:`ltmt.memory.index`) proposes;
:func:`rerank` decides with the real score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

Scorer = Callable[[str, str], float]


def fuzzy_score(query: str, source: str) -> float:
    """Fuzzy score 0-100 of two already normalised strings."""
    return float(fuzz.ratio(query, source))


def rerank(
    query: str,
    ids: Sequence[int],
    sources: Sequence[str],
    k: int,
    *,
    scorer: Scorer = fuzzy_score,
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` of the candidates, best first; ties go to the newest id.

    ``query`` and ``sources`` are normalised the same way; ``ids[i]`` names ``sources[i]``.
    """
    scored = [(scorer(query, source), seg_id) for seg_id, source in zip(ids, sources)]
    scored.sort(reverse=True)
    return [(seg_id, score) for score, seg_id in scored[:k]]


def exhaustive(query: str, sources: Sequence[str], k: int) -> list[tuple[int, float]]:
    """The ``k`` best ``(position, score)`` over all ``sources`` (a full scan: the reference)."""
    found = process.extract(query, sources, scorer=fuzz.ratio, limit=k)
    return [(int(position), float(score)) for _, score, position in found]
