"""The dev users' test strings translated one request per line, as a server's client sends them.

``ltmt bench`` translates each user's test set in one call, where the matches of all its lines
tell how the user writes things (the quote marks of :mod:`ltmt.quote_style`). A client that
sends one line a request (LibreTranslate's web page, a CAT tool's lookup) gives ltmt that line's
matches alone. This translates every test string of each user in a call of its own, with
``Translator(user_quotes=...)`` off and on, and scores both against the references (BLEU and
chrF2, as ``ltmt bench`` does; the decoder's outputs, ``fit=False``).

    python eval/one_line_requests.py --fusion knn --output eval/results/one-line-requests-knn.json
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from support import DEFAULT_MODEL, DEV_USERS_DIR, emit_report, read_jsonl, use_this_checkout

use_this_checkout()


def main() -> None:
    import sacrebleu

    from ltmt import Memory, Translator

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--fusion", default="knn")
    parser.add_argument("--limit", type=int, default=0, help="test strings per user (0: all)")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    outputs: dict[bool, list[str]] = {False: [], True: []}
    references: list[str] = []
    changed = 0
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="ltmt-one-line-") as folder,
        Memory(Path(folder) / "store") as memory,
    ):
        off = Translator(args.model, memory, fusion=args.fusion, user_quotes=False)
        translators = {
            False: off,
            True: Translator(off.backbone, memory, fusion=args.fusion, user_quotes=True),
        }
        for path in sorted(args.users_dir.glob("*.test.jsonl")):
            user = path.name.split(".")[0]
            memory_rows = read_jsonl(args.users_dir / f"{user}.memory.jsonl")
            memory.import_pairs(user, [(r["source"], r["target"]) for r in memory_rows])
            for row in read_jsonl(path)[: args.limit or None]:
                texts = {
                    on: translator.translate([row["source"]], user=user, fit=False)[0].text
                    for on, translator in translators.items()
                }
                for on, text in texts.items():
                    outputs[on].append(text)
                changed += texts[False] != texts[True]
                references.append(row["target"])
    report: dict[str, Any] = {
        "benchmark": "one-line-requests",
        "fusion": args.fusion,
        "segments": len(references),
        "outputs_changed": changed,
        "seconds": round(time.perf_counter() - started, 1),
    }
    for on in (False, True):
        report["user_quotes_on" if on else "user_quotes_off"] = {
            "bleu": round(sacrebleu.corpus_bleu(outputs[on], [references]).score, 2),
            "chrf2": round(sacrebleu.corpus_chrf(outputs[on], [references]).score, 2),
        }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
