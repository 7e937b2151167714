"""Where the children of an XML file's root stand in its text: each element, comment and
processing instruction at the top of the root, by character offsets, so that a writer can keep
a file as written and replace, insert or remove single children
(:mod:`ltmt.formats.kept_elements`).

    children = root_children(text)  # None: no root found, or it holds no children's place

The file must be well-formed (parsed already): the scan reads markup, not grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ltmt.formats.xml_roots import root_start

# a start or end tag, its attribute values in either quote (a '>' inside one is text); each
# alternative starts with its own character, so that a tag never closed cannot backtrack
_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
# what ends the markup that starts as the key does (its text may hold '<')
_MARKUP_ENDS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))


@dataclass(frozen=True)
class Child:
    """A child of the root: ``kind`` (``element``, ``comment``, ``pi``), and where it starts
    and ends in the file's text (``text[start:end]`` is it as written, without what follows)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class RootChildren:
    """The children of a file's root in order, where its start tag ends (``inner``, where its
    content starts) and where its end tag starts (``closing``)."""

    children: tuple[Child, ...]
    inner: int
    closing: int

    def before(self, index: int) -> int:
        """Where what precedes child ``index`` ends: the child before it, or the start tag."""
        return self.children[index - 1].end if index else self.inner


def root_children(text: str) -> RootChildren | None:
    """The children of the root of the XML file ``text``; None where it has no root, or one
    written ``<resources/>`` (no place inside it to write a child)."""
    name, before, _ = root_start(text.encode("utf-8"))
    if name is None:
        return None
    tag = _TAG.match(text, len(before) - 1)
    if tag is None or tag.group().endswith("/>"):
        return None
    return _scan(text, tag.end())


def start_tag_end(text: str, start: int) -> int:
    """Where the start tag at ``start`` of the well-formed ``text`` ends (after its ``>``)."""
    tag = _TAG.match(text, start)
    return tag.end() if tag is not None else -1


def _scan(text: str, inner: int) -> RootChildren | None:
    """The root's children, read from ``inner`` to its end tag."""
    children: list[Child] = []
    depth, position, opened = 0, inner, inner
    while True:
        start = text.find("<", position)
        if start < 0:
            return None
        ended = _markup_end(text, start)
        if ended is not None:
            end, kind = ended
            if end < 0:
                return None
            if depth == 0 and kind:
                children.append(Child(kind, start, end))
            position = end
            continue
        tag = _TAG.match(text, start)
        if tag is None:
            return None
        position = tag.end()
        if text.startswith("</", start):
            if depth == 0:  # the root's own end tag
                return RootChildren(tuple(children), inner, start)
            depth -= 1
            if depth == 0:
                children.append(Child("element", opened, position))
        elif tag.group().endswith("/>"):
            if depth == 0:
                children.append(Child("element", start, position))
        else:
            if depth == 0:
                opened = start
            depth += 1


def _markup_end(text: str, start: int) -> tuple[int, str] | None:
    """Where the comment, CDATA section or processing instruction at ``start`` ends (-1: it
    does not) and its kind (``""`` for CDATA, text); None where none starts there."""
    for (opening, closing), kind in zip(_MARKUP_ENDS, ("comment", "", "pi"), strict=True):
        if text.startswith(opening, start):
            found = text.find(closing, start + len(opening))
            return (found + len(closing) if found >= 0 else -1), kind
    return None
