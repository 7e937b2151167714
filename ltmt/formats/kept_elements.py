"""An existing output of an XML keyed catalog written over as it is: its own bytes kept for
every element the run keeps (its attributes, escapes, quoting, indentation), and its root's
start tag, comments, declaration and layout, so that a run that changes no string leaves it
byte for byte, and one that does changes those strings' lines only.

    written = write_over(existing, fresh, rules)  # None: the file cannot be written over

The output is to hold the elements of ``fresh`` (the output as the run writes it anew: the
source file's, filled, in its order, each after its notes). Of those, one the existing output
has (by :attr:`KeptRules.identity`) is kept as written there where it holds the same
(:attr:`KeptRules.same`; an attribute without a namespace that the new one has and it lacks,
``formatted="false"``, is added to its start tag), else written in its place with what it
takes of the existing one (:attr:`KeptRules.carried`: the attributes the new one lacks, a
``tools:ignore``); one it lacks is written after the element before it in ``fresh`` (else
before the output's first element), with its notes, indented as the output's elements are. The
existing output's elements that :attr:`KeptRules.removed` says go are removed with their
notes; every other one stays where it is.
"""

from __future__ import annotations

import codecs
import copy
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from ltmt.formats.xml_children import RootChildren, root_children, start_tag_end

if TYPE_CHECKING:
    from lxml import etree


# what an attribute's value in double quotes escapes, beyond &, < and >
_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\t": "&#9;", "\r": "&#13;"}


@dataclass(frozen=True)
class KeptRules:
    """What a format tells elements apart by and keeps: ``identity`` (None: an element no rule
    covers, kept as it is), whether an existing element holds the ``same`` as the one to write
    (``same(existing, wanted)``), whether an existing element the output is not to hold is
    ``removed``, and what the element written in place of an existing one takes of it
    (``carried(existing, wanted)``: :func:`carry_attributes`, Android's but ``translatable``)."""

    identity: Callable[[etree._Element], Hashable | None]
    same: Callable[[etree._Element, etree._Element], bool]
    removed: Callable[[etree._Element], bool]
    carried: Callable[[etree._Element, etree._Element], etree._Element]


@dataclass(frozen=True)
class _Layout:
    """How a file indents its root's children: the line end and indentation before each
    (``separator``, ``"\\n\\t"``), and the source file's indentation of its own (``source``,
    ``"    "``), which a new element's inner lines are written in the output's instead."""

    separator: str
    source: str

    @property
    def indent(self) -> str:
        return self.separator.rsplit("\n", 1)[-1]


def write_over(existing: bytes, fresh: bytes, rules: KeptRules) -> bytes | None:
    """``existing`` (the output so far, well-formed) written over with the elements of
    ``fresh`` (the output as the run writes it anew: the source file's layout) by ``rules``
    (module docstring); ``existing`` itself where nothing changes; None where its root's
    children cannot be told (an entity that holds elements) or it has no place for one
    (``<resources/>``)."""

    tree = _parsed(existing)
    encoding = _codec(existing, tree.docinfo.encoding or "utf-8")
    text = existing.decode(encoding)
    found = root_children(text)
    nodes = list(tree.getroot())
    if found is None or [_kind(node) for node in nodes] != [c.kind for c in found.children]:
        return None
    wanted = [node for node in _parsed(fresh).getroot() if isinstance(node.tag, str)]
    edits = _Edits(text, found, nodes, rules, wanted)
    if not edits.changes:
        return existing
    return edits.applied().encode(encoding, errors="xmlcharrefreplace")


def same_xml(existing: etree._Element, element: etree._Element) -> bool:
    """Whether two elements are the same XML, the white space between their children aside
    (a header written on one line or on several), and the namespaces they do not use."""
    return _canonical(existing) == _canonical(element)


def _canonical(element: etree._Element) -> bytes:
    from lxml import etree

    alone = copy.deepcopy(element)
    alone.tail = None
    for node in alone.iter():
        if len(node) and not (node.text or "").strip():
            node.text = None
        if node is not alone and not (node.tail or "").strip():
            node.tail = None
    etree.cleanup_namespaces(alone)
    written: bytes = etree.tostring(alone, method="c14n")
    return written


def _parsed(data: bytes) -> etree._ElementTree:
    """The well-formed XML file ``data`` parsed as written: entities, CDATA and white space
    kept."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, strip_cdata=False, remove_blank_text=False
    )
    return etree.fromstring(data, parser).getroottree()


class _Edits:
    """The replacements, insertions and removals that write ``wanted`` over a file."""

    def __init__(
        self,
        text: str,
        found: RootChildren,
        nodes: list[etree._Element],
        rules: KeptRules,
        wanted: Sequence[etree._Element],
    ) -> None:
        self.text, self.found, self.nodes, self.rules = text, found, nodes, rules
        self.changes: list[tuple[int, int, str]] = []  # (start, end, written there)
        self.indexes: dict[Hashable, int] = {}  # each identity's first element in the file
        for index, node in enumerate(nodes):
            identity = rules.identity(node) if isinstance(node.tag, str) else None
            if identity is not None:
                self.indexes.setdefault(identity, index)
        source_indent = _indent(wanted[0].getparent()) if wanted else ""
        placed = self._place(wanted, source_indent)
        removed = {
            index
            for index in self.indexes.values()
            if index not in placed and rules.removed(nodes[index])
        }
        for index in sorted(removed):
            start = found.before(self._block(index))
            self.changes.append((start, found.children[index].end, ""))
        if self.front:
            self._put_in_front(self.front, removed, source_indent)
        self.changes.sort(key=lambda change: (change[0], change[1]))

    def _place(self, wanted: Sequence[etree._Element], source_indent: str) -> set[int]:
        """Keep, replace or insert each of ``wanted``: an insertion after the element before
        it that the file has, or in :attr:`front` while there is none; the indexes of the
        file's elements it has."""
        anchor: int | None = None  # the file's element of the last of ``wanted`` placed
        self.front: list[etree._Element] = []
        after: dict[int, list[etree._Element]] = {}
        placed: set[int] = set()
        for element in wanted:
            identity = self.rules.identity(element)
            if identity is None:  # nothing tells it apart: the file's own is kept
                continue
            index = self.indexes.get(identity)
            if index is None:
                (self.front if anchor is None else after.setdefault(anchor, [])).append(element)
                continue
            placed.add(index)
            existing = self.nodes[index]
            if not self.rules.same(existing, element):
                node = self.found.children[index]
                written = self.rules.carried(existing, element)
                layout = self._layout(index, source_indent)
                self.changes.append((node.start, node.end, self._written(written, layout)))
            else:
                self._add_attributes(index, element)
            anchor = index
        for index, elements in after.items():
            layout = self._layout(index, source_indent)
            blocks = "".join(layout.separator + self._block_of(e, layout) for e in elements)
            end = self.found.children[index].end
            self.changes.append((end, end, blocks))
        return placed

    def _add_attributes(self, index: int, element: etree._Element) -> None:
        """Give the file's element ``index``, kept as written, the attributes without a
        namespace that ``element`` (the source file's) has and it lacks (Android's
        ``formatted="false"``, which its build needs for a string of several ``%s``), at the
        end of its start tag."""
        existing = self.nodes[index]
        missing = [
            (name, value)
            for name, value in element.attrib.items()
            if not name.startswith("{") and name not in existing.attrib
        ]
        if not missing:
            return
        start = self.found.children[index].start
        end = start_tag_end(self.text, start)
        at = end - 2 if self.text[end - 2 : end] == "/>" else end - 1
        written = "".join(
            f' {name}="{escape(value, _ATTRIBUTE_ESCAPES)}"' for name, value in missing
        )
        self.changes.append((at, at, written))

    def _put_in_front(
        self, elements: list[etree._Element], removed: set[int], source_indent: str
    ) -> None:
        """Write ``elements`` before the file's first element that stays, else after its last
        child (or at the start of an empty root)."""
        first = next(
            (
                index
                for index, node in enumerate(self.nodes)
                if isinstance(node.tag, str) and index not in removed
            ),
            None,
        )
        if first is not None:
            layout = self._layout(first, source_indent)
            start = self.found.children[self._block(first)].start
            blocks = "".join(self._block_of(e, layout) + layout.separator for e in elements)
            self.changes.append((start, start, blocks))
            return
        children = self.found.children
        end = children[-1].end if children else self.found.inner
        newline = "\r\n" if "\r\n" in self.text else "\n"
        layout = _Layout(newline + source_indent, source_indent)
        blocks = "".join(layout.separator + self._block_of(e, layout) for e in elements)
        self.changes.append((end, end, blocks))

    def _block(self, index: int) -> int:
        """The index of the first of the comments just before child ``index`` (its notes),
        else ``index``."""
        while index and self.found.children[index - 1].kind == "comment":
            index -= 1
        return index

    def _layout(self, index: int, source_indent: str) -> _Layout:
        """The layout of the file at child ``index``: the line end and indentation before its
        notes (the whole white space where it shares a line with what precedes it)."""
        block = self._block(index)
        space = self.text[self.found.before(block) : self.found.children[block].start]
        line = space.rfind("\n")
        if line > 0 and space[line - 1] == "\r":
            line -= 1
        return _Layout(space[line:] if line >= 0 else space, source_indent)

    def _block_of(self, element: etree._Element, layout: _Layout) -> str:
        """``element`` written with its notes (the comments just before it), each on a line
        of its own as the file's children are."""
        from lxml import etree

        notes: list[str] = []
        previous = element.getprevious()
        while previous is not None and isinstance(previous, etree._Comment):
            notes.insert(0, etree.tostring(previous, encoding="unicode", with_tail=False))
            previous = previous.getprevious()
        return layout.separator.join([*notes, self._written(element, layout)])

    def _written(self, element: etree._Element, layout: _Layout) -> str:
        """``element`` serialized alone, its inner lines indented and ended as the file's,
        without the namespace declarations the file's root makes."""
        from lxml import etree

        alone = copy.deepcopy(element)
        alone.tail = None
        _reindent(alone, layout)
        etree.cleanup_namespaces(alone)
        written: str = etree.tostring(alone, encoding="unicode", with_tail=False)
        root = self.nodes[0].getparent() if self.nodes else None
        for prefix, uri in (root.nsmap if root is not None else {}).items():
            if alone.nsmap.get(prefix) == uri:
                declared = f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"'
                tag_end = written.find(">")
                written = written[:tag_end].replace(declared, "", 1) + written[tag_end:]
        if "\r\n" in layout.separator:
            written = written.replace("\n", "\r\n")
        return written

    def applied(self) -> str:
        """The file's text with :attr:`changes` made."""
        parts, position = [], 0
        for start, end, written in self.changes:
            parts.append(self.text[position:start])
            parts.append(written)
            position = max(position, end)
        parts.append(self.text[position:])
        return "".join(parts)


def carry_attributes(
    existing: etree._Element, element: etree._Element, not_carried: frozenset[str]
) -> etree._Element:
    """``element`` with the attributes of ``existing`` it lacks (a translator's
    ``tools:ignore``), but those of ``not_carried``; ``element`` itself where there are none."""
    from lxml import etree

    missing = {
        name: value
        for name, value in existing.attrib.items()
        if name not in element.attrib and name not in not_carried
    }
    if not missing:
        return element
    holder = etree.Element("holder", nsmap={**(element.nsmap or {}), **(existing.nsmap or {})})
    written = copy.deepcopy(element)
    holder.append(written)
    for name, value in missing.items():
        written.set(name, value)
    return written


def _reindent(element: etree._Element, layout: _Layout) -> None:
    """Indent ``element``'s inner lines (a plural's items) by the file's indentation where the
    source file's differs (tabs for four spaces; none in a file of one line): only white
    space between elements."""
    if not layout.source or layout.source == layout.indent:
        return
    for node in element.iter():
        if node is not element:
            node.tail = _reindented(node.tail, layout)
        if len(node):
            node.text = _reindented(node.text, layout)


def _reindented(space: str | None, layout: _Layout) -> str | None:
    if not space or space.strip() or "\n" not in space:
        return space
    if "\n" not in layout.separator:  # a file of one line: none between its elements either
        return layout.separator
    head, line = space.rsplit("\n", 1)
    depth = len(line) // len(layout.source)
    if line != layout.source * depth:
        return space
    return f"{head}\n{layout.indent * depth}"


def _indent(root: etree._Element | None) -> str:
    """How the file of ``root`` indents its children (the white space before the first, on
    its line)."""
    space = (root.text or "") if root is not None else ""
    return space.rsplit("\n", 1)[-1] if not space.strip() else ""


def _kind(node: etree._Element) -> str:
    """What the root's child ``node`` is to the scan (:class:`~ltmt.formats.xml_children.
    Child`): an entity's reference among the root's children is none of its kinds, so that a
    file with one is not written over (the elements it may hold cannot be told apart)."""
    from lxml import etree

    if isinstance(node, etree._Entity):
        return "entity"
    if isinstance(node, etree._Comment):
        return "comment"
    if isinstance(node, etree._ProcessingInstruction):
        return "pi"
    return "element"


def _codec(data: bytes, declared: str) -> str:
    """The codec that decodes ``data`` (a file in the encoding ``declared``) and encodes the
    text back to the same bytes: a byte order mark stays a character of it."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    return codecs.lookup(declared).name
