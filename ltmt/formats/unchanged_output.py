"""An existing output that a run would write again with what it holds already: left as it is,
byte for byte, so that a run that changes no value does not undo what the project's own tools
did to the file (a formatter that sorts its keys, re-indents it, writes ``ö`` as ``\\u00f6``).

A format says when two files hold the same (:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.
same_content`): by default only the same bytes do; a format whose parser reads a file whole
compares what it reads, its keys in any order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import LtmtError


def holds_already(
    path: Path, rendered: bytes, same_content: Callable[[bytes, bytes], bool]
) -> bool:
    """Whether ``path``, a regular file, holds what ``rendered`` (the output about to be
    written there) holds: the same bytes, or the same content by ``same_content(existing,
    rendered)``. A file that cannot be read or parsed holds something else: it is written."""
    try:
        if not path.is_file():  # a pipe, /dev/stdout: always written
            return False
        existing = path.read_bytes()
    except OSError:
        return False
    if existing == rendered:
        return True
    try:
        return same_content(existing, rendered)
    except (LtmtError, ValueError, RecursionError):  # not parsed, or nested too deep to compare
        return False


def same_data(first: Any, second: Any) -> bool:
    """Whether two parsed files (JSON's, YAML's) hold the same data, their mappings' keys in
    any order: Python's ``==`` alone takes ``true`` for ``1`` and ``1`` for ``1.0``, which a
    program reading the file tells apart; lists keep their order, which is content."""
    if isinstance(first, Mapping) or isinstance(second, Mapping):
        return (
            isinstance(first, Mapping)
            and isinstance(second, Mapping)
            and first.keys() == second.keys()
            and all(same_data(first[key], second[key]) for key in first)
        )
    if isinstance(first, list) or isinstance(second, list):
        return (
            isinstance(first, list)
            and isinstance(second, list)
            and len(first) == len(second)
            and all(same_data(a, b) for a, b in zip(first, second, strict=True))
        )
    return _kind(first) == _kind(second) and first == second


def _kind(value: Any) -> type:
    """The kind of a parsed scalar, by which it is compared: a YAML block string is a string,
    a boolean is no number."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind
    return type(value)
