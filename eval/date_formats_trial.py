"""Date and time formats in real catalogs (``%B %-d %Y``, ``Yesterday, %l:%M %p``), translated
by two checkouts side by side and held against the catalogs' own translations.

The entries of the given translated catalogs (files, or folders of any format ``ltmt`` reads
with its translations: PO, XLIFF, TMX ...) whose source holds a date run
(:func:`ltmt.date_formats.date_runs`), translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this one. Each
output is held against the catalog's translation: ``as_translated`` counts the outputs whose
date runs write the same dates as the translation's, spaces collapsed, for two sample moments
whose day, month and hour have two digits (so ``%e``, ``%-d`` and ``%d`` count as one: the
fields, their order and the words and signs between them must agree); ``same_text`` the
outputs whose runs are the translation's as written; ``as_in_source`` those whose runs are
the source's as written (what copying gives); ``dates_findings`` the outputs ``ltmt qa``'s
``dates`` check flags. The same counts for the lines that are date runs alone and those with
words. The translations are the catalog's translators', not a gold standard: GNOME's keep the
12-hour clock of a 12-hour string, some programs' turn it into a 24-hour one.

    apt-get download $(cat eval/results/date-formats/packages.txt)   # Debian 12's
    dpkg-deb -x PACKAGE.deb x/; msgunfmt x/usr/share/locale/de/LC_MESSAGES/NAME.mo -o po/NAME.po
    python eval/date_formats_trial.py --before 087de06 --source po \\
        --output eval/results/date-formats/trial.json
"""

from __future__ import annotations

import time
from typing import Any

from support import references_trial, strings_trial_args, translated_entries, use_this_checkout

use_this_checkout()

# two moments whose day, month and hour (24- and 12-hour) have two digits
SAMPLES = (
    (2026, 11, 23, 23, 37, 9, 0, 327, 0),
    (2027, 12, 14, 22, 45, 30, 1, 348, 0),
)


def rendered(text: str) -> list[str]:
    """What the date runs of ``text`` write for :data:`SAMPLES` (C locale), spaces collapsed."""
    from ltmt.date_formats import date_runs

    return [
        " ".join(time.strftime(run.text, sample).split())  # type: ignore[arg-type]
        for run in date_runs(text)
        for sample in SAMPLES
    ]


def runs(text: str) -> list[str]:
    from ltmt.date_formats import date_runs

    return [run.text for run in date_runs(text)]


def counter(references: dict[str, str]) -> Any:
    def count(sources: list[str], outputs: list[str]) -> dict[str, dict[str, int]]:
        from ltmt.date_formats import only_directives
        from ltmt.qa.pair_checks import date_problems

        counts: dict[str, dict[str, int]] = {}
        keys = ("strings", "as_translated", "same_text", "as_in_source", "dates_findings")
        for source, output in zip(sources, outputs, strict=True):
            reference = references[source]
            for group in ("all", "dates_alone" if only_directives(source) else "with_words"):
                row = counts.setdefault(group, dict.fromkeys(keys, 0))
                row["strings"] += 1
                row["as_translated"] += rendered(output) == rendered(reference)
                row["same_text"] += runs(output) == runs(reference)
                row["as_in_source"] += runs(output) == runs(source)
                row["dates_findings"] += bool(date_problems(source, output, {}))
        return counts

    return count


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.date_formats import date_runs, only_directives
    from ltmt.qa.pair_checks import date_problems

    references = translated_entries(args.source, lambda source: bool(date_runs(source)))
    sources = list(references)
    report: dict[str, Any] = {
        "revision_before": args.before,
        "strings": len(sources),
        "dates_alone": sum(only_directives(s) for s in sources),
        "translations_dates_findings": sum(
            bool(date_problems(s, references[s], {})) for s in sources
        ),
    }
    references_trial(args, references, counter(references), report)


if __name__ == "__main__":
    main()
