"""Misleading memory: how often each method copies a wrong word of a near-identical match.

From each dev user's test segments, cases are built whose memory holds, besides the user's own
history, a near-identical match that differs in a word that matters:

* ``negation``: the test pair says ``not`` / ``nicht`` (``kein``…); the match is the same pair
  with the negation removed on both sides. Copied: the output has no German negation;
* ``number``: a number of the pair changed on both sides of the match (``3`` → ``7``). Copied:
  the output has the match's number and not the pair's;
* ``antonym``: an ``un-`` word of the pair (``Unverified`` / ``Unbestätigt``) without its
  prefix on both sides of the match. Copied: the output has the prefix-less target word and
  not the ``un-`` one. (The combiner's training data has no such case: a held-out kind.)

    flock -x /tmp/ltmt-cpu.lock python eval/misleading_memory.py --threads 2 \
        --systems base,knn,knn-trained --output eval/results/misleading/misleading.json

Writes, per system and kind, the cases, how many copied the wrong word, and BLEU on the cases.
A system ``NAME-unguarded`` is fusion method ``NAME`` without the copy guard
(:mod:`ltmt.copy_guard`), for a side-by-side run: ``--systems knn-unguarded,knn``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a checkout: import this repo's ltmt
    sys.path.insert(0, str(REPO))

# a system name's suffix for the method without the copy guard (Translator(copy_guard=False))
UNGUARDED = "-unguarded"
_NEGATION_DE = re.compile(r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie)\b", re.I)
_UN_EN = re.compile(r"\b([Uu]n)([a-z]{4,})\b")
_UN_DE = re.compile(r"\b([Uu]n)([a-zäöüß]{4,})\b")


def build_cases(source: str, target: str) -> list[dict[str, Any]]:
    """The misleading cases of one test pair (none, one or several kinds)."""
    import random
    import zlib

    from ltmt.train.combiner_data import _mislead

    cases = []
    rng = random.Random(zlib.crc32(f"{source}\t{target}".encode()))  # the same in every run
    made = _mislead(source, target, [], rng)
    if made is not None:
        wrong_target = made[1][0][1]
        query_target = made[0]
        if query_target == target:  # the match lacks something the pair has
            kind = (
                "negation"
                if _NEGATION_DE.search(target) and not _NEGATION_DE.search(wrong_target)
                else "number"
            )
            if kind == "negation" or set(re.findall(r"\d+", wrong_target)) - set(
                re.findall(r"\d+", target)
            ):
                cases.append(
                    {
                        "kind": kind,
                        "source": source,
                        "reference": target,
                        "match": (made[1][0][0], wrong_target),
                        "wrong": sorted(
                            set(re.findall(r"\d+", wrong_target)) - set(re.findall(r"\d+", target))
                        ),
                        "right": sorted(
                            set(re.findall(r"\d+", target)) - set(re.findall(r"\d+", wrong_target))
                        ),
                    }
                )
    en, de = _UN_EN.search(source), _UN_DE.search(target)
    if en and de:
        stem = de.group(2)
        plain = stem[:1].upper() + stem[1:] if de.group(1)[0].isupper() else stem
        cases.append(
            {
                "kind": "antonym",
                "source": source,
                "reference": target,
                "match": (
                    source.replace(
                        en.group(0),
                        en.group(2).capitalize() if en.group(1)[0].isupper() else en.group(2),
                        1,
                    ),
                    target.replace(de.group(0), plain, 1),
                ),
                "wrong": [plain.casefold()],
                "right": [de.group(0).casefold()],
            }
        )
    return cases


def copied(case: dict[str, Any], output: str) -> bool:
    """Did ``output`` take the match's wrong word (see the module docstring)?"""
    if case["kind"] == "negation":
        return not _NEGATION_DE.search(output)
    words = set(re.findall(r"\w+", output.casefold()))
    has_wrong = any(w.casefold() in words for w in case["wrong"])
    has_right = any(w.casefold() in words for w in case["right"])
    return has_wrong and not has_right


def run(args: argparse.Namespace) -> dict[str, Any]:
    import sacrebleu
    import torch

    from ltmt.bench.data import find_users
    from ltmt.memory.store import Memory
    from ltmt.translator import Translator

    torch.set_num_threads(args.threads)
    users = find_users(Path(args.users_dir), None)
    backbone = Translator(args.model).backbone
    cases: list[dict[str, Any]] = []
    per_user: dict[str, list[dict[str, Any]]] = {}
    for testset in users:
        found = []
        for source, reference in zip(testset.sources, testset.references, strict=True):
            found.extend({**c, "user": testset.user} for c in build_cases(source, reference))
        per_user[testset.user] = found[: args.limit]
        cases.extend(per_user[testset.user])
    systems = args.systems.split(",")
    outputs: dict[str, list[str]] = {name: [] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for testset in users:
        user_cases = per_user[testset.user]
        if not user_cases:
            continue
        with (
            tempfile.TemporaryDirectory(prefix="ltmt-mislead-") as folder,
            Memory(Path(folder) / "store") as memory,
        ):
            pairs = list(testset.memory) + [c["match"] for c in user_cases]
            memory.import_pairs(testset.user, pairs, origin="misleading")
            for name in systems:
                method = name.removesuffix(UNGUARDED)
                translator = Translator(
                    backbone,
                    None if method == "base" else memory,
                    fusion="none" if method == "base" else method,
                    beam=args.beam,
                    fusion_encoder=args.fusion_encoder,
                    copy_guard=not name.endswith(UNGUARDED),
                )
                started = time.perf_counter()
                done = translator.translate([c["source"] for c in user_cases], testset.user)
                seconds[name] += time.perf_counter() - started
                outputs[name].extend(t.text for t in done)
    kinds = sorted({c["kind"] for c in cases})
    results: dict[str, Any] = {}
    for name in systems:
        row: dict[str, Any] = {"seconds": round(seconds[name], 1)}
        for kind in [*kinds, "all"]:
            chosen = [i for i, c in enumerate(cases) if kind in ("all", c["kind"])]
            hyps = [outputs[name][i] for i in chosen]
            refs = [cases[i]["reference"] for i in chosen]
            row[kind] = {
                "cases": len(chosen),
                "copied_wrong": sum(copied(cases[i], outputs[name][i]) for i in chosen),
                "bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2) if chosen else None,
            }
        results[name] = row
    return {
        "command": " ".join(sys.argv),
        "model": str(args.model),
        "cases_per_user": {u: len(c) for u, c in per_user.items()},
        "systems": results,
        "examples": [
            {**cases[i], **{name: outputs[name][i] for name in systems}}
            for i in range(min(len(cases), 30))
        ],
    }


def main() -> None:
    from dev_user_cli import dev_user_parser, write_report

    parser = dev_user_parser(
        __doc__,
        limit=60,
        limit_help="cases per user at most",
        output="eval/results/misleading/misleading.json",
    )
    parser.add_argument(
        "--systems",
        default="base,knn,knn-trained",
        help=f"comma-separated; a fusion method's name + {UNGUARDED!r}: without the copy guard",
    )
    from ltmt.model.fast_encoder import FUSION_ENCODERS

    parser.add_argument(
        "--fusion-encoder",
        default="auto",
        choices=FUSION_ENCODERS,
        help="what encodes the fused batches (Translator(fusion_encoder=...))",
    )
    args = parser.parse_args()
    report = run(args)
    write_report(args.output, report, report["systems"])


if __name__ == "__main__":
    main()
