"""Tune kNN fusion on the dev users: base vs TM-only vs knn settings, BLEU and speed, as JSON.

    python eval/tune_knn.py --model runs/base-en-de/best --per-user 40 \
        --grid '[{}, {"tau": 0.6}, {"temperature": 0.2}]' --out runs/tune-knn.json

Retrieval is a rapidfuzz full scan over each user's memory (normalised sources, ``fuzz.ratio``,
the score ltmt's memory reports), done once and shared by every system. Decoding goes through
:class:`ltmt.Translator` (exact matches reused, as in production). ``--general N`` also scores N
newstest2014 sentences with the unrelated memory of user ``git`` (the "do no harm" check).
The data stay where they are: nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import process
from support import DATA_DIR, read_jsonl, use_this_checkout, write_json

use_this_checkout()  # run as a script from a checkout: import this repo's ltmt

from ltmt.fusion.datastore import SegmentCache  # noqa: E402
from ltmt.fusion.knn import KnnConfig, KnnFusion  # noqa: E402
from ltmt.model.backbone import load_backbone  # noqa: E402
from ltmt.segments import Match, Segment  # noqa: E402
from ltmt.text import SCORER, normalize  # noqa: E402
from ltmt.translator import Translator  # noqa: E402

DEV_USERS = ("git", "vim", "gnupg2", "coreutils", "dpkg")


class FixedMatches:
    """A stand-in memory whose ``search_batch`` returns precomputed matches per query text."""

    def __init__(self, table: dict[str, list[Match]]) -> None:
        self.table = table

    def search_batch(self, user: str, texts: Sequence[str], k: int = 4) -> list[list[Match]]:
        return [self.table.get(text, [])[:k] for text in texts]


def retrieve(
    queries: Sequence[str], memory: Sequence[tuple[str, str]], user: str, k: int
) -> dict[str, list[Match]]:
    """The ``k`` best fuzzy matches of each query in ``memory`` (a full scan)."""
    keys = [normalize(s) for s, _ in memory]
    table = {}
    for query in queries:
        found = process.extract(normalize(query), keys, scorer=SCORER, limit=k)
        table[query] = [
            Match(Segment(i, user, memory[i][0], memory[i][1], 0.0, "dev"), float(score))
            for _, score, i in found
        ]
    return table


def load_set(
    data_dir: Path, per_user: int, k: int, seed: int, general: int
) -> list[tuple[str, list[str], list[str], dict[str, list[Match]]]]:
    """``(name, sources, references, matches)`` per dev user (+ ``general`` with git's memory)."""
    sets = []
    git_memory: list[tuple[str, str]] = []
    for user in DEV_USERS:
        memory = [
            (r["source"], r["target"])
            for r in read_jsonl(data_dir / f"l10n/dev/{user}.memory.jsonl")
        ]
        tests = read_jsonl(data_dir / f"l10n/dev/{user}.test.jsonl")
        tests = random.Random(seed).sample(tests, min(per_user, len(tests)))
        sources, refs = [t["source"] for t in tests], [t["target"] for t in tests]
        sets.append((user, sources, refs, retrieve(sources, memory, user, k)))
        if user == "git":
            git_memory = memory
    if general:
        base = data_dir / "general/test/newstest2014"
        en = base.with_suffix(".en").read_text("utf-8").splitlines()
        de = base.with_suffix(".de").read_text("utf-8").splitlines()
        picked = random.Random(seed).sample(range(len(en)), general)
        sources, refs = [en[i] for i in picked], [de[i] for i in picked]
        sets.append(("general", sources, refs, retrieve(sources, git_memory, "git", k)))
    return sets


def run_system(
    backbone: Any, fusion: Any, sets: Sequence[Any], beam: int, batch_size: int, top_k: int
) -> dict[str, Any]:
    import sacrebleu

    from ltmt.evaluate import placeholder_accuracy

    report: dict[str, Any] = {}
    all_hyps: list[str] = []
    all_refs: list[str] = []
    all_srcs: list[str] = []
    total_time = 0.0
    for name, sources, refs, table in sets:
        translator = Translator(
            backbone,
            FixedMatches(table),  # type: ignore[arg-type]
            fusion=fusion,
            beam=beam,
            batch_size=batch_size,
            top_k=top_k,
        )
        start = time.perf_counter()
        hyps = [t.text for t in translator.translate(sources, user=name)]
        seconds = time.perf_counter() - start
        report[name] = {
            "bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2),
            "seconds": round(seconds, 2),
        }
        if name != "general":
            all_hyps += hyps
            all_refs += refs
            all_srcs += sources
            total_time += seconds
    report["dev"] = {
        "bleu": round(sacrebleu.corpus_bleu(all_hyps, [all_refs]).score, 2),
        "placeholder_acc": placeholder_accuracy(all_hyps, all_srcs)[0],
        "seconds": round(total_time, 2),
    }
    return report


def tm_only(sets: Sequence[Any]) -> dict[str, Any]:
    import sacrebleu

    report: dict[str, Any] = {}
    all_hyps: list[str] = []
    all_refs: list[str] = []
    for name, sources, refs, table in sets:
        hyps = [table[s][0].segment.target if table.get(s) else "" for s in sources]
        report[name] = {"bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)}
        if name != "general":
            all_hyps += hyps
            all_refs += refs
    report["dev"] = {"bleu": round(sacrebleu.corpus_bleu(all_hyps, [all_refs]).score, 2)}
    return report


def distance_profile(backbone: Any, sets: Sequence[Any], beam: int, top_k: int) -> dict[str, Any]:
    """Percentiles of the nearest-neighbour RMS distance per decoding step, per set (λ = 0)."""
    import numpy as np
    import torch

    from ltmt.fusion import knn

    seen: list[torch.Tensor] = []
    original = knn.KnnState.neighbours

    def spy(self: Any, hidden: Any, rows: Any, *args: Any, **options: Any) -> Any:
        out = original(self, hidden, rows, *args, **options)
        seen.append(out.distance[:, 0].clone())
        return out

    knn.KnnState.neighbours = spy  # type: ignore[method-assign]
    # the compiled step (ltmt.fusion.knn_kernel) does not call neighbours: torch's operations
    compiled = knn.KnnState.compiled_mix
    knn.KnnState.compiled_mix = False
    profile = {}
    try:
        # lambda_max=0 leaves decoding as the base model's: distances along the base's own path
        fusion = KnnFusion(KnnConfig(lambda_max=0.0, min_score=0.0))
        for name, sources, _, table in sets:
            seen.clear()
            memory: Any = FixedMatches(table)
            translator = Translator(backbone, memory, fusion=fusion, beam=beam, top_k=top_k)
            translator.translate(sources, user=name)
            values = torch.cat(seen).numpy() if seen else np.zeros(1)
            profile[name] = [round(float(v), 3) for v in np.percentile(values, [5, 25, 50, 75, 95])]
    finally:
        knn.KnnState.neighbours = original  # type: ignore[method-assign]
        knn.KnnState.compiled_mix = compiled
    return profile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--per-user", type=int, default=40)
    parser.add_argument("--general", type=int, default=0)
    parser.add_argument("--top-k", type=int, default=4)
    parser.add_argument("--beam", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--grid", default="[{}]", help="JSON list of KnnConfig overrides")
    parser.add_argument("--no-base", action="store_true", help="skip the base and TM-only systems")
    parser.add_argument("--distances", action="store_true", help="print d_min percentiles first")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--attention", type=Path, help="also score this attention adapter")
    parser.add_argument(
        "--fresh-cache", action="store_true", help="no cache shared between settings (timings)"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    backbone = load_backbone(args.model)
    sets = load_set(args.data_dir, args.per_user, args.top_k, args.seed, args.general)
    results: dict[str, Any] = {
        "model": args.model,
        "per_user": args.per_user,
        "top_k": args.top_k,
        "beam": args.beam,
    }
    run = dict(beam=args.beam, batch_size=args.batch_size, top_k=args.top_k)
    if args.distances:
        results["distances"] = distance_profile(backbone, sets, args.beam, args.top_k)
        print("d_min percentiles 5/25/50/75/95:", json.dumps(results["distances"]), flush=True)
    if not args.no_base:
        results["base"] = run_system(backbone, None, sets, **run)
        results["tm"] = tm_only(sets)
        print("base", json.dumps(results["base"]), "\ntm  ", json.dumps(results["tm"]), flush=True)
    shared = SegmentCache(1 << 20)  # forced states do not depend on the knn settings
    results["knn"] = []
    for overrides in json.loads(args.grid):
        fusion = KnnFusion(KnnConfig(**overrides))
        if not args.fresh_cache:
            fusion.cache = shared
        report = run_system(backbone, fusion, sets, **run)
        results["knn"].append({"config": overrides, **report})
        print("knn", json.dumps(overrides), json.dumps(report), flush=True)
    if args.attention:
        from ltmt.fusion.attention import AttentionFusion

        results["attention"] = run_system(backbone, AttentionFusion(args.attention), sets, **run)
        print("attention", json.dumps(results["attention"]), flush=True)
    if args.out:
        write_json(args.out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
