"""The per-user translation memory: an LMDB store, its candidate index and the cleaning filters.

:class:`~ltmt.memory.store.Memory` is the entry point; see :mod:`ltmt.memory.layout` for the
on-disk layout, :mod:`ltmt.memory.postings` for the index on disk and :mod:`ltmt.memory.index`
for how candidates are found.

The names below are imported lazily, as :mod:`ltmt`'s are: importing one module of the package
(``ltmt.memory.layout``) does not import the store, which imports the search, which imports
:mod:`ltmt.retrieval`, which imports the layout (``import ltmt.retrieval`` first failed on that
circle).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltmt.lazy_names import lazy_names

__all__ = ["CleanConfig", "ImportReport", "Memory"]

_LAZY = {
    "CleanConfig": "ltmt.memory.clean",
    "ImportReport": "ltmt.memory.report",
    "Memory": "ltmt.memory.store",
}

if TYPE_CHECKING:
    from ltmt.memory.clean import CleanConfig
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import Memory


__getattr__ = lazy_names(__name__, _LAZY)
