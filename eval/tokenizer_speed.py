"""Tokenizer speed: ltmt's SentencePiece tokenizer against ``MarianTokenizer``, interleaved.

Encodes (sources with ``text``, targets with ``text_target``) and decodes the dev users'
segments with both tokenizers of the default model, ``--rounds`` times in ABBA order, and
writes the median seconds of each to JSON. Timed: run it under the CPU lock.

    flock -x /tmp/ltmt-cpu.lock python eval/tokenizer_speed.py \
        --output eval/results/speed/tokenizer-speed.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_user_cli import REPO, write_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(REPO / "ltmt/models/default-en-de"))
    parser.add_argument("--users-dir", default=str(REPO / "../shared/data/en-de/l10n/dev"))
    parser.add_argument("--limit", type=int, default=5000, help="Segments per run.")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--output", default="eval/results/speed/tokenizer-speed.json")
    args = parser.parse_args()
    from transformers import MarianTokenizer

    from ltmt.model.spm_tokenizer import SentencePieceTokenizer

    rows = [
        json.loads(line)
        for path in sorted(Path(args.users_dir).glob("*.jsonl"))
        for line in path.open(encoding="utf-8")
    ][: args.limit]
    sources, targets = [r["source"] for r in rows], [r["target"] for r in rows]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokenizers: dict[str, Any] = {
            "MarianTokenizer": MarianTokenizer.from_pretrained(args.model),
            "SentencePieceTokenizer": SentencePieceTokenizer(args.model),
        }
    ids = tokenizers["MarianTokenizer"](text_target=targets)["input_ids"]
    times: dict[str, list[float]] = {name: [] for name in tokenizers}
    order = list(tokenizers)
    for round_ in range(args.rounds):
        for name in order if round_ % 2 == 0 else order[::-1]:
            tokenizer = tokenizers[name]
            start = time.perf_counter()
            tokenizer(sources, truncation=True, max_length=256)
            tokenizer(text_target=targets, truncation=True, max_length=256)
            tokenizer.batch_decode(ids, skip_special_tokens=True)
            times[name].append(time.perf_counter() - start)
    report = {
        "benchmark": "tokenizer speed (encode sources and targets, decode targets)",
        "segments": len(rows),
        "rounds": args.rounds,
        "median_seconds": {name: round(statistics.median(t), 3) for name, t in times.items()},
        "seconds": times,
    }
    write_report(args.output, report, report["median_seconds"])


if __name__ == "__main__":
    main()
