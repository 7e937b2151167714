"""Lines written in capitals (``BERLIN, NOVEMBER 9, 1989``, ``THOMAS BRANDT``) translated by a
checkout at ``--before`` (a git revision) and by this one, held against their references.

Sources, from the training data only (never a dev user's files): every one-line pair of
``general/train`` and ``l10n/train`` whose English is written in capitals
(:func:`ltmt.capitals.written_in_capitals`: ``real``), and ``--synthetic`` pairs of
``general/train`` of 3 to 12 words with a capitalised word after the first (a name, a month),
both sides put in capitals (``synthetic``: cards and captions, which the real data has few of).
Both sides' outputs and references are compared in capitals (BLEU, chrF2). The same synthetic
lines as written (``mixed``) must come out the same from both checkouts.

    python eval/all_caps_trial.py --before main --synthetic 250 \\
        --output eval/results/all-caps-s76.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from support import DATA_DIR, emit_report, texts_translated_by_both, use_this_checkout

use_this_checkout()


def real_pairs(data: Path) -> list[tuple[str, str]]:
    """The one-line training pairs whose English is written in capitals."""
    from ltmt.capitals import written_in_capitals

    general = data / "general" / "train"
    english = general.with_suffix(".en").read_text(encoding="utf-8").split("\n")
    german = general.with_suffix(".de").read_text(encoding="utf-8").split("\n")
    pairs = list(zip(english, german, strict=True))
    for path in sorted((data / "l10n" / "train").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            pairs.append((entry["source"], entry["target"]))
    return [
        (source, target)
        for source, target in pairs
        if "\n" not in source.strip() and written_in_capitals(source)
    ]


def synthetic_pairs(data: Path, count: int) -> list[tuple[str, str]]:
    """``count`` pairs of general/train (every n-th of those that qualify), as written."""
    general = data / "general" / "train"
    english = general.with_suffix(".en").read_text(encoding="utf-8").split("\n")
    german = general.with_suffix(".de").read_text(encoding="utf-8").split("\n")
    found = [
        (source, target)
        for source, target in zip(english, german, strict=True)
        if 3 <= len(source.split()) <= 12
        and any(word[:1].isupper() and word[1:].islower() for word in source.split()[1:])
    ]
    step = max(1, len(found) // count)
    return found[::step][:count]


def scores(outputs: list[str], references: list[str]) -> dict[str, Any]:
    import sacrebleu

    upper = [text.upper() for text in outputs]
    wanted = [text.upper() for text in references]
    return {
        "lines": len(outputs),
        "bleu": round(sacrebleu.corpus_bleu(upper, [wanted]).score, 2),
        "chrf2": round(sacrebleu.corpus_chrf(upper, [wanted]).score, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="main", help="git revision to compare with")
    parser.add_argument("--synthetic", type=int, default=300, help="synthetic lines")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the en-de data folder")
    parser.add_argument("--output", type=Path, help="JSON report to write")
    args = parser.parse_args()
    real = real_pairs(args.data_dir)
    mixed = synthetic_pairs(args.data_dir, args.synthetic)
    synthetic = [(source.upper(), target.upper()) for source, target in mixed]
    groups = {"real": real, "synthetic": synthetic, "mixed": mixed}
    texts = [source for pairs in groups.values() for source, _ in pairs]
    outputs = texts_translated_by_both(args.before, texts)
    report: dict[str, Any] = {"revision_before": args.before}
    start = 0
    for name, pairs in groups.items():
        end = start + len(pairs)
        references = [target for _, target in pairs]
        before, after = outputs["before"][start:end], outputs["after"][start:end]
        report[name] = {
            "before": scores(before, references),
            "after": scores(after, references),
            "changed": sum(b != a for b, a in zip(before, after, strict=True)),
            "examples": [
                {"source": source, "before": b, "after": a, "reference": reference}
                for (source, reference), b, a in zip(pairs, before, after, strict=True)
                if b != a
            ][:40],
        }
        start = end
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
