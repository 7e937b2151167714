"""XLIFF inline markup as text the model can carry, and back.

A ``<source>`` such as ``Press <g id="1">OK</g> now<x id="2"/>`` becomes the string
``Press <g id="1">OK</g> now<x id="2"/>``: paired containers (``g``, ``mrk``, ``pc``) as an
opening and a closing tag around their text, every other inline element (``x``, ``ph``, ``bpt``,
``sc`` …) as one self-closing tag that stands for the whole element: a placeholder code (1.2's and
2.0's ``<ph>``) as 1.2's ``<x id="1"/>``, an ``<it>`` as ``<bx id="1"/>`` or ``<ex id="1"/>``
(so is a 1.2 ``<bpt>`` or ``<ept>`` whose partner is not beside it), and a 1.2 ``<bpt>`` and
``<ept>`` pair side by side as the ``<g id="1">``…``</g>`` around the text between them (its
``id`` the ``<bpt>``'s; so is Angular's pair of ``<x id="START_BOLD_TEXT"/>`` and ``<x
id="CLOSE_BOLD_TEXT"/>``, which was two lone codes that the words moved out of), each with its
id alone, as the TMX reader reads Trados's empty codes
(:mod:`ltmt.formats.tmx_codes`), so one code is one stored text whichever file held it.
A code whose native code is
markup ltmt reads as markup is that native code instead: one tag (1.2's ``<ph
id="1">&lt;br/&gt;</ph>`` reads as ``<br/>``), a start and end tag of one element for a pair's
two ends (``<bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept>`` as ``<b>bold</b>``) or
one placeholder (``<ph id="1">{0}</ph>`` as ``{0}``), and 2.0's codes that point into the unit's
``<originalData>`` (``<ph dataRef="d1"/>``, ``<pc dataRefStart="d2" dataRefEnd="d3">``) as the
data they point to, by the same rule (:func:`native_markup`, :func:`native_pair`). So the memory
holds one form of markup whatever file it came from, and a PO or HTML string that writes
``<b>bold</b>`` matches the XLIFF unit. Any other native code (Markdown's ``**``, ERB's ``<%=
name %>``, RTF's ``{\\b }``, an entity) keeps the code's own tag: as text the model would change
it and the filler would not find it (that native code is kept beside the text,
``InlineText.natives``, for a memory export to write back). These tags are placeholders (see
:mod:`ltmt.formats.placeholders`), so the translation keeps them; the target element is then
rebuilt from copies of the source's elements, and a code the translation lost is put back
(:func:`fill`). Trados's track changes and comments are no codes: a segment reads as its text
with the changes accepted (:mod:`ltmt.formats.review_marks`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.attribute_values import QUOTED_VALUE
from ltmt.formats.common import XML_NS, local_name
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.formats.review_marks import review_mark

CONTAINERS = frozenset({"g", "mrk", "pc"})
# 1.2's codes that hold the native code they stand for as their content
WRAPPERS = frozenset({"ph", "bpt", "ept", "it"})
# a markup tag in stored text: <b>, </b>, <br/>, <a href="x">, <x id="1"/>
MARKUP_TAG = re.compile(
    rf"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:{QUOTED_VALUE}))*)\s*(/?)>"
)
# the placeholders besides a tag that a code's native code is read as (printf, brace, sigil)
_NATIVE_PLACEHOLDERS = frozenset({"printf", "brace", "sigil"})
# the two ends of a paired code (1.2, 2.0)
_PAIR_STARTS = frozenset({"bpt", "sc"})
_PAIR_ENDS = frozenset({"ept", "ec"})
_IT_STARTS = frozenset({"open", "begin"})  # 1.2's and TMX's pos of an <it> that opens a pair
_NS_20 = "urn:oasis:names:tc:xliff:document:2.0"  # (xliff.NS_20: that module imports this one)
# the id of an end of Angular's paired code, an <x/> (its element's tag, a link, a span)
_ANGULAR_PAIR_END = re.compile(r"(START|CLOSE)_(\w+)")
# HTML elements that have no end tag: <br> is a placeholder, not a pair left open
VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "wbr", "col", "area", "meta", "link"})


@dataclass
class InlineText:
    """``text`` with inline elements as tags; ``codes`` maps each tag string to its elements,
    ``closers`` each container's opening tag (and a ``<bpt>``'s read as ``<g>``) to the string
    that closes it, ``ends`` each such ``<bpt>`` to its ``<ept>``, ``natives`` the tag of each
    code read as a tag whose native code is known to that native code (``<x id="1"/>`` →
    ``&nbsp;``; a ``<g>``'s end under :func:`container_end`), for a memory export to write back
    (:data:`~ltmt.formats.markup_codes.NATIVE_CODES`)."""

    text: str
    codes: dict[str, list[Any]] = field(default_factory=dict)
    closers: dict[str, str] = field(default_factory=dict)
    ends: dict[Any, Any] = field(default_factory=dict)
    natives: dict[str, str] = field(default_factory=dict)

    def add(self, tag: str, element: Any) -> None:
        self.codes.setdefault(tag, []).append(element)

    def written(self) -> dict[str, str]:
        """Each tag that names its code otherwise than the file writes it, to the file's own
        tag: an empty ``<ph id="1"/>`` (2.0's placeholder code) read as ``<x id="1"/>``, so
        that ``ltmt qa`` names it as the file does (``metadata["placeholders"]``)."""
        return {
            tag: start_tag(elements[0], self_closing=True)
            for tag, elements in self.codes.items()
            if local_name(elements[0].tag) == "ph"
            and tag.startswith("<x ")
            and len(elements[0]) == 0
            and not elements[0].text
        }


def escape_attribute(value: str) -> str:
    """``value`` as a double-quoted attribute value of a tag in text (``&``, ``"``, ``<`` and
    ``>`` escaped)."""
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def start_tag(element: Any, *, self_closing: bool) -> str:
    """``<name a="1">`` (or ``<name a="1"/>``) for ``element``, without namespaces; a 2.0
    code's copy (``copyOf``: :func:`fill`) as the code it copies."""
    attributes = []
    base = element.get("copyOf")
    for key, value in element.attrib.items():
        if key == "copyOf":
            continue
        if key == "id" and base is not None:
            value = base
        name = local_name(key)
        if key.startswith(f"{{{XML_NS}}}"):
            name = f"xml:{name}"
        attributes.append(f' {name}="{escape_attribute(value)}"')
    return f"<{local_name(element.tag)}{''.join(attributes)}{'/' if self_closing else ''}>"


def container_end(start: str, end: str) -> str:
    """The key of a container's ``end`` tag (``</g>``, which every ``<g>`` shares) in
    :data:`~ltmt.formats.markup_codes.NATIVE_CODES`: its ``start`` tag and it (``<g
    id="1"></g>``)."""
    return start + end


def to_text(element: Any) -> InlineText:
    """The content of ``element`` (a ``<source>`` or ``<target>``) as :class:`InlineText`."""
    data = _original_data(element)
    result = InlineText("")
    readable = _readable_natives(element, data)
    result.text = _content(element, result, data, readable, _paired_codes(element, readable))
    return result


def native_markup(native: str) -> bool:
    """Whether a code's ``native`` code is read as itself: one markup tag (``<br/>``, ``<img
    src="a.png"/>``, an ``<i>`` a code opens) or one placeholder (``{0}``, ``%s``,
    ``$name``), which the model keeps and the repair puts back."""
    found = find_placeholders(native)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(native)):
        return False
    if found[0].kind == "tag":
        return MARKUP_TAG.fullmatch(native) is not None
    return found[0].kind in _NATIVE_PLACEHOLDERS


def native_pair(start: str, end: str) -> bool:
    """Whether the native codes of a paired code's ``start`` and ``end`` are read as
    themselves: the start and end tag of one element (``<b>`` and ``</b>``)."""
    opening, closing = MARKUP_TAG.fullmatch(start), MARKUP_TAG.fullmatch(end)
    if opening is None or closing is None:
        return False
    opens = not opening.group(1) and not opening.group(4)
    closes = bool(closing.group(1)) and not closing.group(3) and not closing.group(4)
    return opens and closes and opening.group(2) == closing.group(2)


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
    """The native code ``code`` stands for, as markup may read it: ``""`` where none is known or
    it is blank (a tab, a line break the model would not keep)."""
    native = _native_code(code, data, reference)
    return native if native.strip() else ""


def _native_code(code: Any, data: dict[str, str], reference: str = "dataRef") -> str:
    """The native code ``code`` stands for (its content in 1.2, the data its ``reference``
    attribute names in 2.0), ``""`` where none is known."""
    native = data.get(code.get(reference) or "", "")
    if not native and local_name(code.tag) in WRAPPERS and reference == "dataRef":
        native = "".join(code.itertext())
    return native


def _readable_natives(element: Any, data: dict[str, str]) -> dict[Any, str]:
    """The inline codes of ``element`` that read as their native code, with it: a code whose
    partner is in ``element`` (1.2 ``<bpt>``/``<ept>`` of one ``rid`` or ``id``, 2.0
    ``<sc>``/``<ec startRef>``) where both ends' are :func:`native_pair`, any other where its
    own is :func:`native_markup`."""
    codes = {
        code: _native(code, data)
        for code in element.iter()
        if code is not element and local_name(code.tag) not in CONTAINERS | {""}
    }
    ends = {_pair_id(code): code for code in codes if local_name(code.tag) in _PAIR_ENDS}
    starts = {_pair_id(code): code for code in codes if local_name(code.tag) in _PAIR_STARTS}
    readable = {}
    for code, native in codes.items():
        name = local_name(code.tag)
        if name in _PAIR_STARTS and _pair_id(code) in ends:
            markup = native_pair(native, codes[ends[_pair_id(code)]])
        elif name in _PAIR_ENDS and _pair_id(code) in starts:
            markup = native_pair(codes[starts[_pair_id(code)]], native)
        else:
            markup = native_markup(native)
        if markup:
            readable[code] = native
    return readable


def _pair_id(code: Any) -> str:
    """What ties the two ends of a paired code: 1.2's ``rid`` (else ``id``), 2.0's ``<sc>``
    ``id`` and ``<ec>`` ``startRef``."""
    return str(code.get("rid") or code.get("startRef") or code.get("id") or "")


def _paired_codes(element: Any, readable: dict[Any, str]) -> dict[Any, Any]:
    """The 1.2 ``<bpt>`` and ``<ept>`` pairs of ``element`` (and Angular's ``<x
    id="START_…"/>`` and ``<x id="CLOSE_…"/>``, :func:`_pair_end`) read as a ``<g>`` around the
    text between them, each start with its end: pairs not read as their native markup whose
    ends are children of one element and nest in the others (those that cross another pair
    are left to :func:`_code_tag`), as the TMX reader pairs them."""
    pairs: dict[Any, Any] = {}
    for parent in element.iter():
        ends = {c: end for c in parent if c not in readable and (end := _pair_end(c)) is not None}
        codes = list(ends)
        ended = {ends[c][1] for c in codes if not ends[c][0]}
        opened: list[Any] = []
        for code in codes:
            if ends[code][0]:
                if ends[code][1] in ended:
                    opened.append(code)
                continue
            start = next((s for s in reversed(opened) if ends[s][1] == ends[code][1]), None)
            if start is not None:
                if start is opened[-1]:
                    pairs[start] = code
                opened.remove(start)
    return pairs


def _pair_end(code: Any) -> tuple[bool, str] | None:
    """Whether ``code`` opens a pair (or closes it) and what ties its two ends, where it is
    a pair's end: a 1.2 ``<bpt>`` or ``<ept>`` (:func:`_pair_id`), or Angular's ``<x
    id="START_BOLD_TEXT"/>`` and ``<x id="CLOSE_BOLD_TEXT"/>`` (the name after the prefix);
    else None."""
    name = local_name(code.tag)
    if name in ("bpt", "ept"):
        return name == "bpt", _pair_id(code)
    found = _ANGULAR_PAIR_END.fullmatch(str(code.get("id") or "")) if name == "x" else None
    return (found.group(1) == "START", found.group(2)) if found else None


def _code_tag(code: Any) -> str:
    """The tag of a code read without native markup: a standalone code in 1.2's form with its id
    alone (``<ph>`` as ``<x id="1"/>``, an ``<it>`` that opens or a ``<bpt>`` as ``<bx
    id="1"/>``, one that closes or an ``<ept>`` as ``<ex id="1"/>``: see the module docstring),
    any other as its own self-closing tag; a 2.0 code's copy as the code it copies."""
    name, ident = local_name(code.tag), code.get("copyOf") or code.get("id")
    if ident is None or name not in ("ph", "it", "bpt", "ept"):
        return start_tag(code, self_closing=True)
    opens = code.get("pos") in _IT_STARTS or name == "bpt"
    return f'<{"x" if name == "ph" else "bx" if opens else "ex"} id="{escape_attribute(ident)}"/>'


def _content(
    element: Any,
    result: InlineText,
    data: dict[str, str],
    readable: dict[Any, str],
    pairs: dict[Any, Any],
) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if not name:  # a comment or processing instruction: not text
            parts.append(child.tail or "")
            continue
        kept = review_mark(child)  # Trados's track changes and comments: the text they leave
        if kept is not None:
            if kept == "text":
                parts.append(_content(child, result, data, readable, pairs))
            parts.append(child.tail or "")
            continue
        if name in CONTAINERS:
            opener = _native(child, data, "dataRefStart")
            closer = _native(child, data, "dataRefEnd")
            if not native_pair(opener, closer):
                opener, closer = start_tag(child, self_closing=False), f"</{name}>"
            result.add(opener, child)
            result.closers[opener] = closer
            parts.extend([opener, _content(child, result, data, readable, pairs), closer])
        elif child in pairs:
            parts.append(_paired_start(child, pairs[child], result))
        elif child in pairs.values():
            parts.append("</g>")
        else:
            tag = readable.get(child) or _code_tag(child)
            native = "" if child in readable else _native_code(child, data)
            if native:
                result.natives[tag] = native
            result.add(tag, child)
            parts.append(tag)
        parts.append(child.tail or "")
    return "".join(parts)


def _paired_start(start: Any, end: Any, result: InlineText) -> str:
    """The ``<g>`` tag that the 1.2 ``<bpt>`` ``start`` (ended by ``end``) reads as, noted in
    ``result`` with the native codes of both ends (:func:`_paired_codes`)."""
    opener = f'<g id="{escape_attribute(start.get("id") or _pair_id(start))}">'
    result.add(opener, start)
    result.closers[opener] = "</g>"
    result.ends[start] = end
    for key, code in ((opener, start), (container_end(opener, "</g>"), end)):
        native = _native_code(code, {})
        if native:
            result.natives[key] = native
    return opener


def fill(target: Any, text: str, inline: InlineText, repeats: bool = False) -> bool:
    """Make ``text`` the content of ``target``, turning the tags of the source's ``inline``
    back into elements, each of the source's codes exactly once; with ``repeats`` as often as
    ``text`` has it (an ICU message's cases each hold their own, as Angular writes them).

    Returns ``False`` where the translation's codes are not the source's. Nothing is lost, and
    the unit needs a review: a code the translation lacks is put back after its text (a
    container empty), one it has more often than the source is written once, and where its
    tags do not nest the target gets the plain text with every code after it.
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
    stack = [target]  # where text goes: the target, then each container open, innermost last
    expected: list[str] = []  # what closes each pair open in ``stack``, innermost last
    ends: list[Any] = []  # the <ept> each pair open writes where it closes (a container: None)
    complete = nested = True
    for piece in re.split("(" + "|".join(re.escape(n) for n in names) + ")", text):
        if not piece:
            continue
        if expected and piece == expected[-1]:
            stack.pop()
            expected.pop()
            end = ends.pop()
            if end is not None:
                stack[-1].append(_copy_code(end))
        elif available.get(piece) or (repeats and piece in available):
            again = not available[piece]
            original = inline.codes[piece][0] if again else available[piece].pop(0)
            element = _copy_code(original)
            if again:
                _mark_as_copy(element, target)
            stack[-1].append(element)
            if piece in inline.closers:
                # a container holds the pair's text; a <bpt> is followed by it, then its <ept>
                end = inline.ends.get(original)
                stack.append(stack[-1] if end is not None else element)
                expected.append(inline.closers[piece])
                ends.append(end)
        elif piece in available:  # a code the source has fewer times: written once
            complete = False
        elif piece in closers:
            nested = False
            break
        else:
            append_text(stack[-1], piece)
    if not nested or len(stack) > 1:
        _fallback(target, text, inline, names)
        return False
    lacking = [element for elements in available.values() for element in elements]
    _put_back(target, lacking, inline)
    return complete and not lacking


def _copy_code(original: Any) -> Any:
    """A copy of the source's inline element ``original`` to put in a target: a container
    without its content (the translation's goes in), any other code whole; no tail."""
    if local_name(original.tag) in CONTAINERS:
        element = copy.copy(original)  # the attributes, not the children
        for child in list(element):
            element.remove(child)
        element.text = None
    else:
        element = copy.deepcopy(original)
    element.tail = None
    return element


def _mark_as_copy(element: Any, target: Any) -> None:
    """Give ``element``, a 2.0 ``<ph>`` or ``<pc>`` written in ``target`` once more than its
    source has it (an ICU message's cases each holding it), an id of its own in the unit and
    ``copyOf`` its original's, as XLIFF 2.0 wants (an id once in a unit; a copy names its base
    code). A 1.2 code keeps its id: Angular writes ``<x id="INTERPOLATION"/>`` in each case."""
    if element.tag not in (f"{{{_NS_20}}}ph", f"{{{_NS_20}}}pc"):
        return
    unit = target
    while unit.getparent() is not None and local_name(unit.tag) != "unit":
        unit = unit.getparent()
    taken = {str(node.get("id")) for node in unit.iter() if node.get("id") is not None}
    base = str(element.get("id"))
    number = 1
    while f"{base}_{number}" in taken:
        number += 1
    element.set("copyOf", base)
    element.set("id", f"{base}_{number}")


def _put_back(target: Any, elements: list[Any], inline: InlineText) -> None:
    """Append copies of the source's inline ``elements`` to ``target`` (containers empty, a
    ``<bpt>`` read as ``<g>`` followed by its ``<ept>``)."""
    for original in elements:
        target.append(_copy_code(original))
        end = inline.ends.get(original)
        if end is not None:
            target.append(_copy_code(end))


def append_text(parent: Any, text: str) -> None:
    """Add ``text`` at the end of ``parent``'s content (after its last child, if any)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fallback(target: Any, text: str, inline: InlineText, names: list[str]) -> None:
    """``target`` as the plain text of ``text`` followed by every code of the source."""
    for child in list(target):
        target.remove(child)
    plain = re.sub("|".join(re.escape(n) for n in names), "", text)
    target.text = re.sub(r"  +", " ", plain).strip()
    _put_back(
        target, [element for elements in inline.codes.values() for element in elements], inline
    )
