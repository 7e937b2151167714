"""XLIFF inline markup as text the model can carry, and back.

A ``<source>`` such as ``Press <g id="1">OK</g> now<x id="2"/>`` becomes the string
``Press <g id="1">OK</g> now<x id="2"/>``: paired containers (``g``, ``mrk``, ``pc``) as an
opening and a closing tag around their text, every other inline element (``x``, ``ph``, ``bpt``,
``sc`` …) as one self-closing tag that stands for the whole element. A code whose native code is
known is that native code instead, the markup it stands for: 1.2's ``<ph id="1">&lt;br/&gt;</ph>``
reads as ``<br/>``, ``<bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept>`` as
``<b>bold</b>``, and 2.0's codes that point into the unit's ``<originalData>`` (``<ph
dataRef="d1"/>``, ``<pc dataRefStart="d2" dataRefEnd="d3">``) as the data they point to. So the
memory holds one form of markup whatever file it came from, and a PO or HTML string that writes
``<b>bold</b>`` matches the XLIFF unit. These tags are placeholders (see
:mod:`ltmt.formats.placeholders`), so the translation keeps them; the target element is then
rebuilt from copies of the source's elements.

:func:`markup_codes` goes the other way for writers: the markup tags of a stored string as the
inline codes (``<ph>``, ``<bpt>``/``<ept>``, ``<it>``) that CAT tools show as protected tags.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.common import XML_NS, local_name

CONTAINERS = frozenset({"g", "mrk", "pc"})
# 1.2's codes that hold the native code they stand for as their content
WRAPPERS = frozenset({"ph", "bpt", "ept", "it"})
# a markup tag in stored text: <b>, </b>, <br/>, <a href="x">, <x id="1"/>
MARKUP_TAG = re.compile(
    r"""<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
)
# HTML elements that have no end tag: <br> is a placeholder, not a pair left open
VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "wbr", "col", "area", "meta", "link"})


@dataclass
class InlineText:
    """``text`` with inline elements as tags; ``codes`` maps each tag string to its elements,
    ``closers`` each container's opening tag to the string that closes it."""

    text: str
    codes: dict[str, list[Any]] = field(default_factory=dict)
    closers: dict[str, str] = field(default_factory=dict)

    def add(self, tag: str, element: Any) -> None:
        self.codes.setdefault(tag, []).append(element)


def escape_attribute(value: str) -> str:
    """``value`` as a double-quoted attribute value of a tag in text (``&``, ``"``, ``<`` and
    ``>`` escaped)."""
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def start_tag(element: Any, *, self_closing: bool) -> str:
    """``<name a="1">`` (or ``<name a="1"/>``) for ``element``, without namespaces."""
    attributes = []
    for key, value in element.attrib.items():
        name = local_name(key)
        if key.startswith(f"{{{XML_NS}}}"):
            name = f"xml:{name}"
        attributes.append(f' {name}="{escape_attribute(value)}"')
    return f"<{local_name(element.tag)}{''.join(attributes)}{'/' if self_closing else ''}>"


def to_text(element: Any) -> InlineText:
    """The content of ``element`` (a ``<source>`` or ``<target>``) as :class:`InlineText`."""
    result = InlineText("")
    result.text = _content(element, result, _original_data(element))
    return result


def _original_data(element: Any) -> dict[str, str]:
    """The native codes of the 2.0 ``<unit>`` that holds ``element`` (its ``<originalData>``),
    by id; none in 1.2."""
    unit = next((a for a in element.iterancestors() if local_name(a.tag) == "unit"), None)
    if unit is None:
        return {}
    return {
        data.get("id", ""): "".join(data.itertext())
        for holder in unit
        if local_name(holder.tag) == "originalData"
        for data in holder
        if local_name(data.tag) == "data"
    }


def _native(code: Any, data: dict[str, str], reference: str = "dataRef") -> str:
    """The native code ``code`` stands for (its content in 1.2, the data its ``reference``
    attribute names in 2.0), or ``""`` where none is known or it is blank (a tab, a line break
    the model would not keep)."""
    name = local_name(code.tag)
    native = data.get(code.get(reference) or "", "")
    if not native and name in WRAPPERS and reference == "dataRef":
        native = "".join(code.itertext())
    return native if native.strip() else ""


def _content(element: Any, result: InlineText, data: dict[str, str]) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if not name:  # a comment or processing instruction: not text
            parts.append(child.tail or "")
            continue
        if name in CONTAINERS:
            opener = _native(child, data, "dataRefStart")
            closer = _native(child, data, "dataRefEnd")
            if not (opener and closer):
                opener, closer = start_tag(child, self_closing=False), f"</{name}>"
            result.add(opener, child)
            result.closers[opener] = closer
            parts.extend([opener, _content(child, result, data), closer])
        else:
            tag = _native(child, data) or start_tag(child, self_closing=True)
            result.add(tag, child)
            parts.append(tag)
        parts.append(child.tail or "")
    return "".join(parts)


def fill(target: Any, text: str, inline: InlineText) -> bool:
    """Make ``text`` the content of ``target``, turning the tags of the source's ``inline``
    back into elements.

    Returns ``False`` when the tags do not nest; the target then gets the plain text with the
    codes' elements appended after it (nothing is lost, the unit needs a review).
    """
    for child in list(target):
        target.remove(child)
    target.text = None
    available = {tag: list(elements) for tag, elements in inline.codes.items()}
    closers = set(inline.closers.values())
    names = sorted(set(available) | closers, key=len, reverse=True)
    if not names:
        target.text = text
        return True
    stack = [target]
    expected: list[str] = []  # what closes each container open in ``stack``, innermost last
    ok = True
    for piece in re.split("(" + "|".join(re.escape(n) for n in names) + ")", text):
        if not piece:
            continue
        if expected and piece == expected[-1]:
            stack.pop()
            expected.pop()
        elif available.get(piece):
            original = available[piece].pop(0)
            if piece in inline.closers:
                element = copy.copy(original)  # the attributes, not the children
                for child in list(element):
                    element.remove(child)
                element.text = None
            else:
                element = copy.deepcopy(original)
            element.tail = None
            stack[-1].append(element)
            if piece in inline.closers:
                stack.append(element)
                expected.append(inline.closers[piece])
        elif piece in closers:
            ok = False
            break
        else:
            append_text(stack[-1], piece)
    if ok and len(stack) == 1:
        return True
    _fallback(target, text, inline, names)
    return False


def append_text(parent: Any, text: str) -> None:
    """Add ``text`` at the end of ``parent``'s content (after its last child, if any)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fallback(target: Any, text: str, inline: InlineText, names: list[str]) -> None:
    for child in list(target):
        target.remove(child)
    plain = re.sub("|".join(re.escape(n) for n in names), "", text)
    target.text = re.sub(r"  +", " ", plain).strip()
    for tag, elements in inline.codes.items():
        if tag not in inline.closers:
            for original in elements:
                element = copy.deepcopy(original)
                element.tail = None
                target.append(element)


@dataclass(frozen=True)
class Code:
    """A markup tag of stored text as an inline code: ``kind`` ``ph`` (a self-closing or void
    tag), ``bpt``/``ept`` (the start and end of a pair, one ``number`` for both), ``begin`` or
    ``end`` (a start or end tag whose partner is not in the text); ``native`` the tag."""

    kind: str
    native: str
    number: int


def markup_codes(text: str, number: Callable[[str, str], int]) -> list[str | Code]:
    """``text`` as its runs of text and :class:`Code` for its markup tags, in order; ``number``
    gives each code but an ``ept`` (which takes its ``bpt``'s) its number from its kind and
    tag, so that a writer can give a target's codes the numbers of the source's."""
    pieces: list[str | Code] = []
    kinds: list[str] = []  # per piece: "" for text, else the code's kind
    partner: dict[int, int] = {}  # the index of an end tag -> the index of its start tag
    opened: list[tuple[str, int]] = []  # start tags not closed yet: (name, index)
    last = 0
    for match in MARKUP_TAG.finditer(text):
        if match.start() > last:
            pieces.append(text[last : match.start()])
            kinds.append("")
        last = match.end()
        closing, name, _, empty = match.groups()
        kind = "ph" if empty or name.lower() in VOID_ELEMENTS else "end" if closing else "begin"
        if kind == "end":
            start = next((i for n, i in reversed(opened) if n == name), None)
            if start is not None:
                opened.remove((name, start))
                kinds[start], kind = "bpt", "ept"
                partner[len(pieces)] = start
        elif kind == "begin":
            opened.append((name, len(pieces)))
        pieces.append(match.group())
        kinds.append(kind)
    if last < len(text):
        pieces.append(text[last:])
        kinds.append("")
    numbers: dict[int, int] = {}
    for index, kind in enumerate(kinds):
        if kind and kind != "ept":
            numbers[index] = number(kind, str(pieces[index]))
    return [
        Code(kind, str(piece), numbers[partner[index]] if kind == "ept" else numbers[index])
        if kind
        else piece
        for index, (piece, kind) in enumerate(zip(pieces, kinds, strict=True))
    ]


def pair_markup_codes(source: str, target: str) -> tuple[list[str | Code], list[str | Code]]:
    """:func:`markup_codes` of a pair's ``source`` and ``target``, numbered from 1 in the
    source; a target's code takes the number of the source's code of the same kind and tag
    (the first not taken yet), else a number the source does not use, so a CAT tool sees
    which target tag is which source tag."""
    counter = iter(range(1, len(source) + len(target) + 2))
    source_pieces = markup_codes(source, lambda kind, native: next(counter))
    free: dict[tuple[str, str], list[int]] = {}
    for piece in source_pieces:
        if isinstance(piece, Code) and piece.kind != "ept":
            free.setdefault((piece.kind, piece.native), []).append(piece.number)

    def target_number(kind: str, native: str) -> int:
        same = free.get((kind, native))
        return same.pop(0) if same else next(counter)

    return source_pieces, markup_codes(target, target_number)
