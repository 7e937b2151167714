"""How a YAML message file is written where ruamel.yaml's round trip forgets it
(:mod:`ltmt.formats.yaml_document`): its document start (``---``), each null as it stands
(``nothing:``, ``- ~``, ``null``) and the spaces inside each flow mapping's braces (``{ one: a }``
beside ``{zero: b}``), so that a translation's diff holds its strings, not its form.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

_DOCUMENT_START = re.compile(r"\A\ufeff?(?:[ \t]*(?:#[^\n]*)?\r?\n)*---(?:[ \t]|\r?$)", re.M)
# where the parser found a flow mapping: its anchor and tag, then { and a space (an empty {  } too)
_SPACED_START = re.compile(r"(?:[&!][^\s{]*[ \t]+)*\{([ \t]+)(\S)")
_NULL_WORD = re.compile(r"(?:~|null|Null|NULL)(?=[\s,\]}#]|$)")
_NULL_TAG = "tag:yaml.org,2002:null"


class WrittenNull:
    """A null of the source file, as it writes it: ``~``, ``null`` or nothing."""

    def __init__(self, written: str) -> None:
        self.written = written


def explicit_start(text: str) -> bool:
    """Whether the file ``text`` starts its document with ``---``."""
    return _DOCUMENT_START.match(text) is not None


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


def spaced_mappings(node: Any, lines: list[str]) -> dict[int, str]:
    """The flow mappings at and below ``node`` (read from the file of ``lines``) that the file
    writes with a space inside their braces (``{ one: a }``), each seen at the ``{`` where the
    parser found it (a brace in a quoted string is no mapping's): by id, what the file writes
    inside an empty one's braces (``{ }``: one space, ``{  }``: two), ``" "`` for another."""
    spaced: dict[int, str] = {}
    pending, seen = [node], set()
    while pending:
        item = pending.pop()
        if not isinstance(item, (dict, list)) or id(item) in seen:
            continue
        seen.add(id(item))
        pending.extend(item.values() if isinstance(item, dict) else item)
        fa, lc = getattr(item, "fa", None), getattr(item, "lc", None)
        if not isinstance(item, dict) or fa is None or lc is None:
            continue
        if fa.flow_style() is not True and item:  # an empty one has no style: {  } or {}
            continue
        line = lines[lc.line] if lc.line < len(lines) else ""
        if found := _SPACED_START.match(line, lc.col):
            spaced[id(item)] = found[1] if not item and found[2] == "}" else " "
    return spaced


def write_spacing(yaml: Any, spaced: dict[int, str]) -> None:
    """Have ``yaml`` (a round-trip ``YAML``, its representer not made yet) write the flow
    mappings whose ids are ``spaced`` with spaces inside their braces (``{ one: a }``, an
    empty one with what :func:`spaced_mappings` found inside it, ``{ }`` or ``{  }``), and
    every other one without (``{one: a}``).

    ruamel.yaml's round trip forgets the spaces; which mapping had them travels from the
    representer (the mapping's node) through the serializer (one flag a mapping event, in
    order) to the emitter, which writes each mapping as its own flag says."""
    from ruamel.yaml.emitter import RoundTripEmitter
    from ruamel.yaml.events import MappingEndEvent, MappingStartEvent
    from ruamel.yaml.nodes import MappingNode
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.serializer import Serializer

    nodes: dict[int, str] = {}  # the spaced mappings' nodes' ids: what they write inside
    flags: deque[str | None] = deque()  # that for each mapping event, in the order emitted
    opened: list[bool] = []  # the flow mappings the emitter is within: whether spaced

    class SpacingRepresenter(RoundTripRepresenter):
        def represent_mapping(self, tag: Any, mapping: Any, flow_style: Any = None) -> Any:
            node = super().represent_mapping(tag, mapping, flow_style)
            if id(mapping) in spaced:
                nodes[id(node)] = spaced[id(mapping)]
            return node

    class SpacingSerializer(Serializer):
        def serialize_node(self, node: Any, parent: Any, index: Any) -> None:
            if isinstance(node, MappingNode) and node not in self.serialized_nodes:
                flags.append(nodes.get(id(node)))  # an alias's node emits no mapping event
            super().serialize_node(node, parent, index)

    class SpacedFlowEmitter(RoundTripEmitter):
        flow_map_end = "}"
        next_spaced: str | None = None

        def expect_node(self, *args: Any, **kwargs: Any) -> None:
            if isinstance(self.event, MappingStartEvent):
                self.next_spaced = flags.popleft() if flags else None
            super().expect_node(*args, **kwargs)

        def expect_flow_mapping(self, *args: Any, **kwargs: Any) -> None:
            super().expect_flow_mapping(*args, **kwargs)
            braced = self.flow_context[-1] == "{" and bool(self.events)
            inside = self.next_spaced if braced else None
            opened.append(inside is not None)
            if inside is not None:  # an empty one as written: { } or Drupal's {  }
                empty = isinstance(self.events[0], MappingEndEvent)
                opening = inside[1:] if empty else " "  # the closing " }" writes one
                if opening:
                    self.write_indicator(opening, False, whitespace=True)

        def expect_first_flow_mapping_key(self) -> None:
            self._closing()
            super().expect_first_flow_mapping_key()

        def expect_flow_mapping_key(self) -> None:
            self._closing()
            super().expect_flow_mapping_key()

        def _closing(self) -> None:
            if isinstance(self.event, MappingEndEvent):
                self.flow_map_end = " }" if opened.pop() else "}"

    yaml.Representer = SpacingRepresenter
    yaml.Serializer = SpacingSerializer
    yaml.Emitter = SpacedFlowEmitter
