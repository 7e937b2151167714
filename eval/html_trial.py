"""HTML pages through ``ltmt translate``, as HTML and, for comparison, as plain text (a
``.txt`` copy, one line at a time, what a user could do before ltmt read HTML), into German
with no memory.

Each output is parsed by lxml (libxml2's HTML parser, not the standard-library parser ltmt
reads pages with) beside its source and compared: the sequence of block elements (all but
the inline ones, which a translation may move) with their attributes other than those ltmt
translates (``same_blocks``); the inline elements, link targets and image sources;
the text of code (white space collapsed, as HTML shows it), preformatted blocks, scripts and
styles, each a multiset kept; the attributes
people read (``alt``, ``title``, ``placeholder``, ``aria-label``, meta descriptions) and the
page's text: how many came back changed (translated); ``<html lang>``. There is no German
reference here, so no BLEU.

    python eval/html_trial.py --output eval/results/html/html-trial.json PAGE.html ...
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout

use_this_checkout()

_READ = {"alt", "title", "placeholder", "aria-label", "value", "content", "lang", "xml:lang"}
_KEPT_TEXT = ("code", "pre", "kbd", "script", "style")
_COUNTS = (
    "inline_kept", "inline", "inline_in_output", "links_kept", "links", "images_kept", "images",
    "kept_kept", "kept",
    "read_attributes_changed", "read_attributes", "runs_changed", "runs",
)  # fmt: skip


def _parsed(data: bytes) -> Any:
    import lxml.html

    return lxml.html.document_fromstring(data)


def _kept_text(tag: str, element: Any) -> str:
    """An element's text, its white space collapsed where HTML collapses it (inline code)."""
    text = str(element.text_content())
    return text if tag in ("pre", "script", "style") else re.sub(r"\s+", " ", text)


def _summary(data: bytes) -> dict[str, Any]:
    from ltmt.formats.html_segments import INLINE_ELEMENTS

    root = _parsed(data)
    elements = [
        (str(e.tag), tuple(sorted((k, v) for k, v in e.attrib.items() if k not in _READ)))
        for e in root.iter()
        if isinstance(e.tag, str)
    ]
    read = [
        (str(e.tag), k, v)
        for e in root.iter()
        if isinstance(e.tag, str)
        for k, v in e.attrib.items()
        if k in {"alt", "title", "placeholder", "aria-label"} and re.search(r"[^\W\d_]", v)
    ]
    return {
        "blocks": [e for e in elements if e[0] not in INLINE_ELEMENTS],
        "inline": Counter(e for e in elements if e[0] in INLINE_ELEMENTS),
        "links": Counter(e.get("href") for e in root.iter("a") if e.get("href")),
        "images": Counter(e.get("src") for e in root.iter("img") if e.get("src")),
        "kept": Counter((tag, _kept_text(tag, e)) for tag in _KEPT_TEXT for e in root.iter(tag)),
        "read": read,
        "lang": root.get("lang"),
    }


def compare_pages(source: bytes, output: bytes) -> dict[str, Any]:
    a, b = _summary(source), _summary(output)
    changed_values = sum(
        1 for x, y in zip(a["read"], b["read"], strict=False) if x[1] == y[1] and x[2] != y[2]
    )
    return {
        "same_blocks": a["blocks"] == b["blocks"],
        "blocks": len(a["blocks"]),
        "blocks_in_output": len(b["blocks"]),
        **{
            f"{kind}_kept": sum((a[kind] & b[kind]).values())
            for kind in ("inline", "links", "images", "kept")
        },
        **{kind: sum(a[kind].values()) for kind in ("inline", "links", "images", "kept")},
        "inline_in_output": sum(b["inline"].values()),
        "read_attributes": len(a["read"]),
        "read_attributes_changed": changed_values,
        "lang": b["lang"],
    }


def _text_changed(source: Path, output: Path) -> dict[str, int]:
    """How many of the page's runs (ltmt's own segmentation) the output holds changed."""
    from ltmt.formats.html_document import HtmlDocument

    document = HtmlDocument.open(source)
    runs = {run.key for run in document.found.runs}
    aligned = [
        (key, mine, theirs) for key, mine, theirs, _ in document.aligned(output) if key in runs
    ]
    return {
        "runs": len(runs),
        "runs_aligned": len(aligned),
        "runs_changed": sum(1 for _, mine, theirs in aligned if mine != theirs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    report: dict[str, Any] = {"pages": {}}
    with tempfile.TemporaryDirectory() as work:
        for path in args.pages:
            entry: dict[str, Any] = {"bytes": path.stat().st_size}
            page = Path(work) / path.name
            shutil.copyfile(path, page)
            as_text = Path(work) / f"{path.stem}.txt"
            shutil.copyfile(path, as_text)
            for label, given in (("html", page), ("plain text", as_text)):
                out = Path(work) / f"{label.replace(' ', '-')}-out-{given.name}"
                started = time.perf_counter()
                try:
                    ltmt_in_checkout(
                        REPO, "translate", str(given.resolve()), "-o", str(out), "--tgt-lang", "de"
                    )
                except SystemExit as failed:  # (plain text: a page that is not UTF-8)
                    entry[label] = {"failed": str(failed).splitlines()[-1]}
                    continue
                entry[label] = {
                    "seconds": round(time.perf_counter() - started, 1),
                    **compare_pages(path.read_bytes(), out.read_bytes()),
                }
                if label == "html":
                    entry[label].update(_text_changed(page, out))
            report["pages"][str(path)] = entry
    totals: dict[str, Any] = {}
    for label in ("html", "plain text"):
        runs = [entry[label] for entry in report["pages"].values()]
        totals[label] = {
            "pages_same_blocks": sum(r.get("same_blocks", False) for r in runs),
            "pages": len(runs),
            "pages_failed": sum("failed" in r for r in runs),
            **{key: sum(r.get(key, 0) for r in runs) for key in _COUNTS},
            "lang_de": sum(r.get("lang") == "de" for r in runs),
        }
    report["totals"] = totals
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
