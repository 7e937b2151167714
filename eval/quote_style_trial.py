"""How each user's translators quote what their sources quote, and how the model does.

For each user of a users folder: the quote marks its memory's targets write around a quoted
item (a placeholder, a command, an option name a translation copies) for each of the marks its
sources put around it (:func:`ltmt.quote_style.quote_table` of the whole memory), and, given a
``ltmt bench`` output folder, how each system's outputs and the references quote the items the
test sources quote (the marks of each output's quoted items the source quotes, counted), and
what ``ltmt qa``'s ``quotes`` check says of them with the user's memory (``qa_findings``: on the
references, every finding is a false alarm).

    python eval/quote_style_trial.py --bench eval/results/dev-offline-s55-zen4 \\
        --output eval/results/quote-style-dev.json
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, read_jsonl, use_this_checkout

use_this_checkout()
from ltmt.qa.catalog_checks import quote_findings  # noqa: E402
from ltmt.quote_style import quote_table, quoted_items  # noqa: E402
from ltmt.segments import PairRecord  # noqa: E402


def marks(pair: tuple[str, str]) -> str:
    return f"{pair[0]}x{pair[1]}"


def written_marks(source: str, text: str) -> Counter[str]:
    wanted = quoted_items(source)
    return Counter(marks(found) for item, found in quoted_items(text).items() if item in wanted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--bench", type=Path, help="a ltmt bench output folder")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    users: dict[str, Any] = {}
    tables = {}
    for path in sorted(args.users_dir.glob("*.memory.jsonl")):
        rows = read_jsonl(path)
        table = tables[path.name.split(".")[0]] = quote_table(
            (row["source"], row["target"]) for row in rows
        )
        users[path.name.split(".")[0]] = {
            "memory": {
                marks(source): {marks(t): n for t, n in counts.most_common()}
                for source, counts in table.items()
            }
        }
    if args.bench is not None:
        written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        texts: dict[tuple[str, str], list[PairRecord]] = defaultdict(list)
        for row in read_jsonl(args.bench / "hypotheses.jsonl"):
            written[row["set"], row["system"]] += written_marks(row["source"], row["hypothesis"])
            texts[row["set"], row["system"]].append(PairRecord(row["source"], row["hypothesis"]))
            if row["system"] == "base":
                written[row["set"], "reference"] += written_marks(row["source"], row["reference"])
                texts[row["set"], "reference"].append(PairRecord(row["source"], row["reference"]))
        for (user, system), counts in sorted(written.items()):
            users.setdefault(user, {}).setdefault("test", {})[system] = dict(counts.most_common())
            found = quote_findings(texts[user, system], tables[user], "the memory")
            users[user].setdefault("qa_findings", {})[system] = len(found)
    report = {"benchmark": "quote-style", "bench": str(args.bench), "users": users}
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
