"""How well words no dictionary knows point at outputs a reviewer must fix.

Reads translations that were already made and saved with their references (no decoding):
``--bench`` folders of ``ltmt bench`` (their ``hypotheses.jsonl``: each system's outputs of the
dev users' test segments) and ``--labels`` reports of ``eval/label_lexicon_trial.py`` (the
``after`` output of each held-out catalog label). For each set of outputs it counts those with
a word the target language's dictionary does not know (:mod:`ltmt.spelling`, the source's
words passing) and, among those flagged and the others, how many equal their reference
(case, an accelerator and a final ``:`` or ellipsis aside) and their chrF2; how many of the
references themselves (the translators' text) would be flagged, with the words most often
flagged in each; and the seconds checking the outputs took (``check_seconds``, the sets in
the order given: the first pays for the dictionary's cache).

    python eval/spelling_trial.py --bench eval/results/dev-offline-s52-zen4-numbers \\
        --labels eval/results/label-lexicon/trial.json \\
        --output eval/results/spelling/trial.json
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path
from typing import Any

from support import emit_report, read_jsonl, use_this_checkout

use_this_checkout()


def _outcome(rows: list[tuple[str, str, str]], dictionary: Any) -> dict[str, Any]:
    """Counts for ``(source, output, reference)`` rows (module docstring)."""
    import sacrebleu

    from ltmt.label_lexicon import plain_label

    groups: dict[str, dict[str, list[str]]] = {
        g: {"outputs": [], "references": []} for g in ("flagged", "not_flagged")
    }
    same = {"flagged": 0, "not_flagged": 0}
    words: collections.Counter[str] = collections.Counter()
    reference_words: collections.Counter[str] = collections.Counter()
    references_flagged = 0
    examples: list[dict[str, Any]] = []
    started = time.perf_counter()
    found = [dictionary.unknown_words(output, source) for source, output, _ in rows]
    seconds = time.perf_counter() - started
    for (source, output, reference), unknown in zip(rows, found, strict=True):
        group = "flagged" if unknown else "not_flagged"
        groups[group]["outputs"].append(output)
        groups[group]["references"].append(reference)
        same[group] += plain_label(output).casefold() == plain_label(reference).casefold()
        words.update(unknown)
        if unknown and len(examples) < 40:
            examples.append({"source": source, "output": output, "unknown": unknown})
        in_reference = dictionary.unknown_words(reference, source)
        references_flagged += bool(in_reference)
        reference_words.update(in_reference)
    result: dict[str, Any] = {"outputs": len(rows), "check_seconds": round(seconds, 4)}
    for group, texts in groups.items():
        count = len(texts["outputs"])
        chrf = sacrebleu.corpus_chrf(texts["outputs"], [texts["references"]]).score if count else 0
        result[group] = {
            "outputs": count,
            "as_reference": same[group],
            "as_reference_share": round(same[group] / count, 4) if count else None,
            "chrf2": round(chrf, 2),
        }
    result["references_flagged"] = references_flagged
    result["words_flagged_most"] = words.most_common(30)
    result["reference_words_flagged_most"] = reference_words.most_common(30)
    result["examples"] = examples
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, nargs="*", default=[], help="ltmt bench folders")
    parser.add_argument("--labels", type=Path, nargs="*", default=[], help="label trial JSON")
    parser.add_argument("--language", default="de", help="the outputs' language")
    parser.add_argument("--output", type=Path, help="where to write the JSON report")
    args = parser.parse_args()
    from ltmt.spelling import INSTALL_HINT, dictionary_for

    dictionary = dictionary_for(args.language)
    if dictionary is None:
        raise SystemExit(f"no spelling dictionary for {args.language}: {INSTALL_HINT}")
    report: dict[str, Any] = {"dictionary": dictionary.name, "sets": {}}
    for folder in args.bench:
        by_system: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
        for row in read_jsonl(folder / "hypotheses.jsonl"):
            by_system[row["system"]].append((row["source"], row["hypothesis"], row["reference"]))
        for system, rows in by_system.items():
            report["sets"][f"{folder.name}/{system}"] = _outcome(rows, dictionary)
    for path in args.labels:
        examples = json.loads(path.read_text(encoding="utf-8"))["examples"]
        rows = [(e["source"], e["after"], e["translation"]) for e in examples]
        report["sets"][f"{path.name}/labels"] = _outcome(rows, dictionary)
    shown = {
        name: {k: v for k, v in data.items() if k != "examples"}
        for name, data in report["sets"].items()
    }
    emit_report(report, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
