"""JSON Pointers (RFC 6901), by which a JSON file's strings are named throughout the formats."""

from __future__ import annotations


def pointer(parts: tuple[str | int, ...]) -> str:
    """The JSON Pointer of ``parts`` (``("app", "title")`` → ``/app/title``)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)
