"""ltmt: memory-augmented machine translation.

The public API is imported lazily, so ``import ltmt`` stays cheap and does not load torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "LtmtError",
    "Match",
    "Memory",
    "Segment",
    "Term",
    "Translation",
    "Translator",
    "__version__",
]

_LAZY = {
    "LtmtError": "ltmt.errors",
    "Match": "ltmt.segments",
    "Segment": "ltmt.segments",
    "Translation": "ltmt.segments",
    "Term": "ltmt.terminology.terms",
    "Memory": "ltmt.memory.store",
    "Translator": "ltmt.translator",
}

if TYPE_CHECKING:
    from ltmt.errors import LtmtError
    from ltmt.memory.store import Memory
    from ltmt.segments import Match, Segment, Translation
    from ltmt.terminology.terms import Term
    from ltmt.translator import Translator


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'ltmt' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
