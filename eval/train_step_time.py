"""How long one training step of a base-model recipe takes here: what a base retrain would cost
on this machine (issue 12's held-out base; ``eval/heldout_base/README.md``).

Builds the recipe's model from scratch (``ltmt train base``'s ``build_marian``), encodes a
seeded sample of its training pairs with the shipped default's tokenizer (the step's cost does
not depend on which pieces a vocabulary of the same size holds), and times ``--steps`` steps of
the trainer's own step function on batches of the recipe's ``batch_tokens``, after one untimed
step. Writes seconds a step, target tokens a second, and the recipe's ``max_steps`` (or
``--full-steps``) at that pace:

    python eval/train_step_time.py --config configs/train/base-en-de-gpu.yaml --threads 2 \\
        --output eval/results/train/base-step-time-s20-avx2.json
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import time
from pathlib import Path
from typing import Any

from support import DATA_DIR, emit_report, use_this_checkout

use_this_checkout()


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    from ltmt.config import from_dict, read_yaml
    from ltmt.model.backbone import DEFAULT_MODEL_DIR
    from ltmt.model.cpu import cpu_summary
    from ltmt.model.vocab import marian_vocab
    from ltmt.train.base import build_marian, resolve_device, train_step, use_bf16
    from ltmt.train.config import BaseTrainConfig
    from ltmt.train.data import encode_pairs, load_training_pairs, token_batches

    torch.set_num_threads(args.threads)
    config = from_dict(BaseTrainConfig, read_yaml(args.config), where=str(args.config))
    spec = dataclasses.replace(config.data, data_dir=str(args.data_dir))
    opt = config.train
    pairs = load_training_pairs(spec)
    pairs = random.Random(opt.seed).sample(pairs, min(len(pairs), args.sample))
    spm = DEFAULT_MODEL_DIR / "source.spm"
    vocab = marian_vocab(spm)
    corpus = encode_pairs(pairs, spm, vocab, spec)
    device = resolve_device(opt.device)
    torch.manual_seed(opt.seed)
    model = build_marian(config.model, len(vocab)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opt.peak_lr, betas=(0.9, 0.98))
    batches = token_batches(corpus, opt.batch_tokens, opt.seed)
    model.train()
    seconds, tokens = [], []
    for step, indices in enumerate(batches[: args.steps + 1]):
        start = time.perf_counter()
        _, n_tokens = train_step(
            model, optimizer, corpus, indices, vocab["<pad>"], step, opt, device
        )
        if step:  # the first step warms up
            seconds.append(time.perf_counter() - start)
            tokens.append(n_tokens)
    per_step = statistics.median(seconds)
    full = args.full_steps or opt.max_steps
    return {
        "benchmark": "train-step-time",
        "config": str(args.config),
        "device": device,
        "bf16_autocast": use_bf16(opt.bf16, device),
        "threads": args.threads,
        "batch_tokens": opt.batch_tokens,
        "parameters": sum(p.numel() for p in model.parameters()),
        "steps_timed": len(seconds),
        "seconds_per_step": [round(s, 2) for s in seconds],
        "median_seconds_per_step": round(per_step, 2),
        "target_tokens_per_s": round(sum(tokens) / sum(seconds), 1),
        "full_steps": full,
        "full_run_hours_at_this_pace": round(full * per_step / 3600, 1) if full else None,
        "cpu": cpu_summary(),
        "torch": torch.__version__,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", type=Path, default=Path("configs/train/base-en-de-gpu.yaml"))
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--steps", type=int, default=3, help="timed steps (after one untimed)")
    parser.add_argument("--sample", type=int, default=20_000, help="training pairs encoded")
    parser.add_argument(
        "--full-steps", type=int, default=17_000, help="a whole run's steps (the shipped: 17,000)"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
