"""BLEU of knn against trained combiners (`--fusion knn-trained`) on the dev users' first segments.

Every combiner directory given is decoded with the same loaded model, memory and beam, so only
the combiner differs; ``knn`` is plain kNN fusion. An exploration tool for the combiner's
ablation (README, "The trained combiner"); BLEU is deterministic, the timings are not reported.

    python eval/compare_combiners.py --limit 30 --threads 2 \
        --output eval/results/combiner/compare.json knn runs/combiner-a runs/combiner-b
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a checkout: import this repo's ltmt
    sys.path.insert(0, str(REPO))


def run(args: argparse.Namespace) -> dict[str, Any]:
    import sacrebleu
    import torch

    from ltmt.bench.data import find_users
    from ltmt.bench.runner import fresh_memory
    from ltmt.fusion.combiner import TrainedKnnFusion
    from ltmt.fusion.knn import KnnFusion
    from ltmt.translator import Translator

    torch.set_num_threads(args.threads)
    users = find_users(Path(args.users_dir), args.limit)
    backbone = Translator(args.model).backbone
    hypotheses: dict[str, list[str]] = {name: [] for name in args.systems}
    references: list[str] = []
    for testset in users:
        with fresh_memory(testset) as memory:
            references.extend(testset.references)
            for name in args.systems:
                fusion = KnnFusion() if name == "knn" else TrainedKnnFusion(name)
                translator = Translator(backbone, memory, fusion=fusion, beam=args.beam)
                done = translator.translate(list(testset.sources), testset.user)
                hypotheses[name].extend(t.text for t in done)
    bleu = {
        name: round(sacrebleu.corpus_bleu(hyps, [references]).score, 2)
        for name, hyps in hypotheses.items()
    }
    return {"command": " ".join(sys.argv), "segments": len(references), "bleu": bleu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("systems", nargs="+", help="knn and/or combiner directories")
    parser.add_argument("--model", default=str(REPO / "ltmt/models/default-en-de"))
    parser.add_argument("--users-dir", default=str(REPO / "../shared/data/en-de/l10n/dev"))
    parser.add_argument("--limit", type=int, default=30, help="test segments per user")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", default="eval/results/combiner/compare.json")
    args = parser.parse_args()
    report = run(args)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), "utf-8")
    print(json.dumps(report["bleu"], indent=2))


if __name__ == "__main__":
    main()
