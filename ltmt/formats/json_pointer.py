"""JSON Pointers (RFC 6901), by which a JSON file's strings are named throughout the formats,
and the value at a place (its object keys and array indices from the top)."""

from __future__ import annotations

from typing import Any

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices


def pointer(parts: Place) -> str:
    """The JSON Pointer of ``parts`` (``("app", "title")`` → ``/app/title``)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def value_at(data: Any, parts: Place, missing: Any) -> Any:
    """The value at ``parts`` in ``data`` (keys and indices from the top), ``missing`` where
    there is none."""
    for part in parts:
        in_object = isinstance(data, dict) and isinstance(part, str) and part in data
        in_array = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_object or in_array):
            return missing
        data = data[part]
    return data
