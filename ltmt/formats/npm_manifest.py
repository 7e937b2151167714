"""npm's ``package.json``: a package's manifest, no message file. Its strings are commands
(``"start": "electron ."``), package names and versions, and settings (electron-builder's
Linux ``category``, an XDG name), which npm and the build no longer understand once translated
(``"Elektronen."``, ``"Büro"``: trial s72). Given alone, it is refused
(:func:`npm_manifest_refusal`), saying where the app's text belongs; a folder run skips it with
a note (:func:`is_npm_manifest_file`).

It is told by its content, whatever its name (a copy, ``pkg-min.json``, was translated too),
strictly, for a catalog of a package manager's UI has the same keys (regression trial s72:
``{"version": "3.1.0", "scripts": {"title": "Scripts"}, "dependencies": {"add": "Add
dependency"}}`` was refused): a ``version`` that is a semantic version (a catalog's
``"version": "Version"`` is text) beside a dependencies or engines object whose every value
is a version specifier (``^1.2.3``, ``~1``, ``1.x``, ``>=18``, ``*``, ``latest``, ``file:``,
``git+``, ``npm:`` ...), or a scripts object whose every value is a command line (a program's
name in lower case first, and in one of them at least a shell's sign: an option ``--ext``, a
path ``.``, ``&&``). A file named ``package.json`` needs only one of npm's objects (a private
package may have no version).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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
# the objects of those whose values are version specifiers
_VERSIONED = tuple(field for field in _NPM_OBJECTS if field != "scripts")
# a semantic version as npm writes it (1.2.3, 2.4.0-beta.1): anchored, one run of digits and
# dots then any non-space tail, so it cannot backtrack
_SEMVER = re.compile(r"v?\d+\.\d+\.\d+\S*")
# one comparator of a version range (^1.2.3, ~1, 1.x, >=18, <2.0.0-rc.1, *): each part a
# different class of characters from the next, so it cannot backtrack
_COMPARATOR = re.compile(
    r"(?:[~^]|[<>]=?|=)?v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?"
    r"(?:\+[0-9A-Za-z.-]+)?"
)
# an operator written apart from its version (>= 1.2.3), joined to it before reading
_OPERATOR_APART = re.compile(r"([~^]|[<>]=?|=)[ \t]+")
# what a dependency names instead of a range: a path, a repository, an alias, a tarball
_SOURCES = (
    "file:",
    "link:",
    "workspace:",
    "git+",
    "git:",
    "github:",
    "npm:",
    "http://",
    "https://",
)
# a command line's program (electron, eslint, ./build.sh, @scope/cli) and, in a command, a
# shell's sign: an option, a path or file, a chain, a pipe, a redirect, a variable
_PROGRAM = re.compile(r"[a-z0-9@./_-][a-z0-9@./_:+-]*")
_SHELL_SIGN = re.compile(r"(?:^|\s)(?:--?[A-Za-z]|\.{1,2}(?:/|\s|$)|\S*/\S)|&&|\|\||[|;>$]")


def is_npm_manifest(data: Any, path: Path | None = None) -> bool:
    """Whether ``data`` (a JSON file's, read from ``path`` where known) is npm's package
    manifest (module docstring)."""
    if not isinstance(data, dict):
        return False
    if not any(isinstance(data.get(field), dict) for field in _NPM_OBJECTS):
        return False
    if path is not None and Path(path).name.lower() == NAME:
        return True
    version = data.get("version")
    if not isinstance(version, str) or _SEMVER.fullmatch(version) is None:
        return False
    versioned = any(_all_values(data.get(field), is_version_specifier) for field in _VERSIONED)
    return versioned or _are_commands(data.get("scripts"))


def _all_values(value: Any, test: Callable[[str], bool]) -> bool:
    """Whether ``value`` is an object of one value or more, each a string ``test`` accepts."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(item, str) and test(item) for item in value.values())
    )


def is_version_specifier(text: str) -> bool:
    """Whether ``text`` is what npm takes for a dependency's version: a range of versions
    (``^1.2.3``, ``~1``, ``1.x``, ``>=1 <2``, ``1.0.0 - 2.0.0``, ``^1 || ^2``, ``*``), a tag
    (``latest``), or a source (``file:../lib``, ``git+https://…``, ``npm:pkg@1``)."""
    text = text.strip()
    if text == "latest" or text.startswith(_SOURCES):
        return True
    for alternative in text.split("||"):
        words = _OPERATOR_APART.sub(r"\1", alternative).split()
        if len(words) == 3 and words[1] == "-":
            words = [words[0], words[2]]  # a hyphen range: 1.0.0 - 2.0.0
        if not words or not all(_COMPARATOR.fullmatch(word) for word in words):
            return False
    return True


def _are_commands(scripts: Any) -> bool:
    """Whether ``scripts`` is npm's: an object of command lines, each a program's name in lower
    case first, one at least with a shell's sign (``electron .``, ``eslint src --ext .ts``);
    a catalog's ``"run": "Run script"`` is text."""
    if not _all_values(scripts, _starts_with_a_program):
        return False
    return any(_SHELL_SIGN.search(text) for text in scripts.values())


def _starts_with_a_program(text: str) -> bool:
    """Whether ``text``'s first word is a program's name as a command line writes it."""
    words = text.split(maxsplit=1)
    return bool(words) and _PROGRAM.fullmatch(words[0]) is not None


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
