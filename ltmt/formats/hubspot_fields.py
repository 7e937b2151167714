"""HubSpot's module and theme ``fields.json``, read as a JSON message file
(:mod:`ltmt.formats.json_catalog`) whose text is what a content creator reads:

    [{"name": "heading", "label": "Heading", "type": "text", "default": "Build better reports"},
     {"name": "style", "label": "Style", "type": "choice",
      "choices": [["light", "Light"], ["dark", "Dark"]], "default": "light"}]

A list of fields is one whose every item is an object with a string ``name``, ``label`` and
``type`` that HubSpot knows (:data:`FIELD_TYPES`; a group's ``children`` are such a list too),
at the file's top level (HubSpot's ``fields.json``) or anywhere below it. In a field, the text is
its ``label``, ``help_text``, ``inline_help_text`` and ``placeholder``, the label of each of its
``choices`` (``["light", "Light"]``: its second item), the ``default`` of a text or rich text
field (its words, shown on the page; in a group's ``default``, a text child's) and an image's or
logo's default ``alt`` text. Every other string of a field is HubSpot's and copied as written:
its ``name``, ``type``, ``id``, ``tab``, ``display``, a choice's value and the ``default`` of a
choice or any other field, which names a value (trial s74: ``"default": "light"`` became
``"Licht"``, a choice the module does not have, and ``{% if module.style == "light" %}`` never
matched).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices

# the field types of HubSpot's module and theme fields reference
FIELD_TYPES = frozenset(
    {
        "alignment", "backgroundimage", "blog", "boolean", "border", "choice", "color", "cta",
        "crmobject", "crmobjectproperty", "date", "datetime", "email", "embed", "file",
        "followupemail", "font", "form", "gradient", "group", "hubdbrow", "hubdbtable", "html",
        "icon", "image", "link", "logo", "menu", "number", "page", "richtext", "simplemenu",
        "spacing", "tag", "text", "textalignment", "url", "videoplayer",
    }
)  # fmt: skip
# a field's keys whose string a content creator reads in the editor
_TEXT_KEYS = frozenset({"label", "help_text", "inline_help_text", "placeholder"})
# the field types whose ``default`` is words shown on the page, and those whose default ``alt`` is
_TEXT_DEFAULTS = frozenset({"text", "richtext"})
_ALT_DEFAULTS = frozenset({"image", "logo"})
_CHILDREN = "children"


def is_field_list(value: Any) -> bool:
    """Whether ``value`` (a JSON value) is a list of HubSpot fields (module docstring)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("label"), str)
            and item.get("type") in FIELD_TYPES
            for item in value
        )
    )


def kept_places(data: Any, parts: Place = ()) -> frozenset[Place]:
    """The places of the strings of ``data`` (a parsed JSON file) that lie in a HubSpot field
    and are not its text (module docstring): copied, not translated. Empty where ``data`` has
    no list of fields."""
    return frozenset(_kept(data, parts))


def _kept(value: Any, parts: Place) -> Iterator[Place]:
    if is_field_list(value):
        for index, field in enumerate(value):
            yield from _kept_of_field(field, (*parts, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _kept(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _kept(item, (*parts, index))


def _kept_of_field(field: dict[str, Any], parts: Place) -> Iterator[Place]:
    """The places of ``field``'s strings that are not its text; a group's ``children`` are
    read as any value (a list of fields there is read as one)."""
    for key, item in field.items():
        if key == _CHILDREN:
            yield from _kept(item, (*parts, key))
            continue
        for inner, _ in _strings(item, (key,)):
            if not _is_text(field, inner):
                yield (*parts, *inner)


def _is_text(field: dict[str, Any], inner: Place) -> bool:
    """Whether the string at ``inner`` (its place in ``field``) is text."""
    if inner[0] == "default":
        if field["type"] == "group":  # its children's defaults by name: a text child's words
            child = next((part for part in inner[1:] if isinstance(part, str)), None)
            return child in _text_children(field)
        return field["type"] in _TEXT_DEFAULTS or (
            field["type"] in _ALT_DEFAULTS and inner[1:] == ("alt",)
        )
    if inner[0] == "choices":  # [value, label]: the label alone
        return len(inner) == 3 and inner[2] == 1
    return len(inner) == 1 and inner[0] in _TEXT_KEYS


def _text_children(group: dict[str, Any]) -> frozenset[str]:
    """The names of ``group``'s children whose default is words (a text or rich text field)."""
    children = group.get(_CHILDREN)
    if not isinstance(children, list) or not is_field_list(children):
        return frozenset()
    return frozenset(c["name"] for c in children if c["type"] in _TEXT_DEFAULTS)


def _strings(value: Any, parts: Place) -> Iterator[tuple[Place, str]]:
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*parts, index))
