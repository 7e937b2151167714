"""Whether ``torch.compile`` makes the fused decoder's one-token step faster: eager against
compiled, on the default model's int8 copy (kNN's default weights on CPUs with VNNI) or, with
``--weights float32``, on its float32 weights (the default on CPUs without VNNI).

A fused step is hundreds of small torch calls (``docs/results/speed.md``, session 16), the case
a compiler that fuses them is made for. This times ``IncrementalDecoder.step`` over ``--steps``
steps of 32 sentences x beam 4 (random encoder states of 20 positions, one intra-op thread),
eager and under ``torch.compile(dynamic=True)``, reports the compile time (the first pass) and
the graph breaks ``torch._dynamo.explain`` finds in one step, with their first reasons:

    flock -x /tmp/ltmt-cpu.lock python eval/bench_compiled_step.py \\
        --output eval/results/speed/compiled-step-s17.json

Needs a C++ compiler for inductor's CPU code (``g++``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from support import emit_report, use_this_checkout

use_this_checkout()

SENTENCES, BEAM, SOURCE_LENGTH = 32, 4, 20
WEIGHTS = {
    "int8": "int8 linear layers (quantized_int8)",
    "float32": "float32 (the fused weights on CPUs without VNNI)",
}


def timed_pass(model: Any, steps: int, compiled: bool) -> float:
    """Seconds for ``steps`` steps of a fresh incremental decoder."""
    import torch

    from ltmt.model.incremental import IncrementalDecoder

    generator = torch.Generator().manual_seed(0)
    states = torch.randn(SENTENCES, SOURCE_LENGTH, 512, generator=generator)
    mask = torch.ones(SENTENCES, SOURCE_LENGTH, dtype=torch.long)
    decoder = IncrementalDecoder(model, states, mask, BEAM, capacity=steps)
    step = torch.compile(decoder.step, dynamic=True) if compiled else decoder.step
    tokens = torch.randint(5, 8000, (SENTENCES * BEAM,), generator=generator)
    started = time.perf_counter()
    with torch.inference_mode():
        for _ in range(steps):
            step(tokens)
    return time.perf_counter() - started


def graph_breaks(model: Any) -> dict[str, Any]:
    """What ``torch._dynamo.explain`` finds in one step: graphs, breaks, the first reasons."""
    import torch

    from ltmt.model.incremental import IncrementalDecoder

    states = torch.randn(SENTENCES, SOURCE_LENGTH, 512)
    mask = torch.ones(SENTENCES, SOURCE_LENGTH, dtype=torch.long)
    decoder = IncrementalDecoder(model, states, mask, BEAM, capacity=8)
    tokens = torch.randint(5, 8000, (SENTENCES * BEAM,))
    with torch.inference_mode():
        decoder.step(tokens)
        explained = torch._dynamo.explain(decoder.step)(tokens)
    reasons = [str(b.reason).splitlines()[0] for b in explained.break_reasons]
    return {
        "graphs": explained.graph_count,
        "graph_breaks": explained.graph_break_count,
        "first_reasons": sorted(set(reasons))[:3],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    from ltmt.model.backbone import load_backbone, quantized_int8
    from ltmt.model.cpu import cpu_summary

    torch.set_num_threads(1)
    backbone = load_backbone(args.model)
    model = quantized_int8(backbone).model if args.weights == "int8" else backbone.model.float()
    started = time.perf_counter()
    first_compiled = timed_pass(model, args.steps, compiled=True)
    compile_seconds = time.perf_counter() - started
    eager, compiled = [], []
    for _ in range(args.rounds):  # interleaved
        eager.append(timed_pass(model, args.steps, compiled=False))
        compiled.append(timed_pass(model, args.steps, compiled=True))
    return {
        "benchmark": "torch.compile of the fused decoder's step",
        "model": args.model,
        "weights": WEIGHTS[args.weights],
        "cpu": cpu_summary(),
        "rows": SENTENCES * BEAM,
        "steps_per_pass": args.steps,
        "threads": 1,
        "torch": torch.__version__,
        "first_compiled_pass_seconds": round(first_compiled, 3),
        "compile_and_first_pass_seconds": round(compile_seconds, 2),
        "eager_seconds_per_pass": [round(s, 4) for s in eager],
        "compiled_seconds_per_pass": [round(s, 4) for s in compiled],
        "explain": graph_breaks(model),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="ltmt/models/default-en-de")
    parser.add_argument(
        "--weights",
        choices=sorted(WEIGHTS),
        default="int8",
        help="the step's linear layers: int8 (kNN's default with VNNI) or float32 (without)",
    )
    parser.add_argument("--steps", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
