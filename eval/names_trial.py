"""Lines that name a language, or a day or a month, translated by two checkouts side by side,
against a catalog's own translations.

The pairs of the given translated catalogs (files: PO, XLIFF, anything ``ltmt memory import``
reads) whose source is the English name of a language (``--names language``:
:func:`ltmt.language_names.language_name`) or of a day or a month, or its abbreviation
(``--names calendar``: :func:`ltmt.calendar_names.calendar_name`), their sources translated into
German with no memory by ``Translator.translate`` of a checkout at ``--before`` (a git
revision) and of this one. The report counts the names, the outputs equal to the catalog's own
translation, and the outputs the later checkout changed, with every pair.

    python eval/names_trial.py --names language --before 73f79ac \\
        --source django/conf/locale/de/LC_MESSAGES/django.po \\
        --output eval/results/language-names/django.json
"""

from __future__ import annotations

from typing import Any

from support import emit_report, strings_trial_args, texts_translated_by_both, use_this_checkout

use_this_checkout()


def main() -> None:
    args = strings_trial_args(__doc__, names=("language", "calendar"))
    from ltmt.calendar_names import calendar_name
    from ltmt.formats.pairs import read_translations
    from ltmt.language_names import language_name

    named = language_name if args.names == "language" else calendar_name
    pairs: dict[str, str] = {}
    for path in args.source:
        for record in read_translations(path):
            if named(record.source, "de") is not None:
                pairs.setdefault(record.source, record.target)
    sources = list(pairs)
    outputs = texts_translated_by_both(args.before, sources)
    report: dict[str, Any] = {
        "revision_before": args.before,
        "names_of": args.names,
        "catalogs": [path.name for path in args.source],
        "names": len(sources),
    }
    for label, found in outputs.items():
        report[label] = {
            "as_the_catalog": sum(pairs[s] == o for s, o in zip(sources, found, strict=True))
        }
    changed = zip(outputs["before"], outputs["after"], strict=True)
    report["changed"] = sum(before != after for before, after in changed)
    report["pairs"] = [
        {"source": source, "catalog": pairs[source], "before": before, "after": after}
        for source, before, after in zip(sources, outputs["before"], outputs["after"], strict=True)
    ]
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
