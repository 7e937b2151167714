"""The check every path on the command line passes: an empty one is refused, and a leading
``~`` is the home folder.

``Path("")`` is the current folder, so an empty shell variable (``ltmt memory import "$F"``)
imported, translated or checked every file there. Each path argument and option declares
``parser=given_path`` (``parser=given_path_name`` where the command keeps the name as text,
``-`` for standard input or output), so the check lives here once. A shell expands an unquoted
``~`` but not after ``=`` in a long option (``--output=~/notes.de.txt``) nor in quotes, so
every path is expanded here as ``--memory-dir`` always was (session 69: "cannot write
~/notes.de.txt: directory ~ does not exist").
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

EMPTY_PATH = "an empty path was given; check the variable that names the file"


def given_path(value: str | Path) -> Path:
    """``value`` as a path; an empty one is a usage error (exit 2), never the current folder."""
    return Path(given_path_name(value))


def given_path_name(value: str | Path) -> str:
    """``value`` as the text of a path, a leading ``~`` (``~user``) expanded to the home
    folder; an empty one is a usage error (exit 2)."""
    if isinstance(value, Path):  # a declared default, never empty
        return str(value)
    if not value:
        raise typer.BadParameter(EMPTY_PATH)
    return os.path.expanduser(value)
