"""A stored Fluent pair as its Fluent text, for a memory export that other tools read.

A pair imported from a Fluent file is stored as the model sees it (:mod:`ltmt.formats.
fluent_patterns`): ``Using {size} MB``, a plural's count as ``%d``, with the placeables each
placeholder stands for kept in ``metadata["placeholders"]`` (``{"{size}": "{ NUMBER($size,
minimumFractionDigits: 2) }"}``). A JSON Lines export writes the pair so, with that map, and
reads back as stored; a TMX, PO, XLIFF, TSV or CSV export, which has no place for the map,
writes the Fluent text (``Using { NUMBER($size, minimumFractionDigits: 2) } MB``), as the
Fluent file has it and as Pontoon or a CAT tool shows the string: the placeholders the
placeables again, a brace of the text a string literal (``{ "{" }``), as ltmt writes a
translation into a Fluent file (:meth:`~ltmt.formats.fluent_patterns.Slots.elements`).

A pair whose map holds anything but Fluent placeables (an XLIFF 2.0 ``<ph/>``, which a TMX
export writes as an inline code) is exported as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ltmt.segments import PairRecord, Segment

PLACEHOLDERS = "placeholders"  # the metadata key of the map (placeholder -> placeable written)
KEEPS_PLACEHOLDERS = "jsonl"  # the one export format that writes the map (and ltmt's form)


def exported_record(segment: Segment, fmt: str) -> PairRecord:
    """``segment`` as an export in format ``fmt`` writes it: in JSON Lines as stored, in
    another format a Fluent pair's text as Fluent writes it (:func:`as_fluent`), an ICU
    plural case's ``%d`` as ``#`` (:func:`~ltmt.formats.plural_numbers.as_file_writes`)."""
    from ltmt.formats.plural_numbers import as_file_writes

    record = PairRecord.of_segment(segment)
    return record if fmt == KEEPS_PLACEHOLDERS else as_fluent(as_file_writes(record))


def as_fluent(record: PairRecord) -> PairRecord:
    """``record`` with its source and target as Fluent text, where its metadata maps its
    placeholders to Fluent placeables (the map then left out: the text holds none of them);
    else ``record`` itself."""
    slots = _fluent_slots(record.metadata.get(PLACEHOLDERS))
    if slots is None:
        return record
    metadata = {key: value for key, value in record.metadata.items() if key != PLACEHOLDERS}
    return replace(
        record,
        source=_fluent_text(slots, record.source),
        target=_fluent_text(slots, record.target),
        metadata=metadata,
    )


def _fluent_slots(written: object) -> Any:
    """The :class:`~ltmt.formats.fluent_patterns.Slots` of a pair's ``placeholders`` map,
    where it is a non-empty map of placeholders to Fluent placeables (each value one
    placeable, as the Fluent reader writes them: ``{ $count }``); else None."""
    from fluent.syntax import FluentParser, ast

    from ltmt.formats.fluent_patterns import Slots

    if not isinstance(written, Mapping) or not written:
        return None
    parser = FluentParser(with_spans=False)
    nodes: dict[str, Any] = {}
    for token, placeable in written.items():
        if not (isinstance(token, str) and isinstance(placeable, str)):
            return None
        if not (token and placeable.startswith("{") and placeable.endswith("}")):
            return None
        entry = parser.parse_entry(f"x = {placeable}")
        value = getattr(entry, "value", None) if isinstance(entry, ast.Message) else None
        elements = value.elements if value is not None else []
        if len(elements) != 1 or not isinstance(elements[0], ast.Placeable):
            return None
        nodes[token] = elements[0]
    return Slots(nodes)


def _fluent_text(slots: Any, text: str) -> str:
    """``text`` (a pair's side as stored) as Fluent writes it: each element of
    :meth:`~ltmt.formats.fluent_patterns.Slots.elements` as the file does, without the
    indentation a message's later lines get in the file."""
    from fluent.syntax import ast
    from fluent.syntax.serializer import serialize_placeable

    return "".join(
        element.value if isinstance(element, ast.TextElement) else serialize_placeable(element)
        for element in slots.elements(text)
    )
