"""Candidate generation: the segments a query should be scored against, from the index on disk
(:mod:`.postings`).

A query reads the postings of its terms from the rarest up, terms that do not overlap one
already chosen first (:func:`_choose`), while the postings it reads stay under a budget (the
common n-grams are left out once it is spent), sorts the ids it read and counts per segment
how many of the read terms it holds (the length of its run). From that fraction ``f`` and the
two lengths it estimates the fuzzy score as a Dice coefficient would,
``2·min(f·len_q, len_s) / (len_q + len_s)``. A second pass reads the common terms the first
left out (those whose postings would stay under a budget of its own) without reading their
postings: it tests the ``WIDEN · limit`` best segments' signatures for them
(:func:`_count_more`; a hash collision can only count a term a segment lacks, never miss one it
holds), and estimates those again with all the terms it counted. It hands the
best ``limit`` to :mod:`ltmt.retrieval`, each with how many of the query's terms it lacks (for
the sound score bound that lets the exact rerank skip candidates unread).
"""

from __future__ import annotations

import lmdb
import numpy as np

from ltmt.errors import StoreError
from ltmt.memory.crypto import PLAIN, PlainCipher
from ltmt.memory.layout import NGRAM, SIG_BITS
from ltmt.memory.postings import (
    head_keys,
    held_terms,
    load_sigs,
    parse_head,
    popcount,
    read_postings,
    run_lengths,
    text_terms,
)
from ltmt.memory.sorting import largest, sort_ids

# A query reads at most about this many postings (and always its MIN_TERMS rarest terms).
POSTINGS_BUDGET = 150_000
# A query longer than LONG_QUERY characters gets LONG_QUERY / its length of the budget (at least
# MIN_BUDGET_SHARE): it has rare terms enough, and its counting would set the p99 latency.
LONG_QUERY = 100
MIN_BUDGET_SHARE = 0.25
# Memories of at most this many ids also get the whole length window of a WINDOW_SCORE match as
# candidates when it fits in the candidate limit (short queries; see _length_window).
WINDOW_SCAN_MAX = 65_536
WINDOW_SCORE = 50
MIN_TERMS = 4
# The first pass hands this many times the candidate limit to the second, which counts the
# common terms the first left out (those of at most RECOUNT_BUDGET postings: by default all of
# them, as it tests signatures and reads no postings) in those segments only.
WIDEN = 8
RECOUNT_BUDGET = 1 << 31


def candidates(
    txn: lmdb.Transaction,
    uid: int,
    lens: np.ndarray,
    text: str,
    limit: int,
    *,
    sigs: np.ndarray | None = None,
    budget: int = POSTINGS_BUDGET,
    recount: int = RECOUNT_BUDGET,
    cipher: PlainCipher = PLAIN,
) -> tuple[np.ndarray, np.ndarray]:
    """Up to ``limit`` segment ids likely to score best against index text ``text``, best first,
    and for each the number of the query's distinct terms it was found to lack.

    ``lens`` is :func:`.postings.load_lens` of the user, ``sigs`` its
    :func:`.postings.load_sigs` (read here when ``None``). The first pass reads the rarest
    terms (about ``budget`` postings, less for a query longer than ``LONG_QUERY``: see
    :func:`query_budget`) and keeps the ``WIDEN · limit`` best estimates; the
    second counts the common terms the first left out (those of about ``recount`` postings;
    0: none) in those segments' signatures
    (:func:`_count_more`) and estimates them again. Terms that were not read count as
    present and terms no segment holds as lacking, so the lacking counts are lower bounds (what
    :func:`ltmt.retrieval.score_bound` needs).
    """
    all_terms, all_positions, _ = text_terms([text], cipher)
    terms, first = np.unique(all_terms, return_index=True)
    found: list[_Term] = []
    keys = head_keys(uid, terms)
    for key, position in zip(keys, all_positions[first].tolist(), strict=True):
        df, tail = parse_head(txn.get(key))
        if df:
            found.append((df, position, key, tail))
    if not lens.size:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not found:
        return _length_window(np.zeros(0, dtype=np.int64), lens, len(text), limit, terms.size)
    found.sort(key=lambda item: item[0])
    chosen = _choose(found, query_budget(budget, len(text)))
    n_read, read = len(chosen), sum(item[0] for item in chosen)
    cursor = txn.cursor()
    parts: list[np.ndarray] = []
    for df, _, key, tail in chosen:
        if df > tail.size and cursor.set_key(key):
            parts.extend(read_postings(cursor, key, tail))
        else:
            parts.append(tail)
    ids = sort_ids(np.concatenate(parts))
    if ids.size != read or int(ids[-1]) >= lens.size:
        raise StoreError("the memory index does not match its segments; re-import the memory")
    touched, shared = run_lengths(ids)
    query_len = float(len(text))
    estimate = _estimates(touched, shared, lens, query_len, n_read)
    pool = limit * WIDEN
    if touched.size > pool:
        best = largest(estimate, pool)
        touched, shared, estimate = touched[best], shared[best], estimate[best]
    alive = estimate > 0
    touched, shared, estimate = touched[alive], shared[alive], estimate[alive]
    read_keys = {item[2] for item in chosen}
    rest = [item for item in found if item[2] not in read_keys]
    n_counted = n_read
    if rest and touched.size and recount:
        if sigs is None:
            sigs = load_sigs(txn, uid, lens.size, cipher)
        n_more, held, likely = _count_more(sigs, rest, touched, recount)
        n_counted += n_more
        estimate = _estimates(touched, shared + likely, lens, query_len, n_counted)
        shared = shared + held
    if touched.size > limit:
        best = largest(estimate, limit)
        touched, shared, estimate = touched[best], shared[best], estimate[best]
    order = np.argsort(-estimate, kind="stable")
    absent = terms.size - len(found)  # terms no stored segment holds
    lacking = (n_counted + absent - shared[order]).astype(np.int64)
    ids = touched[order].astype(np.int64)
    if ids.size < limit and lens.size <= WINDOW_SCAN_MAX:  # every touched segment is in ids
        return _length_window(ids, lens, len(text), limit, n_read + absent, lacking)
    return ids, lacking


def query_budget(budget: int, query_len: int) -> int:
    """The postings budget of a query of ``query_len`` characters: all of ``budget`` up to
    ``LONG_QUERY`` characters, then ``LONG_QUERY / query_len`` of it, at least
    ``MIN_BUDGET_SHARE`` (on the saved 1M store's 1,300 queries: the same recall, p99 CPU
    11.8 against 13.4 ms; README, Retrieval)."""
    if query_len <= LONG_QUERY:
        return budget
    return int(budget * max(MIN_BUDGET_SHARE, LONG_QUERY / query_len))


def _estimates(
    touched: np.ndarray, shared: np.ndarray, lens: np.ndarray, query_len: float, n_read: int
) -> np.ndarray:
    """Half the Dice coefficient of the two lengths, the share ``f`` of the read terms a
    segment holds standing for the query's length: ``min(f·len_q, len_s) / (len_q + len_s)``.

    Positive for every segment holding a term (``shared`` > 0), 0 for a deleted one (its
    length is 0), which is how the callers tell them apart."""
    total = np.take(lens, touched).astype(np.float32)  # take: far faster than lens[touched]
    estimate = shared.astype(np.float32)
    estimate *= np.float32(query_len / n_read)
    np.minimum(estimate, total, out=estimate)
    total += np.float32(query_len)
    estimate /= total
    return estimate


def _count_more(
    sigs: np.ndarray, rest: list[_Term], ids: np.ndarray, budget: int
) -> tuple[int, np.ndarray, np.ndarray]:
    """How many of the terms ``rest`` (rarest first, while their postings would stay under
    ``budget``) each of ``ids`` holds by its signature in ``sigs``: (terms counted, at most
    how many each holds (int32), how many it likely holds (float32)).

    The postings of these common terms are not read. A signature can only count a term the
    segment lacks (a collision), so the first count is an upper bound (the lacking counts stay
    lower bounds); the second takes out the collisions expected from the share ``p`` of the
    segment's bits that are set, ``(held - n·p) / (1 - p)``, for the estimates.
    """
    read = n_terms = 0
    for df, *_ in rest:
        if read + df > budget:
            break
        read += df
        n_terms += 1
    if not n_terms:
        return 0, np.zeros(ids.size, dtype=np.int32), np.zeros(ids.size, dtype=np.float32)
    terms = np.array([int.from_bytes(item[2][5:9], "big") for item in rest[:n_terms]])
    rows = np.take(sigs, ids, axis=0)  # far faster than sigs[ids] for whole rows
    held = held_terms(rows, terms)
    p = popcount(rows.view(np.uint64)) * np.float32(1 / SIG_BITS)
    likely = np.clip((held - n_terms * p) / np.maximum(1 - p, np.float32(0.01)), 0, held)
    return n_terms, held, likely.astype(np.float32)


def _length_window(
    ids: np.ndarray,
    lens: np.ndarray,
    query_len: int,
    limit: int,
    n_read: int,
    lacking: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``ids`` (with their ``lacking`` counts), then every other segment whose length allows a
    score of ``WINDOW_SCORE``, if they all fit in ``limit``: short queries often share no n-gram
    with their best match (``door`` and ``port`` score 50)."""
    if lacking is None:
        lacking = np.zeros(0, dtype=np.int64)
    s = WINDOW_SCORE
    low, high = query_len * s / (200 - s), query_len * (200 - s) / s
    window = np.flatnonzero((lens >= low) & (lens <= high) & (lens > 0))
    extra = np.setdiff1d(window, ids, assume_unique=True)
    if not extra.size or ids.size + extra.size > limit:
        return ids, lacking
    extra = extra[::-1]  # newest first
    return np.concatenate([ids, extra]), np.concatenate(
        [lacking, np.full(extra.size, n_read, dtype=np.int64)]
    )


# A query term found in the index: (document frequency, first position, head key, tail ids).
_Term = tuple[int, int, bytes, np.ndarray]


def _choose(found: list[_Term], budget: int) -> list[_Term]:
    """The terms to read, from ``found`` sorted by document frequency.

    Rarest first, but first only terms that do not overlap a term already chosen: an edit in the
    query makes a run of rare n-grams that the best match lacks, and one of them is enough to
    stand for that run, so the budget goes to terms spread over the whole query. Then the
    overlapping ones, while the budget lasts. The ``MIN_TERMS`` rarest are always read.
    """
    covered: set[int] = set()
    chosen: list[_Term] = []
    overlapping: list[_Term] = []
    read = 0
    for item in found:
        df, position = item[0], item[1]
        span = range(position, position + NGRAM)
        if len(chosen) >= MIN_TERMS and not covered.isdisjoint(span):
            overlapping.append(item)
            continue
        if len(chosen) >= MIN_TERMS and read + df > budget:
            break
        read += df
        chosen.append(item)
        covered.update(span)
    for item in overlapping:
        if read + item[0] > budget:
            break
        read += item[0]
        chosen.append(item)
    return chosen
