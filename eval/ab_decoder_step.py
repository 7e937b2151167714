"""Two versions of the fused decoder's incremental step in one process, in pairs: beam search's
own pattern of steps and reorderings.

``A`` and ``B`` are two files of :mod:`ltmt.model.incremental` (e.g. an older checkout's and
this one's); both are loaded into this process and run with the rest of this checkout's ltmt,
on the default model's int8 copy (kNN's weights on CPUs with VNNI). A pass: ``sentences``
sentences of random encoder states (20 positions, every other one half padding), a first step of
one row per sentence, then ``beam`` rows per sentence reordered after every step by random
parents within their sentence, for ``steps`` steps. Per shape, ``--pairs`` passes of A then B
with the same seed (the same tokens and reorderings), so that the host's drift falls on both
alike; reports the medians (milliseconds a step, step and reordering together), the median of
each pair's B/A, and how far the last pass's final states of A and B differ:

    flock -x /tmp/ltmt-cpu.lock python eval/ab_decoder_step.py \\
        /tmp/base/ltmt/model/incremental.py ltmt/model/incremental.py --threads 1 \\
        --output eval/results/speed/s33/ab-decoder-step-1thread.json

A/B of two versions of one step, not a benchmark of translation: ``ab_knn_speed.py`` times
whole passes of two checkouts.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from support import DEFAULT_MODEL, emit_report, use_this_checkout

use_this_checkout()

BEAM, SOURCE_LENGTH = 4, 20


def load_version(path: Path, name: str) -> ModuleType:
    """The module in file ``path``, imported as ``name`` (its own imports from this ltmt)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one_pass(version: ModuleType, model: Any, sentences: int, steps: int) -> tuple[float, Any]:
    """Milliseconds a step of one pass, and the last step's states."""
    import torch

    generator = torch.Generator().manual_seed(sentences * 1000 + steps)
    states = torch.randn(sentences, SOURCE_LENGTH, 512, generator=generator)
    mask = torch.ones(sentences, SOURCE_LENGTH, dtype=torch.long)
    mask[1::2, SOURCE_LENGTH // 2 :] = 0
    decoder = version.IncrementalDecoder(model, states, mask, 1, capacity=steps)
    offsets = torch.arange(sentences)[:, None] * BEAM
    started = time.perf_counter()
    with torch.inference_mode():
        last = decoder.step(torch.randint(5, 8000, (sentences,), generator=generator))
        first = torch.arange(sentences).repeat_interleave(BEAM)
        decoder.select(first, same_sentences=False, group=BEAM)
        for _ in range(steps - 1):
            last = decoder.step(torch.randint(5, 8000, (sentences * BEAM,), generator=generator))
            parents = torch.randint(0, BEAM, (sentences, BEAM), generator=generator) + offsets
            decoder.select(parents.view(-1), same_sentences=True)
    return (time.perf_counter() - started) / steps * 1000, last


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    from ltmt.model.backbone import load_backbone, quantized_int8
    from ltmt.model.cpu import cpu_summary

    torch.set_num_threads(args.threads)
    a, b = load_version(args.a, "incremental_a"), load_version(args.b, "incremental_b")
    model = quantized_int8(load_backbone(args.model)).model
    shapes: dict[str, Any] = {}
    for shape in args.shapes.split(","):
        sentences, steps = (int(part) for part in shape.split(":"))
        one_pass(a, model, sentences, steps)  # warm-up
        one_pass(b, model, sentences, steps)
        times_a, times_b = [], []
        for _ in range(args.pairs):
            time_a, states_a = one_pass(a, model, sentences, steps)
            time_b, states_b = one_pass(b, model, sentences, steps)
            times_a.append(time_a)
            times_b.append(time_b)
        shapes[shape] = {
            "rows": sentences * BEAM,
            "steps": steps,
            "median_ms_per_step_a": round(statistics.median(times_a), 3),
            "median_ms_per_step_b": round(statistics.median(times_b), 3),
            "median_pair_b_over_a": round(
                statistics.median(tb / ta for ta, tb in zip(times_a, times_b, strict=True)), 3
            ),
            "final_states_max_abs_difference": float((states_a - states_b).abs().max()),
        }
    return {
        "benchmark": "IncrementalDecoder steps with beam reordering, two versions in pairs",
        "a": str(args.a),
        "b": str(args.b),
        "model": str(args.model),
        "weights": "int8 linear layers (quantized_int8)",
        "beam": BEAM,
        "threads": args.threads,
        "pairs": args.pairs,
        "cpu": cpu_summary(),
        "shapes": shapes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("a", type=Path, help="version A: an ltmt/model/incremental.py file")
    parser.add_argument("b", type=Path, help="version B: an ltmt/model/incremental.py file")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument(
        "--shapes", default="1:20,4:16,12:20,24:16,32:12,32:30", help="sentences:steps,..."
    )
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    for path in (args.a, args.b):
        if not path.is_file():
            parser.error(f"{path} is not a file")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
