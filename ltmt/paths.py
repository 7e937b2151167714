"""Where ltmt keeps its files when the caller does not say.

The memory store lives in one directory: ``$LTMT_HOME`` when set, else ``$XDG_DATA_HOME/ltmt``,
else ``~/.local/share/ltmt``. Nothing here creates a directory; the store does that when it opens.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_HOME = "LTMT_HOME"


def default_memory_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The store directory to use when none is given (see the module docstring for the order)."""
    env = os.environ if environ is None else environ
    home = env.get(ENV_HOME, "").strip()
    if home:
        return Path(home).expanduser()
    data_home = env.get("XDG_DATA_HOME", "").strip()
    if data_home and Path(data_home).is_absolute():
        return Path(data_home) / "ltmt"
    return Path("~/.local/share/ltmt").expanduser()


def resolve_memory_dir(path: str | os.PathLike[str] | None) -> Path:
    """``path`` when given (user-expanded), else :func:`default_memory_dir`."""
    if path is None:
        return default_memory_dir()
    return Path(path).expanduser()
