"""Terminology benchmark: glossary term accuracy, BLEU and speed, and knn + suggested glossary.

    flock -x /tmp/ltmt-cpu.lock python eval/terminology.py --parts speed \
        --per-user 20 --speed-segments 100 --rounds 5 --out eval/results/terminology/speed.json
    nice -n 5 python eval/terminology.py --parts term,dev --dev-per-user 400 \
        --out eval/results/terminology/results.json

1. **Term test.** For every user, ``suggest_terms`` over the user's *memory* proposes terms; the
   test keeps the noun-like ones (target starts upper-case, source of 4+ letters, 5+ memory
   segments, consistency >= 0.9). Test segments are the user's test segments that contain a
   kept term *and* whose reference renders every such term's target (so the reference agrees
   with the glossary and the test is fair); ``--per-user`` of them at most, taken in file order.
   Systems: base, knn, knn + glossary (and base + glossary). Scores: BLEU, term accuracy,
   placeholder accuracy.
2. **Speed.** The plain model with and without a 1,000-term glossary (the union of every user's
   suggestions, the user's own terms first) on the term-test segments, interleaved
   (without, with, without, with); segments per second, best of the rounds, and the median of
   the rounds' without/with ratios.
3. **Dev users.** knn vs knn + the user's suggested glossary accepted automatically (noun-like
   terms, consistency >= ``--accept-consistency``, 5+ segments), on ``--dev-per-user`` test
   segments per user (first in file order): BLEU, memory-term consistency (terms the memory
   translates consistently, default suggest thresholds), placeholder accuracy.

The data stay where they are; memories are imported into a temporary store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, use_this_checkout, write_json

use_this_checkout()  # run as a script from a checkout: import this repo's ltmt

import torch  # noqa: E402

from ltmt.bench.data import find_users  # noqa: E402
from ltmt.evaluate import score_corpus  # noqa: E402
from ltmt.memory.store import Memory  # noqa: E402
from ltmt.model.backbone import load_backbone  # noqa: E402
from ltmt.terminology.consistency import TermScore, pooled, term_score  # noqa: E402
from ltmt.terminology.matching import TermMatcher, renders  # noqa: E402
from ltmt.terminology.suggest import Suggestion, suggest_terms  # noqa: E402
from ltmt.terminology.terms import Term  # noqa: E402
from ltmt.translator import Translator  # noqa: E402


def test_terms(suggestions: list[Suggestion]) -> list[Term]:
    return [
        s.term()
        for s in suggestions
        if s.target[:1].isupper()
        and len(s.source) >= 4
        and s.segments >= 5
        and s.consistency >= 0.9
    ]


def accepted_terms(suggestions: list[Suggestion], threshold: float) -> list[Term]:
    """The auto-accept rule: noun-like (``Suggestion.noun_like``), 5+ segments, consistency at
    least ``threshold``."""
    return [
        s.term()
        for s in suggestions
        if s.noun_like and s.segments >= 5 and s.consistency >= threshold
    ]


def scores(
    sources: list[str], hyps: list[str], refs: list[str], terms: dict[str, list[Term]]
) -> dict[str, Any]:
    result = score_corpus(hyps, refs, sources).to_dict()
    result.pop("signatures", None)
    for name, glossary in terms.items():
        result[name] = term_score(sources, hyps, glossary).to_dict()
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    torch.set_num_threads(args.threads)
    backbone = load_backbone(args.model)
    users = find_users(args.users_dir)
    started = time.perf_counter()
    out: dict[str, Any] = {
        "format": "ltmt-terminology/1",
        "config": {k: str(v) for k, v in vars(args).items()},
        "users": {},
    }
    term_sets: dict[str, dict[str, Any]] = {}
    all_suggestions: list[Term] = []
    with tempfile.TemporaryDirectory() as tmp, Memory(tmp) as memory:
        for test in users:
            memory.import_pairs(test.user, [(r.source, r.target) for r in test.memory])
            suggestions = suggest_terms((r.source, r.target) for r in test.memory)
            memory_terms = [s.term() for s in suggestions]
            terms = test_terms(suggestions)
            matcher = TermMatcher(terms)
            picked = []
            for source, reference in zip(test.sources, test.references):
                hits = matcher.find(source)
                if hits and all(renders(h.term.target, reference) for h in hits):
                    picked.append((source, reference))
            picked = picked[: args.per_user]
            term_sets[test.user] = {
                "terms": terms,
                "memory_terms": memory_terms,
                "accepted": accepted_terms(suggestions, args.accept_consistency),
                "sources": [s for s, _ in picked],
                "references": [r for _, r in picked],
                "dev_sources": list(test.sources[: args.dev_per_user]),
                "dev_references": list(test.references[: args.dev_per_user]),
            }
            all_suggestions.extend(memory_terms)
            out["users"][test.user] = {
                "memory": len(test.memory),
                "suggested": len(suggestions),
                "test_terms": len(terms),
                "term_test_segments": len(picked),
                "accepted": len(term_sets[test.user]["accepted"]),
                "example_terms": [f"{t.source} → {t.target}" for t in terms[:10]],
            }
        translators = {
            "base": Translator(backbone, memory, fusion="none", user_glossary=False),
            "knn": Translator(backbone, memory, fusion="knn", user_glossary=False),
        }
        systems = {
            "base": ("base", False),
            "base+glossary": ("base", True),
            "knn": ("knn", False),
            "knn+glossary": ("knn", True),
        }
        # each part is written as soon as it is done: a bounded run keeps what it measured
        if "term" in args.parts:
            out["term_test"] = _term_test(translators, systems, term_sets, args)
            _write(args.out, out, started)
        if "speed" in args.parts:
            out["speed"] = _speed(translators["base"], term_sets, all_suggestions, args)
            _write(args.out, out, started)
        if "dev" in args.parts and args.dev_per_user:
            out["dev"] = {}
            _dev(translators["knn"], term_sets, args, out, started)
    _write(args.out, out, started)
    return out


PARTS = ("term", "speed", "dev")


def _parts(text: str) -> set[str]:
    """The parts ``--parts`` names: a comma-separated subset of :data:`PARTS`."""
    parts = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(parts - set(PARTS))
    if unknown or not parts:
        named = ", ".join(unknown) or "(none given)"
        raise argparse.ArgumentTypeError(f"unknown part(s) {named}; choose from {', '.join(PARTS)}")
    return parts


def _write(path: Path, out: dict[str, Any], started: float) -> None:
    out["seconds"] = round(time.perf_counter() - started, 1)
    write_json(path, out, ensure_ascii=False)


def _term_test(translators, systems, term_sets, args) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result: dict[str, Any] = {}
    sources = [s for data in term_sets.values() for s in data["sources"]]
    references = [r for data in term_sets.values() for r in data["references"]]
    _save_outputs(args, "term-sources", sources)
    _save_outputs(args, "term-references", references)
    for name, (translator_name, with_glossary) in systems.items():
        hyps: list[str] = []
        for user, data in term_sets.items():
            glossary = data["terms"] if with_glossary else None
            found = translators[translator_name].translate(data["sources"], user, glossary=glossary)
            hyps.extend(t.text for t in found)
        accuracy = _per_user_term_score(term_sets, "sources", "terms", hyps)
        result[name] = {**scores(sources, hyps, references, {}), "term_accuracy": accuracy}
        _save_outputs(args, f"term-{name}", hyps)
        print(name, json.dumps(result[name]), file=sys.stderr, flush=True)
    return result


def _save_outputs(args: argparse.Namespace, name: str, hyps: list[str]) -> None:
    """With ``--save-outputs DIR``: a system's outputs (and the part's sources and references)
    as ``DIR/<part>-<name>.txt``, one
    segment a line (newlines inside a segment escaped), for comparing systems segment by
    segment."""
    if args.save_outputs is None:
        return
    args.save_outputs.mkdir(parents=True, exist_ok=True)
    lines = [h.replace("\\", "\\\\").replace("\n", "\\n") for h in hyps]
    (args.save_outputs / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _per_user_term_score(term_sets, key: str, terms_key: str, hyps: list[str]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    scores: list[TermScore] = []
    position = 0
    for data in term_sets.values():
        n = len(data[key])
        scores.append(term_score(data[key], hyps[position : position + n], data[terms_key]))
        position += n
    return pooled(scores).to_dict()


def _speed(translator, term_sets, all_terms: list[Term], args) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    texts = [s for data in term_sets.values() for s in data["sources"]][: args.speed_segments]
    unique = list({t.key: t for t in all_terms}.values())
    own = [t for data in term_sets.values() for t in data["terms"]]
    glossary = list({t.key: t for t in [*own, *unique]}.values())[:1000]
    timings: dict[str, list[float]] = {"without": [], "with": []}
    for terms in (None, glossary):  # one-time loading (fast path, torch fallback) is not timed
        translator.translate(texts[:4], None, glossary=terms)
    for _ in range(args.rounds):
        for name, terms in (("without", None), ("with", glossary)):
            began = time.perf_counter()
            translator.translate(texts, None, glossary=terms)
            timings[name].append(time.perf_counter() - began)
    best = {name: min(values) for name, values in timings.items()}
    ratios = [w / g for w, g in zip(timings["without"], timings["with"])]
    result = {
        "segments": len(texts),
        "glossary_terms": len(glossary),
        "seconds": timings,
        "segments_per_second": {name: len(texts) / best[name] for name in best},
        "ratio": best["without"] / best["with"],
        # each round's without/with pair ran back to back: the median of their ratios is the
        # figure least moved by load that drifts between rounds
        "ratio_per_round": ratios,
        "ratio_median": statistics.median(ratios),
    }
    print("speed", json.dumps(result), file=sys.stderr, flush=True)
    return result


def _dev(knn, term_sets, args, out, started) -> None:  # type: ignore[no-untyped-def]
    result: dict[str, Any] = out["dev"]
    sources = [s for data in term_sets.values() for s in data["dev_sources"]]
    references = [r for data in term_sets.values() for r in data["dev_references"]]
    _save_outputs(args, "dev-sources", sources)
    _save_outputs(args, "dev-references", references)
    for name, with_glossary in (("knn", False), ("knn+suggested", True)):
        hyps: list[str] = []
        for user, data in term_sets.items():
            glossary = data["accepted"] if with_glossary else None
            hyps.extend(t.text for t in knn.translate(data["dev_sources"], user, glossary=glossary))
        result[name] = {
            **scores(sources, hyps, references, {}),
            "memory_term_consistency": _per_user_term_score(
                term_sets, "dev_sources", "memory_terms", hyps
            ),
        }
        _save_outputs(args, f"dev-{name}", hyps)
        print(name, json.dumps(result[name]), file=sys.stderr, flush=True)
        _write(args.out, out, started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--model", default=None)
    parser.add_argument("--per-user", type=int, default=40)
    parser.add_argument("--dev-per-user", type=int, default=80)
    parser.add_argument("--accept-consistency", type=float, default=0.9)
    parser.add_argument("--speed-segments", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--parts",
        type=_parts,
        default="term,speed,dev",
        help="comma-separated parts to run: term, speed, dev (time only speed under the lock)",
    )
    parser.add_argument(
        "--save-outputs",
        type=Path,
        default=None,
        help="folder to write each system's outputs to (<part>-<system>.txt, one a line)",
    )
    parser.add_argument("--out", type=Path, default=Path("eval/results/terminology/results.json"))
    args = parser.parse_args()
    run(args)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
