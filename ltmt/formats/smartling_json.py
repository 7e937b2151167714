"""Smartling's JSON (``formatjs extract --format smartling``): FormatJS messages,
``{"id": {"message": ..., "description": ...}}``, under a ``smartling`` header that configures
Smartling's parser: ``{"translate_paths": [{"path": "*/message", "instruction":
"*/description"}], "string_format": "icu"}``. The header is no message: copied as the source
has it, never translated (its ``instruction`` came out ``*/ Beschreibung``), checked or paired
in a memory import. Its ``translate_paths`` say which strings are text: only the strings at
their ``path`` are translated (``/strings/*/text``: from the top; ``*/message``: the end of a
string's path; ``*`` any one key); the rest, the ``instruction`` paths' translator notes among
them, are copied as written (a note, ``Page heading``, came out ``Seitenkopfe``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

HEADER_KEY = "smartling"


def is_smartling_header(data: Any, parts: tuple[str | int, ...]) -> bool:
    """Whether the string at ``parts`` of ``data`` (a JSON file's top level) is in its
    Smartling header: a top-level ``smartling`` object with ``translate_paths``."""
    header = data.get(HEADER_KEY) if isinstance(data, dict) else None
    return (
        bool(parts)
        and parts[0] == HEADER_KEY
        and isinstance(header, dict)
        and "translate_paths" in header
    )


def text_places(
    data: Any, strings: Iterable[tuple[tuple[str | int, ...], str]]
) -> frozenset[tuple[str | int, ...]] | None:
    """The paths of ``strings`` (those of ``data``, a JSON file) that its Smartling header's
    ``translate_paths`` name as text (module docstring); None where it has no header that names
    a ``path``: every string is text, as before."""
    header = data.get(HEADER_KEY) if isinstance(data, dict) else None
    rules = header.get("translate_paths") if isinstance(header, dict) else None
    paths = [
        rule["path"]
        for rule in (rules if isinstance(rules, list) else [])
        if isinstance(rule, dict) and isinstance(rule.get("path"), str)
    ]
    if not paths:
        return None
    return frozenset(parts for parts, _ in strings if any(_named(path, parts) for path in paths))


def _named(path: str, parts: tuple[str | int, ...]) -> bool:
    """Whether a ``translate_paths`` ``path`` names the string at ``parts``."""
    steps = path.strip("/").split("/")
    if path.startswith("/") and len(steps) != len(parts):
        return False
    if len(steps) > len(parts):
        return False
    tail = parts[len(parts) - len(steps) :]
    return all(step in ("*", str(part)) for step, part in zip(steps, tail, strict=True))
