"""The fused decoder's one-token steps in two checkouts, taking turns: beam search's own pattern.

Each turn runs one checkout's :class:`ltmt.model.incremental.IncrementalDecoder` in a fresh
process, on the default model's int8 copy (kNN's weights on CPUs with VNNI): ``--sentences``
sentences of random encoder states (20 positions), a first step of one row per sentence, then
``beam`` rows per sentence reordered after every step by random parents within their sentence,
as beam search reorders them, for ``--steps`` steps. The same seeds in both checkouts, so both
decode the same tokens and reorderings; each reports its fastest of ``--repeats`` passes per
shape (milliseconds a step, step and reordering together) and the final step's states, which
this script compares:

    flock -x /tmp/ltmt-cpu.lock python eval/ab_decoder_step.py /tmp/base /work/main --rounds 3 \\
        --output eval/results/speed/s33/ab-decoder-step.json

A/B of two versions of the same step, not a benchmark of translation: ``ab_knn_speed.py`` times
whole passes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from support import DEFAULT_MODEL, emit_report, run_in_checkout

BEAM, SOURCE_LENGTH = 4, 20

# run in the checkout: argv = model, threads, shapes (sentences:steps,...), repeats, states file
CHILD = r"""
import json, sys, time
import torch
import ltmt
from ltmt.model.backbone import load_backbone, quantized_int8
from ltmt.model.incremental import IncrementalDecoder

model_dir, threads, shapes, repeats, states_file = sys.argv[1:6]
torch.set_num_threads(int(threads))
model = quantized_int8(load_backbone(model_dir)).model
BEAM, SOURCE_LENGTH = {beam}, {source_length}


def one_pass(sentences, steps):
    generator = torch.Generator().manual_seed(0)
    states = torch.randn(sentences, SOURCE_LENGTH, 512, generator=generator)
    mask = torch.ones(sentences, SOURCE_LENGTH, dtype=torch.long)
    mask[1::2, SOURCE_LENGTH // 2 :] = 0  # every other sentence padded
    decoder = IncrementalDecoder(model, states, mask, 1, capacity=steps)
    offsets = torch.arange(sentences)[:, None] * BEAM
    started = time.perf_counter()
    with torch.inference_mode():
        decoder.step(torch.randint(5, 8000, (sentences,), generator=generator))
        first = torch.arange(sentences).repeat_interleave(BEAM)
        decoder.select(first, same_sentences=False, group=BEAM)
        for _ in range(steps - 1):
            out = decoder.step(torch.randint(5, 8000, (sentences * BEAM,), generator=generator))
            parents = torch.randint(0, BEAM, (sentences, BEAM), generator=generator) + offsets
            decoder.select(parents.view(-1), same_sentences=True)
    return time.perf_counter() - started, out


report, last = {}, None
for shape in shapes.split(","):
    sentences, steps = (int(part) for part in shape.split(":"))
    one_pass(sentences, steps)  # warm-up
    times = []
    for _ in range(int(repeats)):
        seconds, last = one_pass(sentences, steps)
        times.append(seconds)
    report[shape] = round(min(times) / steps * 1000, 3)
torch.save(last, states_file)
print(json.dumps({"ms_per_step": report, "ltmt": ltmt.__file__}))
"""


def turn(checkout: Path, args: argparse.Namespace, states_file: Path) -> dict[str, Any]:
    done = run_in_checkout(
        checkout,
        CHILD.replace("{beam}", str(BEAM)).replace("{source_length}", str(SOURCE_LENGTH)),
        str(args.model),
        str(args.threads),
        args.shapes,
        str(args.repeats),
        str(states_file),
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["ltmt"].startswith(str(checkout.resolve())):
        raise SystemExit(f"checkout {checkout}: imported ltmt from {result['ltmt']}")
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    a, b = (path.resolve() for path in args.checkouts)
    rounds: dict[str, list[dict[str, float]]] = {"a": [], "b": []}
    with tempfile.TemporaryDirectory() as folder:
        files = {"a": Path(folder) / "a.pt", "b": Path(folder) / "b.pt"}
        for number in range(args.rounds):
            order = (("a", a), ("b", b)) if number % 2 == 0 else (("b", b), ("a", a))
            for name, checkout in order:
                rounds[name].append(turn(checkout, args, files[name])["ms_per_step"])
        difference = (torch.load(files["a"]) - torch.load(files["b"])).abs().max().item()
    shapes = args.shapes.split(",")

    def medians(name: str) -> dict[str, float]:
        return {s: round(statistics.median(r[s] for r in rounds[name]), 3) for s in shapes}

    return {
        "benchmark": "IncrementalDecoder steps with beam reordering, two checkouts in turn",
        "checkouts": {"a": str(a), "b": str(b)},
        "model": str(args.model),
        "weights": "int8 linear layers (quantized_int8)",
        "beam": BEAM,
        "threads": args.threads,
        "shapes": "sentences:steps (rows = sentences x beam)",
        "unit": "ms a step (step and reordering), fastest of the repeats, median of the rounds",
        "rounds": rounds,
        "median_ms_per_step": {"a": medians("a"), "b": medians("b")},
        "b_over_a": {s: round(medians("b")[s] / medians("a")[s], 3) for s in shapes},
        "final_states_max_abs_difference": difference,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("checkouts", type=Path, nargs=2, help="two ltmt source trees: A B")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--shapes", default="32:12,32:30,12:20,4:16")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    for checkout in args.checkouts:
        if not (checkout / "ltmt" / "__init__.py").is_file():
            parser.error(f"{checkout} is not an ltmt checkout (no ltmt/__init__.py)")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
