"""Contentful's JSON (``contentful space export``, a Delivery or Management API response), read
as a JSON message file (:mod:`ltmt.formats.json_catalog`) whose text is its entries' and assets'
field values:

    {"entries": [{"sys": {"id": "7hJ3pX2vQ9aBcDeFgHiJkL", "type": "Entry",
                          "contentType": {"sys": {"type": "Link", "linkType": "ContentType",
                                                  "id": "landingPage"}}},
                  "fields": {"headline": {"en-US": "Spring sale"},
                             "body": {"en-US": {"nodeType": "document", "data": {}, "content": [
                                 {"nodeType": "text", "value": "Cancel at any time.",
                                  "marks": [{"type": "bold"}], "data": {}}]}}}}],
     "assets": [...], "locales": [...], "contentTypes": [...]}

A resource is an object with a ``sys`` object whose ``type`` is ``Entry`` or ``Asset`` and a
``fields`` object; a file is Contentful's where it is one, or where a list at its top level
(``entries``, ``assets``, a response's ``items``) or in its ``includes`` holds one. In such a file
the text is the strings of its resources' fields, less

- every ``sys`` object (a resource's, a link's: ``"type": "Link"``, ``"linkType": "Space"``,
  ids and content type ids, which Contentful resolves);
- a rich text node's ``nodeType``, ``data`` (a hyperlink's ``uri``, an embedded entry's link) and
  ``marks``: only a ``text`` node's ``value`` is text, and its ``content`` is walked;
- an asset's ``file`` (its ``url``, ``fileName``, ``contentType``: ``image/jpeg``).

Everything else is Contentful's and copied: the space's ``locales`` (``"English (United
States)"``), ``contentTypes``, ``editorInterfaces``, ``tags``, ``webhooks`` and ``roles``
describe the space, and translated they would rename it on import (trial s75: ``"type":
"Eintrag"``, ``"nodeType": "Absatz"``, ``"linkType": "Leertaste"``; Contentful rejected the
file). The strings of the fields are then read as any JSON string's (a slug, a currency code:
:mod:`ltmt.formats.json_identifiers`).

A field holds a value per locale (``{"en-US": "Start your free trial"}``); an export of several
locales (``{"en-US": ..., "de-DE": ...}``) is refused, to translate and to import as a memory's
pairs (:func:`refuse_several_locales`): translated in place, its ``en-US`` value would be
written in German and its approved ``de-DE`` one rewritten as if it were English, and its
German is no file to give as the translation of another.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.json_pointer import Place
from ltmt.formats.path_languages import is_locale_code

# the sys types of the resources whose fields are the space's content
_RESOURCE_TYPES = frozenset({"Entry", "Asset"})
_SYS, _FIELDS, _NODE_TYPE, _CONTENT, _VALUE = "sys", "fields", "nodeType", "content", "value"
_TEXT_NODE = "text"
_INCLUDES = "includes"


def is_resource(value: Any) -> bool:
    """Whether ``value`` is a Contentful entry or asset: a ``sys`` of type ``Entry`` or
    ``Asset`` and a ``fields`` object."""
    return (
        isinstance(value, dict)
        and isinstance(value.get(_SYS), dict)
        and value[_SYS].get("type") in _RESOURCE_TYPES
        and isinstance(value.get(_FIELDS), dict)
    )


def is_contentful(data: Any) -> bool:
    """Whether ``data`` (a parsed JSON file) is Contentful's (module docstring)."""
    return any(True for _ in _resources(data))


def text_places(data: Any) -> frozenset[Place]:
    """The places of the text of ``data``, a Contentful file (module docstring)."""
    places: set[Place] = set()
    for parts, resource in _resources(data):
        asset = resource[_SYS]["type"] == "Asset"
        for name, value in resource[_FIELDS].items():
            if not (asset and name == "file"):
                places.update(_texts(value, (*parts, _FIELDS, name)))
    return frozenset(places)


def refuse_several_locales(path: Path, data: Any) -> None:
    """Raise :class:`InputError` where a field of Contentful's ``data`` holds values of two
    locales or more (module docstring)."""
    for _, resource in _resources(data):
        for value in resource[_FIELDS].values():
            locales = list(value) if isinstance(value, dict) else []
            if len(locales) >= 2 and all(is_locale_code(locale) for locale in locales):
                raise InputError(
                    f"{path}: its fields hold several locales ({', '.join(locales)}), and ltmt "
                    "reads a Contentful file of one locale only (translated in place, paired "
                    "with --source-file): give it a file whose fields hold one locale's values"
                )


def _resources(data: Any) -> Iterator[tuple[Place, dict[str, Any]]]:
    """The resources of ``data`` with their places: the file itself, the items of its top-level
    lists and of the lists of its ``includes``."""
    if is_resource(data):
        yield (), data
        return
    if not isinstance(data, dict):
        return
    lists: list[tuple[Place, Any]] = [((key,), value) for key, value in data.items()]
    includes = data.get(_INCLUDES)
    if isinstance(includes, dict):
        lists += [((_INCLUDES, key), value) for key, value in includes.items()]
    for parts, value in lists:
        if isinstance(value, list):
            for index, item in enumerate(value):
                if is_resource(item):
                    yield (*parts, index), item


def _texts(value: Any, parts: Place) -> Iterator[Place]:
    """The places of the text below a field's ``value`` at ``parts``: its strings, less ``sys``
    objects and a rich text node's own (module docstring)."""
    if isinstance(value, str):
        yield parts
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*parts, index))
    elif isinstance(value, dict) and isinstance(value.get(_NODE_TYPE), str):
        if value[_NODE_TYPE] == _TEXT_NODE and isinstance(value.get(_VALUE), str):
            yield (*parts, _VALUE)
        yield from _texts(value.get(_CONTENT), (*parts, _CONTENT))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != _SYS:
                yield from _texts(item, (*parts, key))
