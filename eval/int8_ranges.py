"""How far real inputs go beyond the int8 calibration's: per linear layer of the default model.

``ltmt.model.int8_calibration`` measures each layer's largest absolute input on the 40 pairs
shipped with ltmt; ``ltmt.model.int8_linear`` represents inputs up to ``HEADROOM`` times that.
This script reads a sample of *training* text (``--per-product`` pairs of each ``l10n/train``
product and ``--general`` pairs of ``general/train``; never the dev users' files) through the
float32 model and reports, per layer, the largest input it saw against the calibration's.

    python eval/int8_ranges.py --output eval/results/speed/int8-ranges-s14.json

Untimed. Writes the sample's size, the median and largest ratio, and every layer's row.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from support import DATA_DIR, emit_report, use_this_checkout


def training_pairs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """``--per-product`` pairs of each ``l10n/train`` product and ``--general`` pairs of
    ``general/train``, drawn with ``--seed`` (never the dev users' files)."""
    per_product, general = args.per_product, args.general
    rng = random.Random(args.seed)
    pairs: list[tuple[str, str]] = []
    for product in sorted((DATA_DIR / "l10n" / "train").glob("*.jsonl")):
        lines = product.read_text(encoding="utf-8").splitlines()
        for line in rng.sample(lines, min(per_product, len(lines))):
            row = json.loads(line)
            pairs.append((row["source"][:300], row["target"][:300]))
    english = (DATA_DIR / "general" / "train.en").read_text(encoding="utf-8").splitlines()
    german = (DATA_DIR / "general" / "train.de").read_text(encoding="utf-8").splitlines()
    for index in rng.sample(range(len(english)), general):
        pairs.append((english[index], german[index]))
    return pairs


def sample_arguments(description: str, per_product: int, general: int) -> argparse.Namespace:
    """The options of a script that reads a sample of training text (:func:`training_pairs`)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--per-product", type=int, default=per_product)
    parser.add_argument("--general", type=int, default=general)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path)
    return parser.parse_args()


def default_model_layers() -> tuple[Any, dict[int, str], list[Any], dict[int, float]]:
    """The default float32 model's backbone, its linear layers' names (by ``id``), the layers,
    and the input range each saw on the calibration pairs."""
    import torch

    from ltmt.model.backbone import load_backbone
    from ltmt.model.int8_calibration import input_ranges

    backbone = load_backbone(None)
    model = backbone.model
    names = {id(m): n for n, m in model.named_modules() if type(m) is torch.nn.Linear}
    layers = [m for m in model.modules() if id(m) in names]
    calibration = input_ranges(model, layers, backbone.tokenizer, backbone.start_id)
    return backbone, names, layers, calibration


def read_in_batches(
    backbone: Any, layers: list[Any], pairs: list[tuple[str, str]]
) -> Iterator[dict[int, float]]:
    """Read ``pairs`` through the float32 model 32 at a time; for each batch, the largest input
    each of ``layers`` saw (:func:`ltmt.model.int8_calibration.input_ranges`)."""
    from ltmt.model.int8_calibration import input_ranges

    for start in range(0, len(pairs), 32):
        batch = tuple(pairs[start : start + 32])
        yield input_ranges(backbone.model, layers, backbone.tokenizer, backbone.start_id, batch)


def main() -> None:
    args = sample_arguments(__doc__.split("\n\n")[0], per_product=6, general=150)
    use_this_checkout()
    from ltmt.model.int8_linear import HEADROOM

    backbone, names, layers, calibration = default_model_layers()
    pairs = training_pairs(args)
    seen: dict[int, float] = {}
    for ranges in read_in_batches(backbone, layers, pairs):
        for key, value in ranges.items():
            seen[key] = max(seen.get(key, 0.0), value)
    rows = sorted(
        (
            {
                "layer": names[key],
                "calibration": round(calibration[key], 3),
                "seen": round(seen[key], 3),
                "ratio": round(seen[key] / calibration[key], 3),
            }
            for key in names
        ),
        key=lambda row: -row["ratio"],
    )
    ratios = [row["ratio"] for row in rows]
    report = {
        "pairs": len(pairs),
        "headroom": HEADROOM,
        "median_ratio": statistics.median(ratios),
        "largest_ratio": max(ratios),
        "layers_beyond_headroom": sum(r > HEADROOM for r in ratios),
        "layers": rows,
    }
    emit_report(report, args.output, shown={k: v for k, v in report.items() if k != "layers"})


if __name__ == "__main__":
    main()
