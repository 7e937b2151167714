"""Runs of real HTML pages whose markup nests stacked pairs (``<a href="..."><em>the
guide</em></a>``), translated by two checkouts side by side.

The runs ltmt reads in the given pages (``--source``: a file listing one page a line) whose
markup :func:`ltmt.formats.paired_tags.strip_pairs` of the checkout at ``--before`` leaves to
the model, and that hold two tags stacked with nothing between, are written as the paragraphs
of one page; ``ltmt translate`` of each checkout translates it into German with no memory. For
each version, each run's translation is read back (as ltmt reads runs) and counted: its tags as
the source's (every element back, in the same nesting), and the words inside the source's
stacked pairs left as written (the model's garbling of markup is to keep them in English; pairs
this checkout keeps as written by design, code classes such as DocBook's ``command``, are not
counted for either version).

    python eval/stacked_pairs_trial.py --source /tmp/pages.txt --before 2bbae9f \\
        --output eval/results/paired-tags/stacked.json
"""

from __future__ import annotations

import html
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from support import (
    emit_report,
    revision_trial_parser,
    run_in_checkout,
    translated_by_both,
    use_this_checkout,
    worktree_at,
)

use_this_checkout()
from ltmt.errors import LtmtError  # noqa: E402
from ltmt.formats.documents import open_document  # noqa: E402
from ltmt.formats.html_document import HtmlDocument  # noqa: E402
from ltmt.formats.paired_tags import kept_as_written  # noqa: E402

# two opening tags with nothing between, their words, and the two closing tags
STACKED = re.compile(r"<([A-Za-z][\w:.-]*)\b[^<>]*><([A-Za-z][\w:.-]*)\b[^<>]*>([^<]*)</\2></\1>")
_TAG = re.compile(r"</?([A-Za-z][\w:.-]*)\b[^<>]*?/?>")


def stacked_runs(pages: list[Path], before: Path) -> list[str]:
    """The runs of ``pages`` with stacked pairs that the checkout ``before`` left to the model
    (in the order met, each once)."""
    code = (
        "import json, sys\n"
        "from ltmt.formats.paired_tags import strip_pairs\n"
        "runs = json.load(open(sys.argv[1]))\n"
        "print(json.dumps([strip_pairs(run) is None for run in runs]))\n"
    )
    found: dict[str, None] = {}
    for page in pages:
        try:
            units = open_document(page, src_lang="en", tgt_lang="de").units()
        except (LtmtError, OSError, ValueError):
            continue
        for unit in units:
            if STACKED.search(unit.source):
                found.setdefault(unit.source, None)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(list(found), handle)
    left = json.loads(run_in_checkout(before, code, handle.name).stdout)
    Path(handle.name).unlink()
    return [run for run, to_model in zip(found, left, strict=True) if to_model]


def page_of(runs: list[str]) -> str:
    """A page with each run as a paragraph."""
    body = "\n".join(f"<p>{run}</p>" for run in runs)
    head = '<head><meta charset="utf-8"><title>Runs</title></head>'
    return f'<!DOCTYPE html>\n<html lang="en">{head}\n<body>\n{body}\n</body></html>\n'


def counted(runs: list[str], translations: list[str]) -> dict[str, Any]:
    """What each translation kept of its run's markup, and the stacked words left as written."""
    tags_kept = english_left = stacked = 0
    for run, translation in zip(runs, translations, strict=True):
        tags_kept += _tags(run) == _tags(translation)
        for found in STACKED.finditer(run):
            words = html.unescape(found.group(3)).strip()
            openings = re.findall(r"<[A-Za-z][^<>]*>", found.group())[:2]
            if not re.search(r"[^\W\d_]{3,}", words) or any(map(kept_as_written, openings)):
                continue  # (code: kept as written by design, in this checkout)
            stacked += 1
            english_left += f">{found.group(3)}<" in translation
    return {
        "runs": len(runs),
        "runs_with_every_tag_back": tags_kept,
        "stacked_pairs_with_words": stacked,
        "stacked_words_left_as_written": english_left,
    }


def _tags(text: str) -> Counter[str]:
    return Counter(found.group() for found in _TAG.finditer(text))


def main() -> None:
    parser = revision_trial_parser(__doc__, "a file listing the HTML pages, one a line")
    args = parser.parse_args()
    pages = [Path(line.strip()) for line in args.source.read_text("utf-8").splitlines() if line]
    report: dict[str, Any] = {"revision_before": args.before, "pages": len(pages)}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        with worktree_at(args.before, work / "before-checkout") as before:
            runs = stacked_runs(pages, before)
            source = work / "runs.html"
            source.write_text(page_of(runs), "utf-8")
            read = [unit.source for unit in open_document(source).units()]
            translated_by_both(before, source, lambda label: work / f"runs.{label}.html")
        outputs: dict[str, list[str]] = {}
        for label in ("before", "after"):
            pairs = HtmlDocument.pairs(work / f"runs.{label}.html", source_file=source)
            translated = {record.source: record.target for record in pairs}
            outputs[label] = [translated.get(run, run) for run in read]
            report[label] = counted(read, outputs[label])
    report["examples"] = [
        {"source": run, "before": b, "after": a}
        for run, b, a in zip(read, outputs["before"], outputs["after"], strict=True)
        if a != b
    ][:40]
    shown = {key: value for key, value in report.items() if key != "examples"}
    emit_report(report, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
