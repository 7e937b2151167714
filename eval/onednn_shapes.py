"""oneDNN's kernel cache against many product shapes: bfloat16 linear layers over many row counts.

Four linear layers (512 → 512, 1536, 2048, 8001: the default model's) over 300 row counts, 1,200
shapes, taken in turn for three rounds, in a child process per capacity of
``ONEDNN_PRIMITIVE_CACHE_CAPACITY`` (1,024 is oneDNN's default, 8,192 ltmt's:
:mod:`ltmt.model.primitive_cache`); each child's round times and peak RSS, in JSON.

    python eval/onednn_shapes.py --output eval/results/speed/s73/onednn-shapes.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

CAPACITIES = (1024, 8192)


def child() -> None:
    """One capacity's rounds (read from the environment), printed as JSON."""
    import torch

    torch.set_num_threads(1)
    layers = [torch.nn.Linear(512, n).to(torch.bfloat16) for n in (512, 1536, 2048, 8001)]
    inputs = [torch.randn(rows, 512).to(torch.bfloat16) for rows in range(1, 301)]
    rounds = []
    with torch.inference_mode():
        for _ in range(3):
            start = time.perf_counter()
            for batch in inputs:
                for layer in layers:
                    layer(batch)
            rounds.append(round(time.perf_counter() - start, 3))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"round_seconds": rounds, "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return
    report: dict[str, object] = {"shapes": 1200, "threads": 1, "capacities": {}}
    for capacity in CAPACITIES:
        env = {**os.environ, "ONEDNN_PRIMITIVE_CACHE_CAPACITY": str(capacity)}
        done = subprocess.run(
            [sys.executable, __file__, "--child", "--output", "-"],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        report["capacities"][str(capacity)] = json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[index]
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
