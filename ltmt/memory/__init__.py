"""The per-user translation memory: an LMDB store, its candidate index and the cleaning filters.

:class:`~ltmt.memory.store.Memory` is the entry point; see :mod:`ltmt.memory.layout` for the
on-disk layout, :mod:`ltmt.memory.postings` for the index on disk and :mod:`ltmt.memory.index`
for how candidates are found.
"""

from __future__ import annotations

from ltmt.memory.clean import CleanConfig
from ltmt.memory.report import ImportReport
from ltmt.memory.store import Memory

__all__ = ["CleanConfig", "ImportReport", "Memory"]
