"""How sure ltmt's language detection is of the dev users' strings and files, both sides.

Each user's test sources (English) and their translations (German) are read by
:func:`ltmt.language_detection.detect` one string at a time (``strings``: the share whose
likeliest language is the side's own, and how many read as the other side's language, or as
any language, with ``SURE`` confidence or more) and together, as ``ltmt translate`` reads a
file (``document``: the likeliest language and its confidence, and whether ``ltmt translate``
from English warns of such a file). These are the numbers the thresholds of
:mod:`ltmt.language_detection` rest on: a string's language is told only with ``SURE``
confidence, a document's with ``DOCUMENT_SURE``.

``imports`` is what ``ltmt memory import`` says of pairs files
(:func:`ltmt.language_detection.pairs_language_problem`): each dev user's memory as it is, with
its two sides swapped and with its sources on both sides (all three should be told apart), and
every file of the training catalogs (``l10n/train``: none should be refused).

    python eval/language_detection_trial.py --output eval/results/language-detection-dev.json
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from support import DATA_DIR, DEV_USERS_DIR, emit_report, read_jsonl, use_this_checkout

use_this_checkout()
from ltmt.language_detection import (  # noqa: E402
    DOCUMENT_CHARS,
    DOCUMENT_SURE,
    SURE,
    detect,
    document_language,
    pairs_language_problem,
)

SIDES = {"source": "en", "target": "de"}


def side_report(texts: list[str], own: str, other: str) -> dict[str, Any]:
    firsts = [found[0] for found in (detect(text, 1) for text in texts) if found]
    likeliest = Counter(d.language for d in firsts)
    document = detect(" ".join(texts)[:DOCUMENT_CHARS], 1)
    warns = document_language(texts)
    return {
        "strings": len(texts),
        "with_letters": len(firsts),
        "likeliest_own": likeliest[own],
        "likeliest_own_share": round(likeliest[own] / max(1, len(firsts)), 3),
        "sure_own": sum(d.language == own and d.confidence >= SURE for d in firsts),
        "sure_other_side": sum(d.language == other and d.confidence >= SURE for d in firsts),
        "sure_any_other": sum(d.language != own and d.confidence >= SURE for d in firsts),
        "likeliest_languages": dict(likeliest.most_common(6)),
        "document": {
            "language": document[0].language if document else None,
            "confidence": round(document[0].confidence, 3) if document else None,
            # what `ltmt translate` from English says of a file of these texts
            "translate_from_en_warns": warns is not None and warns.language != "en",
        },
    }


def imports_report(users_dir: Path, catalogs: Path) -> dict[str, Any]:
    def problem(sources: list[str], targets: list[str]) -> str | None:
        return pairs_language_problem(sources, targets, "en", "de")

    memories: dict[str, Any] = {}
    for path in sorted(users_dir.glob("*.memory.jsonl")):
        rows = read_jsonl(path)
        sources, targets = [r["source"] for r in rows], [r["target"] for r in rows]
        memories[path.name] = {
            "as_it_is": problem(sources, targets),
            "swapped": problem(targets, sources),
            "sources_on_both_sides": problem(sources, sources),
        }
    refused = {}
    files = sorted(catalogs.glob("*.jsonl"))
    for path in files:
        rows = read_jsonl(path)
        found = problem([r["source"] for r in rows], [r["target"] for r in rows])
        if found is not None:
            refused[path.name] = found
    return {
        "dev_memories": memories,
        "training_catalogs": {"files": len(files), "refused": refused},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--catalogs", type=Path, default=DATA_DIR / "l10n" / "train")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    users: dict[str, Any] = {}
    for path in sorted(args.users_dir.glob("*.test.jsonl")):
        rows = read_jsonl(path)
        users[path.name.split(".")[0]] = {
            side: side_report(
                [row[side] for row in rows], own, SIDES["target" if side == "source" else "source"]
            )
            for side, own in SIDES.items()
        }
    totals = {
        side: {
            key: sum(user[side][key] for user in users.values())
            for key in ("strings", "with_letters", "likeliest_own", "sure_own", "sure_other_side")
        }
        for side in SIDES
    }
    report = {
        "benchmark": "language-detection",
        "users_dir": str(args.users_dir),
        "sure": SURE,
        "document_sure": DOCUMENT_SURE,
        "totals": totals,
        "users": users,
        "imports": imports_report(args.users_dir, args.catalogs),
    }
    emit_report(report, args.output, shown={"totals": totals})


if __name__ == "__main__":
    main()
