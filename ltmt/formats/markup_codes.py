"""The markup tags of a stored string as the inline codes a memory export writes.

The memory holds inline markup as tags (:mod:`ltmt.formats.inline`): markup as itself (``<b>``,
``<br/>``) and a code without native markup as XLIFF's own element (``<x id="1"/>``, ``<g
id="2">``…``</g>``, ``<bpt id="3"/>``). :func:`markup_codes` finds them, paired and numbered, for
the XLIFF and TMX writers: markup as a code that holds it as native code (``<ph>``,
``<bpt>``/``<ept>``, ``<it>``), an XLIFF element as that element in XLIFF (``Code.element``) and
as a code with no native code in TMX, which CAT tools show as protected tags and the readers
read back as the same text. A ``<`` or ``>`` of text that reads as no tag (``the <Power> key``,
as the readers store ``&lt;Power&gt;``: :mod:`ltmt.formats.markup_characters`) is no code: it is
written as text, escaped, and read back as the same text.

An XLIFF element's tag says nothing of the native code it stood for in the file it was read from
(``<x id="1"/>`` for ``<ph id="1">{\\f1 }</ph>``); the readers keep that native code in the
pair's metadata (:data:`NATIVE_CODES`), and :func:`pair_markup_codes` gives it to the writers
(``Code.original``), which write it into the code that holds it (``<ph id="1">{\\f1 }</ph>``).
Where none is known (XLIFF's ``<g>`` and ``<x/>``, which have none, and Trados's empty codes)
an XLIFF export writes the element and a TMX export an empty code (``<ph x="1"/>``).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ltmt.formats.inline import MARKUP_TAG, VOID_ELEMENTS, container_end
from ltmt.formats.placeholder_syntax import find_placeholders

# XLIFF's inline elements (1.2, and 2.0's pc, sc, ec) as the readers keep a code without
# native markup: a tag of one of these names with an id is such a code, not markup
XLIFF_ELEMENTS = frozenset(
    {"g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "mrk", "pc", "sc", "ec"}
)
# of them, the self-closing ones that begin or end a pair (the other end a code of its own)
_XLIFF_BEGINS = frozenset({"bpt", "bx", "sc"})
_XLIFF_ENDS = frozenset({"ept", "ex", "ec"})
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
# a pair's metadata: the native code of each of its XLIFF codes that has one, by the code's tag
# (a container's end by :func:`container_end`)
NATIVE_CODES = "native_codes"


@dataclass(frozen=True)
class Code:
    """A markup tag of stored text as an inline code: ``kind`` ``ph`` (a self-closing or void
    tag), ``bpt``/``ept`` (the start and end of a pair, one ``number`` for both), ``begin`` or
    ``end`` (a start or end tag whose partner is not in the text); ``native`` the tag;
    ``element`` the XLIFF element the tag is (:data:`XLIFF_ELEMENTS`; a pair's end tag that of
    its start), ``""`` for markup; ``original`` the native code such an element stood for,
    where the pair's metadata knows it (:data:`NATIVE_CODES`)."""

    kind: str
    native: str
    number: int
    element: str = ""
    original: str = ""

    @property
    def attributes(self) -> dict[str, str]:
        """The attributes of the tag (references in them as written)."""
        return _attributes(self.native)

    @property
    def ident(self) -> str:
        """The code's id: a stored XLIFF code's own (its ``id``, an ``<ec>``'s ``startRef``),
        else its ``number``."""
        given = self.attributes if self.element else {}
        return given.get("id") or given.get("startRef") or str(self.number)


def _attributes(text: str) -> dict[str, str]:
    """The quoted attributes written in ``text`` (a tag, or its attributes), by name."""
    return {m.group(1): m.group(2) or m.group(3) or "" for m in _ATTRIBUTE.finditer(text)}


def markup_codes(text: str, number: Callable[[str, str], int]) -> list[str | Code]:
    """``text`` as its runs of text and :class:`Code` for its markup tags, in order; ``number``
    gives each code but an ``ept`` (which takes its ``bpt``'s) its number from its kind and
    tag, so that a writer can give a target's codes the numbers of the source's."""
    pieces: list[str | Code] = []
    kinds: list[str] = []  # per piece: "" for text, else the code's kind
    elements: list[str] = []  # per piece: the XLIFF element of a code, else ""
    partner: dict[int, int] = {}  # the index of an end tag -> the index of its start tag
    opened: list[tuple[str, int]] = []  # start tags not closed yet: (what pairs them, index)
    last = 0
    for match in _markup_tags(text):
        if match.start() > last:
            pieces.append(text[last : match.start()])
            kinds.append("")
            elements.append("")
        last = match.end()
        kind, key, element = _kind(match)
        if kind == "end":
            start = next((i for k, i in reversed(opened) if k == key), None)
            if start is not None:
                opened.remove((key, start))
                kinds[start], kind = "bpt", "ept"
                element = element or elements[start]  # a container's end: its start's
                partner[len(pieces)] = start
        elif kind == "begin":
            opened.append((key, len(pieces)))
        pieces.append(match.group())
        kinds.append(kind)
        elements.append(element)
    if last < len(text):
        pieces.append(text[last:])
        kinds.append("")
        elements.append("")
    numbers: dict[int, int] = {}
    for index, kind in enumerate(kinds):
        if kind and kind != "ept":
            numbers[index] = number(kind, str(pieces[index]))
    return [
        Code(
            kind,
            str(piece),
            numbers[partner[index]] if kind == "ept" else numbers[index],
            elements[index],
        )
        if kind
        else piece
        for index, (piece, kind) in enumerate(zip(pieces, kinds, strict=True))
    ]


def _markup_tags(text: str) -> list[re.Match[str]]:
    """The tags of ``text`` that read as markup, as the readers store it
    (:mod:`ltmt.formats.markup_characters`: a tag :func:`find_placeholders` finds): a ``<`` or
    ``>`` of text that reads as none (``Press <Enter>``, ``the <Power> key``) is that text, which
    an export writes as text, escaped, and an import reads back as the same text. Text without
    a ``<`` holds no tag: it is not scanned for placeholders (most of a memory, whose scan was
    most of a TMX export's time)."""
    if "<" not in text:
        return []
    read = {(p.start, p.end) for p in find_placeholders(text) if p.kind == "tag"}
    return [tag for tag in MARKUP_TAG.finditer(text) if tag.span() in read]


def _kind(tag: re.Match[str]) -> tuple[str, str, str]:
    """The kind of the markup tag ``tag`` (:class:`Code`: ``ph``, ``begin`` or ``end``), what
    pairs its start and end (a name; an XLIFF code's id) and the XLIFF element it is."""
    closing, name, attributes, empty = tag.groups()
    values = _attributes(attributes)
    reference = values.get("rid") or values.get("startRef") or values.get("id")
    element = name if name in XLIFF_ELEMENTS and (reference or "mtype" in values) else ""
    if element and empty:
        position = values.get("pos", "")
        if name in _XLIFF_BEGINS or position in ("open", "begin"):
            return "begin", f"xliff {reference}", element
        if name in _XLIFF_ENDS or position in ("close", "end"):
            return "end", f"xliff {reference}", element
        return "ph", "", element
    if empty or name.lower() in VOID_ELEMENTS:
        return "ph", "", ""
    return ("end" if closing else "begin"), name, element


def stored_natives(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The native codes a pair's ``metadata`` holds (:data:`NATIVE_CODES`), by tag; none where
    it holds no mapping of strings (a hand-made JSONL line's)."""
    natives = metadata.get(NATIVE_CODES)
    if not isinstance(natives, Mapping):
        return {}
    return {tag: code for tag, code in natives.items() if isinstance(code, str)}


def displayed_natives(metadata: Mapping[str, Any]) -> dict[str, str]:
    """What each XLIFF 2.0 placeholder of a pair stood for where the file said only how to show
    it (``<ph id="2" disp="{name}"/>``, kept as the file wrote it under
    ``metadata["placeholders"]``), by its stored tag (``<x id="2"/>``): the native code a TMX
    export writes for it where :func:`stored_natives` holds none."""
    written = metadata.get("placeholders")
    if not isinstance(written, Mapping):
        return {}
    shown = {
        tag: _attributes(file_tag).get("disp", "")
        for tag, file_tag in written.items()
        if isinstance(tag, str) and isinstance(file_tag, str)
    }
    return {tag: html.unescape(disp) for tag, disp in shown.items() if disp}


def _with_natives(pieces: list[str | Code], natives: Mapping[str, str]) -> list[str | Code]:
    """``pieces`` with each XLIFF code's ``original`` the native code ``natives`` holds for it
    (a container's end: under :func:`container_end` of its start)."""
    starts: dict[int, str] = {}  # a pair's number -> its start tag
    given: list[str | Code] = []
    for piece in pieces:
        if isinstance(piece, Code) and piece.element:
            key = piece.native
            if piece.kind == "bpt":
                starts[piece.number] = piece.native
            elif piece.kind == "ept" and key.startswith("</"):
                key = container_end(starts.get(piece.number, ""), key)
            piece = replace(piece, original=natives.get(key, ""))
        given.append(piece)
    return given


def pair_markup_codes(
    source: str, target: str, natives: Mapping[str, str] | None = None
) -> tuple[list[str | Code], list[str | Code]]:
    """:func:`markup_codes` of a pair's ``source`` and ``target``, numbered from 1 in the
    source; a target's code takes the number of the source's code of the same kind and tag
    (the first not taken yet), else a number the source does not use, so a CAT tool sees
    which target tag is which source tag; no number is an XLIFF code's id. An XLIFF code's
    ``original`` is its native code in ``natives`` (:func:`stored_natives`)."""
    taken = {  # the ids of XLIFF codes, which keep them
        piece.attributes.get("id", "")
        for text in (source, target)
        for piece in markup_codes(text, lambda kind, native: 0)
        if isinstance(piece, Code) and piece.element
    }
    counter = (n for n in itertools.count(1) if str(n) not in taken)
    source_pieces = markup_codes(source, lambda kind, native: next(counter))
    free: dict[tuple[str, str], list[int]] = {}
    for piece in source_pieces:
        if isinstance(piece, Code) and piece.kind != "ept":
            free.setdefault((piece.kind, piece.native), []).append(piece.number)

    def target_number(kind: str, native: str) -> int:
        same = free.get((kind, native))
        return same.pop(0) if same else next(counter)

    target_pieces = markup_codes(target, target_number)
    return _with_natives(source_pieces, natives or {}), _with_natives(target_pieces, natives or {})
