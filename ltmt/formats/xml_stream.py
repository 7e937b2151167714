"""Writing an XML file of many units (TMX ``<tu>``, XLIFF ``<trans-unit>``) as a stream.

    frame = UnitFrame.around(body, "{urn:...}trans-unit", serialize)  # the bytes around units
    write_units(path, frame, (frame.unit(make_unit(r)) for r in records))

A memory export of 200,000 pairs built as one tree held every unit at once (over a gigabyte);
written this way it holds one unit at a time. The bytes are those the whole tree would have
serialized to: the frame is serialized by the same code, with a marker where the units go, and
each unit is indented as it would be in place before it is serialized.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ltmt.formats.common import XmlLeftOut
    from ltmt.segments import PairRecord

# the comment that marks where the units go while the frame is serialized
_MARK = "ltmt-units"
_MARK_BYTES = f"<!--{_MARK}-->".encode()


@dataclass(frozen=True)
class UnitFrame:
    """The bytes of an XML file around its units: ``before`` the first (its indentation
    included), ``between`` two, ``after`` the last, and the whole file when it has none
    (``empty``, where the container is an empty element: ``<body/>``); and the namespace
    declarations lxml copies onto a unit serialized alone (``declared``), which the file's
    root already makes."""

    before: bytes
    between: bytes
    after: bytes
    empty: bytes
    declared: bytes

    @classmethod
    def around(cls, container: Any, unit_tag: str, serialize: Callable[[], bytes]) -> UnitFrame:
        """The frame of the file ``serialize`` writes (it indents and serializes the tree that
        holds ``container``, the parent of the units, tagged ``unit_tag``; it must be empty)."""
        from lxml import etree

        empty = serialize()
        mark = etree.Comment(_MARK)
        container.append(mark)
        before, after = serialize().split(_MARK_BYTES)
        container.remove(mark)
        # in place, every unit is indented as the first: by the container's inner indentation
        between = before[len(before.rstrip()) :]
        return cls(before, between, after, empty, _declared_namespaces(container, unit_tag))

    def unit(self, element: Any) -> bytes:
        """The UTF-8 bytes of ``element``, a unit in the container (its tail left out), as they
        are in the file: without the namespace declarations lxml puts on it alone."""
        from lxml import etree

        data: bytes = etree.tostring(element, encoding="UTF-8", with_tail=False)
        if not self.declared:
            return data
        start = data.index(b" " + self.declared)  # in the start tag, before any attribute
        return data[:start] + data[start + 1 + len(self.declared) :]


def indented_file(root: Any) -> bytes:
    """The UTF-8 bytes of the XML file whose root is ``root``, indented by two spaces: an XML
    declaration, the tree, a final line end (the XLIFF writers' frame)."""
    from lxml import etree

    etree.indent(root, space="  ")
    data: bytes = etree.tostring(root, encoding="UTF-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + data + b"\n"


def unit_level(container: Any) -> int:
    """The depth of a unit in ``container`` (the root's children: 1), to indent it alone as it
    is indented in place."""
    return sum(1 for _ in container.iterancestors()) + 1


def _declared_namespaces(container: Any, unit_tag: str) -> bytes:
    """The namespace declarations lxml copies from ``container`` and its ancestors onto a unit
    in it serialized alone, as its start tag has them (``xmlns="urn:..."``); b"" for none."""
    from lxml import etree

    probe = etree.SubElement(container, unit_tag)
    try:
        start_tag: bytes = etree.tostring(probe, encoding="UTF-8", with_tail=False)
    finally:
        container.remove(probe)
    name_end = start_tag.find(b" ")
    return start_tag[name_end + 1 : -len(b"/>")] if name_end >= 0 else b""


def write_units(path: Path, frame: UnitFrame, units: Iterable[bytes]) -> None:
    """Write ``units`` (serialized by :meth:`UnitFrame.unit`) into ``frame`` at ``path`` as
    they come, by :func:`ltmt.outputs.open_output`'s rules (a temporary file and a rename:
    never half-written); a missing parent directory is created."""
    from ltmt.outputs import open_output

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_output(path, binary=True) as out:
        first = True
        for unit in units:
            out.write(frame.before if first else frame.between)
            out.write(unit)
            first = False
        out.write(frame.empty if first else frame.after)


def write_records(
    path: Path,
    frame: UnitFrame,
    records: Iterable[PairRecord],
    unit_of: Callable[[int, PairRecord], bytes],
    left_out: XmlLeftOut,
) -> int:
    """Write the unit ``unit_of(number, record)`` serializes (:meth:`UnitFrame.unit`) of each
    of ``records`` (numbered from 1) that ``left_out`` keeps (a pair with characters XML cannot
    hold is left out, and counted there) into ``frame`` at ``path`` (:func:`write_units`);
    returns how many were written."""
    written = 0

    def units() -> Iterator[bytes]:
        nonlocal written
        for number, record in enumerate(records, 1):
            if not left_out.left_out(record):
                written += 1
                yield unit_of(number, record)

    write_units(path, frame, units())
    return written
