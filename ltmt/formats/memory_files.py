"""TMX, PO and XLIFF as memory files: the readers and writers to put in the pair registries.

``ltmt.formats.pairs`` keeps the registries (``PAIR_READERS``, ``PAIR_WRITERS``, an extension
map) for its own jsonl/tsv formats; :func:`register_formats` adds these three. Every reader is
``read(path, src_lang="en", tgt_lang="de") -> Iterator[PairRecord]`` and every writer
``write(path, records, src_lang="en", tgt_lang="de") -> int``; translate-toolkit and lxml are
imported only when a file is read or written.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from ltmt.formats.po import read_po, write_po
from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.formats.xliff import read_xliff, write_xliff

MEMORY_READERS: dict[str, Callable[..., Any]] = {
    "tmx": read_tmx,
    "po": read_po,
    "xliff": read_xliff,
}
MEMORY_WRITERS: dict[str, Callable[..., Any]] = {
    "tmx": write_tmx,
    "po": write_po,
    "xliff": write_xliff,
}
MEMORY_EXTENSIONS: dict[str, str] = {
    ".tmx": "tmx",
    ".po": "po",
    ".xliff": "xliff",
    ".xlf": "xliff",
}


def register_formats(
    readers: MutableMapping[str, Any],
    writers: MutableMapping[str, Any],
    extensions: MutableMapping[str, str] | None = None,
) -> None:
    """Add TMX, PO and XLIFF to the given registries (formats already there are kept)."""
    for name, reader in MEMORY_READERS.items():
        readers.setdefault(name, reader)
    for name, writer in MEMORY_WRITERS.items():
        writers.setdefault(name, writer)
    if extensions is not None:
        for extension, name in MEMORY_EXTENSIONS.items():
            extensions.setdefault(extension, name)
