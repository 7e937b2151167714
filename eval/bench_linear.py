"""The matrix products of decoding, one layer at a time: bfloat16 plain, bfloat16 packed for
oneDNN (``ltmt.model.packed``) and int8 dynamically quantised (torch.ao, oneDNN and x86 engines).

    flock -x /tmp/ltmt-cpu.lock python eval/bench_linear.py --threads 2 \\
        --output eval/results/speed/linear-s9.json

Shapes: the default model's layers (d_model 512, FFN 2,048, vocabulary 8,001) at a beam step's
128 rows, and at 1,280 rows (an encoder batch). Kinds take turns within every round; each
product's time is the median of the rounds, in milliseconds. Also records whether the packed
product equals the plain one bit for bit.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from pathlib import Path

from support import write_json

SHAPES = [(128, 512, 1536), (128, 512, 512), (128, 512, 2048), (128, 2048, 512), (128, 512, 8001)]
SHAPES += [(1280, 512, 512), (1280, 512, 2048), (1280, 2048, 512)]


def _time(call, repeats: int) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(repeats):
        call()
    return (time.perf_counter() - started) / repeats * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import torch

    from ltmt.model.packed import PackedLinear

    warnings.filterwarnings("ignore")  # torch.ao's deprecation notices
    torch.set_num_threads(args.threads)
    results = []
    with torch.inference_mode():
        for rows, inputs, outputs in SHAPES:
            plain = torch.nn.Linear(inputs, outputs).to(torch.bfloat16)
            states = torch.randn(rows, inputs).to(torch.bfloat16)
            packed = PackedLinear(plain.weight, plain.bias)
            float_layer = torch.nn.Sequential(torch.nn.Linear(inputs, outputs))
            float_states = states.float()
            kinds = {
                "bf16": lambda p=plain, s=states: p(s),
                "bf16 packed": lambda p=packed, s=states: p(s),
            }
            for engine in ("onednn", "x86"):
                torch.backends.quantized.engine = engine
                quantised = torch.ao.quantization.quantize_dynamic(
                    float_layer, {torch.nn.Linear}, dtype=torch.qint8
                )
                name = f"int8 ({engine})"
                kinds[name] = lambda q=quantised, e=engine, x=float_states: _on(e, q, x)
            times: dict[str, list[float]] = {kind: [] for kind in kinds}
            for call in kinds.values():  # warm-up: oneDNN builds its kernels on first use
                _time(call, 3)
            for _ in range(args.rounds):
                for kind, call in kinds.items():
                    times[kind].append(_time(call, args.repeats))
            row = {
                "rows": rows,
                "in": inputs,
                "out": outputs,
                "ms": {kind: round(statistics.median(t), 3) for kind, t in times.items()},
                "packed_equals_plain": bool(torch.equal(packed(states), plain(states))),
            }
            print(row)
            results.append(row)
    report = {"threads": args.threads, "rounds": args.rounds, "products": results}
    if args.output:
        write_json(args.output, report)


def _on(engine: str, layer, states):  # type: ignore[no-untyped-def]
    import torch

    torch.backends.quantized.engine = engine
    return layer(states)


if __name__ == "__main__":
    main()
