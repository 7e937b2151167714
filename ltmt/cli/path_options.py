"""The check every path on the command line passes: an empty one is refused.

``Path("")`` is the current folder, so an empty shell variable (``ltmt memory import "$F"``)
imported, translated or checked every file there. Each path argument and option declares
``parser=given_path`` (``parser=given_path_name`` where the command keeps the name as text,
``-`` for standard input or output), so the check lives here once.
"""

from __future__ import annotations

from pathlib import Path

import typer

EMPTY_PATH = "an empty path was given; check the variable that names the file"


def given_path(value: str | Path) -> Path:
    """``value`` as a path; an empty one is a usage error (exit 2), never the current folder."""
    return Path(given_path_name(value))


def given_path_name(value: str | Path) -> str:
    """``value`` as the text of a path; an empty one is a usage error (exit 2)."""
    if isinstance(value, Path):  # a declared default, never empty
        return str(value)
    if not value:
        raise typer.BadParameter(EMPTY_PATH)
    return value
