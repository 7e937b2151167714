"""Retrieval benchmark: the memory's candidate index against an exhaustive rapidfuzz scan.

Builds one user's memory of ``--segments`` pairs from the en-de data (general + l10n, the five
dev users' memories included; perturbed copies — dropped, swapped, substituted words and changed
numbers — fill it up to the size), imports it into a fresh store, then searches it with three
query sets and compares each top-1 score with an exhaustive scan of the same normalised sources:

- ``real``: the dev users' test sources (``l10n/dev/*.test.jsonl``, never in the memory): new
  strings of the products whose history the memory holds, the queries a user really sends;
- ``perturbed``: fresh perturbations of pool pairs (5-30 % of the words edited);
- ``heldout``: general/dev sentences, whose relatives are not stored.

It also measures recall on each dev user's own memory (a store holding only that user's
``memory.jsonl``, queried with the same user's test sources: what ``ltmt bench`` does).

    python eval/bench_retrieval.py --segments 1000000 --output eval/results/retrieval-1m.json
    python eval/bench_retrieval.py --segments 20000 --queries 100      # a quick run

A query is a hit when the index's top-1 score equals the scan's best (ties count: any segment
with the best score will do); each band also counts ``found_within_0_5``, the queries whose top-1
score is within 0.5 of the best (issue 15's definition of a hit). Recall is reported by the
scan's best score: 100, 90-99, 70-89, 50-69, below 50.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import (
    DATA_DIR,
    REPO,
    emit_report,
    numpy_as_the_command_line_runs_it,
    read_jsonl,
    use_this_checkout,
    write_json,
)

use_this_checkout()  # run as a script from a checkout: import this repo's ltmt
USER = "bench"
_NUMBER = re.compile(r"\d+")


def load_pool(data_dir: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(source, target) pairs of general/train and the l10n memories; general/dev sources."""
    if not data_dir.is_dir():
        script = Path(sys.argv[0]).stem or "bench_retrieval"
        sys.exit(f"{script}: data directory not found: {data_dir} (pass --data-dir)")
    pairs: list[tuple[str, str]] = []
    general = data_dir / "general"
    with (
        open(general / "train.en", encoding="utf-8") as en,
        open(general / "train.de", encoding="utf-8") as de,
    ):
        pairs.extend((s.rstrip("\n"), t.rstrip("\n")) for s, t in zip(en, de))
    l10n_files = sorted((data_dir / "l10n" / "train").glob("*.jsonl"))
    l10n_files += sorted((data_dir / "l10n" / "dev").glob("*.memory.jsonl"))
    for path in l10n_files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    pairs.append((row["source"], row["target"]))
    heldout = (general / "dev.en").read_text("utf-8").splitlines()
    return [(s, t) for s, t in pairs if s.strip() and t.strip()], [s for s in heldout if s.strip()]


def _typo(word: str, rng: random.Random) -> str:
    """``word`` with one character inserted, deleted or replaced."""
    i = rng.randrange(len(word) + 1)
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    op = rng.randrange(3) if len(word) > 1 else 0
    if op == 0:
        return word[:i] + letter + word[i:]
    i = min(i, len(word) - 1)
    return word[:i] + (letter if op == 1 else "") + word[i + 1 :]


def perturb(text: str, rng: random.Random, vocab: list[str], n_ops: int) -> str:
    """``text`` with ``n_ops`` random edits.

    Word edits (drop, swap, substitute from ``vocab``) need three words or more; any text can
    get a changed or inserted number, or a typo (one character inserted, deleted or replaced).
    """
    words = text.split(" ")
    for _ in range(n_ops):
        op = rng.random() if len(words) >= 3 else 0.7 + 0.3 * rng.random()
        i = rng.randrange(len(words))
        if op < 0.25:
            del words[i]
        elif op < 0.4:
            i = min(i, len(words) - 2)
            words[i], words[i + 1] = words[i + 1], words[i]
        elif op < 0.7:
            words[i] = rng.choice(vocab)
        elif op < 0.85:
            if _NUMBER.search(words[i]):
                words[i] = _NUMBER.sub(lambda _: str(rng.randint(0, 9999)), words[i])
            else:
                words.insert(i, str(rng.randint(0, 9999)))
        else:
            words[i] = _typo(words[i], rng)
    return " ".join(words)


def query_ops(text: str, rng: random.Random) -> int:
    """Edits for a query: about 5-30 % of its words, at least one."""
    return max(1, round(len(text.split(" ")) * rng.uniform(0.05, 0.3)))


def build(
    pool: list[tuple[str, str]], heldout: list[str], args: argparse.Namespace
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(memory pairs, perturbed queries, held-out queries).

    The memory is the pool (a sample of it for small sizes) plus perturbed copies (1-3 edits)
    up to ``args.segments``. Perturbed queries are fresh perturbations of pool pairs (a new
    version of a string the memory has seen, 5-30 % of its words edited); held-out queries are
    general/dev sentences, whose relatives are not in the memory.
    """
    rng = random.Random(args.seed)
    sample = rng.sample(pool, min(len(pool), 20_000))
    vocab = sorted({w for s, _ in sample for w in s.split() if w.isalpha()})
    if args.segments <= len(pool):
        bases = rng.sample(pool, args.segments)
        memory = list(bases)
    else:
        bases = pool
        memory = list(pool)
        seen = set(memory)
        while len(memory) < args.segments:
            source, target = rng.choice(pool)
            variant = (perturb(source, rng, vocab, rng.randint(1, 3)), target)
            if variant not in seen:
                seen.add(variant)
                memory.append(variant)
        rng.shuffle(memory)
    chosen = rng.sample(bases, min(args.queries, len(bases)))
    queries = [perturb(s, rng, vocab, query_ops(s, rng)) for s, _ in chosen]
    held = rng.sample(heldout, min(args.heldout_queries, len(heldout)))
    return memory, queries, held


# issue 15 counts a query found when the top-1 score is within this of the scan's best
NEAR_BEST = 0.5
BANDS = {
    "100": (100, 101),
    "90-99": (90, 100),
    "70-89": (70, 90),
    "50-69": (50, 70),
    "0-49": (0, 50),
}


def memory_pairs(data_dir: Path, segments: int, seed: int) -> list[tuple[str, str]]:
    """The memory :func:`build` makes of ``segments`` pairs with ``seed`` (no queries): what
    the import benchmarks store."""
    pool, heldout_pool = load_pool(data_dir)
    args = argparse.Namespace(segments=segments, queries=0, heldout_queries=0, seed=seed)
    return build(pool, heldout_pool, args)[0]


def load_dev_users(data_dir: Path) -> dict[str, tuple[list[tuple[str, str]], list[str]]]:
    """Per dev user: (memory pairs, test sources)."""
    users = {}
    for test in sorted((data_dir / "l10n" / "dev").glob("*.test.jsonl")):
        name = test.name.removesuffix(".test.jsonl")
        memory = test.with_name(f"{name}.memory.jsonl")
        pairs = [(row["source"], row["target"]) for row in read_jsonl(memory)]
        users[name] = (pairs, [row["source"] for row in read_jsonl(test)])
    return users


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def machine_info() -> dict[str, Any]:
    import lmdb
    import numpy
    import rapidfuzz

    from ltmt.memory.sorting import numpy_sorts_with_avx512

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "loadavg_1m": os.getloadavg()[0],
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        # whether numpy runs its AVX-512 sorts (off on AMD Zen 4 unless LTMT_NUMPY_AVX512=1)
        "numpy_avx512": numpy_sorts_with_avx512(),
        "npy_disable_cpu_features": os.environ.get("NPY_DISABLE_CPU_FEATURES"),
        "rapidfuzz": rapidfuzz.__version__,
        "lmdb": ".".join(map(str, lmdb.version())),
        "py_lmdb": lmdb.__version__,
        "commit": commit,
    }


def progress_bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="seg", file=sys.stderr, mininterval=2, disable=None)


# Per query: (search ms, top-1 score (0 when nothing is found), CPU ms of the searching thread).
Timed = tuple[float, float, float]


def time_searches(memory: Any, user: str, queries: list[str], k: int) -> list[Timed]:
    """Per query: (search ms, top-1 score, CPU ms); see :data:`Timed`."""
    return time_interleaved([memory], user, queries, k)[0]


def time_interleaved(
    memories: list[Any], user: str, queries: list[str], k: int
) -> list[list[Timed]]:
    """:func:`time_searches` of each memory, the memories taking turns on every query (so that a
    change in the machine's load affects them alike). The thread's CPU time is kept too: on a
    shared machine it says what a search costs when the wall clock also counts waiting for a
    core."""
    rows: list[list[Timed]] = [[] for _ in memories]
    for text in queries:
        for memory, found in zip(memories, rows, strict=True):
            start, cpu_start = time.perf_counter(), time.thread_time()
            matches = memory.search(user, text, k=k)
            cpu_ms = (time.thread_time() - cpu_start) * 1000
            ms = (time.perf_counter() - start) * 1000
            found.append((ms, matches[0].score if matches else 0.0, cpu_ms))
    return rows


def time_writes(memory: Any, user: str, queries: list[str], k: int, writes: int) -> dict[str, Any]:
    """What writes cost the searches: ``writes`` adds of pairs made from the first ``queries``,
    each followed by a search of another query, then deletes of those segments, each followed
    by a search (the memory holds what it held before, under higher ids). Wall ms per call:
    median, p95 and max of each step."""
    made, searched = queries[:writes], queries[writes : 2 * writes]
    steps: dict[str, list[float]] = {
        "add": [],
        "search_after_an_add": [],
        "delete": [],
        "search_after_a_delete": [],
    }

    def timed(step: str, call: Any) -> Any:
        start = time.perf_counter()
        result = call()
        steps[step].append((time.perf_counter() - start) * 1000)
        return result

    ids = []
    for number, (text, query) in enumerate(zip(made, searched, strict=True)):
        pair = (f"{text} ({number})", f"{text} [{number}]")
        ids.append(timed("add", lambda pair=pair: memory.add(user, *pair)).id)
        timed("search_after_an_add", lambda query=query: memory.search(user, query, k=k))
    for seg_id, query in zip(ids, searched, strict=True):
        timed("delete", lambda seg_id=seg_id: memory.delete(user, seg_id))
        timed("search_after_a_delete", lambda query=query: memory.search(user, query, k=k))
    return {
        "writes": len(ids),
        **{
            step: {
                "median_ms": round(percentile(values, 50), 3),
                "p95_ms": round(percentile(values, 95), 3),
                "max_ms": round(max(values), 3),
            }
            for step, values in steps.items()
            if values
        },
    }


def scan_best(queries: list[str], sources: list[str], workers: int) -> tuple[list[float], float]:
    """The exhaustive scan's best score per query, and the scan's ms per query."""
    import numpy as np
    from rapidfuzz import process

    from ltmt.text import SCORER, normalize

    best: list[float] = []
    start = time.perf_counter()
    for at in range(0, len(queries), 16):
        chunk = [normalize(q) for q in queries[at : at + 16]]
        scores = process.cdist(
            chunk, sources, scorer=SCORER, processor=None, dtype=np.float64, workers=workers
        )
        best.extend(scores.max(axis=1).tolist() if len(sources) else [0.0] * len(chunk))
    return best, (time.perf_counter() - start) * 1000 / max(1, len(queries))


def latency(rows: list[Timed]) -> dict[str, Any]:
    """Wall-clock and CPU percentiles of the searches ``rows``."""
    ms, cpu_ms = [row[0] for row in rows], [row[2] for row in rows]
    return {
        "queries": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "cpu_p50_ms": round(percentile(cpu_ms, 50), 3),
        "cpu_p95_ms": round(percentile(cpu_ms, 95), 3),
        "cpu_p99_ms": round(percentile(cpu_ms, 99), 3),
    }


def summarise(rows: list[Timed], best: list[float]) -> dict[str, Any]:
    """Latency percentiles and recall@1 of one query set, with recall by the scan's best score."""
    index_ms = [row[0] for row in rows]
    hits = [row[1] >= want - 1e-6 for row, want in zip(rows, best, strict=True)]
    # the looser hit: a top-1 score within NEAR_BEST points of the scan's best
    near = [row[1] >= want - NEAR_BEST for row, want in zip(rows, best, strict=True)]
    by_band = {}
    for name, (low, high) in BANDS.items():
        chosen = [h for h, want in zip(hits, best, strict=True) if low <= want < high]
        close = [h for h, want in zip(near, best, strict=True) if low <= want < high]
        by_band[name] = {
            "queries": len(chosen),
            "found": sum(chosen),
            "recall_at_1": round(sum(chosen) / len(chosen), 4) if chosen else None,
            "found_within_0_5": sum(close),
        }
    gaps = [want - row[1] for row, want in zip(rows, best, strict=True)]
    missed = [g for g in gaps if g > 1e-6]
    at_50 = [h for h, want in zip(hits, best, strict=True) if want >= 50]
    return {
        "queries": len(rows),
        "p50_ms": round(percentile(index_ms, 50), 3),
        "p95_ms": round(percentile(index_ms, 95), 3),
        "p99_ms": round(percentile(index_ms, 99), 3),
        "mean_ms": round(statistics.fmean(index_ms), 3),
        "cpu_p95_ms": round(percentile([row[2] for row in rows], 95), 3),
        "recall_at_1": round(sum(hits) / len(hits), 4),
        "recall_at_1_best_ge_50": round(sum(at_50) / len(at_50), 4) if at_50 else None,
        "missed_gap_median": round(statistics.median(missed), 2) if missed else 0.0,
        "missed_gap_max": round(max(missed), 2) if missed else 0.0,
        "recall_by_scan_band": by_band,
    }


def own_memories(
    users: dict[str, tuple[list[tuple[str, str]], list[str]]], work: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Recall on each dev user's own memory (a store holding only that memory), and that of
    the baseline settings (``--baseline-*``) on the same store, searched in turn."""
    from ltmt import Memory
    from ltmt.text import normalize

    out = {}
    for name, (pairs, tests) in users.items():
        store = work / f"own-{name}"
        with Memory(store) as memory:
            memory.import_pairs(name, pairs)
            sources = [normalize(segment.source) for segment in memory.segments(name)]
        searchers = [Memory(store, **settings) for settings in search_settings(args)]
        for searcher in searchers:  # warm: lengths, signatures and source tables read
            searcher.search_batch(name, tests, k=args.k)
        timed = time_interleaved(searchers, name, tests, args.k)
        for searcher in searchers:
            searcher.close()
        best, _ = scan_best(tests, sources, args.workers)
        out[name] = {"segments": len(sources), **summarise(timed[0], best)}
        if len(timed) > 1:
            out[name]["baseline"] = summarise(timed[1], best)
    return out


def search_settings(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The Memory options searched: the main run's, then the baseline's when one is asked for."""
    main = {"candidates": args.candidates, "recount": args.recount, "scan_max": args.scan_max}
    if args.baseline_recount is None and args.baseline_scan_max is None:
        return [main]
    baseline = dict(main)
    if args.baseline_recount is not None:
        baseline["recount"] = args.baseline_recount
    if args.baseline_scan_max is not None:
        baseline["scan_max"] = args.baseline_scan_max
    return [main, baseline]


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ltmt import Memory
    from ltmt.memory.index import POSTINGS_BUDGET, WIDEN
    from ltmt.memory.layout import INDEX_KIND
    from ltmt.text import normalize

    t0 = time.perf_counter()
    pool, heldout_pool = load_pool(args.data_dir)
    memory_pairs, perturbed, heldout = build(pool, heldout_pool, args)
    del pool
    users = load_dev_users(args.data_dir)
    real = [source for _, tests in users.values() for source in tests]
    if args.real_queries and args.real_queries < len(real):
        real = random.Random(args.seed).sample(real, args.real_queries)
    sets = {"real": real, "perturbed": perturbed, "heldout": heldout}
    print(
        f"built {len(memory_pairs)} pairs, queries {[len(q) for q in sets.values()]} "
        f"in {time.perf_counter() - t0:.0f}s",
        file=sys.stderr,
    )

    work = Path(tempfile.mkdtemp(prefix="ltmt-bench-", dir=args.work_dir))
    try:
        store_dir = args.keep / "store" if args.keep else work / "store"
        store_dir.parent.mkdir(parents=True, exist_ok=True)  # a store's parent must exist
        memory = Memory(store_dir)
        with progress_bar(len(memory_pairs)) as bar:
            start = time.perf_counter()
            report = memory.import_pairs(USER, memory_pairs, origin="bench", progress=bar.update)
            import_s = time.perf_counter() - start
        memory.close()
        del memory_pairs
        size_bytes = (store_dir / "data.mdb").stat().st_size  # as imported, before any write
        print(f"import: {report.summary()} in {import_s:.1f}s", file=sys.stderr)

        settings = search_settings(args)
        start = time.perf_counter()
        memory = Memory(store_dir, **settings[0])
        open_s = time.perf_counter() - start
        start = time.perf_counter()
        memory.search(USER, "warm up the length cache", k=args.k)
        first_search_ms = (time.perf_counter() - start) * 1000
        # the baseline: the same store, searched with other settings
        memories = [memory] + [Memory(store_dir, **other) for other in settings[1:]]
        # warm: one untimed pass over the queries, then the timed one
        for queries in sets.values():
            for searcher in memories:
                searcher.search_batch(USER, queries, k=args.k)
        timed = {
            name: time_interleaved(memories, USER, queries, args.k)
            for name, queries in sets.items()
        }
        rows = {name: found[0] for name, found in timed.items()}
        searches_load = os.getloadavg()[0]
        writes = time_writes(memory, USER, sets["real"], args.k, min(args.writes, len(real) // 2))
        print("index searches done; scanning", file=sys.stderr)
        sources = [normalize(segment.source) for segment in memory.segments(USER)]
        for searcher in memories:
            searcher.close()
        results: dict[str, Any] = {}
        baseline: dict[str, Any] = {}
        saved: dict[str, Any] = {}
        for name, queries in sets.items():
            best, scan_ms = scan_best(queries, sources, args.workers)
            results[name] = {**summarise(rows[name], best), "scan_ms_per_query": round(scan_ms, 1)}
            saved[name] = {"queries": queries, "best": best}
            if len(memories) > 1:
                baseline[name] = summarise(timed[name][1], best)
        del sources
        if args.keep:
            write_json(args.keep / "queries.json", saved)
        own = own_memories(users, work, args) if args.own_memories else None
    finally:
        shutil.rmtree(work, ignore_errors=True)

    all_rows = [row for name in sets for row in rows[name]]
    if baseline:
        base_rows = [row for name in sets for row in timed[name][1]]
        baseline = {
            "settings": search_settings(args)[1],
            "note": "the same store and queries, searched in turn with the main run",
            "latency_all_queries": latency(base_rows),
            **baseline,
        }
    return {
        "benchmark": "retrieval",
        "segments": report.added,
        "pairs_read": report.read,
        "import_s": round(import_s, 2),
        "import_per_s": round(report.read / import_s, 1),
        "store_mb": round(size_bytes / 2**20, 1),
        "store_bytes_per_segment": round(size_bytes / max(1, report.added), 1),
        "open_s": round(open_s, 4),
        "first_search_ms": round(first_search_ms, 2),
        "k": args.k,
        "candidates": args.candidates,
        "postings_budget": POSTINGS_BUDGET,
        "index": INDEX_KIND,
        "recount": args.recount,
        "scan_max": args.scan_max,
        "widen": WIDEN,
        "latency_all_queries": latency(all_rows),
        "loadavg_1m_after_searches": searches_load,
        "writes_then_searches": writes,
        **results,
        "baseline": baseline or None,
        "own_memories": own,
        "queries_from": {
            "real": "dev users' test sources (l10n/dev/*.test.jsonl), not in the memory",
            "perturbed": "pool sentences with 5-30 % of their words edited",
            "heldout": "general/dev sentences",
        },
        "hit": "index top-1 score equals the exhaustive scan's best",
        "scorer": "rapidfuzz fuzz.ratio on normalised sources (NFC, spaces folded, case-folded)",
        "scan": f"rapidfuzz process.cdist, {args.workers} workers",
        "seed": args.seed,
        "machine": machine_info(),
        "note": args.note,
    }


def same_memory(args: argparse.Namespace, work: Path) -> tuple[Any, list[str]]:
    """This benchmark's memory (the same seed and sampling) imported into a store in ``work``
    and opened to be searched by its index whatever its size, and the real queries sampled as
    ``--real-queries`` samples them: what the untimed scripts of :func:`same_memory_args`
    score."""
    from ltmt import Memory

    pool, heldout = load_pool(args.data_dir)
    pairs, _, _ = build(pool, heldout, args)
    del pool
    real = [source for _, tests in load_dev_users(args.data_dir).values() for source in tests]
    real = random.Random(args.seed).sample(real, min(args.real_queries, len(real)))
    memory = Memory(work / "store", scan_max=0)
    memory.import_pairs(USER, pairs, origin="bench")
    return memory, real


def same_memory_args(doc: str | None, argv: list[str] | None = None) -> argparse.Namespace:
    """The options of the untimed scripts that rebuild this benchmark's 1M memory (the same
    seed and sampling) and score the real queries against all of it: ``retrieval_ceiling.py``,
    ``retrieval_noise_floor.py``."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--real-queries", type=int, default=1000)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work-dir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    # what build() reads besides the size and seed: the same memory as this benchmark's
    args.queries, args.heldout_queries = 500, 100
    return args


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from ltmt.memory.index import RECOUNT_BUDGET
    from ltmt.memory.sources import SCAN_MAX
    from ltmt.memory.store import DEFAULT_CANDIDATES

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--segments", type=int, default=1_000_000, help="memory size (default 1M)")
    parser.add_argument("--queries", type=int, default=500, help="perturbed queries")
    parser.add_argument(
        "--real-queries", type=int, default=0, help="dev users' test sources to use (0: all)"
    )
    parser.add_argument(
        "--heldout-queries", type=int, default=100, help="general/dev queries, reported apart"
    )
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument(
        "--candidates",
        type=int,
        default=DEFAULT_CANDIDATES,
        help="index candidates scored per query (Memory option; default: ltmt's)",
    )
    parser.add_argument(
        "--recount",
        type=int,
        default=RECOUNT_BUDGET,
        help="postings of the common n-grams the second pass counts by signature (default: all)",
    )
    parser.add_argument(
        "--baseline-recount",
        type=int,
        default=None,
        help="also search with this recount, in turn with the main run (0: first pass alone)",
    )
    parser.add_argument(
        "--scan-max",
        type=int,
        default=SCAN_MAX,
        help="memories of at most this many segments are scanned exhaustively (Memory option)",
    )
    parser.add_argument(
        "--baseline-scan-max",
        type=int,
        default=None,
        help="also search with this scan_max, in turn with the main run (0: always the index)",
    )
    parser.add_argument(
        "--no-own-memories",
        dest="own_memories",
        action="store_false",
        help="skip the recall on each dev user's own memory",
    )
    parser.add_argument("--workers", type=int, default=2, help="threads of the exhaustive scan")
    parser.add_argument(
        "--writes",
        type=int,
        default=50,
        help="adds, then deletes, each with a search after it (writes_then_searches)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--work-dir", type=Path, default=None, help="where the temporary store goes"
    )
    parser.add_argument("--output", type=Path, default=None, help="write the JSON result here")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the 1M store in KEEP/store and the queries with the scan's best scores in "
        "KEEP/queries.json (what ab_retrieval, sweep_retrieval and profile_retrieval read); "
        "KEEP must not exist yet",
    )
    parser.add_argument(
        "--note", default="", help="free text stored in the result (e.g. machine state)"
    )
    args = parser.parse_args(argv)
    if args.segments < 1 or args.queries < 1 or args.heldout_queries < 0 or args.real_queries < 0:
        parser.error("--segments and --queries must be >= 1, the other counts >= 0")
    if args.keep is not None and args.keep.exists():
        parser.error(f"--keep: {args.keep} exists already; name a new directory")
    return args


def main(argv: list[str] | None = None) -> None:
    numpy_as_the_command_line_runs_it()  # before numpy is imported
    args = parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
