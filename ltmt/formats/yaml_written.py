"""How a YAML message file is written where ruamel.yaml's round trip forgets it
(:mod:`ltmt.formats.yaml_catalog`): its document start (``---``), each null as it stands
(``nothing:``, ``- ~``, ``null``) and the spaces inside its flow mappings (``{ one: a }``), so
that a translation's diff holds its strings, not its form.
"""

from __future__ import annotations

import re
from typing import Any

_DOCUMENT_START = re.compile(r"\A\ufeff?(?:[ \t]*(?:#[^\n]*)?\r?\n)*---(?:[ \t]|\r?$)", re.M)
_SPACED_BRACES = re.compile(r"(?:^|[:\[,-])[ \t]*\{ [^\s}]", re.M)  # key: { one: a }
_NULL_WORD = re.compile(r"(?:~|null|Null|NULL)(?=[\s,\]}#]|$)")
_NULL_TAG = "tag:yaml.org,2002:null"


class WrittenNull:
    """A null of the source file, as it writes it: ``~``, ``null`` or nothing."""

    def __init__(self, written: str) -> None:
        self.written = written


def explicit_start(text: str) -> bool:
    """Whether the file ``text`` starts its document with ``---``."""
    return _DOCUMENT_START.match(text) is not None


def spaced_braces(text: str) -> bool:
    """Whether ``text`` writes a flow mapping with spaces inside its braces."""
    return _SPACED_BRACES.search(text) is not None


def mark_nulls(node: Any, lines: list[str]) -> None:
    """Put a :class:`WrittenNull` in place of each null below ``node`` (read from the file of
    ``lines``), found where the parser says its value stands."""
    if isinstance(node, dict):  # its own keys: a merged one is marked where its anchor is
        for key, value in list(getattr(node, "non_merged_items", node.items)()):
            place = _place(node, key)
            if value is None and place is not None and len(place) == 4:
                node[key] = WrittenNull(_written(lines, place[2], place[3]))
            else:
                mark_nulls(value, lines)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            place = _place(node, index)
            if value is None and place is not None:
                node[index] = WrittenNull(_written(lines, place[0], place[1]))
            else:
                mark_nulls(value, lines)


def _place(node: Any, key: Any) -> Any:
    """Where the parser found ``node[key]``: ``[line, column]`` of a list's item, ``[line,
    column, value's line, value's column]`` of a mapping's key; None where not parsed."""
    lc = getattr(node, "lc", None)
    return lc.data.get(key) if lc is not None else None


def _written(lines: list[str], line: int, column: int) -> str:
    """The null word at ``line``, ``column``; "" where the value is left empty (the parser
    then names the next token's place)."""
    found = _NULL_WORD.match(lines[line], column) if line < len(lines) else None
    return found.group() if found else ""


def represent_written_null(representer: Any, null: WrittenNull) -> Any:
    return representer.represent_scalar(_NULL_TAG, null.written)


def spaced_flow_emitter() -> type:
    """ruamel.yaml's round-trip emitter, writing a flow mapping ``{ one: a }``, an empty one
    ``{}``."""
    from ruamel.yaml.emitter import RoundTripEmitter
    from ruamel.yaml.events import MappingEndEvent

    class SpacedFlowEmitter(RoundTripEmitter):
        flow_map_end = " }"

        def expect_flow_mapping(self, *args: Any, **kwargs: Any) -> None:
            super().expect_flow_mapping(*args, **kwargs)
            opened = self.flow_context[-1] == "{" and bool(self.events)
            if opened and not isinstance(self.events[0], MappingEndEvent):
                self.write_indicator(" ", False, whitespace=True)

        def expect_first_flow_mapping_key(self) -> None:
            self.flow_map_end = "}" if isinstance(self.event, MappingEndEvent) else " }"
            super().expect_first_flow_mapping_key()

        def expect_flow_mapping_key(self) -> None:
            self.flow_map_end = " }"
            super().expect_flow_mapping_key()

    return SpacedFlowEmitter
