"""How a CTranslate2 translator in the same process slows torch's multi-threaded operations.

CTranslate2 decodes on worker threads of its own, and its OpenMP calls bind to the libgomp that
torch loaded first. A worker whose parallel regions span several threads gets an OpenMP thread
pool of its own; once libgomp manages more threads than there are CPUs, it lets no idle thread
of any pool spin (its "throttled" spin count), so every later parallel region of torch waits for
its threads to wake. ltmt's fast path therefore runs CTranslate2 on one thread per worker
(:class:`ltmt.model.ctranslate.FastDecoder`, session 37).

Each case runs in a fresh child process: torch on ``--threads`` intra-op threads times a decoder
layer's six int8 products (the default model's shapes, :class:`ltmt.model.int8_linear.Int8Linear`)
at ``--rows`` rows with a short pause of Python work between them, as a decoder step has, then
has a CTranslate2 translator of the default model (``intra_threads`` 2 or 1, or none) decode one
batch, and times the products again. Reports per case the median milliseconds of the products
before and after (wall and process CPU time), over ``--repeats`` children:

    flock -x /tmp/ltmt-cpu.lock python eval/openmp_pools.py \\
        --output eval/results/speed/s37/openmp-pools.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from support import DEFAULT_MODEL, emit_report, use_this_checkout

use_this_checkout()

# (out, in) of a decoder layer's products: joined q/k/v, self-attention out, cross q, cross out,
# fc1, fc2 (d_model 512, 8 heads, ffn 2048)
SHAPES = ((1536, 512), (512, 512), (512, 512), (512, 512), (2048, 512), (512, 2048))
CASES = {"no CTranslate2": 0, "CTranslate2, 2 intra-op threads": 2, "CTranslate2, 1": 1}


def child(threads: int, rows: int, gap_us: float, ct2_threads: int) -> dict[str, Any]:
    """One case in this process: the products' time before and after CTranslate2 decodes."""
    import torch

    from ltmt.model.int8_linear import Int8Linear

    torch.manual_seed(0)
    torch.set_num_threads(threads)
    layers = [Int8Linear(torch.randn(o, i) * 0.05, torch.zeros(o), 8.0) for o, i in SHAPES]
    inputs = {512: torch.randn(rows, 512), 2048: torch.randn(rows, 2048)}

    def pause() -> None:  # Python work between operations, holding this thread
        end = time.perf_counter() + gap_us * 1e-6
        while time.perf_counter() < end:
            pass

    def products() -> tuple[float, float]:
        for _ in range(50):  # warm-up
            for layer in layers:
                layer(inputs[layer.in_features])
                pause()
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(300):
            for layer in layers:
                layer(inputs[layer.in_features])
                pause()
        return (time.perf_counter() - wall) / 0.3, (time.process_time() - cpu) / 0.3

    before = products()
    if ct2_threads:
        import ctranslate2

        from ltmt.model.backbone import load_backbone
        from ltmt.model.ctranslate import convert

        backbone = load_backbone(DEFAULT_MODEL)
        translator = ctranslate2.Translator(
            str(convert(backbone, "int8")), intra_threads=ct2_threads, inter_threads=1
        )
        tokens = backbone.tokenizer.convert_ids_to_tokens(
            backbone.tokenizer("Open the file in a new window.")["input_ids"]
        )
        translator.translate_batch([tokens] * 8, beam_size=4)
        torch.set_num_threads(threads)
    after = products()
    return {"before_ms": before, "after_ms": after}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rows", default="16,64", help="comma-separated")
    parser.add_argument("--gap-us", type=float, default=20.0, help="Python work between products")
    parser.add_argument("--repeats", type=int, default=3, help="child processes per case")
    parser.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if args.child:
        rows, ct2_threads = args.child
        print(json.dumps(child(args.threads, rows, args.gap_us, ct2_threads)))
        return
    results: dict[str, dict[str, Any]] = {}
    for rows in map(int, args.rows.split(",")):
        runs: dict[str, list[dict[str, Any]]] = {case: [] for case in CASES}
        for _ in range(args.repeats):  # cases interleaved, a fresh process each
            for case, ct2_threads in CASES.items():
                command = [sys.executable, __file__, "--threads", str(args.threads)]
                command += ["--gap-us", str(args.gap_us), "--child", str(rows), str(ct2_threads)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                runs[case].append(json.loads(done.stdout.strip().splitlines()[-1]))
        results[f"{rows} rows"] = {
            case: {
                f"{when}_{kind}_ms": round(
                    statistics.median(r[f"{when}_ms"][index] for r in found), 3
                )
                for when in ("before", "after")
                for index, kind in enumerate(("wall", "cpu"))
            }
            for case, found in runs.items()
        }
    report = {
        "benchmark": "torch int8 products of a decoder layer, before and after CTranslate2 "
        "decodes a batch in the same process",
        "threads": args.threads,
        "gap_us": args.gap_us,
        "repeats": args.repeats,
        "unit": "ms for the six products (one layer), median over the child processes",
        "results": results,
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
