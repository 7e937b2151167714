"""Short labels (``Paste``, ``Save _As…``) in real catalogs, translated by two checkouts side
by side and held against the catalogs' own translations.

The entries of the given translated catalogs (files, or folders of any format ``ltmt`` reads
with its translations; give catalogs of products the label lexicon was not built from) whose
source is a label (:func:`ltmt.label_lexicon.label_parts`: one to three words), translated into
German with no memory by ``Translator.translate`` of a checkout at ``--before`` (a git
revision) and of this one. ``as_translated`` counts the outputs that are the catalog's
translation, accelerators, a final ``:`` or ellipsis and case aside; the same for the labels
the shipped lexicon has (``in_lexicon``) and for the others; ``in_lexicon`` is how many
strings the lexicon has.

    python eval/label_lexicon_trial.py --before 5579f1c --source gnome-apps-de django-de \\
        --output eval/results/label-lexicon/trial.json
"""

from __future__ import annotations

from typing import Any

from support import references_trial, strings_trial_args, translated_entries, use_this_checkout

use_this_checkout()


def same(output: str, translation: str) -> bool:
    """Whether ``output`` is ``translation``, accelerators, final signs and case aside."""
    from ltmt.label_lexicon import plain_label

    return plain_label(output).casefold() == plain_label(translation).casefold()


def counter(references: dict[str, str], in_lexicon: set[str]) -> Any:
    def count(sources: list[str], outputs: list[str]) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for source, output in zip(sources, outputs, strict=True):
            for group in ("all", "in_lexicon" if source in in_lexicon else "not_in_lexicon"):
                row = counts.setdefault(group, {"strings": 0, "as_translated": 0})
                row["strings"] += 1
                row["as_translated"] += same(output, references[source])
        return counts

    return count


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.label_lexicon import LabelLexicon, label_parts
    from ltmt.model.backbone import DEFAULT_MODEL_DIR

    lexicon = LabelLexicon.of_model(DEFAULT_MODEL_DIR)
    if lexicon is None:
        raise SystemExit(f"no label lexicon in {DEFAULT_MODEL_DIR}: run ltmt train labels")
    references = translated_entries(args.source, lambda source: label_parts(source) is not None)
    in_lexicon = {s for s in references if lexicon.translate(s) is not None}
    report: dict[str, Any] = {
        "revision_before": args.before,
        "strings": len(references),
        "in_lexicon": len(in_lexicon),
        "lexicon": {"labels": len(lexicon.entries), **lexicon.meta},
    }
    references_trial(args, references, counter(references, in_lexicon), report)


if __name__ == "__main__":
    main()
