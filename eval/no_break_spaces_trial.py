"""No-break spaces in real strings, translated by two checkouts side by side.

The strings of the given catalogs (PO, Java properties, anything ``ltmt`` reads) whose source
holds a no-break space (U+00A0, U+202F, U+2007), translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision, from a temporary
worktree) and of this one, each in a process of its own. The model reads and writes text through
NFKC, which folds them into plain spaces (:mod:`ltmt.folded_characters`). For each checkout the
report counts the strings, the outputs that hold as many no-break spaces of each kind as their
source (``kept``), and what ``ltmt qa``'s ``nbsp`` check finds in the outputs.

    python eval/no_break_spaces_trial.py --before 0893518 \\
        --source django/contrib/humanize/locale/de/LC_MESSAGES/django.po \\
        firefox-l10n-source/dom/chrome/layout/MediaDocument.properties \\
        firefox-l10n-source/toolkit/chrome/passwordmgr/passwordmgr.properties \\
        --output eval/results/no-break-spaces/trial.json
"""

from __future__ import annotations

from typing import Any

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()


def kept(sources: list[str], outputs: list[str]) -> dict[str, Any]:
    """How many outputs hold each kind of their source's no-break spaces as often, and what
    ``ltmt qa``'s check finds."""
    from ltmt.folded_characters import NO_BREAK_SPACES
    from ltmt.qa.pair_checks import nbsp_problems

    pairs = list(zip(sources, outputs, strict=True))
    return {
        "strings": len(pairs),
        "kept": sum(
            all(output.count(space) >= source.count(space) for space in NO_BREAK_SPACES)
            for source, output in pairs
        ),
        "nbsp_findings": sum(bool(nbsp_problems(s, o, {})) for s, o in pairs),
    }


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.folded_characters import NO_BREAK_SPACES

    sources = unit_sources(args.source, lambda text: any(s in text for s in NO_BREAK_SPACES))
    report = {"revision_before": args.before, "files": [path.name for path in args.source]}
    strings_trial(args, sources, kept, report)


if __name__ == "__main__":
    main()
