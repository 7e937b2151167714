"""The keys of a YAML message file whose value changed between a string and a mapping: a
string of the translation so far (``submit: Projekt anlegen``) where the source file now has a
mapping (``submit: {create: …, update: …}``), or the reverse (a plural now one string).

The source's shape wins: its strings are written at that key, translated, and the old
translation, which cannot stay there, is kept aside as a comment above the key (YAML has no other
place for a value whose key is taken), so no translation is lost (:mod:`ltmt.formats.yaml_catalog`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def clashes(ours: Any, theirs: Any, name: str = "") -> Iterator[tuple[str, Any]]:
    """The dotted names where ``theirs`` (the translation so far's messages) holds a mapping and
    ``ours`` (the source's) does not, or the reverse, with ``theirs``'s value there."""
    if not isinstance(ours, dict) or not isinstance(theirs, dict):
        return
    for key, value in theirs.items():
        if key not in ours:
            continue
        child = f"{name}.{key}" if name else str(key)
        if isinstance(ours[key], dict) != isinstance(value, dict):
            yield child, value
        else:
            yield from clashes(ours[key], value, child)


def under(name: str, names: set[str]) -> bool:
    """Whether ``name`` is one of ``names`` or below one (``a.b`` below ``a``)."""
    return any(name == top or name.startswith((f"{top}.", f"{top}[")) for top in names)


def kept_aside(value: Any) -> str:
    """The comment that keeps ``value`` (an old string, or a mapping of them) aside."""
    if isinstance(value, dict):
        text = ", ".join(f"{key}: {inner}" for key, inner in value.items())
        return f"before the source changed this key: {{{text}}}"
    return f"before the source changed this key: {value}"
