"""Score a finished run into the ``results.json`` structure.

Scores over several users are corpus-level over the pooled segments (not a mean of per-user
scores). The layout (``"format": "ltmt-bench/1"``)::

    ltmt_version, software {git {commit, dirty} | null, python, torch, ctranslate2, numpy,
    transformers, sacrebleu (each null where not installed), cpu_count},
    model (a local model's resolved path), model_fingerprint, trained {system: {path,
    fingerprint}} (the trained combiner or adapter each fused system read),
    threads, token_unit, sacrebleu {bleu, chrf, ter}, config (paths absolute, data_dir
    included), skipped {name: reason},
    cpu {name, flags}, fused_weights {system: int8 | bfloat16 | float32 | none},
    fused_encoder {system: ctranslate2 | torch | none},
    users {user: {memory, test}},
    systems  {system: ENTRY}                 all users pooled
    per_user {user: {system: ENTRY}}
    bands    {system: {"0-49": BLEU | null, ..., "100": ...}}, band_segments {band: n}
    general  {test set: {system: ENTRY}}, general_memory

    ENTRY = bleu, chrf, ter, placeholder_acc, placeholders [kept, total], placeholders_added,
            numbers_lost, accelerators_lost, segments, seconds, segments_per_s, tokens,
            tokens_per_s, methods {method: n}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ltmt.bench.runner import BenchRun, SystemRun
from ltmt.evaluate import BANDS, sacrebleu_signatures, score_corpus
from ltmt.provenance import run_provenance

FORMAT = "ltmt-bench/1"


def summarize(bench: BenchRun) -> dict[str, Any]:
    """The ``results.json`` mapping of ``bench`` (see the module docstring)."""
    user_runs = [r for r in bench.runs if not r.general]
    general_runs = [r for r in bench.runs if r.general]
    systems = _ordered(r.system for r in user_runs)
    users = _ordered(r.testset for r in user_runs)
    results: dict[str, Any] = {
        "format": FORMAT,
        **run_provenance(),  # ltmt_version, software, created, cpu
        "model": bench.model,
        "model_fingerprint": bench.model_fingerprint,
        "trained": {
            run.system: {"path": run.trained, "fingerprint": run.trained_fingerprint}
            for run in bench.runs
            if run.trained
        },
        "threads": bench.threads,
        "workers": bench.workers,
        "worker_processes": bench.config.worker_processes,
        "token_unit": bench.token_unit,
        "sacrebleu": sacrebleu_signatures(),
        "config": bench.config.to_dict(),
        "skipped": dict(bench.skipped),
        "fused_weights": {run.system: run.weights for run in bench.runs},
        "fused_encoder": {run.system: run.encoder for run in bench.runs},
        "users": {
            user: {"memory": bench.memory_sizes.get(user, 0), "test": _segments(user_runs, user)}
            for user in users
        },
        "systems": {name: entry([r for r in user_runs if r.system == name]) for name in systems},
        "per_user": {
            user: {
                name: entry([r for r in user_runs if r.system == name and r.testset == user])
                for name in systems
            }
            for user in users
        },
        "bands": {name: band_bleu([r for r in user_runs if r.system == name]) for name in systems},
        "band_segments": band_counts(user_runs, systems[0]) if systems else dict.fromkeys(BANDS, 0),
        "general": {
            testset: {
                name: entry([r for r in general_runs if r.system == name and r.testset == testset])
                for name in _ordered(r.system for r in general_runs)
            }
            for testset in _ordered(r.testset for r in general_runs)
        },
        "general_memory": bench.general_memory,
    }
    return results


def entry(runs: list[SystemRun]) -> dict[str, Any]:
    """Scores, speed and method counts of ``runs`` (one system) pooled into one corpus."""
    hypotheses = [h for r in runs for h in r.hypotheses]
    references = [h for r in runs for h in r.references]
    sources = [h for r in runs for h in r.sources]
    if hypotheses:
        scores = score_corpus(hypotheses, references, sources).to_dict()
        del scores["signatures"]  # the same for every entry: kept once at the top
    else:
        scores = dict.fromkeys(("bleu", "chrf", "ter", "placeholder_acc"), None)
        scores.update(
            segments=0,
            placeholders=[0, 0],
            placeholders_added=0,
            numbers_lost=0,
            accelerators_lost=0,
        )
    seconds = sum(r.seconds for r in runs)
    tokens = sum(r.tokens for r in runs)
    scores.update(
        seconds=round(seconds, 3),
        segments_per_s=round(len(hypotheses) / seconds, 2) if seconds > 0 else None,
        tokens=tokens,
        tokens_per_s=round(tokens / seconds, 1) if seconds > 0 else None,
        methods=dict(sorted(Counter(m for r in runs for m in r.methods).items())),
    )
    return scores


def band_bleu(runs: list[SystemRun]) -> dict[str, float | None]:
    """Corpus BLEU of the segments in each fuzzy-match band (``None`` for an empty band)."""
    result: dict[str, float | None] = {}
    for band in BANDS:
        pairs = [
            (h, ref)
            for r in runs
            for h, ref, b in zip(r.hypotheses, r.references, r.bands, strict=True)
            if b == band
        ]
        result[band] = (
            score_corpus([h for h, _ in pairs], [ref for _, ref in pairs]).bleu if pairs else None
        )
    return result


def band_counts(runs: list[SystemRun], system: str) -> dict[str, int]:
    """How many test segments fall in each band (the same for every system)."""
    counts = Counter(b for r in runs if r.system == system for b in r.bands)
    return {band: counts.get(band, 0) for band in BANDS}


def _segments(runs: list[SystemRun], testset: str) -> int:
    return next((len(r.sources) for r in runs if r.testset == testset), 0)


def _ordered(names: Iterable[str]) -> list[str]:
    """Distinct names in first-seen order."""
    return list(dict.fromkeys(names))


def add_consistency(results: dict[str, Any], bench: BenchRun) -> None:
    """Add ``memory_term_consistency`` (``{percent, rendered, total}``) to every user entry of
    ``results``: how often each system renders the terms its user's memory translates
    consistently (``suggest_terms`` over the memory), pooled over users. Nothing without a
    users folder."""
    from ltmt.bench.data import find_users
    from ltmt.terminology.consistency import pooled, term_score
    from ltmt.terminology.suggest import suggest_terms

    if bench.config.users_dir is None:
        return
    terms = {
        testset.name: [
            s.term() for s in suggest_terms((p.source, p.target) for p in testset.memory)
        ]
        for testset in find_users(bench.config.users_dir)
    }

    def score(runs: list[SystemRun]) -> dict[str, object]:
        found = (term_score(r.sources, r.hypotheses, terms.get(r.testset, [])) for r in runs)
        return pooled(found).to_dict()

    user_runs = [r for r in bench.runs if not r.general]
    for name, values in results["systems"].items():
        values["memory_term_consistency"] = score([r for r in user_runs if r.system == name])
    for user, systems in results["per_user"].items():
        for name, values in systems.items():
            chosen = [r for r in user_runs if r.system == name and r.testset == user]
            values["memory_term_consistency"] = score(chosen)
