"""Compiled ink stories (inkle's ink, the JSON that ``inklecate`` writes), read as a JSON
message file (:mod:`ltmt.formats.json_catalog`) whose only text is the story's own:

    {"inkVersion": 21, "root": [["^Old Tom looks up.", "\\n", ["ev", "str", "^Ask about the
     boat", "/str", "/ev", {"*": "0.c-0", "flg": 20}, ...], "done", ...], "done", null]}

A file is a story where its top level holds an integer ``inkVersion`` and a ``root`` array
(:func:`is_story`). In ink's runtime format (inkle/ink, ``Documentation/ink_JSON_runtime_format.md``
and ``ink-engine-runtime/JsonSerialisation.cs``) a string value in a container (an array) is
written with a leading ``^`` (``"^^ up"`` is the text ``^ up``); every other string is the
engine's: control commands (``ev``, ``/ev``, ``str``, ``done``, ``end``), native functions,
glue (``<>``), ``"\\n"``, and, as object values, diverts, variable names (``{"VAR=": "gold"}``),
choice points and paths, container names (``#n``). Those are copied byte for byte, and so are a
``^`` string of spaces alone and a tag's text (ink 1.1 writes ``"#"``, ``"^tag"``, ``"/#"``;
earlier versions ``{"#": "tag"}``): a game reads tags as data. A choice's text, between
``str`` and ``/str``, is a ``^`` string: translated. The model gets the text after its ``^``,
and the translation is written back with it (:func:`text_of`, :func:`written`).
"""

from __future__ import annotations

from typing import Any

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices

TEXT_MARK = "^"
_TAG_START, _TAG_END = "#", "/#"  # ink 1.1's tag commands: what lies between is a tag's text


def is_story(data: Any) -> bool:
    """Whether ``data`` (a parsed JSON file) is a compiled ink story (module docstring)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("inkVersion"), int)
        and not isinstance(data.get("inkVersion"), bool)
        and isinstance(data.get("root"), list)
    )


def text_places(data: Any, parts: Place = ()) -> frozenset[Place]:
    """The places of the story's text under ``data``: each ``^`` string of an array that is
    not spaces alone nor a tag's text (module docstring)."""
    if isinstance(data, dict):
        return frozenset().union(*(text_places(item, (*parts, key)) for key, item in data.items()))
    if not isinstance(data, list):
        return frozenset()
    places: set[Place] = set()
    in_tag = False
    for index, item in enumerate(data):
        if item in (_TAG_START, _TAG_END):
            in_tag = item == _TAG_START
        elif isinstance(item, str):
            if not in_tag and item.startswith(TEXT_MARK) and item[1:].strip():
                places.add((*parts, index))
        else:
            places |= text_places(item, (*parts, index))
    return frozenset(places)


def text_of(value: str) -> str:
    """The text of the ``^`` string ``value`` (a string without one, as a person may have
    written a translation: as it is)."""
    return value[1:] if value.startswith(TEXT_MARK) else value


def written(text: str) -> str:
    """``text`` as the story writes it: after a ``^``."""
    return TEXT_MARK + text
