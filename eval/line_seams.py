"""Words said twice across a line break: how often the translations of multi-line segments do it,
and what writing them once (:mod:`ltmt.line_seams`, ``Translator(seam_repair=...)``) changes.
The same switch writes a word said twice in a row once (since session 50): a segment counts as
repaired for either.

For every user of ``--users-dir`` (``USER.memory.jsonl`` + ``USER.test.jsonl``, the dev users by
default), the test segments with two lines or more are translated with the user's memory, by
each of ``--fusions``, once without the repair and once with it. Reported per fusion: the
segments, how many the repair changed, how many others differ between the two runs (none
expected: the repair is the only difference), BLEU and chrF2 of those segments against their
references without and with it (SacreBLEU, whitespace runs as one space: the references wrap
their lines elsewhere), and a few changed outputs, before and after.

    python eval/line_seams.py --output eval/results/line-seams.json

Untimed; the embedded model unless ``--model``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout

EXAMPLES = 6


def multi_line(sources: tuple[str, ...], references: tuple[str, ...]) -> list[tuple[str, str]]:
    """The ``(source, reference)`` pairs whose source has two lines or more that are not blank."""
    from ltmt.text import content_lines

    return [pair for pair in zip(sources, references) if len(content_lines(pair[0])) > 1]


def flat(texts: list[str]) -> list[str]:
    """Each text's whitespace runs as one space (line breaks placed elsewhere do not count)."""
    return [" ".join(text.split()) for text in texts]


def run(args: argparse.Namespace) -> dict[str, Any]:
    use_this_checkout()
    import sacrebleu

    from ltmt import Memory, Translator
    from ltmt.bench.data import find_users

    sets = find_users(args.users_dir)
    tests = {test.user: multi_line(test.sources, test.references) for test in sets}
    report: dict[str, Any] = {
        "users_dir": str(args.users_dir),
        "segments": {user: len(pairs) for user, pairs in tests.items()},
        "fusions": {},
    }
    with tempfile.TemporaryDirectory(prefix="ltmt-seams-") as folder, Memory(folder) as memory:
        for test in sets:
            memory.import_pairs(test.user, [(pair.source, pair.target) for pair in test.memory])
        for fusion in args.fusions.split(","):
            outputs: dict[bool, list[str]] = {False: [], True: []}
            repaired: list[bool] = []
            references: list[str] = []
            for repair in (False, True):
                translator = Translator(args.model, memory, fusion=fusion, seam_repair=repair)
                for user, pairs in tests.items():
                    done = translator.translate([source for source, _ in pairs], user=user)
                    outputs[repair] += [t.text for t in done]
                    if repair:
                        repaired += [t.seams_repaired or t.doubled_repaired for t in done]
                        references += [reference for _, reference in pairs]
            before, after = outputs[False], outputs[True]
            changed = [i for i, flag in enumerate(repaired) if flag]
            report["fusions"][fusion] = {
                "segments": len(after),
                "repaired": len(changed),
                "repaired_output_differs": sum(before[i] != after[i] for i in changed),
                "other_outputs_differing": sum(
                    a != b for i, (a, b) in enumerate(zip(before, after)) if not repaired[i]
                ),
                "bleu_without": round(
                    sacrebleu.corpus_bleu(flat(before), [flat(references)]).score, 2
                ),
                "bleu_with": round(sacrebleu.corpus_bleu(flat(after), [flat(references)]).score, 2),
                "chrf_without": round(
                    sacrebleu.corpus_chrf(flat(before), [flat(references)]).score, 2
                ),
                "chrf_with": round(sacrebleu.corpus_chrf(flat(after), [flat(references)]).score, 2),
                "examples": [{"before": before[i], "after": after[i]} for i in changed[:EXAMPLES]],
            }
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--model", default=None, help="model folder (default: the embedded one)")
    parser.add_argument("--fusions", default="auto,knn", help="comma-separated")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    emit_report(run(args), args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
