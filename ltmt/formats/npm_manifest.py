"""npm's ``package.json``: a package's manifest, no message file. Its strings are commands
(``"start": "electron ."``), package names and versions, and settings (electron-builder's
Linux ``category``, an XDG name), which npm and the build no longer understand once translated
(``"Elektronen."``, ``"Büro"``: trial s72). Given alone, it is refused
(:func:`npm_manifest_refusal`), saying where the app's text belongs; a folder run skips it with
a note (:func:`is_npm_manifest_file`).

It is told by its content, whatever its name (a copy, ``pkg-min.json``, was translated too): an
object of npm's scripts, dependencies or engines at the top level, and a ``version`` that is a
semantic version (a catalog's ``"version": "Version"`` is text) or the file's name
``package.json`` (a private package may have no version).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

NAME = "package.json"
# the top-level fields npm reads as objects, which no message file has beside a version
_NPM_OBJECTS = (
    "scripts",
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
    "engines",
)
# a semantic version as npm writes it (1.2.3, 2.4.0-beta.1): anchored, one run of digits and
# dots then any non-space tail, so it cannot backtrack
_SEMVER = re.compile(r"v?\d+\.\d+\.\d+\S*")


def is_npm_manifest(data: Any, path: Path | None = None) -> bool:
    """Whether ``data`` (a JSON file's, read from ``path`` where known) is npm's package
    manifest (module docstring)."""
    if not isinstance(data, dict):
        return False
    if not any(isinstance(data.get(field), dict) for field in _NPM_OBJECTS):
        return False
    version = data.get("version")
    semantic = isinstance(version, str) and _SEMVER.fullmatch(version) is not None
    return semantic or (path is not None and Path(path).name.lower() == NAME)


def is_npm_manifest_file(path: Path) -> bool:
    """Whether ``path`` is npm's package manifest (:func:`is_npm_manifest`); one that does not
    parse is left to the JSON reader, which says what is wrong."""
    if Path(path).suffix.lower() != ".json":
        return False
    try:
        return is_npm_manifest(json.loads(Path(path).read_text(encoding="utf-8-sig")), path)
    except (OSError, ValueError):
        return False


def npm_manifest_refusal() -> str:
    """Why npm's package manifest given alone is not translated, and what to do instead."""
    return (
        "an npm package manifest (scripts, dependencies), not a message file: its commands, "
        "package names and build settings stop npm and the build from working if translated; "
        "keep the app's text in a catalog (locales/en/translation.json) and translate that, "
        "and write a German description or productName by hand"
    )
