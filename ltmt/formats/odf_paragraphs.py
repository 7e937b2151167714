"""An OpenDocument paragraph's text and formatting as tagged text the pipeline translates, and
back.

OpenDocument (LibreOffice's format) writes a paragraph (``<text:p>``, a heading ``<text:h>``)
as mixed content: text, with spans (``<text:span text:style-name="T1">``) and links
(``<text:a xlink:href>``) around parts of it, spaces beyond one and tabs and line breaks as
elements (``<text:s text:c="3"/>``, ``<text:tab/>``, ``<text:line-break/>``), and elements
that are not text between: bookmarks, notes (whose own paragraphs are translated as the
document's others), fields, frames with pictures or text boxes, comments. :func:`read_paragraph`
makes it one tagged string, as :mod:`ltmt.formats.tagged_paragraphs` does for Office Open
XML's: a stretch in spans or a link other than the paragraph's plainest is a pair ``<g
id="n">``, each stretch of other elements a placeholder ``<x id="n"/>``, tabs and line breaks
``\\t`` and ``\\n``. White space in the XML's text is read as LibreOffice reads it (a run
collapsed to one space, none at the paragraph's start or after another, one after
``<text:s/>`` or a tab kept). A span is told by how its style looks (:class:`Styles`): one
whose style changes nothing that shows (LibreOffice's revision ids alone) is plain text, and
neighbouring spans that look the same are one stretch. A span in a style for code
(LibreOffice's *Source Text*, a monospaced font) is kept as written, and a paragraph in one
(*Preformatted Text*) is all code.

:func:`write_paragraph` fills a paragraph with a translation: the text in copies of its spans
and links, every placeholder's elements moved back whole (one the translation dropped at the
paragraph's end), spaces that would collapse written as ``<text:s/>``. Soft page breaks, which
the application recomputes, are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.formats.tagged_paragraphs import (
    MONOSPACED,
    ParagraphText,
    Stretch,
    Wrappers,
    tagged_paragraph,
    translation_items,
)

OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
SVG_NS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
TEXT = f"{{{TEXT_NS}}}"
STYLE = f"{{{STYLE_NS}}}"
PARAGRAPHS = (f"{TEXT}p", f"{TEXT}h")
# elements around text that stays text: spans, links, RDF metadata
_WRAPPERS = frozenset({f"{TEXT}span", f"{TEXT}a", f"{TEXT}meta"})
_DROPPED = frozenset({f"{TEXT}soft-page-break"})
_STYLE_NAME = f"{TEXT}style-name"
_STYLES = f"{{{OFFICE_NS}}}styles"  # the common styles (beside them: the automatic ones)
# text properties that do not show: the ids of the editing sessions that wrote the text
_UNSEEN = frozenset(
    {
        "{http://openoffice.org/2009/office}rsid",
        "{http://openoffice.org/2009/office}paragraph-rsid",
    }
)
# styles for code: LibreOffice's Source Text (a character style) and Preformatted Text (a
# paragraph style), and any named for code (in the XML, a space in a name is _20_)
_CODE_STYLE = re.compile(r"(?i)code|verbatim|preformatted|source(_20_| )text")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# what a written text is cut into: tabs, line breaks, and spaces that would collapse
_WRITTEN = re.compile(r"(\t|\n| +)")


@dataclass(frozen=True)
class Styles:
    """The document's styles, as a paragraph's spans are told apart by: each style's parent
    and font, by name, each font's family, and how each style looks (:meth:`look`)."""

    parents: Mapping[str, str]
    fonts: Mapping[str, str]
    families: Mapping[str, str]
    looks: Mapping[str, str]

    @classmethod
    def of(cls, *roots: Any) -> Styles:
        """The styles (common and automatic) and font declarations under ``roots``."""
        parents: dict[str, str] = {}
        fonts: dict[str, str] = {}
        families: dict[str, str] = {}
        looks: dict[str, str] = {}
        for root in roots:
            for style in root.iter(f"{STYLE}style"):
                name = style.get(f"{STYLE}name") or ""
                parents[name] = style.get(f"{STYLE}parent-style-name") or ""
                properties = style.find(f"{STYLE}text-properties")
                if properties is not None and properties.get(f"{STYLE}font-name"):
                    fonts[name] = properties.get(f"{STYLE}font-name")
                shown = sorted(
                    (key, value)
                    for key, value in ({} if properties is None else properties.attrib).items()
                    if key not in _UNSEEN
                )
                # a common style (Emphasis, Source Text) is the user's, by its name
                common = style.getparent() is not None and style.getparent().tag == _STYLES
                looks[name] = (
                    name if common else f"{parents[name]} {shown}" if parents[name] or shown else ""
                )
            for face in root.iter(f"{STYLE}font-face"):
                families[face.get(f"{STYLE}name") or ""] = (
                    face.get(f"{{{SVG_NS}}}font-family") or ""
                )
        return cls(parents, fonts, families, looks)

    def look(self, name: str | None) -> str:
        """How text in the style ``name`` looks: its parent style and the text properties it
        sets, but those that do not show (LibreOffice's revision ids); "" for a style that
        changes nothing (``T1`` with an id alone), the name itself for one not declared."""
        return self.looks.get(name or "", name or "")

    def for_code(self, name: str | None) -> bool:
        """Whether the style ``name`` (or one it inherits from) is for code: named so, or in a
        monospaced font."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            font = self.fonts.get(name, "")
            if _CODE_STYLE.search(name) or (
                font and MONOSPACED.search(f"{font} {self.families.get(font, '')}")
            ):
                return True
            name = self.parents.get(name)
        return False


NO_STYLES = Styles({}, {}, {}, {})


def read_paragraph(
    paragraph: Any, styles: Styles = NO_STYLES, plain_style: str | None = None
) -> ParagraphText:
    """``paragraph`` (a ``<text:p>`` or ``<text:h>``) as :class:`ParagraphText`;
    ``plain_style``: the style to write as plain text (by default the one most of its letters
    have)."""
    if styles.for_code(paragraph.get(_STYLE_NAME)):
        return tagged_paragraph([])  # code: nothing to translate
    return tagged_paragraph(_collapsed(_pieces(paragraph, (), styles)), plain_style, _is_field)


def write_paragraph(paragraph: Any, read: ParagraphText, translation: str) -> None:
    """Make ``translation`` (tagged as ``read.text`` is) the content of ``paragraph``, whose
    reading ``read`` is."""
    items = translation_items(read, translation)
    paragraph.text = None
    for child in list(paragraph):
        paragraph.remove(child)
    _Writer(paragraph).add_all(items)


def _pieces(
    container: Any, wrappers: tuple[Any, ...], styles: Styles
) -> Iterator[tuple[Stretch, bool]]:
    """The stretches of ``container``'s content, each with whether its text is the XML's (to
    collapse) rather than an element's (``<text:s/>``, ``<text:tab/>``)."""
    style = "".join(_wrapper_tag(wrapper, styles) for wrapper in wrappers)
    if container.text:
        yield Stretch(wrappers, style=style, text=container.text), True
    # the wrapper just before, with nothing between: one that looks the same continues it
    # (LibreOffice cuts a bold stretch into spans by the editing sessions that wrote it)
    before: tuple[str, Any] | None = None
    for child in container:
        tag = child.tag
        signature = _wrapper_tag(child, styles) if isinstance(tag, str) else ""
        if tag in _WRAPPERS and before is not None and before[0] == signature:
            wrapper = before[1]
        else:
            wrapper = child
        before = (signature, wrapper) if tag in _WRAPPERS and not child.tail else None
        # (an element that should be empty but holds something is a code, moved back whole)
        empty = not len(child) and not child.text
        if not isinstance(tag, str) or (tag in _DROPPED and empty):
            pass
        elif tag == f"{TEXT}s" and empty:
            yield Stretch(wrappers, style=style, text=" " * _count(child)), False
        elif tag == f"{TEXT}tab" and empty:
            yield Stretch(wrappers, style=style, text="\t"), False
        elif tag == f"{TEXT}line-break" and empty:
            yield Stretch(wrappers, style=style, text="\n"), False
        elif tag in _WRAPPERS and styles.for_code(child.get(_STYLE_NAME)):
            yield Stretch(wrappers, codes=[(None, child)], signature=signature), False
        elif tag == f"{TEXT}span" and not styles.look(child.get(_STYLE_NAME)):
            yield from _pieces(child, wrappers, styles)  # a span that changes nothing
        elif tag in _WRAPPERS:
            yield from _pieces(child, (*wrappers, wrapper), styles)
        else:
            yield Stretch(wrappers, codes=[(None, child)], signature=signature), False
        if child.tail:
            yield Stretch(wrappers, style=style, text=child.tail), True


def _collapsed(pieces: Iterator[tuple[Stretch, bool]]) -> Iterator[Stretch]:
    """The stretches with the XML's white space collapsed: each run one space, none at the
    paragraph's start or after another collapsed one."""
    after_space = True
    for stretch, from_xml in pieces:
        if stretch.is_code:
            # a code with characters of its own (a field, a span kept as code) ends a run
            # of spaces; one without (a bookmark, a frame) does not
            if any(_has_characters(element) for _, element in stretch.codes):
                after_space = False
            yield stretch
            continue
        if from_xml:
            text = _XML_SPACE.sub(" ", stretch.text)
            if after_space and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
            stretch.text = text
            after_space = text.endswith(" ")
        else:
            after_space = False
        yield stretch


def _count(space: Any) -> int:
    try:
        return max(1, int(space.get(f"{TEXT}c") or 1))
    except ValueError:
        return 1


def _wrapper_tag(element: Any, styles: Styles) -> str:
    """An element's name and attributes, its style as it looks (:meth:`Styles.look`)."""
    attributes = sorted(
        (key, styles.look(value) if key == _STYLE_NAME else value)
        for key, value in element.attrib.items()
    )
    return f"<{element.tag} {attributes}>"


def _bare_copy(element: Any) -> Any:
    from lxml import etree

    return etree.Element(element.tag, attrib=dict(element.attrib), nsmap=element.nsmap)


def _is_field(stretch: Stretch) -> bool:
    """Whether a code stretch is read as words of its paragraph: a field (a page number, a
    date), which holds characters of its own."""
    return stretch.is_code and any(_has_characters(element) for _, element in stretch.codes)


def _has_characters(element: Any) -> bool:
    """Whether ``element`` holds text a paragraph shows inline (a field, a span): not a frame,
    whose text is in paragraphs of its own, nor a note or a comment."""
    return (
        element.tag.startswith(TEXT)
        and element.tag != f"{TEXT}note"
        and any(text.strip() for text in element.itertext())
    )


class _Writer:
    """Writes a paragraph's content: the text in copies of its wrappers, the codes moved back,
    and each space that would collapse (one at the paragraph's start or after a tab or a line
    break, a second one) as ``<text:s/>``."""

    def __init__(self, paragraph: Any) -> None:
        self.wrappers = Wrappers(paragraph, _bare_copy)
        self.collapses = True  # a space written now would be dropped

    def add_all(self, items: list[tuple[Stretch, str]]) -> None:
        for stretch, text in items:
            if stretch.is_code:
                for _, element in stretch.codes:
                    element.tail = None
                    self.wrappers.container(stretch.wrappers).append(element)
                    if _has_characters(element):
                        self.collapses = False
            elif text:
                self._add_text(self.wrappers.container(stretch.wrappers), text)

    def _add_text(self, container: Any, text: str) -> None:
        from lxml import etree

        for part in _WRITTEN.split(text):
            if not part:
                continue
            if part in ("\t", "\n"):
                etree.SubElement(container, f"{TEXT}tab" if part == "\t" else f"{TEXT}line-break")
                self.collapses = True
                continue
            if part[0] != " ":
                _add_characters(container, part)
                self.collapses = False
                continue
            if not self.collapses:
                _add_characters(container, " ")
            kept = len(part) - (0 if self.collapses else 1)
            if kept:
                space = etree.SubElement(container, f"{TEXT}s")
                if kept > 1:
                    space.set(f"{TEXT}c", str(kept))
            self.collapses = not kept  # after a space in the text, another would collapse


def _add_characters(container: Any, text: str) -> None:
    if len(container):
        last = container[-1]
        last.tail = (last.tail or "") + text
    else:
        container.text = (container.text or "") + text
