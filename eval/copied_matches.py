"""Copies of a match of other words in two ``ltmt bench`` runs: how many, what they cost, and
the outputs that lost or added placeholders.

A fused output *copies a match of other words* when it repeats the target of a match the fusion
read for its line while the match's source says other words (:func:`ltmt.copy_guard.copied_match`,
what the copy guard looks for). For each memory-using system of two runs of the same systems on
the same users (typically ``--no-copy-guard`` and the default), this script retrieves every test
line's matches from the user's memory as ``ltmt bench`` does (``top_k`` of the run), selects
them as knn reads them (:attr:`ltmt.fusion.knn.KnnConfig.selection`; the trained combiner reads
up to the same two), and reports per system and run:

* ``copies``: lines whose output copies a match of other words;
* ``wrong_words``: words of four letters or more (case-folded) that an output shares with a
  read match's target but not with its reference, summed over the segments: a proxy for words
  taken from a match that the input does not say (``Misserfolg`` for ``success``);
* ``losing_placeholders`` / ``adding_placeholders``: outputs that lost a placeholder of their
  source / have one it lacks (:func:`ltmt.formats.placeholder_syntax.placeholders_added`: the
  placeholder guard's two cases);
* BLEU and chrF2 over the segments whose outputs differ between the runs, and over the lines
  the first run copied.

    python eval/copied_matches.py eval/results/dev-offline-s27-avx2-no-copy-guard \\
        eval/results/dev-offline-s27-avx2-copy-guard --output eval/results/copy-guard-s27.json

Untimed; reads the runs' ``hypotheses.jsonl`` and ``results.json`` and the users' memories
(``USER.memory.jsonl`` in the runs' ``users_dir``, or ``--users-dir``).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout

_WORD = re.compile(r"\w{4,}")


def words(text: str) -> set[str]:
    """The words of four letters or more of ``text``, case-folded."""
    return {w.casefold() for w in _WORD.findall(text)}


def read_rows(run: Path) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
    """``{(user, source): {system: row}}`` of an ``ltmt bench`` run's hypotheses."""
    rows: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    with (run / "hypotheses.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows[(row["set"], row["source"])][row["system"]] = row
    return rows


def scores(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Corpus BLEU and chrF2 (sacrebleu's defaults) of ``hypotheses``."""
    from sacrebleu.metrics import BLEU, CHRF

    if not hypotheses:
        return {"segments": 0}
    return {
        "segments": len(hypotheses),
        "bleu": round(BLEU().corpus_score(hypotheses, [references]).score, 2),
        "chrf2": round(CHRF().corpus_score(hypotheses, [references]).score, 2),
    }


def users_memory(folder: Path, users_dir: Path, users: set[str]) -> Any:
    """A :class:`ltmt.memory.store.Memory` in ``folder`` holding each user's
    ``USER.memory.jsonl`` of ``users_dir``, as ``ltmt bench`` imports it."""
    from ltmt.memory.store import Memory

    memory = Memory(folder / "store")
    for user in sorted(users):
        with (users_dir / f"{user}.memory.jsonl").open(encoding="utf-8") as lines:
            pairs = [(item["source"], item["target"]) for item in map(json.loads, lines)]
        memory.import_pairs(user, pairs)
    return memory


def copies_and_wrong_words(
    source: str, hypothesis: str, reference: str, matches: Sequence[Any]
) -> tuple[int, int]:
    """The lines of ``hypothesis`` that copy a match of other words (matches selected per line
    as knn reads them; lines compared where source and hypothesis have as many), and the words
    it shares with the read matches' targets but not with ``reference``."""
    from ltmt.copy_guard import copied_match
    from ltmt.fusion.knn import KnnConfig
    from ltmt.fusion.selection import select_matches
    from ltmt.text import split_lines

    selection = KnnConfig().selection
    lines, _ = split_lines(source)
    outputs, _ = split_lines(hypothesis)
    targets: set[str] = set()
    copies = 0
    for line, output in zip(lines, outputs, strict=False):
        read = select_matches(matches, line, selection)
        targets |= {w for m in read for w in words(m.segment.target)}
        copies += len(lines) == len(outputs) and copied_match(line, output, read) is not None
    return copies, len((words(hypothesis) & targets) - words(reference))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs=2, type=Path, help="two ltmt bench output folders")
    parser.add_argument("--users-dir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    use_this_checkout()
    from ltmt.formats.placeholder_syntax import placeholder_matches, placeholders_added

    configs = [json.loads((run / "results.json").read_text("utf-8"))["config"] for run in args.runs]
    top_k = configs[0]["top_k"]
    users_dir = args.users_dir or DEV_USERS_DIR
    first, second = (read_rows(run) for run in args.runs)
    systems = sorted(
        {s for row in first.values() for s in row if s in next(iter(second.values()), {})}
        - {"base", "tm", "tm-repair"}
    )
    report: dict[str, Any] = {
        "runs": [str(run) for run in args.runs],
        "copy_guard": [config.get("copy_guard", False) for config in configs],
        "users_dir": str(users_dir),
        "top_k": top_k,
        "systems": {},
    }
    with tempfile.TemporaryDirectory(prefix="ltmt-copies-") as work:
        memory = users_memory(Path(work), users_dir, {user for user, _ in first})
        found = {
            key: memory.search(key[0], key[1], k=top_k)
            for key in sorted(first)
            if key in second and all(s in second[key] for s in systems)
        }
        memory.close()
    for system in systems:
        entry: dict[str, Any] = {}
        copied_first: list[tuple[str, str]] = []
        for label, rows in (("first", first), ("second", second)):
            copies = wrong = losing = adding = 0
            for key, matches in found.items():
                row = rows[key][system]
                hyp, ref = row["hypothesis"], row["reference"]
                counted = copies_and_wrong_words(key[1], hyp, ref, matches)
                copies += counted[0]
                wrong += counted[1]
                kept, total = placeholder_matches(key[1], hyp)
                losing += kept < total
                adding += placeholders_added(key[1], hyp) > 0
                if label == "first" and counted[0]:
                    copied_first.append(key)
            entry[label] = {
                "copies": copies,
                "wrong_words": wrong,
                "losing_placeholders": losing,
                "adding_placeholders": adding,
            }
        changed = [
            k for k in found if first[k][system]["hypothesis"] != second[k][system]["hypothesis"]
        ]
        for name, chosen in (("changed", changed), ("first_copied", copied_first)):
            refs = [first[k][system]["reference"] for k in chosen]
            entry[name] = {
                label: scores([rows[k][system]["hypothesis"] for k in chosen], refs)
                for label, rows in (("first", first), ("second", second))
            }
        report["systems"][system] = entry
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
