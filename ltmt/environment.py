"""The environment variables ltmt reads, in one table, and the check for a mistyped one.

A variable that ltmt does not read is ignored without a word, so a typo goes unnoticed:
``LTMT_KEYFILE=~/.ltmt.key ltmt memory import ...`` makes a store that is *not* encrypted, and
``LTMT_MEMORY_DIR=...`` writes to the default store. The command line warns about every
``LTMT_`` variable it does not know (:func:`unknown_settings`), naming those it reads.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping

PREFIX = "LTMT_"

HOME = "LTMT_HOME"
CACHE_DIR = "LTMT_CACHE_DIR"
KEY_FILE = "LTMT_KEY_FILE"
STATE_CACHE_MB = "LTMT_STATE_CACHE_MB"
SERVE_CONFIG = "LTMT_SERVE_CONFIG"
NUMPY_AVX512 = "LTMT_NUMPY_AVX512"
ZIP_MAX_MB = "LTMT_ZIP_MAX_MB"

# what a user may set, and what each one is
SETTINGS: dict[str, str] = {
    HOME: "the memory store's folder",
    CACHE_DIR: "converted models, decoded memory states and the records of outputs written",
    KEY_FILE: "the memory store's encryption key",
    STATE_CACHE_MB: "the disk budget of decoded memory states",
    ZIP_MAX_MB: "the most MiB a document's zip archive may decompress to (default 1024)",
    NUMPY_AVX512: "1 keeps numpy's AVX-512 code on AMD Zen 4, which the command line turns off",
}
# set by ltmt itself: ``ltmt serve --workers N`` hands its settings to each worker process
INTERNAL = frozenset({SERVE_CONFIG})


def unknown_settings(environ: Mapping[str, str] | None = None) -> list[str]:
    """The ``LTMT_`` variables of ``environ`` (default: the process's) that ltmt does not
    read, sorted."""
    env = os.environ if environ is None else environ
    known = SETTINGS.keys() | INTERNAL
    return sorted(name for name in env if name.startswith(PREFIX) and name not in known)


def unknown_setting_warning(name: str) -> str:
    """One line for a variable ``name`` that ltmt does not read: the setting it likely means
    (a close spelling), else all those ltmt reads."""
    close = difflib.get_close_matches(name, list(SETTINGS), n=1, cutoff=0.8)
    if close:
        hint = f"did you mean {close[0]} ({SETTINGS[close[0]]})?"
    else:
        hint = "it reads " + "; ".join(f"{key} ({what})" for key, what in SETTINGS.items())
    return f"ltmt: warning: {name} is set, but ltmt reads no such variable: {hint}"
