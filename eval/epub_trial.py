"""EPUB books through ``ltmt translate`` into German with no memory, each output checked by
EPUBCheck (the format's own validator; Debian's ``epubcheck``) beside its source, and its XHTML
documents compared with the source's as :mod:`html_trial` compares pages (block elements in
order, inline elements, links, images, code kept; attributes and runs translated).

    python eval/epub_trial.py --output eval/results/epub/epub-trial.json BOOK.epub ...

A folder (a book's files unzipped, as github.com/IDPF/epub3-samples keeps them) is zipped into
an EPUB first: its ``mimetype`` first and stored, the rest in name order.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from html_trial import compare_pages
from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout

use_this_checkout()

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
_COUNTS = re.compile(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?")


def _epubcheck(path: Path) -> dict[str, int]:
    done = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(path)], capture_output=True, text=True, check=False
    )
    found = _COUNTS.search(done.stdout + done.stderr)
    if found is None:
        raise SystemExit(f"EPUBCheck said nothing countable about {path}")
    fatals, errors, warnings = map(int, found.groups())
    return {"fatals": fatals, "errors": errors, "warnings": warnings}


def _zipped(folder: Path, work: Path) -> Path:
    """The EPUB of a book's unzipped ``folder`` (module docstring)."""
    book = work / f"{folder.name}.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.write(folder / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name != "mimetype":
                archive.write(path, name, compress_type=zipfile.ZIP_DEFLATED)
    return book


def _documents(source: Path, output: Path) -> dict[str, Any]:
    """The XHTML documents of both books compared (``compare_pages``), summed; and how many
    of the book's units the output holds translated."""
    from ltmt.formats.epub import EpubDocument

    document = EpubDocument.open(source)
    units = len(document.units())
    translated = document.adopt(output)
    totals: dict[str, Any] = {"documents": 0, "documents_same_blocks": 0}
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(output) as after:
        for chapter in document.book.chapters:
            compared = compare_pages(before.read(chapter.name), after.read(chapter.name))
            totals["documents"] += 1
            totals["documents_same_blocks"] += compared["same_blocks"]
            for key, value in compared.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    totals[key] = totals.get(key, 0) + value
    return {**totals, "units": units, "units_translated": translated}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("books", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    report: dict[str, Any] = {"books": {}}
    with tempfile.TemporaryDirectory() as work:
        for given in args.books:
            path = _zipped(given, Path(work)) if given.is_dir() else given
            out = Path(work) / f"{path.stem}.de.epub"
            started = time.perf_counter()
            ltmt_in_checkout(
                REPO, "translate", str(path.resolve()), "-o", str(out), "--tgt-lang", "de"
            )
            seconds = round(time.perf_counter() - started, 1)
            report["books"][str(given)] = {
                "seconds": seconds,
                "epubcheck_source": _epubcheck(path),
                "epubcheck_output": _epubcheck(out),
                **_documents(path, out),
            }
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
