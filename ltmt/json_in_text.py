"""JSON written inside text: code, whose quote marks are its own.

A line may hold a JSON object or array as it is typed or sent (a Rasa payload in any file,
``/open_ticket{"priority": "high"}``, a bot's ``Say {"entity": "date"}``). Left to the model,
its straight quotes came back as German ones (``{»priority«: »high«}``), which no program reads,
and its words moved out of it (``{»priority« öffnen: »high«}``). So such JSON goes to the model
as a tag (:meth:`ltmt.units.LineForms.for_model`) and comes back as written, and the quote-style
step (:mod:`ltmt.quote_style`) leaves its marks alone. JSON here is a ``{...}`` or ``[...]``
that parses as JSON and holds a quoted string, or a flat ``{"key": ...}`` that looks like an
object, its values JSON's (a string, a number, ``true``, ``false``, ``null``) or one word written
bare (``{"priority": high}``). None of these is JSON here: a ``{name}`` placeholder, an array of
quoted prose (``The options are ["Yes, please", "No, thanks"].``: each item words and spaces,
no code's marks), which is text, and prose in braces (``Set {"name": your name} ...``).
"""

from __future__ import annotations

import json
import re

_DECODER = json.JSONDecoder()
# a flat object of quoted keys, each value JSON's or a word written bare: {"priority": high}
_VALUE = r'(?:"[^"\n]*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][\w.-]*)'
_PAIR = rf'"[^"\n]+"\s*:\s*{_VALUE}'
_LOOKS_LIKE_OBJECT = re.compile(rf"\{{\s*{_PAIR}(?:\s*,\s*{_PAIR})*\s*\}}")
# a string of prose: two words or more, no mark of code (a key, a path, markup, a variable)
_PROSE = re.compile(r"[^\s{}\[\]<>=_/\\$@#|;`*]+(?:\s+[^\s{}\[\]<>=_/\\$@#|;`*]+)+")


def json_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each JSON object or array of ``text`` (module docstring), left to
    right, none inside another."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := _next_bracket(text, position)) >= 0:
        end = _json_end(text, start)
        if end is None:
            position = start + 1
            continue
        spans.append((start, end))
        position = end
    return spans


def _next_bracket(text: str, position: int) -> int:
    found = [at for at in (text.find("{", position), text.find("[", position)) if at >= 0]
    return min(found, default=-1)


def _json_end(text: str, start: int) -> int | None:
    """Where the JSON that starts at ``start`` ends, or None where none starts there."""
    try:
        value, end = _DECODER.raw_decode(text, start)
    except ValueError:
        looks = _LOOKS_LIKE_OBJECT.match(text, start)
        return looks.end() if looks else None
    if isinstance(value, (dict, list)) and '"' in text[start:end] and not _is_prose(value):
        return end
    return None


def _is_prose(value: object) -> bool:
    """Whether ``value`` (parsed JSON) is an array of quoted prose (module docstring)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, str) and _PROSE.fullmatch(item.strip()) for item in value)
    )
