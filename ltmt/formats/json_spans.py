"""Strings written into a JSON file's text in place: every other byte of the file is kept
(its layout, key order, escapes), as a file a tool made and reads back has it. What a Jed file
(:mod:`ltmt.formats.jed`) and a file of source/target pairs
(:mod:`ltmt.formats.json_value_pairs`) are filled by, and a JSON message file
(:mod:`ltmt.formats.json_catalog`) whose translation differs from its source in string values
alone (:func:`changed_strings`): an object that opens on a line with its children below
(Contentful's ``{"nodeType": "hyperlink", ..., "content": [``) keeps its lines, and an
untranslated string its escapes (``\\/``, ``\\u00e9``; trial s75, where a list of 10 lines
was written in 26).

A string is named by its JSON Pointer (:func:`ltmt.formats.json_pointer.pointer`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from json.decoder import scanstring  # type: ignore[attr-defined]  # (untyped, stable)
from typing import Any

from ltmt.formats.json_escapes import escapes_of
from ltmt.formats.json_pointer import Place, pointer

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"[^\s,\]}]+")  # a number, true, false or null


def spliced(
    text: str, strings: Mapping[str, str], encoded: Callable[[str], str] | None = None
) -> str:
    """``text`` (a JSON file's, well-formed) with each string value named in ``strings`` (by
    JSON Pointer) replaced by its new value, as ``encoded(value)`` writes it (None: escaped
    as the file escapes, :func:`encoder_like`); a pointer the file has no string at is left
    out."""
    encode = encoded or encoder_like(text)
    spans = string_spans(text)
    by_place = sorted((spans[key], value) for key, value in strings.items() if key in spans)
    out, done = [], 0
    for (start, end), value in by_place:
        out += [text[done:start], encode(value)]
        done = end
    return "".join(out) + text[done:]


def changed_strings(text: str, value: Any) -> dict[str, str] | None:
    """The string values of ``value`` (JSON data, as :func:`json.loads` gives it) that differ
    from the JSON ``text``'s at the same place, by JSON Pointer; None where ``value`` differs
    from ``text`` in more than its strings' values: a key added, left out, renamed, moved or
    in another order, a key ``text`` writes twice, another number or type."""
    changed: dict[str, str] = {}
    source = json.loads(text, object_pairs_hook=_Pairs)
    return changed if _same_but_strings(source, value, (), changed) else None


class _Pairs(list[tuple[str, Any]]):
    """A JSON object's (key, value) pairs as the text writes them, duplicates and order kept
    (an empty object is no empty array)."""


def _same_but_strings(source: Any, value: Any, parts: Place, changed: dict[str, str]) -> bool:
    """Whether ``value`` is ``source`` (read as :class:`_Pairs`) but for its strings' values,
    each that differs put in ``changed`` by pointer."""
    if isinstance(source, _Pairs):
        if not isinstance(value, dict) or [key for key, _ in source] != list(value):
            return False
        return all(
            _same_but_strings(item, value[key], (*parts, key), changed) for key, item in source
        )
    if isinstance(source, list):
        if not isinstance(value, list) or len(value) != len(source):
            return False
        return all(
            _same_but_strings(item, value[index], (*parts, index), changed)
            for index, item in enumerate(source)
        )
    if isinstance(source, str) and isinstance(value, str):
        if value != source:
            changed[pointer(parts)] = value
        return True
    return type(source) is type(value) and source == value  # True is no 1, 1.0 no 1


def encoder_like(text: str) -> Callable[[str], str]:
    """What writes a value as a JSON string escaped as the JSON ``text`` escapes: ``\\u00fc``
    where it does (:func:`~ltmt.formats.json_escapes.escapes_of`), PHP's ``\\/`` where it
    writes that."""
    escapes = escapes_of(text)
    if "\\/" not in text:
        return escapes.dumps
    return lambda value: escapes.dumps(value).replace("/", "\\/")


def string_spans(text: str) -> dict[str, tuple[int, int]]:
    """The start and end of every string value of the JSON ``text`` (already parsed, so
    well-formed), by JSON Pointer."""
    spans: dict[str, tuple[int, int]] = {}

    def value(pos: int, parts: tuple[str | int, ...]) -> int:
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        opening = text[pos]
        if opening == '"':
            end = scanstring(text, pos + 1)[1]
            spans[pointer(parts)] = (pos, end)
            return end
        if opening not in "{[":
            return _SCALAR.match(text, pos).end()  # type: ignore[union-attr]
        closing = "}" if opening == "{" else "]"
        pos, index = _SPACE.match(text, pos + 1).end(), 0  # type: ignore[union-attr]
        while text[pos] != closing:
            part: str | int = index
            if opening == "{":
                part, pos = scanstring(text, pos + 1)
                pos = text.index(":", pos) + 1
            pos = _SPACE.match(text, value(pos, (*parts, part))).end()  # type: ignore[union-attr]
            if text[pos] == ",":
                pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            index += 1
        return pos + 1

    value(0, ())
    return spans
