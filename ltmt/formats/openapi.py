"""An OpenAPI (or Swagger 2.0) document, YAML or JSON: a mapping whose top level has
``openapi: 3.x`` or ``swagger: "2.0"``. Most of it is the API's machinery: paths, parameter
names (``name: shipmentId``, ``in: path``), ``operationId``, tags, ``required`` lists, enum
values, ``$ref``, examples, code samples; translated, clients and generators break. Only its
prose is translated, the fields the specification writes for people (OpenAPI 3.1, "Rich Text
Formatting" and the objects' fields: ``description`` is CommonMark, ``title`` and ``summary``
plain text), and Redoc's ``x-displayName`` (a tag's name as the menu shows it) and
Redocly's ``x-summary`` (a response's), both plain text: their string values anywhere in the
tree (a schema's ``title`` and ``description`` too), except inside an ``example``,
``examples``, ``enum``, ``default``, ``const``, ``x-codeSamples`` or ``x-code-samples``
(values a client sends or receives, or code). A ``description`` is read as CommonMark, its
headings' marks, list markers, table bars and code kept out of the model
(:mod:`ltmt.formats.markdown_lines`). A key directly under ``properties`` (or
``patternProperties``, ``$defs``, ``definitions``) names a schema, whatever its name
(``properties: {description: {type: string}}``, ``{default: {...}}``): the schema below is
walked. Everything else is copied as written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ltmt.formats.markdown_lines import MarkdownLines
from ltmt.formats.yaml_strings import own_items

logger = logging.getLogger(__name__)

TEXT_KEYS = frozenset({"title", "summary", "description", "x-displayName", "x-summary"})
# subtrees of values a program sends, receives or runs: no prose in them
_KEPT_KEYS = frozenset(
    {"example", "examples", "enum", "default", "const", "x-codeSamples", "x-code-samples"}
)
# mappings whose keys name schemas (a property named "description" or "default")
_SCHEMA_NAMES = frozenset({"properties", "patternProperties", "$defs", "definitions"})
_OPENAPI = re.compile(r"3\.(\d+)(?:\.\d+)?(?:-\S+)?")

Place = tuple[str | int, ...]  # a value's object keys (as strings) and list indices


def kind(document: Any) -> str | None:
    """What ``document`` is (``an OpenAPI 3.1 document``, ``a Swagger 2.0 document``), or None
    where it is no OpenAPI document."""
    if not isinstance(document, dict):
        return None
    version = document.get("openapi")
    if isinstance(version, str) and (found := _OPENAPI.fullmatch(version.strip())):
        return f"an OpenAPI 3.{found.group(1)} document"
    if str(document.get("swagger", "")).strip() == "2.0":
        return "a Swagger 2.0 document"
    return None


def text_places(document: Any) -> frozenset[Place]:
    """The places of ``document``'s prose (module docstring): dict keys as strings, list
    indices as ints."""
    return frozenset(_places(document, ()))


def _places(node: Any, place: Place, schemas: bool = False) -> Iterator[Place]:
    """The prose below ``node`` at ``place``; ``schemas``: ``node`` maps names to schemas."""
    if isinstance(node, dict):
        for key, value in own_items(node):  # a merge key's are its anchor's, walked there
            here = (*place, str(key))
            if schemas:  # a schema's name, whatever it is: its schema is walked
                yield from _places(value, here)
            elif key in TEXT_KEYS and isinstance(value, str):
                yield here
            elif key not in _KEPT_KEYS:
                yield from _places(value, here, key in _SCHEMA_NAMES)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*place, index))


def markdown_of(key: str | int, value: str) -> MarkdownLines | None:
    """``value``, at ``key``, read as CommonMark where it is a ``description`` with Markdown
    to keep (headings, lists, tables, code, lines: :mod:`ltmt.formats.markdown_lines`); None
    where it is one plain text."""
    if key != "description":
        return None
    lines = MarkdownLines.of(value)
    return None if lines.is_plain() else lines


def warn_of_reading(path: Path, document: Any) -> None:
    """Say once that ``path`` was read as an OpenAPI document: only its prose translated."""
    logger.warning(
        "%s: %s: only its title, summary and description texts are translated",
        path,
        kind(document),
    )
