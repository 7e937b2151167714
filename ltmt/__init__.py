"""ltmt: memory-augmented machine translation.

The public API is imported lazily, so ``import ltmt`` stays cheap and does not load torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltmt.lazy_names import lazy_names

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


__getattr__ = lazy_names(__name__, _LAZY)


def __dir__() -> list[str]:
    """The public names (imported lazily, so not in the module's namespace until asked for)."""
    return sorted({*globals(), *__all__})
