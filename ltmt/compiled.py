"""The modules of compiled kernels (numba), imported where they can be.

:mod:`ltmt.model.attention_kernels` and :mod:`ltmt.fusion.knn_kernel` import numba, which
compiles their kernels on first use and caches them on disk. Decoding works without them: the
code that calls them keeps torch's operations when :func:`compiled_module` returns ``None``.
"""

from __future__ import annotations

import functools
import importlib
import logging
from types import ModuleType

logger = logging.getLogger(__name__)


@functools.cache
def compiled_module(name: str) -> ModuleType | None:
    """The module ``name`` (one of ltmt's kernel modules), or ``None`` where numba cannot be
    imported or finds nowhere to cache its compiled code (logged: torch's operations run).
    Asked once per process: the steps that ask again get the answer, not another try (and
    another warning)."""
    try:
        return importlib.import_module(name)
    except ImportError as error:  # numba missing
        logger.debug("%s not available (%s): torch's operations run", name, error)
    except RuntimeError as error:  # numba found no writable place for its cache
        logger.warning("%s not available (numba: %s): torch's operations run", name, error)
    return None
