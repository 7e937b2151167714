"""What the model makes of pictographs (emoji) inside a line's words, with and without
``ltmt.pictographs.set_aside``.

The dev users' test sources (one line, five words or more, no placeholders or markup, none
set aside as decoration) get a pictograph run put in at a word boundary (one run in the middle,
or two at a third and two thirds: synthetic lines, as the dev users' strings have none), and
each is translated with the line's pictographs given to the model as they are (``decorations``
off, which is what ltmt did before) and as tags (``decorations`` on, the default). Reported,
per fusion: the lines whose output has every pictograph run exactly once, chrF of the output
(its pictographs taken out) against the translation of the clean line, and BLEU against the
reference, next to the clean lines' BLEU.

    python eval/pictograph_trial.py --output eval/results/pictographs/pictograph-trial.json
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from sacrebleu.metrics import BLEU, CHRF
from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

from ltmt.memory import Memory  # noqa: E402
from ltmt.pictographs import edges  # noqa: E402
from ltmt.translator import Translator  # noqa: E402

USERS = ("coreutils", "dpkg", "git", "gnupg2", "vim")
RUNS = ("🎉", "👍", "⭐", "📦", "✅", "🔒", "❤️", "👍🏽", "🚀🚀", "➡️")
_SKIPPED = re.compile(r"[%{}<>&\\\t\n]")


def _lines(user: str, limit: int) -> list[dict]:
    rows = [
        json.loads(line) for line in (DEV_USERS_DIR / f"{user}.test.jsonl").open(encoding="utf-8")
    ]
    kept = [
        row
        for row in rows
        if not _SKIPPED.search(row["source"])
        and len(row["source"].split()) >= 5
        and edges(row["source"]) == ("", row["source"], "")
    ]
    return kept[:limit]


def _with_runs(source: str, runs: list[str]) -> str:
    words = source.split(" ")
    places = [len(words) // 2] if len(runs) == 1 else [len(words) // 3, 2 * len(words) // 3]
    for place, run in sorted(zip(places, runs, strict=True), reverse=True):
        words.insert(place, run)
    return " ".join(words)


def _without(text: str, runs: list[str]) -> str:
    for run in runs:
        text = text.replace(run, " ")
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=80, help="lines per user")
    parser.add_argument("--memory-dir", type=Path, default=Path("/tmp/pictograph-trial-store"))
    args = parser.parse_args()
    memory = Memory(args.memory_dir)
    for user in USERS:
        if user not in memory.users():
            rows = (json.loads(line) for line in (DEV_USERS_DIR / f"{user}.memory.jsonl").open())
            memory.import_pairs(user, [(row["source"], row["target"]) for row in rows])
    results: dict[str, dict] = {}
    for fusion in ("none", "knn"):
        translators = {
            "as-is": Translator(None, memory, fusion=fusion, decorations=False),
            "tags": Translator(None, memory, fusion=fusion),
        }
        for count in (1, 2):
            rows, clean_out, outputs = [], [], {name: [] for name in translators}
            runs_of: list[list[str]] = []
            started = time.perf_counter()
            for user in USERS:
                lines = _lines(user, args.limit)
                rows.extend(lines)
                sources = [row["source"] for row in lines]
                user_runs = [
                    [RUNS[(i + k) % len(RUNS)] for k in range(count)] for i in range(len(lines))
                ]
                runs_of.extend(user_runs)
                texts = [_with_runs(s, r) for s, r in zip(sources, user_runs, strict=True)]
                clean_out.extend(t.text for t in translators["tags"].translate(sources, user))
                for name, translator in translators.items():
                    outputs[name].extend(t.text for t in translator.translate(texts, user))
            references = [row["target"] for row in rows]
            entry: dict = {
                "lines": len(rows),
                "clean_bleu": round(BLEU().corpus_score(clean_out, [references]).score, 2),
            }
            for name, outs in outputs.items():
                stripped = [_without(o, r) for o, r in zip(outs, runs_of, strict=True)]
                entry[name] = {
                    "pictographs_kept": sum(
                        all(o.count(run) == 1 for run in r)
                        for o, r in zip(outs, runs_of, strict=True)
                    ),
                    "chrf_vs_clean": round(CHRF().corpus_score(stripped, [clean_out]).score, 2),
                    "bleu": round(BLEU().corpus_score(stripped, [references]).score, 2),
                    "examples": outs[:3],
                }
            entry["seconds"] = round(time.perf_counter() - started, 1)
            results[f"{fusion}, {count} run{'s' if count > 1 else ''}"] = entry
            print(
                fusion,
                count,
                {k: v for k, v in entry.items() if not isinstance(v, dict)},
                {n: {k: v for k, v in entry[n].items() if k != "examples"} for n in outputs},
                flush=True,
            )
    emit_report(results, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
