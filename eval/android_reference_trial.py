"""A real Android app's strings translated into German by two checkouts side by side, scored
against the app's own German strings.

``ltmt translate`` (no memory) of the checkout at ``--before`` (a git revision, from a temporary
worktree) and of this one translate the app's ``values/strings.xml``; each translation is read
with ltmt's reader beside the source and compared, string by string (each plural form and array
item too), with the app's ``values-de/strings.xml``: SacreBLEU's BLEU and chrF2 over the strings
both have, how many equal the app's exactly, and how many came back as the source wrote them
(``copied``; the app's own German keeps some too: ``reference_copied``).

    python eval/android_reference_trial.py --app AntennaPod \\
        --source /tmp/AntennaPod/ui/i18n/src/main/res/values/strings.xml \\
        --reference /tmp/AntennaPod/ui/i18n/src/main/res/values-de/strings.xml \\
        --before b4a7954 --output eval/results/android/antennapod-reference.json
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from support import (
    emit_report,
    revision_trial_parser,
    translated_by_both,
    use_this_checkout,
    worktree_at,
)

use_this_checkout()


def strings(translation: Path, source: Path) -> dict[str, tuple[str, str]]:
    """Each string of ``translation`` (its key: name, or name/form, name/item) with its
    source, as ltmt reads them."""
    from ltmt.formats.android import AndroidDocument

    return {
        record.metadata.get("context", record.position): (record.source, record.target)
        for record in AndroidDocument.pairs(translation, source_file=source)
    }


def scores(
    outputs: dict[str, tuple[str, str]], reference: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """BLEU, chrF2, exact and copied strings of ``outputs`` against ``reference``."""
    import sacrebleu

    keys = [key for key in outputs if key in reference]
    hypotheses = [outputs[key][1] for key in keys]
    references = [reference[key][1] for key in keys]
    return {
        "strings": len(keys),
        "bleu": round(sacrebleu.corpus_bleu(hypotheses, [references]).score, 2),
        "chrf2": round(sacrebleu.corpus_chrf(hypotheses, [references]).score, 2),
        "exact": sum(h == r for h, r in zip(hypotheses, references, strict=True)),
        "copied": sum(outputs[key][1] == outputs[key][0] for key in keys),
        "reference_copied": sum(reference[key][1] == reference[key][0] for key in keys),
    }


def main() -> None:
    parser = revision_trial_parser(__doc__, "the app's values/strings.xml")
    parser.add_argument("--app", required=True, help="the app's name, for the report")
    parser.add_argument("--reference", type=Path, required=True, help="its values-de/strings.xml")
    args = parser.parse_args()
    report: dict[str, Any] = {"app": args.app, "revision_before": args.before}
    found: dict[str, dict[str, tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        source = work / "values" / "strings.xml"
        source.parent.mkdir()
        shutil.copy(args.source, source)
        reference = strings(args.reference, source)

        def output_of(label: str) -> Path:
            return work / label / "values-de" / "strings.xml"

        with worktree_at(args.before, work / "before-checkout") as before:
            report["seconds"] = translated_by_both(before, source, output_of)
        for label in ("before", "after"):
            found[label] = strings(output_of(label), source)
    for label in ("before", "after"):
        report[label] = scores(found[label], reference)
    changed = [key for key in found["after"] if found["before"].get(key) != found["after"][key]]
    report["strings_changed"] = len(changed)
    report["changed"] = [
        {
            "source": found["after"][key][0],
            "before": found["before"].get(key, ("", ""))[1],
            "after": found["after"][key][1],
            "reference": reference.get(key, ("", ""))[1],
        }
        for key in changed
    ]
    shown = {key: value for key, value in report.items() if key != "changed"}
    emit_report(report, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
