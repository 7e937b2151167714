"""Lines in title case (``Trash is Empty``, ``Move to Trash``) in real catalogs, translated by
two checkouts side by side and held against the catalogs' own translations.

The entries of the given translated catalogs (files, or folders of any format ``ltmt`` reads
with its translations; give catalogs of products the model was not trained on) whose source is
a line in title case (:func:`ltmt.capitals.in_title_case`), translated into German with no
memory by ``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this
one. ``as_translated`` counts the outputs that are the catalog's translation (accelerators, a
final ``:`` or ellipsis and case aside), ``chrf2`` is their chrF2 against the translations;
the same for the lines the model now gets in lower case (``lowered``: no word of them names
something) and for the others.

    python eval/title_case_trial.py --before 3053502 --source gnome-apps-de django-de \\
        --output eval/results/title-case/trial.json
"""

from __future__ import annotations

from typing import Any

from support import references_trial, strings_trial_args, translated_entries, use_this_checkout

use_this_checkout()


def counter(references: dict[str, str]) -> Any:
    import sacrebleu

    from ltmt.capitals import title_case_for_model
    from ltmt.label_lexicon import plain_label

    def count(sources: list[str], outputs: list[str]) -> dict[str, dict[str, Any]]:
        groups: dict[str, tuple[list[str], list[str]]] = {}
        same: dict[str, int] = {}
        for source, output in zip(sources, outputs, strict=True):
            reference = references[source]
            lowered = title_case_for_model(plain_label(source)) is not None
            for group in ("all", "lowered" if lowered else "names"):
                texts, wanted = groups.setdefault(group, ([], []))
                texts.append(output)
                wanted.append(reference)
                same[group] = same.get(group, 0) + (
                    plain_label(output).casefold() == plain_label(reference).casefold()
                )
        return {
            group: {
                "strings": len(texts),
                "as_translated": same[group],
                "chrf2": round(sacrebleu.corpus_chrf(texts, [wanted]).score, 2),
            }
            for group, (texts, wanted) in groups.items()
        }

    return count


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.capitals import in_title_case
    from ltmt.label_lexicon import plain_label

    references = translated_entries(args.source, lambda source: in_title_case(plain_label(source)))
    report: dict[str, Any] = {"revision_before": args.before, "strings": len(references)}
    references_trial(args, references, counter(references), report)


if __name__ == "__main__":
    main()
