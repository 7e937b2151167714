"""Transifex's STRUCTURED_JSON: each string an object of reserved names,

    "save": {"string": "Save changes", "context": "button",
             "developer_comment": "Toolbar button, keep it short", "character_limit": 12}

nested in objects as deep as the file likes (openformats' ``StructuredJsonHandler``). Transifex
reserves four names (:data:`RESERVED`): ``string`` is the text; ``context`` (a string or a list
of strings) tells two strings of the same English apart and, with the key, is the string's
identity in Transifex (translated, a German file's string no longer matched its source's);
``developer_comment`` is a note for the translator; ``character_limit`` the characters the
translation may have.

An object below the file's top level is such a string (:func:`is_string_object`) where its
``string`` is a string and every other name of it is reserved, each value of the type
Transifex writes (``null`` for none): an i18n file's ``{"string": "Text", "number": "Number"}``
(a type picker's labels) is an object of strings, each translated. A file is STRUCTURED_JSON
(:func:`is_structured`) only where every string it holds lies in such an object, as Transifex
writes the whole file: in an i18n file with a string of its own beside them
(``{"fieldKinds": {"string": "Text field", "context": "Context menu"}, "title": "Settings"}``)
each of their strings is text too (trial s73). Only its ``string`` is
translated (an ICU plural in it case by case, as any JSON message); the rest is copied as the
source has it. Its ``context`` is the string's context in a memory (:func:`context_of`: a PO
``msgctxt`` of the same words is the same place), its ``developer_comment`` the pair's note
(:func:`comment_of`), and its ``character_limit``, or a limit its comment says in words
(``max 8 characters``: :func:`~ltmt.formats.translator_notes.stated_max_length`), the
shortest, its length limit (:func:`string_limits`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ltmt.formats.translator_notes import stated_max_length

STRING = "string"
CONTEXT = "context"
COMMENT = "developer_comment"
LIMIT = "character_limit"
RESERVED = frozenset({STRING, CONTEXT, COMMENT, LIMIT})
# how a list context is written as one context: Transifex shows its parts side by side
_CONTEXT_JOINER = ", "

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices


def is_string_object(value: Any) -> bool:
    """Whether ``value`` (a JSON object below the file's top level) is a STRUCTURED_JSON string
    (module docstring): a string ``string`` and besides only the reserved names, a ``context``
    a string or a list of strings, a ``developer_comment`` a string, a ``character_limit`` a
    whole number (each may be ``null``)."""
    return (
        isinstance(value, dict)
        and isinstance(value.get(STRING), str)
        and value.keys() <= RESERVED
        and _is_context(value.get(CONTEXT))
        and isinstance(value.get(COMMENT), (str, type(None)))
        and _is_limit(value.get(LIMIT))
    )


def is_structured(data: Any) -> bool:
    """Whether ``data`` (a JSON file's) is a STRUCTURED_JSON file: it holds a string object
    below its top level (:func:`is_string_object`), and no string outside one."""
    return isinstance(data, dict) and _only_string_objects(data, top=True) is True


def _only_string_objects(value: Any, top: bool = False) -> bool | None:
    """Whether every string under ``value`` lies in a string object: True where one does,
    None where ``value`` holds no string at all, False where a string lies outside one."""
    if isinstance(value, str):
        return False
    if not top and is_string_object(value):
        return True
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    found: bool | None = None
    for item in items:
        inside = _only_string_objects(item)
        if inside is False:
            return False
        found = found or inside
    return found


def _is_context(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(part, str) for part in value)
    return isinstance(value, (str, type(None)))


def _is_limit(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def context_of(value: dict[str, Any]) -> str:
    """The context of the STRUCTURED_JSON string ``value``: its ``context``, a list's parts
    joined by ``, ``; "" where it has none."""
    context = value.get(CONTEXT)
    if isinstance(context, list):
        return _CONTEXT_JOINER.join(part for part in context if part.strip())
    return context.strip() if isinstance(context, str) else ""


def comment_of(value: dict[str, Any]) -> str:
    """The ``developer_comment`` of the STRUCTURED_JSON string ``value``; "" where none."""
    comment = value.get(COMMENT)
    return comment.strip() if isinstance(comment, str) else ""


def string_objects(data: Any) -> Iterator[tuple[Place, dict[str, Any]]]:
    """The place and object of every STRUCTURED_JSON string below the top of ``data`` (a JSON
    file's), in file order; none where the file is no STRUCTURED_JSON file
    (:func:`is_structured`)."""
    return _string_objects_under(data) if is_structured(data) else iter(())


def _string_objects_under(data: Any, parts: Place = ()) -> Iterator[tuple[Place, dict[str, Any]]]:
    items: Iterator[tuple[str | int, Any]]
    if isinstance(data, dict):
        items = iter(data.items())
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        place = (*parts, key)
        if is_string_object(value):
            yield place, value
        else:
            yield from _string_objects_under(value, place)


def string_limits(data: Any) -> dict[Place, tuple[int, str]]:
    """The length limit of each STRUCTURED_JSON string of ``data`` that has one, by the place
    of its object: the characters it may have and where that is said (``its
    character_limit``; ``its developer_comment``, ``max 8 characters``), the shorter where
    both say one. A limit below 1 is none (Transifex's editor reads none)."""
    limits: dict[Place, tuple[int, str]] = {}
    for place, value in string_objects(data):
        found = []
        limit = value.get(LIMIT)
        if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
            found.append((limit, f"its {LIMIT}"))
        stated = stated_max_length(comment_of(value))
        if stated is not None and stated > 0:
            found.append((stated, f"its {COMMENT}"))
        if found:
            limits[place] = min(found, key=lambda limit_said: limit_said[0])
    return limits
