"""Smartling's JSON (``formatjs extract --format smartling``): FormatJS messages,
``{"id": {"message": ..., "description": ...}}``, under a ``smartling`` header that configures
Smartling's parser: ``{"translate_paths": [{"path": "*/message", "instruction":
"*/description"}], "string_format": "icu"}``. The header is no message: copied as the source
has it, never translated (its ``instruction`` came out ``*/ Beschreibung``), checked or paired
in a memory import."""

from __future__ import annotations

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
