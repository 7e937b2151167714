"""The values of a JSON file that ltmt copies into its output, no text, that an existing
output may hold its own of: a record's numbers, booleans and nulls (a German entry's own
``"id": 16``, a ``"showBanner": true`` for the German market), and the strings copied as they
are (an identifier, a ``slug``, a key binding, a table's language code: ``"locale": "de"``).

A run into an output written before wrote the source's values over the output's own, silently
(trial s75: a Strapi export's German ids, slugs and ``locale`` became the English entry's, so a
re-import overwrote the English entry). They are now copied values as a YAML file's settings
are (:mod:`ltmt.formats.copied_values`): ltmt's copy of the source's value before follows the
source, a value someone set there is kept, and without a record of what ltmt wrote there the
output's own are kept and named in a warning. Not those of a file whose copies are its engine's
or its API's structure, not a record's (a compiled ink story, an OpenAPI description, a HubSpot
field list: :attr:`~ltmt.formats.json_catalog.JsonCatalog.copies_structure`), nor the fields of
a message object (a WebExtension message's ``description``), which are written whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ltmt.formats.json_pointer import Place, value_at

# the key of the one string to translate in an object at a place (a message object's), or None
MessageKey = Callable[[dict[str, Any], Place], "str | None"]

_MISSING = object()


def values_not_text(
    value: Any, message_key: MessageKey, parts: Place = ()
) -> Iterator[tuple[Place, Any]]:
    """(place, value) of every number, boolean and null under ``value`` (a JSON file's data)
    that its translation copies: not under an ``@`` key (ARB metadata), nor in a message
    object (``message_key`` says which objects are: their fields are written whole)."""
    if isinstance(value, dict):
        if message_key(value, parts) is not None:
            return
        for key, item in value.items():
            if not key.startswith("@"):
                yield from values_not_text(item, message_key, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from values_not_text(item, message_key, (*parts, index))
    elif not isinstance(value, str):
        yield parts, value


def held_values(translated: Any, places: Mapping[str, Place]) -> dict[str, Any]:
    """The numbers, booleans and nulls ``translated`` (an existing output's JSON) holds at
    ``places`` (by name: the source's values that are none of text), by name; a place where it
    holds a string, an object or an array, or nothing, is not its own value of one."""
    held = {}
    for name, parts in places.items():
        value = value_at(translated, parts, _MISSING)
        if value is not _MISSING and not isinstance(value, (str, dict, list)):
            held[name] = value
    return held


def same_value(one: Any, other: Any) -> bool:
    """Whether two JSON values are the same, of the same type too (``1`` is not ``true``, nor
    ``1.0``)."""
    return type(one) is type(other) and one == other
