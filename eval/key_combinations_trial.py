"""Key combinations in real strings, translated by two checkouts side by side.

The strings of the given catalogs (files, or folders of any format ``ltmt`` reads) that hold a
key combination joined by ``+`` (``Ctrl+S``, ``CmdOrCtrl+Shift+F``:
:data:`ltmt.key_combinations.COMBINATION`), translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this one. The
report counts the strings, the outputs that hold every combination of their source whole (as
written, or with German key names: ``Strg+S``), those that hold each one as this checkout
writes it (:func:`ltmt.key_combinations.written`: a key identifier such as Electron's
``CmdOrCtrl+F`` as written), and the strings made of combinations alone.

    python eval/key_combinations_trial.py --before 0252e0a \\
        --source firefox-l10n-source django thunderbird-android AntennaPod \\
        --output eval/results/key-combinations/trial.json
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from support import emit_report, texts_translated_by_both, unit_sources, use_this_checkout

use_this_checkout()


def kept(sources: list[str], outputs: list[str]) -> dict[str, int]:
    """The strings, the outputs with each combination whole (as written or in German), and
    those with each as :func:`ltmt.key_combinations.written` writes it for German."""
    from ltmt.key_combinations import COMBINATION, written

    counts = {"strings": len(sources), "whole": 0, "as_written_for_german": 0}
    for source, output in zip(sources, outputs, strict=True):
        found = [match.group() for match in COMBINATION.finditer(source)]
        counts["whole"] += all(c in output or written(c, "de") in output for c in found)
        counts["as_written_for_german"] += all(written(c, "de") in output for c in found)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, nargs="+", required=True, help="files, folders")
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    missing = [str(path) for path in args.source if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    from ltmt.key_combinations import COMBINATION, only_combinations

    sources = unit_sources(args.source, lambda text: COMBINATION.search(text) is not None)
    outputs = texts_translated_by_both(args.before, sources)
    report: dict[str, Any] = {
        "revision_before": args.before,
        "strings": len(sources),
        "combinations_alone": sum(only_combinations(s) for s in sources),
    }
    for label, found in outputs.items():
        report[label] = kept(sources, found)
    report["examples"] = [
        {"source": source, "before": before, "after": after}
        for source, before, after in zip(sources, outputs["before"], outputs["after"], strict=True)
    ]
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
