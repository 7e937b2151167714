"""Where paired tags go back into the model's translations: two checkouts' placement of the same
model outputs.

``ltmt translate`` of this checkout translates Firefox's ``en-US`` Fluent files that hold a
paired element (github.com/mozilla-l10n/firefox-l10n-source; as ``paired_tags_trial.py``) into
German, no memory, and records what :func:`ltmt.formats.paired_tags.place_pairs` is given for
each message with pairs: the text without them, its translation and each pair's inner text
translated alone. Then this checkout and the one at ``--before`` (a git revision, from a
temporary worktree) each put the pairs back into those same translations, so only the placement
differs.

Placement never changes the translation's own words; it only adds the inner translation of a
pair it cannot place. So the words the output holds beyond the translation's (tags taken out,
counted as a multiset) are the words it repeated or put in: the report counts them per version,
with the messages and pairs that got any, and shows the outputs that differ.

    python eval/paired_tags_placement.py --source <the repository's files, en-US> \\
        --before b4a7954 --output eval/results/paired-tags/placement.json
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from paired_tags_trial import copy_files_with_pairs
from support import REPO, emit_report, revision_trial_parser, run_in_checkout, worktree_at

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_WORD = re.compile(r"\w+")

# Runs `ltmt translate` (argv[2:]) with place_pairs' arguments written to argv[1], one JSON line
# per message with pairs.
RECORD = """
import dataclasses, json, sys
from ltmt.numpy_dispatch import prefer_numpy_avx2
prefer_numpy_avx2()
import ltmt.formats.unit_translation as pipeline
place = pipeline.place_pairs
def recording(paired, translation, inner):
    case = {"text": paired.text, "pairs": [dataclasses.asdict(p) for p in paired.pairs],
            "translation": translation, "inner": list(inner)}
    with open(cases, "a", encoding="utf-8") as out:
        out.write(json.dumps(case, ensure_ascii=False) + "\\n")
    return place(paired, translation, inner)
pipeline.place_pairs = recording
from ltmt.cli.main import run
cases, sys.argv = sys.argv[1], ["ltmt", *sys.argv[2:]]
run()
"""

# Puts the pairs of each recorded case (argv[1]) back; prints the outputs as one JSON list.
PLACE = """
import json, sys
from ltmt.formats.paired_tags import Pair, PairedText, place_pairs
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    case = json.loads(line)
    paired = PairedText(case["text"], tuple(Pair(**pair) for pair in case["pairs"]))
    out.append(place_pairs(paired, case["translation"], case["inner"]))
print(json.dumps(out))
"""


def _added_words(translation: str, output: str) -> Counter[str]:
    """The words of ``output`` (tags taken out) beyond those of ``translation``."""
    words = Counter(_WORD.findall(_TAG.sub(" ", output)))
    words.subtract(Counter(_WORD.findall(_TAG.sub(" ", translation))))
    return +words


def _summary(cases: list[dict[str, Any]], outputs: list[str]) -> dict[str, int]:
    messages = words = 0
    for case, output in zip(cases, outputs, strict=True):
        added = sum(_added_words(case["translation"], output).values())
        messages += bool(added)
        words += added
    return {"messages_with_words_added": messages, "words_added": words}


def main() -> None:
    args = revision_trial_parser(__doc__, "the en-US files").parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        english = work / "en-US"
        files = copy_files_with_pairs(args.source, english)
        recorded = work / "cases.jsonl"
        run_in_checkout(
            REPO, RECORD, str(recorded), "translate", str(english), "-o", str(work / "de"),
            "--tgt-lang", "de",
        )  # fmt: skip
        cases = [json.loads(line) for line in recorded.read_text("utf-8").splitlines()]
        with worktree_at(args.before, work / "before-checkout") as before:
            outputs = {
                label: json.loads(run_in_checkout(checkout, PLACE, str(recorded)).stdout)
                for label, checkout in (("before", before), ("after", REPO))
            }
    changed = [
        {
            "text": case["text"],
            "translation": case["translation"],
            "inner": case["inner"],
            "before": old,
            "after": new,
        }
        for case, old, new in zip(cases, outputs["before"], outputs["after"], strict=True)
        if old != new
    ]
    report = {
        "source_files": files,
        "messages_with_pairs": len(cases),
        "pairs_translated": sum(len(case["inner"]) for case in cases),
        "before": _summary(cases, outputs["before"]),
        "after": _summary(cases, outputs["after"]),
        "outputs_changed": len(changed),
        "revision_before": args.before,
        "changed": changed,
    }
    shown = {key: value for key, value in report.items() if key != "changed"}
    emit_report(report, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
