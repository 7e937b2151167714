"""Smartling's JSON (``formatjs extract --format smartling``): FormatJS messages,
``{"id": {"message": ..., "description": ...}}``, under a ``smartling`` header that configures
Smartling's parser: ``{"translate_paths": [{"path": "*/message", "instruction":
"*/description"}], "string_format": "icu"}``. The header is no message: copied as the source
has it, never translated (its ``instruction`` came out ``*/ Beschreibung``), checked or paired
in a memory import. A top-level ``smartling`` object is a header where it holds any of
Smartling's JSON directives (:data:`DIRECTIVES`: a flat file's header may hold only
``variants_enabled`` and ``translate_mode``, whose ``true`` came out ``wahr``); one holding none
(``{"title": "Smartling settings"}``) is an app's messages. Its ``translate_paths`` say which
strings are text: only the strings at their ``path`` are translated (``/strings/*/text``: from
the top; ``*/message``: the end of a string's path; ``*`` any one key); the rest, the
``instruction`` paths' translator notes among them, are copied as written (a note, ``Page
heading``, came out ``Seitenkopfe``). ``translate_paths`` is read in each form Smartling takes:
a list of rules (``[{"path": ..., "instruction": ...}]``), one rule alone (``{"path": ...}``, as
Smartling's "Advanced JSON Configuration" shows it), a list of paths (``["*/text"]``) or one path
(``"*/text"``, several separated by commas as in its other formats' directives)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

HEADER_KEY = "smartling"
# the directives Smartling reads in a JSON file's header (its JSON and placeholder documentation)
DIRECTIVES = frozenset(
    {
        "translate_paths",
        "source_key_paths",
        "translate_mode",
        "string_format",
        "string_format_paths",
        "placeholder_format",
        "placeholder_format_custom",
        "variants_enabled",
        "pseudo_inflation",
        "entity_escaping",
        "plurals_detection",
        "whitespace_trim",
    }
)


def is_smartling_header(data: Any, parts: tuple[str | int, ...]) -> bool:
    """Whether the string at ``parts`` of ``data`` (a JSON file's top level) is in its
    Smartling header: a top-level ``smartling`` object that holds any of :data:`DIRECTIVES`."""
    return bool(parts) and parts[0] == HEADER_KEY and _header(data) is not None


def _header(data: Any) -> dict[str, Any] | None:
    """``data``'s Smartling header (module docstring), or None where it has none."""
    header = data.get(HEADER_KEY) if isinstance(data, dict) else None
    if isinstance(header, dict) and not DIRECTIVES.isdisjoint(header):
        return header
    return None


def text_places(
    data: Any, strings: Iterable[tuple[tuple[str | int, ...], str]]
) -> frozenset[tuple[str | int, ...]] | None:
    """The paths of ``strings`` (those of ``data``, a JSON file) that its Smartling header's
    ``translate_paths`` name as text (module docstring); None where it has no header that names
    a ``path``: every string is text, as before."""
    header = _header(data)
    paths = _paths(header.get("translate_paths")) if header is not None else []
    if not paths:
        return None
    return frozenset(parts for parts, _ in strings if any(_named(path, parts) for path in paths))


def _paths(rules: Any) -> list[str]:
    """The ``path`` of each rule of ``translate_paths`` written as ``rules``, in any of its forms
    (module docstring)."""
    found: list[str] = []
    for rule in rules if isinstance(rules, list) else [rules]:
        path = rule.get("path") if isinstance(rule, dict) else rule
        if isinstance(path, str):
            found += [part.strip() for part in path.split(",") if part.strip()]
    return found


def _named(path: str, parts: tuple[str | int, ...]) -> bool:
    """Whether a ``translate_paths`` ``path`` names the string at ``parts``."""
    steps = path.strip("/").split("/")
    if path.startswith("/") and len(steps) != len(parts):
        return False
    if len(steps) > len(parts):
        return False
    tail = parts[len(parts) - len(steps) :]
    return all(step in ("*", str(part)) for step, part in zip(steps, tail, strict=True))
