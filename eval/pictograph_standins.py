"""Which stand-in the model keeps for a pictograph inside a line (the choice behind
``ltmt.pictographs``): 200 of the dev users' test sources (one line, five words or more, no
placeholders or markup; seeded shuffle) get one stand-in put in at the middle word boundary,
and are translated with no memory by the default model, through ``Translator.translate`` (no
placeholder repair). Reported per stand-in: the outputs that hold it exactly once, and chrF of
the output (the stand-in taken out) against the translation of the clean line.

    python eval/pictograph_standins.py --output eval/results/pictographs/standins.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from sacrebleu.metrics import CHRF
from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

STANDINS = ("<x/>", "<x1/>", "<img/>", "{0}", "{e1}", "%s", "*", '<x id="1"/>')
_SKIPPED = re.compile(r"[%{}<>&\\\n]")


def main() -> None:
    from ltmt.translator import Translator

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--lines", type=int, default=200)
    args = parser.parse_args()
    sources = [
        row["source"]
        for path in sorted(DEV_USERS_DIR.glob("*.test.jsonl"))
        for row in map(json.loads, path.open(encoding="utf-8"))
        if not _SKIPPED.search(row["source"]) and len(row["source"].split()) >= 5
    ]
    random.Random(1).shuffle(sources)
    sources = sources[: args.lines]
    translator = Translator(None)
    clean = [t.text for t in translator.translate(sources)]
    report: dict = {"lines": len(sources), "standins": {}}
    for standin in STANDINS:
        texts = []
        for source in sources:
            words = source.split(" ")
            texts.append(" ".join([*words[: len(words) // 2], standin, *words[len(words) // 2 :]]))
        outputs = [t.text for t in translator.translate(texts)]
        stripped = [" ".join(o.replace(standin, " ").split()) for o in outputs]
        report["standins"][standin] = {
            "kept_once": sum(o.count(standin) == 1 for o in outputs),
            "chrf_vs_clean": round(CHRF().corpus_score(stripped, [clean]).score, 2),
            "examples": outputs[:2],
        }
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
