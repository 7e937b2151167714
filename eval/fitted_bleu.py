"""What fitting the outputs to their sources changes in a benchmark run's scores.

``ltmt bench`` scores the decoder's outputs as they came (``Translator.translate(...,
fit=False)``); ``ltmt translate``, the server and, since session 51, ``Translator.translate``
itself return them fitted (:func:`ltmt.formats.placeholders.fit_translation`: placeholders put
back or taken out, edge whitespace and line breaks as the source has them). This script reads a
run's ``hypotheses.jsonl`` and reports, per system, how many outputs fitting changes and the
corpus BLEU and chrF2 before and after; no decoding.

    python eval/fitted_bleu.py eval/results/dev-offline-s50-zen4 \
        --output eval/results/fitted-bleu-s51.json
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

from support import emit_report, read_jsonl, use_this_checkout

use_this_checkout()


def fitted_scores(run: Path) -> dict[str, Any]:
    """Per system of the run in folder ``run``: segments, outputs fitting changed, BLEU and chrF2
    of the outputs as scored and as fitted."""
    import sacrebleu

    from ltmt.formats.placeholders import fit_translation
    from ltmt.segments import Translation

    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(run / "hypotheses.jsonl"):
        rows[row["system"]].append(row)
    systems = {}
    for system, found in rows.items():
        references = [[r["reference"] for r in found]]
        scored = [r["hypothesis"] for r in found]
        fitted = [fit_translation(Translation(r["source"], r["hypothesis"])).text for r in found]
        systems[system] = {
            "segments": len(found),
            "outputs_changed": sum(a != b for a, b in zip(scored, fitted, strict=True)),
            "bleu": round(sacrebleu.corpus_bleu(scored, references).score, 2),
            "bleu_fitted": round(sacrebleu.corpus_bleu(fitted, references).score, 2),
            "chrf": round(sacrebleu.corpus_chrf(scored, references).score, 2),
            "chrf_fitted": round(sacrebleu.corpus_chrf(fitted, references).score, 2),
        }
    return {"run": str(run), "systems": systems}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="an `ltmt bench` output folder")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if not (args.run / "hypotheses.jsonl").is_file():
        parser.error(f"{args.run} holds no hypotheses.jsonl: give an `ltmt bench --output` folder")
    emit_report(fitted_scores(args.run), args.output)


if __name__ == "__main__":
    main()
