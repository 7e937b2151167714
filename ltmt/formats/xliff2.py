"""A memory written as an XLIFF 2.0 file (``ltmt memory export --format xliff2``).

    write_xliff2(Path("m.xlf"), records, src_lang="en", tgt_lang="de")

One ``<unit>`` per pair, its ``<segment>``'s state ``translated`` (``final`` where the pair was
signed off, ``reviewed`` where a 2.0 file said so). Markup tags in the text are 2.0's inline
codes, each tag kept in the unit's ``<originalData>``: ``<br/>`` as ``<ph id="1"
dataRef="d1"/>``, ``<b>bold</b>`` as ``<pc id="2" dataRefStart="d2" dataRefEnd="d3">bold</pc>``
(a pair that does not nest in the others, ``<b>a <i>b</b> c</i>``, as ``<sc>``/``<ec
startRef>``; a tag whose partner is not in the text as an isolated ``<sc>`` or ``<ec>``); a
target's code has the id of the same tag in the source
(:func:`~ltmt.formats.markup_codes.pair_markup_codes`). A stored XLIFF code is the 2.0 code
of its kind, with its native code where the pair's metadata knows it: ``<x id="2"/>`` as
``<ph id="2"/>``, 1.2's ``<g>`` as ``<pc>``, ``<bx>``/``<ex>`` as ``<sc>``/``<ec>``.
:func:`ltmt.formats.xliff.read_xliff` reads every one back as the text it was written from (1.2's
codes as 2.0's); so it does the context (the unit's ``name``), notes, the state, and a PO
entry's ``flags``, ``plural`` and ``plural_of`` (in the metadata module's ``<mda:meta>``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ltmt.formats.common import XmlLeftOut
from ltmt.formats.inline import CONTAINERS, append_text
from ltmt.formats.markup_codes import Code, pair_markup_codes, stored_natives
from ltmt.formats.tmx_metadata import metadata_notes
from ltmt.formats.xliff import NS_20, PO_CONTEXTS
from ltmt.formats.xml_stream import UnitFrame, indented_file, unit_level, write_records
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

NS_METADATA = "urn:oasis:names:tc:xliff:metadata:2.0"
# a pair's stored state (read from 1.2 or 2.0) as 2.0's; any other is ``translated``
STATES_AS_20 = {"final": "final", "signed-off": "final", "reviewed": "reviewed"}
_NMTOKEN = re.compile(r"[\w.:-]+")


def write_xliff2(
    path: Path,
    records: Iterable[PairRecord],
    src_lang: str = "en",
    tgt_lang: str = "de",
    left_out: XmlLeftOut | None = None,
) -> int:
    """Write ``records`` as an XLIFF 2.0 file (atomically; module docstring); returns how many
    were written. Pairs with control characters (which XML cannot hold) are skipped, counted in
    ``left_out`` where given (its caller says so), else named in a warning. Written as a stream
    (:mod:`ltmt.formats.xml_stream`): one unit is held at a time."""
    from lxml import etree

    root = etree.Element(
        f"{{{NS_20}}}xliff",
        nsmap={None: NS_20, "mda": NS_METADATA},
        version="2.0",
        srcLang=src_lang,
        trgLang=tgt_lang,
    )
    file_element = etree.SubElement(root, f"{{{NS_20}}}file", id="f1", original=Path(path).name)

    frame = UnitFrame.around(file_element, f"{{{NS_20}}}unit", lambda: indented_file(root))
    level = unit_level(file_element)
    used: set[str] = set()
    counter = left_out if left_out is not None else XmlLeftOut("XLIFF")

    def unit_of(number: int, record: PairRecord) -> bytes:
        unit = _filled_unit(file_element, record, _unit_id(record, number, used), level)
        data = frame.unit(unit)
        file_element.remove(unit)  # one unit in memory at a time
        return data

    written = write_records(Path(path), frame, records, unit_of, counter)
    if left_out is None:  # else the caller reports them
        counter.report(logger)
    return written


def _filled_unit(file_element: Any, record: PairRecord, unit_id: str, level: int) -> Any:
    """The ``<unit>`` of ``record``, added to ``file_element`` and indented as at ``level``:
    its segment's text and codes, and the native codes they point at, written once it is
    indented (mixed content, and a blank native code, must not gain indentation)."""
    from lxml import etree

    unit = _unit(file_element, record, unit_id)
    source, target = pair_markup_codes(
        record.source, record.target, stored_natives(record.metadata)
    )
    data_texts: list[tuple[Any, str]] = []
    references = _original_data(unit, [*source, *target], data_texts)
    segment = etree.SubElement(unit, f"{{{NS_20}}}segment", state=_state(record.metadata))
    source_element = etree.SubElement(segment, f"{{{NS_20}}}source")
    target_element = etree.SubElement(segment, f"{{{NS_20}}}target")
    etree.indent(unit, space="  ", level=level)
    for data, text in data_texts:
        data.text = text
    _write_codes(source_element, source, references)
    _write_codes(target_element, target, references)
    return unit


def _unit_id(record: PairRecord, number: int, used: set[str]) -> str:
    """``metadata["id"]`` where it is unique and a 2.0 id may be it (an NMTOKEN), else the
    record's ``number``."""
    unit_id = str(record.metadata.get("id", ""))
    if not _NMTOKEN.fullmatch(unit_id) or unit_id in used:
        unit_id = str(number)
    used.add(unit_id)
    return unit_id


def _unit(file_element: Any, record: PairRecord, unit_id: str) -> Any:
    """A ``<unit>`` for ``record`` with its context (``name``), PO metadata and note."""
    from lxml import etree

    unit = etree.SubElement(file_element, f"{{{NS_20}}}unit", id=unit_id)
    unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    context = record.metadata.get("context")
    if context not in (None, ""):
        unit.set("name", str(context))
    po = [(kind, record.metadata.get(key)) for kind, key in PO_CONTEXTS.items()]
    po = [(kind, value) for kind, value in po if value not in (None, "")]
    if po:
        metadata = etree.SubElement(unit, f"{{{NS_METADATA}}}metadata")
        group = etree.SubElement(metadata, f"{{{NS_METADATA}}}metaGroup", category="po")
        for kind, value in po:
            etree.SubElement(group, f"{{{NS_METADATA}}}meta", type=kind).text = str(value)
    notes = metadata_notes(record.metadata)
    if notes:
        held = etree.SubElement(unit, f"{{{NS_20}}}notes")
        for note in notes:
            etree.SubElement(held, f"{{{NS_20}}}note").text = note
    return unit


def _state(metadata: Mapping[str, Any]) -> str:
    """The 2.0 state of a pair's ``metadata`` (:data:`STATES_AS_20`; approved: ``final``)."""
    if metadata.get("approved") == "yes":
        return "final"
    return STATES_AS_20.get(str(metadata.get("state")), "translated")


def _native(code: Code) -> str:
    """The native code ``code`` stands for: a markup tag itself, a stored XLIFF code's where
    known (else ``""``)."""
    return code.original if code.element else code.native


def _original_data(
    unit: Any, pieces: list[str | Code], data_texts: list[tuple[Any, str]]
) -> dict[str, str]:
    """Add to ``unit`` an ``<originalData>`` of the native codes of ``pieces`` (each once),
    their ``<data>`` elements empty and listed with their text in ``data_texts``; the id of
    each native code's ``<data>``, by the code."""
    from lxml import etree

    references: dict[str, str] = {}
    for piece in pieces:
        if isinstance(piece, Code) and _native(piece) and _native(piece) not in references:
            references[_native(piece)] = f"d{len(references) + 1}"
    if references:
        holder = etree.SubElement(unit, f"{{{NS_20}}}originalData")
        for native, ident in references.items():
            data_texts.append((etree.SubElement(holder, f"{{{NS_20}}}data", id=ident), native))
    return references


def _nested_pairs(pieces: list[str | Code]) -> set[int]:
    """The numbers of the pairs of ``pieces`` written as ``<pc>``: markup's and containers'
    (1.2's ``<g>``) that nest (their end closes the pair opened last of those that do). The
    others' ends are ``<sc>``/``<ec>``, as a stored XLIFF code's lone start and end
    (``<bx>``/``<ex>``) are."""
    opened: list[int] = []
    nested = set()
    for piece in pieces:
        if not isinstance(piece, Code) or piece.kind not in ("bpt", "ept"):
            continue
        if piece.element and piece.element not in CONTAINERS:
            continue
        if piece.kind == "bpt":
            opened.append(piece.number)
        elif opened and opened[-1] == piece.number:
            nested.add(opened.pop())
        elif piece.number in opened:
            opened.remove(piece.number)
    return nested


def _write_codes(element: Any, pieces: list[str | Code], references: dict[str, str]) -> None:
    """Make ``pieces`` the content of ``element``: text as text, each code as its 2.0 inline
    element (module docstring), pointing at its native code's ``<data>`` in ``references``."""
    from lxml import etree

    nested = _nested_pairs(pieces)
    parents = [element]  # the <pc> open, innermost last
    starts: dict[int, str] = {}  # a pair's number -> its start's id, which its end refers to
    for piece in pieces:
        if isinstance(piece, str):
            append_text(parents[-1], piece)
            continue
        ident = starts.get(piece.number, "") if piece.kind == "ept" else ""
        ident = ident or piece.ident
        if piece.kind == "bpt":
            starts[piece.number] = ident
        reference = references.get(_native(piece), "")
        if piece.kind == "ept" and piece.number in nested:
            if reference:
                parents[-1].set("dataRefEnd", reference)
            parents.pop()
            continue
        name, attributes = _element(piece, ident, piece.number in nested)
        if reference:
            attributes["dataRefStart" if name == "pc" else "dataRef"] = reference
        written = etree.SubElement(parents[-1], f"{{{NS_20}}}{name}", attributes)
        if name == "pc":
            parents.append(written)


def _element(code: Code, ident: str, nested: bool) -> tuple[str, dict[str, str]]:
    """The 2.0 element of ``code`` (not a nested pair's end) and its attributes but the
    reference to its native code."""
    if code.kind == "bpt":
        return ("pc" if nested else "sc"), {"id": ident}
    if code.kind == "ept":
        return "ec", {"startRef": ident}
    if code.kind == "begin":
        return "sc", {"id": ident, "isolated": "yes"}
    if code.kind == "end":
        return "ec", {"id": ident, "isolated": "yes"}
    return "ph", {"id": ident}
