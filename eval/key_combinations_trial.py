"""Key combinations in real strings, translated by two checkouts side by side.

The strings of the given catalogs (files, or folders of any format ``ltmt`` reads) that hold a
key combination joined by ``+`` (``Ctrl+S``, ``CmdOrCtrl+Shift+F``:
:data:`ltmt.key_combinations.COMBINATION`), translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this one. The
report counts the strings, the outputs that hold every combination of their source whole (as
written, or with German key names: ``Strg+S``), those that hold each one as this checkout
writes it (:func:`ltmt.key_combinations.written`: a key identifier such as Electron's
``CmdOrCtrl+F`` as written), those ``ltmt qa``'s ``keys`` check flags, and the strings made of
combinations alone.

    python eval/key_combinations_trial.py --before 0252e0a \\
        --source firefox-l10n-source django thunderbird-android AntennaPod \\
        --output eval/results/key-combinations/trial.json
"""

from __future__ import annotations

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()


def kept(sources: list[str], outputs: list[str]) -> dict[str, int]:
    """The strings, the outputs with each combination whole (as written or in German), and
    those with each as :func:`ltmt.key_combinations.written` writes it for German."""
    from ltmt.key_combinations import COMBINATION, written
    from ltmt.qa.pair_checks import key_problems

    counts = {"strings": len(sources), "whole": 0, "as_written_for_german": 0, "keys_findings": 0}
    for source, output in zip(sources, outputs, strict=True):
        found = [match.group() for match in COMBINATION.finditer(source)]
        counts["whole"] += all(c in output or written(c, "de") in output for c in found)
        counts["as_written_for_german"] += all(written(c, "de") in output for c in found)
        counts["keys_findings"] += bool(key_problems(source, output, {}))
    return counts


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.key_combinations import COMBINATION, only_combinations

    sources = unit_sources(args.source, lambda text: COMBINATION.search(text) is not None)
    report = {
        "revision_before": args.before,
        "strings": len(sources),
        "combinations_alone": sum(only_combinations(s) for s in sources),
    }
    strings_trial(args, sources, kept, report)


if __name__ == "__main__":
    main()
