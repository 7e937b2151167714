"""Zip archives of documents written from their parts, for the Office, OpenDocument and EPUB
tests (imported as a top-level module, beside the tests)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def zipped(path: Path, entries: dict[str, str]) -> Path:
    """``entries`` (name: text) written to the zip archive ``path`` in their order, compressed,
    but a ``mimetype`` entry stored, as OpenDocument and EPUB require of their first entry."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in entries.items():
            stored = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, text, compress_type=stored)
    return path
