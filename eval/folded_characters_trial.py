"""Characters the model's normalisation folds (``…``, ``™``, ``²``) in real strings, translated
by two checkouts side by side: Firefox's ``en-US`` Fluent files that hold one
(github.com/mozilla-l10n/firefox-l10n-source), into German with no memory, by ``ltmt
translate FOLDER`` of a checkout at ``--before`` (a git revision, from a temporary worktree)
and of this one.

For each such character, the report counts the source strings that hold it and the outputs
that hold it as often (``kept``), and of the ellipses the outputs that write it where the
source does, attached or after a space (``as_the_source``: no space before it where the source
has none).

    python eval/folded_characters_trial.py --source <the repository's files, en-US> \\
        --before b4a7954 --output eval/results/folded-characters/firefox.json
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from paired_tags_trial import copy_fluent_files
from support import (
    emit_report,
    revision_trial_parser,
    translated_by_both,
    use_this_checkout,
    worktree_at,
)

use_this_checkout()

CHARACTERS = "…™℠¹²³"


def folded_in(text: str) -> set[str]:
    """The characters of :data:`CHARACTERS` in ``text`` that NFKC folds (all of them)."""
    return {c for c in set(text) & set(CHARACTERS) if unicodedata.normalize("NFKC", c) != c}


def count(sources: dict[str, str], outputs: dict[str, str]) -> dict[str, Any]:
    """Per character: the sources holding it, the outputs holding it as often, and for the
    ellipsis the outputs that also write it with the source's spacing."""
    found: dict[str, Counter[str]] = {}
    for key, source in sources.items():
        output = outputs.get(key, "")
        for character in folded_in(source):
            counts = found.setdefault(character, Counter())
            counts["sources"] += 1
            counts["kept"] += output.count(character) >= source.count(character)
            if character == "…":
                spaced = re.search(r"\s…", source) is not None
                counts["as_the_source"] += "…" in output and (
                    spaced or re.search(r"\s…", output) is None
                )
    return {character: dict(counts) for character, counts in sorted(found.items())}


def _units(path: Path) -> dict[str, str]:
    from ltmt.formats.documents import open_document

    return {unit.key: unit.source for unit in open_document(path, tgt_lang="de").units()}


def main() -> None:
    args = revision_trial_parser(__doc__, "the en-US files").parse_args()
    report: dict[str, Any] = {"revision_before": args.before}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        english = work / "en-US"
        report["source_files"] = copy_fluent_files(
            args.source, english, lambda text: bool(folded_in(text))
        )
        with worktree_at(args.before, work / "before-checkout") as before:
            report["seconds"] = translated_by_both(before, english, lambda label: work / label)
        sources: dict[str, str] = {}
        outputs: dict[str, dict[str, str]] = {"before": {}, "after": {}}
        for path in sorted(english.rglob("*.ftl")):
            relative = path.relative_to(english)
            sources.update({f"{relative}:{k}": v for k, v in _units(path).items()})
            for label in outputs:
                written = work / label / relative
                if written.exists():
                    units = _units(written)
                    outputs[label].update({f"{relative}:{k}": v for k, v in units.items()})
    for label in ("before", "after"):
        report[label] = count(sources, outputs[label])
    report["examples"] = [
        {
            "source": sources[key],
            "before": outputs["before"].get(key),
            "after": outputs["after"].get(key),
        }
        for key in sources
        if folded_in(sources[key]) and outputs["before"].get(key) != outputs["after"].get(key)
    ][:15]
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
