"""XLIFF inline markup as text the model can carry, and back.

A ``<source>`` such as ``Press <g id="1">OK</g> now<x id="2"/>`` becomes the string
``Press <g id="1">OK</g> now<x id="2"/>``: paired containers (``g``, ``mrk``, ``pc``) as an
opening and a closing tag around their text, every other inline element (``x``, ``ph``, ``bpt``,
``sc`` …) as one self-closing tag that stands for the whole element, native code included. These
tags are placeholders (see :mod:`ltmt.formats.placeholders`), so the translation keeps them; the
target element is then rebuilt from copies of the source's elements.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.common import XML_NS, local_name

CONTAINERS = frozenset({"g", "mrk", "pc"})


@dataclass
class InlineText:
    """``text`` with inline elements as tags; ``codes`` maps each tag string to its elements."""

    text: str
    codes: dict[str, list[Any]] = field(default_factory=dict)

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
    result.text = _content(element, result)
    return result


def _content(element: Any, result: InlineText) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if not name:  # a comment or processing instruction: not text
            parts.append(child.tail or "")
            continue
        if name in CONTAINERS:
            tag = start_tag(child, self_closing=False)
            result.add(tag, child)
            parts.extend([tag, _content(child, result), f"</{name}>"])
        else:
            tag = start_tag(child, self_closing=True)
            result.add(tag, child)
            parts.append(tag)
        parts.append(child.tail or "")
    return "".join(parts)


def fill(target: Any, text: str, codes: dict[str, list[Any]]) -> bool:
    """Make ``text`` the content of ``target``, turning the tags of ``codes`` back into elements.

    Returns ``False`` when the tags do not nest; the target then gets the plain text with the
    codes' elements appended after it (nothing is lost, the unit needs a review).
    """
    for child in list(target):
        target.remove(child)
    target.text = None
    available = {tag: list(elements) for tag, elements in codes.items()}
    closers = {
        f"</{local_name(els[0].tag)}>" for tag, els in codes.items() if not tag.endswith("/>")
    }
    names = sorted(set(available) | closers, key=len, reverse=True)
    if not names:
        target.text = text
        return True
    stack = [target]
    ok = True
    for piece in re.split("(" + "|".join(re.escape(n) for n in names) + ")", text):
        if not piece:
            continue
        if piece in closers:
            if len(stack) == 1 or f"</{local_name(stack[-1].tag)}>" != piece:
                ok = False
                break
            stack.pop()
        elif available.get(piece):
            original = available[piece].pop(0)
            if piece.endswith("/>"):
                element = copy.deepcopy(original)
            else:
                element = copy.copy(original)  # the attributes, not the children
                for child in list(element):
                    element.remove(child)
                element.text = None
            element.tail = None
            stack[-1].append(element)
            if not piece.endswith("/>"):
                stack.append(element)
        else:
            _append_text(stack[-1], piece)
    if ok and len(stack) == 1:
        return True
    _fallback(target, text, codes, names)
    return False


def _append_text(parent: Any, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fallback(target: Any, text: str, codes: dict[str, list[Any]], names: list[str]) -> None:
    for child in list(target):
        target.remove(child)
    plain = re.sub("|".join(re.escape(n) for n in names), "", text)
    target.text = re.sub(r"  +", " ", plain).strip()
    for tag, elements in codes.items():
        if tag.endswith("/>"):
            for original in elements:
                element = copy.deepcopy(original)
                element.tail = None
                target.append(element)
