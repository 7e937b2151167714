"""Dev mixture loss and BLEU of trained combiners on the held-out products of a combiner config.

Rebuilds the config's examples (cheap), reads its featurised rows (``train.rows_cache``, written
by the first ``ltmt train fusion`` of that config) and scores every combiner directory given,
and plain kNN, on the same dev rows: every query of the products that config's ``dev_split:
products`` holds out. With ``--bleu N`` it also translates (beam 4) the first ``N`` held-out
queries of each variant with their (varied) memories and scores BLEU against their (varied)
targets: the loss is read at the gold prefix, BLEU at decoding, and the two can disagree. This is
how the combiner candidates are selected, never on the dev users. ``knn:NAME=VALUE,...`` scores
plain kNN with other settings; a combiner trained with other kNN settings than the config's
gets BLEU only too (the rows hold the config's neighbours). ``DIR#I`` scores member ``I`` (from
0) of an ensemble combiner alone (``combiner.members``: how much the mean adds to one net).

    python eval/combiner_candidates.py --config configs/train/combiner-ablation/mask.yaml \
        --output eval/results/combiner/candidates.json [--bleu 150] \
        knn knn:differing_penalty=2 ltmt/models/default-en-de/fusion-combiner runs/...
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
    import torch

    from ltmt.config import from_dict, read_yaml, to_dict
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.fusion.knn import KnnConfig
    from ltmt.train.combiner import CombinerTrainConfig, dev_losses, dev_split, load_rows
    from ltmt.train.combiner_data import VARIANTS, build_examples
    from ltmt.train.fusion_data import load_groups, retrieve_memories

    config = from_dict(CombinerTrainConfig, read_yaml(args.config))
    opt = config.train
    if not opt.rows_cache or not Path(opt.rows_cache).is_file():
        raise SystemExit(
            f"{args.config}: no featurised rows at train.rows_cache ({opt.rows_cache or 'unset'}); "
            "run ltmt train fusion with this config first"
        )
    names, groups = load_groups(config.data, opt.seed)
    examples = build_examples(
        retrieve_memories(names, groups, config.data, opt.seed), config.variants, opt.seed
    )
    rows = load_rows(Path(opt.rows_cache))
    variant = torch.tensor([VARIANTS.index(e.variant) for e in examples])[rows.example]
    is_dev = dev_split(examples, opt)
    dev = torch.nonzero(is_dev[rows.example]).flatten()
    held = sorted({names[e.group] for e, d in zip(examples, is_dev.tolist(), strict=True) if d})
    scores = {}
    translated = [e for e, d in zip(examples, is_dev.tolist(), strict=True) if d]
    if args.bleu:
        translated = [
            e for v in VARIANTS for e in [x for x in translated if x.variant == v][: args.bleu]
        ]
    for name in args.combiners:
        options = knn_options(name)
        if options is None:
            directory, _, member = name.partition("#")
            combiner = Combiner.load(directory)[0]
            if member:
                combiner = ensemble_member(combiner, int(member))
        else:
            knn = KnnConfig(**{**config.combiner.knn, **options})
            combiner = Combiner(CombinerConfig(knn=to_dict(knn)))
        # the rows hold the neighbours of the config's kNN settings: other settings get BLEU only
        same_rows = combiner.config.knn_config == KnnConfig(**config.combiner.knn)
        scores[name] = dev_losses(combiner, rows, dev, variant) if same_rows else {}
        if args.bleu:
            scores[name].update(held_out_bleu(args.model, combiner, translated, args.threads))
    return {
        "command": " ".join(sys.argv),
        "config": args.config,
        "held_out_products": held,
        "dev_rows": int(dev.numel()),
        "dev_rows_per_variant": {v: int((variant[dev] == i).sum()) for i, v in enumerate(VARIANTS)},
        "losses": scores,
    }


def knn_options(name: str) -> dict[str, float | int] | None:
    """``knn`` → ``{}``; ``knn:differing_penalty=2,tau=2`` → those kNN settings (an untrained
    combiner: plain kNN with them); a combiner directory → ``None``."""
    if name != "knn" and not name.startswith("knn:"):
        return None
    pairs = [item.split("=", 1) for item in name[4:].split(",") if item]
    return {key: int(value) if value.isdigit() else float(value) for key, value in pairs}


def ensemble_member(ensemble: Any, index: int) -> Any:
    """Member ``index`` of an ensemble combiner as a combiner of its own."""
    from dataclasses import replace

    from ltmt.fusion.combiner import Combiner, CombinerEnsemble

    if not isinstance(ensemble.net, CombinerEnsemble) or index >= ensemble.config.members:
        raise SystemExit(f"combiner_candidates: no member {index} in that combiner")
    member = Combiner(replace(ensemble.config, members=1))
    member.net.load_state_dict(ensemble.net.members[index].state_dict())
    member.net.eval()
    return member


def held_out_bleu(model: str, combiner: Any, examples: list[Any], threads: int) -> dict[str, float]:
    """BLEU (overall and per variant) of ``knn-trained`` with ``combiner`` on ``examples``,
    each translated with its own memory (as :func:`ltmt.train.combiner_data.featurise` reads it)."""
    import sacrebleu
    import torch

    from ltmt.fusion.trained_knn import TrainedKnnFusion
    from ltmt.segments import Match, Segment
    from ltmt.translator import Translator

    torch.set_num_threads(threads)
    translator = Translator(model, fusion=TrainedKnnFusion(combiner), beam=4, state_cache=False)
    matches = [
        tuple(
            Match(Segment(i * 100 + j, "held-out", s, t, 0.0, "held-out"), score)
            for j, (s, t, score) in enumerate(e.memory)
        )
        for i, e in enumerate(examples)
    ]
    sources = [e.source for e in examples]
    outputs = [
        t.text
        for t in translator._translate_retrieved(sources, matches, [None] * len(sources), None)
    ]
    out = {}
    for kind in ["all", *sorted({e.variant for e in examples})]:
        chosen = [i for i, e in enumerate(examples) if kind in ("all", e.variant)]
        hyps = [outputs[i] for i in chosen]
        refs = [examples[i].target for i in chosen]
        out[f"bleu_{kind}"] = round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)
    out["segments"] = len(examples)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "combiners",
        nargs="+",
        help="combiner directories and/or knn (knn:differing_penalty=2: kNN with that setting)",
    )
    parser.add_argument("--config", required=True, help="the combiner config whose rows to read")
    parser.add_argument("--output", default="eval/results/combiner/candidates.json")
    parser.add_argument(
        "--bleu", type=int, default=0, help="held-out queries per variant to translate"
    )
    parser.add_argument("--model", default=str(REPO / "ltmt/models/default-en-de"))
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    from ltmt.errors import LtmtError

    try:
        report = run(args)
    except LtmtError as exc:
        raise SystemExit(f"combiner_candidates: error: {exc}") from None
    from dev_user_cli import write_report

    write_report(args.output, report, report["losses"])


if __name__ == "__main__":
    main()
