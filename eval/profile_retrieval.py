"""Where a search's time goes: per-phase thread CPU time of ``Memory.search`` on a saved store.

Wraps the functions a search calls (the head reads, the posting reads, the counting and
selection of the first pass, the signature pass, and the exact rerank from the sources held in
memory, of which the kernel's scoring) with thread-CPU timers and searches a saved store with
saved queries, so that each phase's share of a search is measured on the same queries the
benchmark uses. The timers cost a few
microseconds per call, so the phases add up to a little more than an untimed search. The
memory's sources are packed before the timed searches (``Memory.preload``, where the checkout
has it), and the report gives the phases by query length as well (``by_query_characters``: the
queries of each band, how many of the slowest 5 % they are, their total's percentiles and each
phase's mean).

    python eval/profile_retrieval.py --store /tmp/ltmt15/store --queries /tmp/ltmt15/queries.json \
        --output eval/results/retrieval-1m-profile.json

``--queries``: JSON ``{set name: {"queries": [...], "best": [...]}}``: the queries and the
exhaustive scan's best score of each; ``--store``: a store holding user ``bench`` with the
segments the scan searched. The store is searched by its index whatever its size
(``scan_max=0``): a memory small enough for the exhaustive scan would leave every phase at 0.

``--misses``: instead of timing, explain each query whose top-1 score is below the scan's best
(in the bands 50-69 and 70-89): where the best segment was lost (never touched by the first pass,
touched but not in its widened pool, in the pool but not among the candidates, or a candidate
that the rerank skipped), and what share of the query's n-grams it holds. The scan's best
segments are found again by a full rapidfuzz scan of the store, so this takes minutes at 1M.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ab_retrieval import saved_query_parser
from bench_retrieval import USER, machine_info, percentile
from support import emit_report, numpy_as_the_command_line_runs_it, use_this_checkout

Phases = dict[str, float]
# query lengths (characters, [low, high)) that by_query_characters reports apart
LENGTH_BANDS = ((0, 20), (20, 40), (40, 70), (70, 100), (100, 200), (200, 10**9))


_UNDER_WAY: set[str] = set()  # the phases being timed (a call within one counts once)


def _timed(phases: Phases, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if name in _UNDER_WAY:
            return func(*args, **kwargs)
        _UNDER_WAY.add(name)
        start = time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            phases[name] += (time.thread_time() - start) * 1000
            _UNDER_WAY.discard(name)

    return wrapper


class _TimedTxn:
    """A read transaction whose ``get`` (the head reads) is timed."""

    def __init__(self, txn: Any, phases: Phases) -> None:
        self._txn, self.get = txn, _timed(phases, "head_reads", txn.get)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._txn, name)


class _TimedNumpy:
    """numpy, with the sorts and selections the first pass calls timed as ``count_select``."""

    def __init__(self, np: Any, phases: Phases) -> None:
        self._np = np
        for name in ("sort", "argpartition", "argsort", "concatenate", "unique"):
            setattr(self, name, _timed(phases, "count_select", getattr(np, name)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._np, name)


def _summary(values: list[float]) -> dict[str, float]:
    """Mean, p50, p95 and p99 of ``values``, rounded."""
    return {
        "mean": round(statistics.fmean(values), 3),
        "p50": round(percentile(values, 50), 3),
        "p95": round(percentile(values, 95), 3),
        "p99": round(percentile(values, 99), 3),
    }


def instrument(phases: Phases, counts: dict[str, int]) -> None:
    """Wrap the search's phases in :mod:`ltmt.memory.index` and :mod:`ltmt.memory.search`."""
    import numpy as np

    import ltmt.memory.index as index
    import ltmt.memory.search as search
    import ltmt.retrieval as retrieval

    # since session 41 the first pass counts in _counted (compiled, or numpy's sort inside it)
    counting = ("_counted",) if hasattr(index, "_counted") else ("run_lengths", "sort_ids")
    for name, phase in (
        ("read_postings", "posting_reads"),
        *((name, "count_select") for name in counting),
        ("largest", "count_select"),
        ("_estimates", "count_select"),
        ("_count_more", "signature_pass"),
    ):
        if hasattr(index, name):
            setattr(index, name, _timed(phases, phase, getattr(index, name)))
    index.np = _TimedNumpy(np, phases)
    candidates, exact_best = index.candidates, search.exact_best
    exact_scores = retrieval.exact_scores

    def timed_candidates(txn: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        ids, lacking = candidates(_TimedTxn(txn, phases), *args, **kwargs)
        phases["candidates_total"] += (time.thread_time() - start) * 1000
        counts["candidates"] += len(ids)
        return ids, lacking

    def timed_scores(query: str, ids: Any, codes: Any) -> Any:
        counts["scored"] += len(ids)
        return _timed(phases, "scoring", exact_scores)(query, ids, codes)

    index.candidates = timed_candidates
    retrieval.exact_scores = timed_scores
    search.exact_best = _timed(phases, "rerank_total", exact_best)


def explain_misses(args: argparse.Namespace, data: dict[str, Any]) -> dict[str, Any]:
    """Where each missed query (scan best in 50-89) lost its best segment; see the docstring."""
    import numpy as np
    from rapidfuzz import process

    import ltmt.memory.index as index
    from ltmt import Memory
    from ltmt.memory.postings import query_terms
    from ltmt.text import SCORER, normalize

    seen: dict[str, np.ndarray] = {}
    estimates, count_more, candidates = index._estimates, index._count_more, index.candidates

    def first_estimates(touched: Any, *rest: Any) -> Any:
        seen.setdefault("touched", touched.copy())
        return estimates(touched, *rest)

    def widened(sigs: Any, rest: Any, ids: Any, budget: int) -> Any:
        seen["pool"] = ids.copy()
        return count_more(sigs, rest, ids, budget)

    def final(*args_: Any, **kwargs: Any) -> Any:
        found = candidates(*args_, **kwargs)
        seen["candidates"] = found[0].copy()
        return found

    index._estimates, index._count_more = first_estimates, widened
    index.candidates = final
    out: dict[str, Any] = {"by_band": {}, "examples": []}
    try:
        with Memory(args.store, scan_max=0) as memory:
            segments = list(memory.segments(USER))
            ids = np.array([segment.id for segment in segments])
            sources = [normalize(segment.source) for segment in segments]
            del segments
            for name in args.sets:
                for text, best in zip(data[name]["queries"], data[name]["best"], strict=True):
                    band = "70-89" if best >= 70 else "50-69" if best >= 50 else None
                    if band is None or best >= 90:
                        continue
                    seen.clear()
                    found = memory.search(USER, text, k=args.k)
                    top = found[0].score if found else 0.0
                    if top >= best - 1e-6:
                        continue
                    query = normalize(text)
                    scores = process.cdist([query], sources, scorer=SCORER, workers=2)[0]
                    at = np.flatnonzero(scores >= best - 1e-6)
                    winners = ids[at]
                    stage = "skipped by the rerank"
                    for step, label in (
                        ("touched", "never touched by the first pass"),
                        ("pool", "touched, not in the widened pool"),
                        ("candidates", "in the pool, not a candidate"),
                    ):
                        if step in seen and not np.isin(winners, seen[step]).any():
                            stage = label
                            break
                    terms = query_terms(query)
                    held = np.isin(terms, query_terms(sources[at[0]])).mean()
                    counts = out["by_band"].setdefault(f"{name} {band}", {})
                    counts[stage] = counts.get(stage, 0) + 1
                    out["examples"].append(
                        {
                            "set": name,
                            "query": query,
                            "best": round(float(best), 2),
                            "found": round(top, 2),
                            "best_source": sources[at[0]],
                            "lost": stage,
                            "query_ngrams_held_by_best": round(float(held), 3),
                        }
                    )
    finally:
        index._estimates, index._count_more = estimates, count_more
        index.candidates = candidates
    held_shares = [example["query_ngrams_held_by_best"] for example in out["examples"]]
    out["median_query_ngrams_held_by_best"] = (
        round(statistics.median(held_shares), 3) if held_shares else None
    )
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    use_this_checkout()
    from ltmt import Memory

    data = json.loads(args.queries.read_text("utf-8"))
    if args.misses:
        return {
            "benchmark": "retrieval-misses",
            "store": str(args.store),
            "sets": args.sets,
            "misses": explain_misses(args, data),
            "machine": machine_info(),
            "note": args.note,
        }
    queries = [q for name in args.sets for q in data[name]["queries"]]
    phases: Phases = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    with Memory(args.store, scan_max=0) as memory:
        if hasattr(memory, "preload"):  # since session 39: the sources packed now, as searches
            memory.preload(USER)  # that read as many one by one would pack them
        memory.search(USER, "warm up the length cache", k=args.k)
        for text in queries[:200]:  # warm the page cache
            memory.search(USER, text, k=args.k)
        instrument(phases, counts)
        rows: list[dict[str, float]] = []
        for text in queries:
            phases.clear()
            counts.clear()
            start = time.thread_time()
            memory.search(USER, text, k=args.k)
            total = (time.thread_time() - start) * 1000
            row = {"total": total, **phases, **{f"n_{k}": v for k, v in counts.items()}}
            rows.append({**row, "n_characters": len(text)})
    names = sorted({key for row in rows for key in row})
    summary = {name: _summary([row.get(name, 0.0) for row in rows]) for name in names}
    slow = sorted(rows, key=lambda row: -row["total"])[: max(1, len(rows) // 20)]
    slow_mean = {
        name: round(statistics.fmean(row.get(name, 0.0) for row in slow), 3) for name in names
    }
    by_length: dict[str, Any] = {}
    for low, high in LENGTH_BANDS:
        band = [row for row in rows if low <= row["n_characters"] < high]
        if band:
            by_length[f"{low}-{high - 1}" if high < 10**9 else f"{low}+"] = {
                "queries": len(band),
                "slowest_5_percent": sum(row in slow for row in band),
                "total": _summary([row["total"] for row in band]),
                "mean": {
                    name: round(statistics.fmean(row.get(name, 0.0) for row in band), 3)
                    for name in names
                    if name != "total"
                },
            }
    return {
        "benchmark": "retrieval-profile",
        "store": str(args.store),
        "sets": args.sets,
        "queries": len(queries),
        "unit": "thread CPU ms per search (counts n_*: items per search)",
        "phases": {
            "head_reads": "txn.get of each query term's head (document frequency and tail)",
            "posting_reads": "cursor reads of the chunks of the terms the first pass reads",
            "count_select": "sorting the ids read, run lengths, estimates, selections",
            "signature_pass": "the second pass (signature rows of the widened pool)",
            "candidates_total": "all of ltmt.memory.index.candidates",
            "scoring": "the kernel's exact scores of the candidates (n_scored: how many)",
            "rerank_total": "all of exact_best (scoring, the score bound's skips, the top k)",
        },
        "per_search": summary,
        "slowest_5_percent_mean": slow_mean,
        "by_query_characters": by_length,
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    numpy_as_the_command_line_runs_it()  # before numpy is imported
    parser = saved_query_parser(__doc__)
    parser.add_argument(
        "--misses", action="store_true", help="explain the missed queries (untimed)"
    )
    args = parser.parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
