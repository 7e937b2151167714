"""Markdown documents through ``ltmt translate``, as a Markdown file and, for comparison, as
plain text (a ``.txt`` copy, one line at a time, what a user got before), into German with no
memory.

Each output is rendered by markdown-it-py (CommonMark with GitHub's tables) beside its source
and compared: the sequence of HTML elements (headings, paragraphs, lists, tables, code ...),
and the link targets, image sources and code spans, each as a multiset; and how many of the
text pieces in HTML blocks came back translated. There is no German
reference here, so no BLEU.

    python eval/markdown_trial.py --output eval/results/markdown/markdown-trial.json FILE.md ...
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout

use_this_checkout()


def _rendered(text: str) -> dict[str, Counter | list[str]]:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    return {
        "elements": re.findall(r"<(h[1-6]|p|ul|ol|li|blockquote|pre|table|tr|th|td|hr)\b", html),
        "links": Counter(re.findall(r'<a href="([^"]*)"', html)),
        "images": Counter(re.findall(r'<img src="([^"]*)"', html)),
        "code": Counter(re.findall(r"<code>(.*?)</code>", html, re.S)),
    }


def _compare(source: str, output: str) -> dict:
    a, b = _rendered(source), _rendered(output)
    return {
        "same_elements": a["elements"] == b["elements"],
        "elements": len(a["elements"]),
        "elements_in_output": len(b["elements"]),
        **{
            f"{kind}_kept": sum((a[kind] & b[kind]).values())  # type: ignore[operator]
            for kind in ("links", "images", "code")
        },
        **{f"{kind}": sum(a[kind].values()) for kind in ("links", "images", "code")},  # type: ignore[union-attr]
    }


def _html_blocks(source: Path, output: Path) -> dict[str, int]:
    """How many runs and attribute values the source's HTML blocks hold, and how many of them
    the output has translated (other text than the source's)."""
    from ltmt.formats.markdown import MarkdownDocument

    document = MarkdownDocument.open(source)
    document.adopt(output)
    keys = [unit.key for unit in document.units() if unit.key.startswith("html")]
    return {
        "html_block_units": len(keys),
        "html_block_units_changed": sum(key in document.translations for key in keys),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    report: dict = {"files": {}}
    with tempfile.TemporaryDirectory() as work:
        for path in args.files:
            source = path.read_text("utf-8")
            entry: dict = {"lines": source.count("\n")}
            as_text = Path(work) / f"{path.stem}.txt"
            as_text.write_text(source, "utf-8")
            for label, given in (("markdown", path), ("plain text", as_text)):
                out = Path(work) / f"{label.replace(' ', '-')}-{given.name}"
                started = time.perf_counter()
                ltmt_in_checkout(
                    REPO, "translate", str(given.resolve()), "-o", str(out), "--tgt-lang", "de"
                )
                entry[label] = {
                    "seconds": round(time.perf_counter() - started, 1),
                    **_compare(source, out.read_text("utf-8")),
                }
                if label == "markdown":
                    entry["sample"] = out.read_text("utf-8")[:1500]
                    entry[label].update(_html_blocks(path, out))
            report["files"][str(path)] = entry
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
