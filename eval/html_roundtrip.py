"""Every HTML page of a list written back with each unit as its own translation (a run's
spaces doubled, which HTML shows alike), and parsed by lxml (libxml2, not the parser ltmt
reads with) beside its source: the same elements with the
same attributes (but ``lang``, which is set to the target language) and the same text (white
space collapsed). A page that differs is named with the first place its text differs. No model
runs: this checks the reading and writing of pages, not translations.

    find / -name '*.html' > pages.txt
    python eval/html_roundtrip.py --pages pages.txt --sample 1500 \
        --output eval/results/html/roundtrip.json
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
from pathlib import Path
from typing import Any

from support import emit_report, use_this_checkout

use_this_checkout()

_SET = {"lang", "xml:lang", "content"}  # (content: a meta content-language value)


def _respaced(tagged: str) -> str:
    """A run's tagged text with the spaces outside its tags doubled: the same to HTML, but not
    the source, so written through the tags' mapping (a value without a space stays as
    written)."""
    return re.sub(r"(<[^<>]*>)|( )", lambda m: m.group(1) or "  ", tagged)


def _skeleton(data: bytes) -> list[tuple[str, dict[str, str]]]:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    return [(str(e.tag), {k: v for k, v in e.attrib.items() if k not in _SET}) for e in root.iter()]


def _text(data: bytes) -> str:
    import lxml.html

    return re.sub(r"\s+", " ", lxml.html.document_fromstring(data).text_content()).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True, help="a file with one path a line")
    parser.add_argument("--sample", type=int, default=None, help="this many, drawn at random")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    from ltmt.errors import InputError
    from ltmt.formats.html_document import HtmlDocument

    paths = [Path(line.strip()) for line in args.pages.read_text().splitlines() if line.strip()]
    listed = len(paths)
    if args.sample is not None and args.sample < len(paths):
        paths = random.Random(args.seed).sample(paths, args.sample)
    report: dict[str, Any] = {
        "listed": listed,
        "pages": 0,
        "units": 0,
        "refused": {},
        "unparsed_by_lxml": 0,
        "differ": {},
    }
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out.html"
        for path in paths:
            if not path.is_file():
                continue
            try:
                document = HtmlDocument.open(path)
            except InputError as refused:
                report["refused"][str(path)] = str(refused)
                continue
            units = document.units()
            document.fill(
                {
                    unit.key: _respaced(unit.source) if unit.key.startswith("text") else unit.source
                    for unit in units
                }
            )
            document.save(out)
            before, after = path.read_bytes(), out.read_bytes()
            try:
                same = _skeleton(before) == _skeleton(after)
                text_before, text_after = _text(before), _text(after)
            except Exception:  # (a page libxml2 cannot take: not counted)
                report["unparsed_by_lxml"] += 1
                continue
            report["pages"] += 1
            report["units"] += len(units)
            if not same or text_before != text_after:
                at = next(
                    (i for i, (a, b) in enumerate(zip(text_before, text_after)) if a != b),
                    min(len(text_before), len(text_after)),
                )
                report["differ"][str(path)] = {
                    "same_elements": same,
                    "source_text": text_before[max(0, at - 60) : at + 60],
                    "written_text": text_after[max(0, at - 60) : at + 60],
                }
    report["pages_differing"] = len(report["differ"])
    emit_report(
        report,
        args.output,
        ensure_ascii=False,
        shown={k: v for k, v in report.items() if k not in ("refused", "differ")}
        | {"refused": len(report["refused"])},
    )


if __name__ == "__main__":
    main()
