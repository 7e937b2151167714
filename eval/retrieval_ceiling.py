"""How far n-gram candidates can go at 1M segments: the rank of each real query's best match
under rankings computed from *every* posting of the query's n-grams, next to today's index.

``bench_retrieval.py`` measures the index, which reads the postings of a query's rarer n-grams
within a budget. This script asks what an unlimited budget would give: it builds the same 1M
memory (same seed and sampling), counts for every stored segment how many of the query's
distinct n-grams it holds (all postings read), and ranks the whole memory by

- ``estimate``: the index's own score estimate (:func:`ltmt.memory.index._estimates`) on those
  full counts;
- ``dice``: the Dice coefficient of the two n-gram sets;
- ``estimate+chars``: ``estimate`` plus 0.3 x a character-histogram bound of the fuzzy score
  (``200 * sum_c min(count_q(c), count_s(c)) / (len_q + len_s)``, 64 character buckets), a
  sound upper bound of the score that adds what scattered letters contribute.

For each real query (the dev users' test sources, as ``bench_retrieval.py --real-queries``
samples them) whose best match (an exhaustive rapidfuzz scan) scores 50-89, it reports in how
many cases a best-scoring segment is within the first N of each ranking (ties broken in its
favour), the postings an unlimited first pass would read, and, in the same run, today's index
(``Memory.search``, k = 5) on the same store. Untimed; about 10 minutes on 2 cores.

    python eval/retrieval_ceiling.py --output eval/results/retrieval-1m-ceiling.json
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from bench_retrieval import (
    USER,
    machine_info,
    same_memory,
    same_memory_args,
)
from support import emit_report, use_this_checkout

use_this_checkout()

RANKS = (256, 1024, 2048, 4096, 16384)
CHAR_BUCKETS = 64
CHAR_WEIGHT = 0.3
COARSE_BUCKETS = 32
RANKINGS = ("estimate", "dice", "estimate+chars", "chars", "chars32")
BANDS = {"70-89": (70.0, 90.0), "50-69": (50.0, 70.0)}


def char_buckets(codepoints: np.ndarray) -> np.ndarray:
    """A character's bucket: a-z, 0-9 and space their own, any other character hashed into the
    remaining 27 (merging characters only loosens the bound, it stays an upper bound)."""
    cp = codepoints.astype(np.int64)
    bucket = 37 + (cp * 2654435761) % (CHAR_BUCKETS - 37)
    letters, digits = (cp >= 97) & (cp <= 122), (cp >= 48) & (cp <= 57)
    bucket[letters] = cp[letters] - 97
    bucket[digits] = 26 + cp[digits] - 48
    bucket[cp == 32] = 36
    return bucket


def char_histogram(text: str) -> np.ndarray:
    """:func:`char_histograms` of one text."""
    return char_histograms([text])[0]


def char_histograms(sources: list[str], chunk: int = 50_000) -> np.ndarray:
    """(segments, CHAR_BUCKETS) int16 counts (capped at 32,767)."""
    out = np.zeros((len(sources), CHAR_BUCKETS), dtype=np.int16)
    for start in range(0, len(sources), chunk):
        part = sources[start : start + chunk]
        joined = "".join(part)
        doc = np.repeat(np.arange(len(part)), [len(s) for s in part])
        codepoints = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        flat = doc * CHAR_BUCKETS + char_buckets(codepoints)
        counts = np.bincount(flat, minlength=len(part) * CHAR_BUCKETS)
        out[start : start + len(part)] = np.minimum(counts, 32_767).reshape(len(part), -1)
    return out


class FullPostings:
    """Every (n-gram, segment) pair of the sources, grouped by n-gram: all postings in memory."""

    def __init__(self, sources: list[str], chunk: int = 20_000) -> None:
        from ltmt.memory.postings import text_terms

        keys = []
        for start in range(0, len(sources), chunk):
            terms, _, doc = text_terms(sources[start : start + chunk])
            # uint64: a term's 32 bits above the segment's position
            keys.append(
                np.unique(
                    terms.astype(np.uint64) << np.uint64(32) | (doc + start).astype(np.uint64)
                )
            )
        pairs = np.sort(np.concatenate(keys))
        self.docs = (pairs & np.uint64(0xFFFFFFFF)).astype(np.int32)
        terms = pairs >> np.uint64(32)
        self.terms, self.starts = np.unique(terms, return_index=True)
        self.ends = np.append(self.starts[1:], terms.size)
        self.distinct = np.bincount(self.docs, minlength=len(sources)).astype(np.float32)
        self.size = len(sources)

    def shared(self, query: str) -> tuple[np.ndarray, int, int]:
        """Per segment, how many of ``query``'s distinct n-grams it holds; how many of them
        the memory holds at all; the postings read."""
        from ltmt.memory.postings import text_terms

        wanted = np.unique(text_terms([query])[0].astype(np.uint64))
        where = np.searchsorted(self.terms, wanted[np.isin(wanted, self.terms)])
        parts = [self.docs[self.starts[w] : self.ends[w]] for w in where.tolist()]
        ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        return np.bincount(ids, minlength=self.size).astype(np.float32), len(parts), ids.size


def coarse_histograms(chars: np.ndarray) -> np.ndarray:
    """``chars`` folded into COARSE_BUCKETS uint8 counts (bucket i and i + COARSE_BUCKETS
    summed, capped at 255): a looser bound, a quarter of the bytes."""
    folded = chars[:, :COARSE_BUCKETS].astype(np.int32) + chars[:, COARSE_BUCKETS:]
    return np.minimum(folded, 255).astype(np.uint8)


def coarse_bound(coarse: np.ndarray, query: str, lens: np.ndarray) -> np.ndarray:
    """The character-histogram bound of the fuzzy score on :func:`coarse_histograms`."""
    mine = coarse_histograms(char_histogram(query)[None, :])[0]
    bag = np.minimum(coarse, mine).sum(axis=1, dtype=np.int32)
    return (2.0 * bag / (len(query) + lens)).astype(np.float32)


def rank_of_best(score: np.ndarray, best: np.ndarray) -> int:
    """Segments ranked above the best-scoring ones' highest ``score`` (ties in their favour)."""
    return int((score > score[best].max()).sum())


def _share(hits: list[bool]) -> float | None:
    """The share of ``hits`` that are true, to 4 places; None for no queries."""
    return round(sum(hits) / len(hits), 4) if hits else None


def run(args: argparse.Namespace) -> dict[str, Any]:
    from rapidfuzz import process

    from ltmt.memory.index import _estimates
    from ltmt.text import SCORER, normalize

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="ltmt-ceiling-", dir=args.work_dir))
    try:
        memory, real = same_memory(args, work)
        sources = [normalize(segment.source) for segment in memory.segments(USER)]
        print(f"{len(sources)} segments stored; counting postings", file=sys.stderr)
        postings = FullPostings(sources)
        chars = char_histograms(sources)
        chars32 = coarse_histograms(chars)
        lens = np.array([len(s) for s in sources], dtype=np.int32)
        rows: list[dict[str, Any]] = []
        for text in real:
            query = normalize(text)
            scores = process.cdist(
                [query], sources, scorer=SCORER, processor=None, dtype=np.float64, workers=2
            )[0]
            top = float(scores.max())
            band = next((name for name, (lo, hi) in BANDS.items() if lo <= top < hi), None)
            if band is None:
                continue
            best = np.flatnonzero(scores >= top - 1e-6)
            found = memory.search(USER, text, k=args.k)
            shared, n_terms, read = postings.shared(query)
            length = float(len(query))
            estimate = _estimates(np.arange(lens.size), shared, lens, length, max(1, n_terms))
            bag = np.minimum(chars, char_histogram(query)).sum(axis=1)
            char_bound = (2.0 * bag / (length + lens)).astype(np.float32)
            dice = 2 * shared / (n_terms + postings.distinct)
            rows.append(
                {
                    "band": band,
                    "postings": read,
                    "index_hit": bool(found) and found[0].score >= top - 1e-6,
                    "estimate": rank_of_best(estimate, best),
                    "dice": rank_of_best(dice, best),
                    "estimate+chars": rank_of_best(estimate + CHAR_WEIGHT * char_bound, best),
                    "chars": rank_of_best(char_bound, best),
                    "chars32": rank_of_best(coarse_bound(chars32, query, lens), best),
                }
            )
        memory.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bands: dict[str, Any] = {}
    for band in BANDS:
        mine = [row for row in rows if row["band"] == band]
        bands[band] = {"queries": len(mine), "index_recall": _share([r["index_hit"] for r in mine])}
        for ranking in RANKINGS:
            bands[band][ranking] = {
                f"top_{n}": _share([r[ranking] < n for r in mine]) for n in RANKS
            }
            bands[band][f"index or {ranking}"] = {
                f"top_{n}": _share([r["index_hit"] or r[ranking] < n for r in mine]) for n in RANKS
            }
    read = [row["postings"] for row in rows] or [0]
    return {
        "benchmark": "retrieval-ceiling",
        "segments": len(lens),
        "real_queries": len(real),
        "k": args.k,
        "bands": bands,
        "postings_per_query_all_terms": {
            "p50": float(np.percentile(read, 50)),
            "p95": float(np.percentile(read, 95)),
            "p99": float(np.percentile(read, 99)),
        },
        "hit": "a best-scoring segment (exhaustive scan) within the first N; index: top-1 equals "
        "the scan's best",
        "char_weight": CHAR_WEIGHT,
        "seconds": round(time.perf_counter() - started, 1),
        "seed": args.seed,
        "machine": machine_info(),
    }


def main(argv: list[str] | None = None) -> None:
    args = same_memory_args(__doc__, argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
