"""Markup elements in real UI strings, translated by two checkouts side by side: Firefox's
``en-US`` Fluent files that hold a paired element (``<strong>...</strong>``, ``<a
data-l10n-name="link">...</a>``; github.com/mozilla-l10n/firefox-l10n-source) into German, no
memory, by ``ltmt translate FOLDER`` of a checkout at ``--before`` (a git revision, run from a
temporary worktree) and of this one.

Each element of a source message or attribute is looked up in its translation by its opening
tag, and its text there is classed: ``translated`` (other text than the source's), ``same``
(the source's English, where the source's text has a word of three letters or more outside
placeables; code elements, ``<code>``, ``<kbd>`` ..., are meant to stay so and are counted
apart), ``empty`` (no text where the source had some) or ``missing`` (no such element). There
is no German reference here, so no BLEU.

    python eval/paired_tags_trial.py --source <the repository's files, en-US> --before 4361a36 \\
        --output eval/results/paired-tags/firefox-pairs.json
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from support import (
    REPO,
    emit_report,
    ltmt_in_checkout,
    revision_trial_parser,
    use_this_checkout,
    worktree_at,
)

use_this_checkout()

_PAIR = re.compile(r"(<([A-Za-z][\w.-]*)(?:\s[^<>]*)?>)([^<]*)</\2>")
_WORD = re.compile(r"[A-Za-z]{3,}")
_PLACEABLE = re.compile(r"\{[^{}]*\}")
_VERBATIM = {"code", "kbd", "samp", "var", "tt", "pre"}


def _patterns(path: Path) -> dict[str, str]:
    """Each message's value and attribute of a Fluent file as serialized text, by id."""
    from fluent.syntax import FluentParser, ast
    from fluent.syntax.serializer import serialize_pattern

    out = {}
    for entry in FluentParser().parse(path.read_text("utf-8")).body:
        if not isinstance(entry, ast.Message | ast.Term):
            continue
        if entry.value is not None:
            out[entry.id.name] = serialize_pattern(entry.value)
        for attribute in entry.attributes:
            out[f"{entry.id.name}.{attribute.id.name}"] = serialize_pattern(attribute.value)
    return out


def _kind(opening: str, name: str) -> str:
    if name.lower() in _VERBATIM:
        return "code"
    return "attributed" if " " in opening.strip("<>") else "plain"


def _classes(source: dict[str, str], output: dict[str, str]) -> tuple[Counter, list]:
    counts: Counter = Counter()
    examples = []
    for key, text in source.items():
        for opening, name, inner in _PAIR.findall(text):
            kind = _kind(opening, name)
            translated = output.get(key, "")
            found = re.search(re.escape(opening) + r"([^<]*)</" + re.escape(name) + ">", translated)
            if key not in output:
                verdict = "message not written"
            elif found is None:
                verdict = "missing"
            elif inner.strip() and not found.group(1).strip():
                verdict = "empty"
            elif found.group(1).strip() == inner.strip():
                has_words = _WORD.search(_PLACEABLE.sub("", inner))
                verdict = "same" if has_words else "no words to translate"
            else:
                verdict = "translated"
            counts[f"{kind}/{verdict}"] += 1
            examples.append(
                {
                    "key": key,
                    "kind": kind,
                    "verdict": verdict,
                    "source": text,
                    "output": translated,
                }
            )
    return counts, examples


def copy_files_with_pairs(source: Path, folder: Path) -> int:
    """Copy the Fluent files under ``source`` that hold a paired element into ``folder`` (their
    paths kept); how many."""
    return copy_fluent_files(source, folder, lambda text: _PAIR.search(text) is not None)


def copy_fluent_files(source: Path, folder: Path, holds: Callable[[str], bool]) -> int:
    """Copy the Fluent files under ``source`` whose text ``holds`` says yes to into ``folder``
    (their paths kept); how many."""
    copied = 0
    for path in sorted(source.rglob("*.ftl")):
        if holds(path.read_text("utf-8")):
            target = folder / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            copied += 1
    return copied


def _translate(checkout: Path, source: Path, output: Path) -> float:
    started = time.perf_counter()
    ltmt_in_checkout(checkout, "translate", str(source), "-o", str(output), "--tgt-lang", "de")
    return round(time.perf_counter() - started, 1)


def main() -> None:
    args = revision_trial_parser(__doc__, "the en-US files").parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        english = work / "en-US"
        copy_files_with_pairs(args.source, english)
        with worktree_at(args.before, work / "before-checkout") as before:
            seconds = {
                "before": _translate(before, english, work / "before"),
                "after": _translate(REPO, english, work / "after"),
            }
        report: dict = {"source_files": 0, "seconds": seconds, "before": {}, "after": {}}
        totals = {"before": Counter(), "after": Counter()}
        examples: dict[str, list] = {"before": [], "after": []}
        for path in sorted(english.rglob("*.ftl")):
            report["source_files"] += 1
            relative = path.relative_to(english)
            source = _patterns(path)
            for label in ("before", "after"):
                out = work / label / relative
                counts, found = _classes(source, _patterns(out) if out.exists() else {})
                totals[label] += counts
                examples[label] += found
    for label in ("before", "after"):
        report[label] = dict(sorted(totals[label].items()))
    transitions: Counter = Counter()
    shown: dict[str, list] = {}
    for a, b in zip(examples["after"], examples["before"], strict=True):
        change = f"{a['kind']}: {b['verdict']} -> {a['verdict']}"
        transitions[change] += 1
        if a["output"] != b["output"] and len(shown.setdefault(change, [])) < 5:
            shown[change].append(
                {"source": a["source"], "before": b["output"], "after": a["output"]}
            )
    report["transitions"] = dict(transitions.most_common())
    report["revision_before"] = args.before
    report["examples"] = shown
    emit_report(
        report,
        args.output,
        ensure_ascii=False,
        shown={k: v for k, v in report.items() if k != "examples"},
    )


if __name__ == "__main__":
    main()
