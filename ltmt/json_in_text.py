"""JSON written inside text: code, whose quote marks are its own.

A line may hold a JSON object or array as it is typed or sent (a Rasa payload in any file,
``/open_ticket{"priority": "high"}``, a bot's ``Say {"entity": "date"}``). Left to the model,
its straight quotes came back as German ones (``{»priority«: »high«}``), which no program reads,
and its words moved out of it (``{»priority« öffnen: »high«}``). So such JSON goes to the model
as a tag (:meth:`ltmt.units.LineForms.for_model`) and comes back as written, and the quote-style
step (:mod:`ltmt.quote_style`) leaves its marks alone. JSON here is a ``{...}`` or ``[...]``
that parses as JSON and holds a quoted string, or a flat ``{"key": ...}`` that looks like an
object (a value written bare: ``{"priority": high}``); a ``{name}`` placeholder is none.
"""

from __future__ import annotations

import json
import re

_DECODER = json.JSONDecoder()
# a flat object that starts with a quoted key: {"priority": high}
_LOOKS_LIKE_OBJECT = re.compile(r'\{\s*"[^"\n]+"\s*:[^{}\n]*\}')


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
    if isinstance(value, (dict, list)) and '"' in text[start:end]:
        return end
    return None
