"""The text of a TMX ``<seg>`` with inline codes, as the memory holds inline markup.

A TMX inline code (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>``) may wrap the native code it
stands for: ``<bpt i="1">&lt;b&gt;</bpt>`` reads as ``<b>``, ``<ph>{0}</ph>`` as ``{0}`` (what
translate-toolkit reads too), where that native code is markup as XLIFF's codes read it (one tag, a
pair's start and end tag of one element, one placeholder:
:func:`~ltmt.formats.inline.native_markup`). SDL Trados Studio writes its codes empty (``<ph x="1"
type="0" />``, ``<bpt i="1" type="1" x="1" />Save<ept i="1" />``), and their string value is
nothing: the placeholder was lost and the words around it ran together. A code without native code,
or with one that is no markup (RTF's ``{\\f1 }``: as text the model would change it and an export
would write it as text), is read as XLIFF 1.2's equivalent, the form the XLIFF reader keeps inline
markup in (:mod:`ltmt.formats.inline`), so the memory holds one form and an XLIFF segment with the
same codes matches it: a placeholder as ``<x id="1"/>``, a paired code as ``<g id="1">Save</g>``, a
code whose partner is not in the segment as ``<bx id="1"/>`` (its start) or ``<ex id="1"/>`` (its
end). Its id is the code's ``x`` (which ties it to the original document's code), else its ``i``,
else its number in the segment. The native code such a tag stands for, where the file has one,
is read beside the text (by its tag: :data:`~ltmt.formats.markup_codes.NATIVE_CODES`), for a
memory export to write it back.

    text, natives = read_segment(segment)  # 'Click <g id="1">Save</g> to store your changes.'

Paired codes whose ends overlap (``<bpt i="1"/>a<bpt i="2"/>b<ept i="1"/>c<ept i="2"/>``) have no
such form: :class:`OverlappingCodes` is raised, and the unit is left out rather than stored with
markup that does not nest.
"""

from __future__ import annotations

from typing import Any

from ltmt.formats.common import local_name
from ltmt.formats.inline import escape_attribute, native_markup, native_pair
from ltmt.formats.markup_codes import container_end

CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})


class OverlappingCodes(ValueError):
    """A segment's paired codes without native code overlap: its text cannot be written with
    tags that nest (see the module docstring)."""


def read_segment(segment: Any) -> tuple[str, dict[str, str]]:
    """The string value of the ``<seg>`` element ``segment``, each inline code without native
    markup read as its XLIFF 1.2 tag, and the native code of each such tag where it has one
    (see the module docstring). Raises :class:`OverlappingCodes` where those tags would not
    nest."""
    if len(segment) == 0:  # the common case: text alone
        return str(segment.text or ""), {}
    reader = _Reader(_paired_codes(segment))
    text = reader.content(segment)
    if reader.open:
        unended = [i for i, _ in reader.open]
        raise OverlappingCodes(f"paired codes {unended} do not end in the segment")
    return text, reader.natives


# the attributes of an inline code the memory's text keeps (its pairing and its id); any other
# (``type="bold"``, ``assoc``) is kept only by :func:`lost_markup`
_KEPT_ATTRIBUTES = frozenset({"i", "x", "pos"})


def lost_markup(segment: Any) -> str | None:
    """The content of the ``<seg>`` element ``segment`` as XML, where its text
    (:func:`read_segment`) loses some of it: an element that is no code (``<hi
    type="term">``, ``<sub>``) or a code's attribute other than its pairing and id
    (``type="bold"``); else None. Kept in a pair's metadata, for a TMX export to write the
    segment back as it was read while its text is unchanged."""
    if len(segment) == 0:  # the common case: text alone
        return None
    from lxml import etree

    lost = any(
        ((name := local_name(element.tag)) and name not in CODES)
        or (name in CODES and set(element.attrib) - _KEPT_ATTRIBUTES)
        for element in segment.iterdescendants()
    )
    if not lost:
        return None
    inner = etree.tostring(segment, encoding=str, with_tail=False)
    return inner[inner.index(">") + 1 : inner.rindex("</")]


def holds_words(segment: Any) -> bool:
    """Whether the ``<seg>`` element ``segment`` holds text outside its inline codes: one of
    codes alone (OmegaT's ``<ph>&lt;x0/&gt;</ph>``, a ``<bpt>``/``<ept>`` pair around nothing)
    is no sentence to translate, and a memory of it would give every such segment one target."""
    if (segment.text or "").strip():
        return True
    for child in segment:
        name = local_name(child.tag)  # (a comment's is "")
        if name and name not in CODES and holds_words(child):
            return True
        if (child.tail or "").strip():
            return True
    return False


def _native(code: Any) -> str:
    """The native code ``code`` wraps (its string value; ``""`` for an empty one)."""
    return str(code.xpath("string()"))


def _paired_codes(segment: Any) -> dict[str, bool]:
    """The ``i`` of each paired code of ``segment`` with both ends in it, and whether it is read
    as its native codes: they are the start and end tag of one element, as OmegaT's
    ``&lt;b0&gt;`` and ``&lt;/b0&gt;`` (the start alone is no markup, the pair is); else it is
    read as ``<g>`` (a pair that kept one end's native code and lost the other's would not be
    markup at all)."""
    starts: dict[str, Any] = {}
    ends: dict[str, Any] = {}
    for element in segment.iter():
        name = local_name(element.tag)
        if name in ("bpt", "ept"):
            (starts if name == "bpt" else ends).setdefault(element.get("i") or "", element)
    return {
        i: native_pair(_native(starts[i]), _native(ends[i])) for i in starts.keys() & ends.keys()
    }


class _Reader:
    """Reads a segment's content in document order, keeping the paired codes open so far."""

    def __init__(self, pairs: dict[str, bool]) -> None:
        self.pairs = pairs  # i -> whether the pair is read as its native codes
        self.open: list[tuple[str, str]] = []  # the i and tag of each <g> not closed yet
        self.count = 0  # the codes read so far
        self.natives: dict[str, str] = {}  # the native code of each tag that has one

    def content(self, element: Any) -> str:
        """The text of ``element``'s content: text, codes, and the text of other elements
        (``<hi>``, ``<sub>``), whose own codes are read too."""
        parts = [element.text or ""]
        for child in element:
            name = local_name(child.tag)
            if name in CODES:
                parts.append(self.code(child, name))
            elif name:  # (a comment or processing instruction is no text)
                parts.append(self.content(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def code(self, code: Any, name: str) -> str:
        """What the inline ``code`` (``name``: its element's) reads as."""
        self.count += 1
        i = code.get("i") or ""
        ident = escape_attribute(code.get("x") or i or str(self.count))
        native = _native(code)
        if name in ("bpt", "ept") and self.pairs.get(i):
            return native
        if name in ("bpt", "ept") and i in self.pairs:
            if name == "bpt":
                tag = f'<g id="{ident}">'
                self.open.append((i, tag))
                return self._noted(tag, native)
            if not self.open or self.open[-1][0] != i:
                raise OverlappingCodes(f"the end of paired code {i} is not the innermost one")
            return self._noted("</g>", native, key=container_end(self.open.pop()[1], "</g>"))
        if native_markup(native):
            return native
        if name == "bpt" or (name == "it" and code.get("pos") == "begin"):
            return self._noted(f'<bx id="{ident}"/>', native)
        if name in ("ept", "it"):
            return self._noted(f'<ex id="{ident}"/>', native)
        return self._noted(f'<x id="{ident}"/>', native)

    def _noted(self, tag: str, native: str, key: str = "") -> str:
        """``tag``, its code's ``native`` code (if it has one) noted under ``key`` (the tag)."""
        if native:
            self.natives[key or tag] = native
        return tag
