"""The matrix products of decoding, one layer at a time: bfloat16 plain, bfloat16 packed for
oneDNN (``ltmt.model.packed``), int8 dynamically quantised (torch.ao, oneDNN and x86 engines)
and ltmt's int8 layer (``ltmt.model.int8_linear``: one scale per output row, a fixed input
scale, fbgemm's fused kernel).

    flock -x /tmp/ltmt-cpu.lock python eval/bench_linear.py --threads 2 \\
        --output eval/results/speed/linear-s9.json

Shapes: the default model's layers (d_model 512, FFN 1,024, vocabulary 8,001; ``--ffn 2048``
for the shapes of session 9's runs) at a beam step's 128 rows, and at 1,280 rows (an encoder
batch); then the vocabulary side of a step (the output projection and the float32
log-softmax of its 128 rows) with the packed bfloat16 projection and with ``Int8Linear``. Kinds
take turns within every round; each product's time is the median of the rounds, in
milliseconds of wall time (``ms``) and of the process's CPU time (``cpu_ms``). Also records
whether the packed product equals the plain one bit for bit.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from pathlib import Path

from support import write_json


def _shapes(ffn: int) -> list[tuple[int, int, int]]:
    step = [(128, 512, 1536), (128, 512, 512), (128, 512, ffn), (128, ffn, 512), (128, 512, 8001)]
    return [*step, (1280, 512, 512), (1280, 512, ffn), (1280, ffn, 512)]


def _time(call, repeats: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Milliseconds per call: wall and CPU time."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeats):
        call()
    return (
        (time.perf_counter() - started) / repeats * 1e3,
        (time.process_time() - cpu) / repeats * 1e3,
    )


def _rounds(kinds, rounds: int, repeats: int) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Each kind's median wall and CPU milliseconds over ``rounds``, the kinds taking turns."""
    times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
    for call in kinds.values():  # warm-up: oneDNN builds its kernels on first use
        _time(call, 3)
    for _ in range(rounds):
        for kind, call in kinds.items():
            times[kind].append(_time(call, repeats))
    return {
        "ms": {kind: round(statistics.median(t[0] for t in ts), 3) for kind, ts in times.items()},
        "cpu_ms": {
            kind: round(statistics.median(t[1] for t in ts), 3) for kind, ts in times.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--ffn", type=int, default=1024, help="the FFN's width")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import torch

    from ltmt.model.int8_linear import Int8Linear
    from ltmt.model.packed import PackedLinear

    warnings.filterwarnings("ignore")  # torch.ao's deprecation notices
    torch.set_num_threads(args.threads)
    results = []
    with torch.inference_mode():
        for rows, inputs, outputs in _shapes(args.ffn):
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
            ltmt_int8 = Int8Linear(plain.weight, None, float(float_states.abs().max()))
            kinds["int8 fixed input scale (ltmt, fbgemm)"] = lambda h=ltmt_int8, s=states: h(s)
            row = {
                "rows": rows,
                "in": inputs,
                "out": outputs,
                **_rounds(kinds, args.rounds, args.repeats),
                "packed_equals_plain": bool(torch.equal(packed(states), plain(states))),
            }
            print(row)
            results.append(row)
        vocabulary = _vocabulary_side(torch, PackedLinear, Int8Linear, args)
        print(vocabulary)
    report = {
        "threads": args.threads,
        "rounds": args.rounds,
        "products": results,
        "vocabulary_side": vocabulary,
    }
    if args.output:
        write_json(args.output, report)


def _vocabulary_side(torch, packed_linear, int8_head, args):  # type: ignore[no-untyped-def]
    """A beam step's 128 rows through the output projection (512 x 8,001) and the float32
    log-softmax: as the decoder runs it on packed bfloat16, and with ``Int8Linear``."""
    weight = torch.randn(8001, 512).to(torch.bfloat16) * 0.05
    states = torch.randn(128, 512).to(torch.bfloat16)
    head = int8_head(weight, None, float(states.float().abs().max()), shared=True)
    packed = packed_linear(weight, None)
    kinds = {
        "bf16 packed, float, log-softmax": lambda: torch.log_softmax(packed(states).float(), -1),
        "int8 head, log-softmax": lambda: torch.log_softmax(head(states), -1),
    }
    return {"rows": 128, **_rounds(kinds, args.rounds, args.repeats)}


def _on(engine: str, layer, states):  # type: ignore[no-untyped-def]
    import torch

    torch.backends.quantized.engine = engine
    return layer(states)


if __name__ == "__main__":
    main()
