"""BLEU of knn against trained combiners (`--fusion knn-trained`) on the dev users' first segments.

Every combiner directory given is decoded with the same loaded model, memory and beam, so only
the combiner differs; ``knn`` is plain kNN fusion. An exploration tool for the combiner's
ablation (README, "The trained combiner"); BLEU is deterministic, the timings are not reported.

    python eval/compare_combiners.py --limit 30 --threads 2 \
        --output eval/results/combiner/compare.json knn runs/combiner-a runs/combiner-b
"""

from __future__ import annotations

import argparse
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
    from ltmt.fusion.knn import KnnFusion
    from ltmt.fusion.trained_knn import TrainedKnnFusion
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
    from dev_user_cli import dev_user_parser, write_report

    parser = dev_user_parser(
        __doc__,
        limit=30,
        limit_help="test segments per user",
        output="eval/results/combiner/compare.json",
    )
    parser.add_argument("systems", nargs="+", help="knn and/or combiner directories")
    args = parser.parse_args()
    report = run(args)
    write_report(args.output, report, report["bleu"])


if __name__ == "__main__":
    main()
