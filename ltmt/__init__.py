"""ltmt: memory-augmented machine translation.

The public API is imported lazily, so ``import ltmt`` stays cheap and does not load torch.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ltmt.lazy_names import lazy_names

__version__ = "0.1.0"

__all__ = [
    "AddedPair",
    "CheckReport",
    "ChoiceError",
    "ClosedError",
    "CompactReport",
    "ConfigError",
    "DeletedUser",
    "Glossary",
    "ImportReport",
    "InputError",
    "LtmtError",
    "Match",
    "Memory",
    "ModelError",
    "OriginShare",
    "PairRecord",
    "Segment",
    "StoreError",
    "Term",
    "Translation",
    "Translator",
    "UserRequest",
    "Warmth",
    "WriteFence",
    "__version__",
]

_LAZY = {
    "ChoiceError": "ltmt.errors",
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
    "UserRequest": "ltmt.segments",
    "AddedPair": "ltmt.memory.store",
    "DeletedUser": "ltmt.memory.store",
    "CheckReport": "ltmt.memory.check",
    "CompactReport": "ltmt.memory.maintenance",
    "OriginShare": "ltmt.memory.writes",
    "ImportReport": "ltmt.memory.report",
    "Glossary": "ltmt.memory.glossary",
    "Warmth": "ltmt.state_warming",
    "WriteFence": "ltmt.memory.write_fences",
    "Term": "ltmt.terminology.terms",
    "Memory": "ltmt.memory.store",
    "Translator": "ltmt.translator",
}

if TYPE_CHECKING:
    from ltmt.errors import (
        ChoiceError,
        ClosedError,
        ConfigError,
        InputError,
        LtmtError,
        ModelError,
        StoreError,
    )
    from ltmt.memory.check import CheckReport
    from ltmt.memory.glossary import Glossary
    from ltmt.memory.maintenance import CompactReport
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import AddedPair, DeletedUser, Memory
    from ltmt.memory.write_fences import WriteFence
    from ltmt.memory.writes import OriginShare
    from ltmt.segments import Match, PairRecord, Segment, Translation, UserRequest
    from ltmt.state_warming import Warmth
    from ltmt.terminology.terms import Term
    from ltmt.translator import Translator


__getattr__ = lazy_names(__name__, _LAZY)

# A library's warnings are the host's to show (Python's logging HOWTO, "Configuring Logging for
# a Library"): without this, a host that configures no logging got them on stderr from logging's
# last-resort handler. The command line configures its own handler (ltmt.cli.main).
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __dir__() -> list[str]:
    """The public names (imported lazily, so not in the module's namespace until asked for),
    and the submodules imported so far."""
    return sorted(
        {*__all__, *(n for n in globals() if not n.startswith("_") and n not in _PRIVATE)}
    )


# what the module's own code imports, not part of its API
_PRIVATE = frozenset({"TYPE_CHECKING", "annotations", "lazy_names", "logging"})
