"""ltmt: memory-augmented machine translation.

The public API is imported lazily, so ``import ltmt`` stays cheap and does not load torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltmt.lazy_names import lazy_names

__version__ = "0.1.0"

__all__ = [
    "ClosedError",
    "ConfigError",
    "Glossary",
    "ImportReport",
    "InputError",
    "LtmtError",
    "Match",
    "Memory",
    "ModelError",
    "PairRecord",
    "Segment",
    "StoreError",
    "Term",
    "Translation",
    "Translator",
    "Warmth",
    "__version__",
]

_LAZY = {
    "ClosedError": "ltmt.errors",
    "ConfigError": "ltmt.errors",
    "InputError": "ltmt.errors",
    "LtmtError": "ltmt.errors",
    "ModelError": "ltmt.errors",
    "StoreError": "ltmt.errors",
    "Match": "ltmt.segments",
    "Segment": "ltmt.segments",
    "Translation": "ltmt.segments",
    "PairRecord": "ltmt.segments",
    "ImportReport": "ltmt.memory.report",
    "Glossary": "ltmt.memory.glossary",
    "Warmth": "ltmt.state_warming",
    "Term": "ltmt.terminology.terms",
    "Memory": "ltmt.memory.store",
    "Translator": "ltmt.translator",
}

if TYPE_CHECKING:
    from ltmt.errors import (
        ClosedError,
        ConfigError,
        InputError,
        LtmtError,
        ModelError,
        StoreError,
    )
    from ltmt.memory.glossary import Glossary
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import Memory
    from ltmt.segments import Match, PairRecord, Segment, Translation
    from ltmt.state_warming import Warmth
    from ltmt.terminology.terms import Term
    from ltmt.translator import Translator


__getattr__ = lazy_names(__name__, _LAZY)


def __dir__() -> list[str]:
    """The public names (imported lazily, so not in the module's namespace until asked for),
    and the submodules imported so far."""
    return sorted(
        {*__all__, *(n for n in globals() if not n.startswith("_") and n not in _PRIVATE)}
    )


# what the module's own code imports, not part of its API
_PRIVATE = frozenset({"TYPE_CHECKING", "annotations", "lazy_names"})
