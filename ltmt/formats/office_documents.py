"""Office Open XML documents (Word's, PowerPoint's, Excel's) translated into a document of the
target language: what the formats share. :mod:`ltmt.formats.docx`, :mod:`ltmt.formats.pptx` and
:mod:`ltmt.formats.xlsx` give a :class:`Layout`: which parts of the archive hold the text, in
what order, what names the pictures' descriptions, and which units stay as they are.

The archive's ``[Content_Types].xml`` names its parts. In each translated part every paragraph
(and a spreadsheet's string) with words is one unit with its formatting, links and what is not
text as tags (:mod:`ltmt.formats.ooxml_paragraphs`); so is each picture's description (its
alternative text, which screen readers read) and title, and the document's title, subject and
comments in its properties (``docProps/core.xml``). The proofing language of the translated
parts and of the parts that set text defaults (styles, slide masters) becomes the target
language. Everything else is copied as it was, the archive's order and compression too. A
document saved as Strict Open XML is read and written back as strict.

An existing output is the translation so far: its paragraphs are lined up with the source's,
part by part, their formatting tags with the source's; ``--overwrite`` translates all. ``ltmt
memory import OUTPUT --source-file SOURCE`` stores the pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import parse_xml
from ltmt.formats.compound_files import ENCRYPTED, MAGIC, compound_kind
from ltmt.formats.ooxml_paragraphs import (
    A_NS,
    S_NS,
    ParagraphText,
    W,
    read_paragraph,
    relabel_languages,
    write_paragraph,
)
from ltmt.formats.paragraph_parts import (
    OtherKindError,
    Part,
    PartsDocument,
    natural_order,
    read_properties,
)
from ltmt.formats.word_styles import NO_STYLES, WordStyles
from ltmt.formats.zip_entries import ArchiveEntries, save_archive
from ltmt.text import has_letter

_CONTENT_TYPES = "[Content_Types].xml"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Strict Open XML's namespaces for the transitional ones ltmt reads: a strict part is read in
# these, and written back in its own
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": (
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/main": (
        b"http://schemas.openxmlformats.org/drawingml/2006/main"
    ),
    b"http://purl.oclc.org/ooxml/presentationml/main": (
        b"http://schemas.openxmlformats.org/presentationml/2006/main"
    ),
}
_CORE = "docProps/core.xml"
# an OpenDocument file's entry that says what it is, and what it says
_ODF_MIMETYPE = "mimetype"
_ODF_MEDIA_TYPE = b"application/vnd.oasis.opendocument."
# a Word document's styles, whose fonts make a run in a character style code
_WORD_STYLES = "wordprocessingml.styles+xml"
# Word's and DrawingML's paragraphs, and a spreadsheet's strings (shared, and in a cell)
_PARAGRAPHS = (f"{W}p", f"{{{A_NS}}}p", f"{{{S_NS}}}si", f"{{{S_NS}}}is")


# the parts of charts and SmartArt diagrams, whose text is DrawingML paragraphs (a diagram's
# data and the drawing made of it hold the same text)
DIAGRAMS = (
    "drawingml.chart+xml",
    "drawingml.diagramData+xml",
    "drawingml.diagramDrawing+xml",
)


@dataclass(frozen=True)
class Layout:
    """Where a kind of Office document keeps its text.

    ``what``: the document, as errors name it (``a Word document``), and ``extension`` its
    usual extension. ``main``: the endings of
    its main part's content types (one of them makes the archive such a document);
    ``main_has_text``: the main part is translated first. ``translated``: the endings of the
    other parts' content types, translated in this order (each kind's parts by their names'
    numbers). ``defaults``: those of the parts whose text defaults get the target language.
    ``alt_texts``: the elements whose ``descr`` and ``title`` describe a picture or a shape.
    ``kept``: the units not to translate, given the archive's entries and content types;
    ``compared``: those not to translate because formulas compare against their text, given
    the same, by key: their text (:mod:`ltmt.formats.compared_text`).
    """

    what: str
    extension: str
    main: tuple[str, ...]
    main_has_text: bool
    translated: tuple[str, ...]
    defaults: tuple[str, ...]
    alt_texts: tuple[str, ...]
    kept: Callable[[Mapping[str, bytes], dict[str, str]], frozenset[str]] | None = None
    compared: Callable[[Mapping[str, bytes], dict[str, str]], dict[str, str]] | None = None


@dataclass(frozen=True)
class Package:
    """An Office document's archive: its entries (read when asked for), its parts
    with text, the parts with text defaults, the properties to translate (field: text), the
    units kept as they are, the texts of the cells among them that formulas compare against,
    and a Word document's styles."""

    entries: ArchiveEntries
    parts: list[Part]
    defaults: list[str]
    properties: dict[str, str]
    kept: frozenset[str] = frozenset()  # the keys of units kept as they are
    compared: tuple[str, ...] = ()
    styles: WordStyles = NO_STYLES


def read_package(data: bytes, path: Path, layout: Layout) -> Package:
    """The document in ``data``; an :class:`InputError` saying what it is not."""
    what = layout.what
    if data.startswith(MAGIC):  # an OLE compound file: Office 97-2003's, or encrypted
        raise InputError(_compound_problem(data, path, layout))
    entries = ArchiveEntries(data, path, what)
    if _CONTENT_TYPES not in entries:
        if entries.get(_ODF_MIMETYPE, b"").startswith(_ODF_MEDIA_TYPE):
            raise OtherKindError(
                f"{path}: not {what} but an OpenDocument file; {_todo(path, 'odf')}",
                "an OpenDocument file",
            )
        raise InputError(f"{path}: not {what} (no {_CONTENT_TYPES} in the archive)")
    kinds = content_types(entries, path)
    main = [name for name, kind in kinds.items() if kind.endswith(layout.main)]
    if not main:
        _refuse_other_kind(kinds.values(), path, what)
    names = sorted(
        (name for name, kind in kinds.items() if kind.endswith(layout.translated)),
        key=lambda name: (_kind_order(kinds[name], layout.translated), natural_order(name)),
    )
    if layout.main_has_text:
        names = main[:1] + names
    styles = _word_styles(entries, kinds, path)
    parts = [_part(name, entries[name], path, layout, styles) for name in names]
    defaults = [name for name, kind in kinds.items() if kind.endswith(layout.defaults)]
    properties = _core_properties(entries[_CORE], path) if _CORE in entries else {}
    kept = layout.kept(entries, kinds) if layout.kept is not None else frozenset()
    compared = layout.compared(entries, kinds) if layout.compared is not None else {}
    return Package(
        entries,
        parts,
        defaults,
        properties,
        kept=kept.union(compared),
        compared=tuple(compared.values()),
        styles=styles,
    )


def _word_styles(entries: Mapping[str, bytes], kinds: Mapping[str, str], path: Path) -> WordStyles:
    """The styles of a Word document (none in another kind of document)."""
    for name, kind in kinds.items():
        if kind.endswith(_WORD_STYLES):
            tree, _ = _office_xml(entries[name], name, path)
            return WordStyles.of(tree.getroot())
    return NO_STYLES


def content_types(entries: Mapping[str, bytes], path: Path) -> dict[str, str]:
    """Each part of the archive (its ``entries``) that ``[Content_Types].xml`` names: its
    content type."""
    data = entries[_CONTENT_TYPES]
    root = parse_xml(data, f"{path}:{_CONTENT_TYPES}", "content types").getroot()
    named = (
        ((override.get("PartName") or "").lstrip("/"), override.get("ContentType") or "")
        for override in root.iter(f"{_TYPES_NS}Override")
    )
    return {name: kind for name, kind in named if name in entries}


def _compound_problem(data: bytes, path: Path, layout: Layout) -> str:
    """What the OLE compound file ``data`` (read as ``layout``'s kind) is, with what to do: a
    document encrypted with a password, or one saved by Office 97-2003 under a new name, as its
    streams say (:func:`~ltmt.formats.compound_files.compound_kind`)."""
    kind = compound_kind(data)
    if kind == ENCRYPTED:
        return f"{path}: encrypted with a password; save a copy without one and translate that"
    extension = layout.extension
    if kind is None:
        return (
            f"{path}: not {layout.what} but a file encrypted with a password or saved by "
            f"Office 97-2003; save it without a password as {extension}"
        )
    return (
        f"{path}: not {layout.what} but {kind}; save it as {extension} (soffice --headless "
        f"--convert-to {extension.lstrip('.')} --outdir converted {path} makes one)"
    )


# what a main part's content type says a document is, and the format ltmt reads it as
_KINDS = (
    (("wordprocessingml", "ms-word"), "a Word document", "docx"),
    (("presentationml", "ms-powerpoint"), "a PowerPoint presentation", "pptx"),
    (("spreadsheetml", "ms-excel"), "an Excel workbook", "xlsx"),
)


def refuse_office_document(entries: Mapping[str, bytes], path: Path, what: str) -> None:
    """Raise what an archive read as ``what`` (an OpenDocument file) is where it is an Office
    document (it has ``[Content_Types].xml``): a Word document named ``.odt`` is told to take
    the extension ``.docx``, as an OpenDocument file named ``.docx`` is told to take its own."""
    if _CONTENT_TYPES in entries:
        _refuse_other_kind(content_types(entries, path).values(), path, what)


def _refuse_other_kind(kinds: Iterable[str], path: Path, what: str) -> None:
    """Raise what a document that is not ``what`` is (its main part's content type says it): an
    :class:`OtherKindError` that says to rename it where its extension is not its kind's."""
    for kind in kinds:
        if not kind.endswith(".main+xml"):
            continue
        for markers, name, fmt in _KINDS:
            if any(marker in kind for marker in markers):
                raise OtherKindError(f"{path}: not {what} but {name}; {_todo(path, fmt)}", name)
    raise InputError(f"{path}: not {what} (no main part in the archive)")


def _todo(path: Path, fmt: str) -> str:
    """What to do with ``path``, a document of the format ``fmt`` read as another: read it as
    one, or (its extension is not one of ``fmt``'s) give it ``fmt``'s."""
    from ltmt.formats.registry import FORMATS

    extensions = FORMATS[fmt].extensions
    if path.suffix.lower() in extensions:
        return "read it as one (leave --format out)"
    return f"give it the extension {extensions[0]}"


def _kind_order(kind: str, endings: tuple[str, ...]) -> int:
    return next(order for order, ending in enumerate(endings) if kind.endswith(ending))


def _part(name: str, data: bytes, path: Path, layout: Layout, styles: WordStyles) -> Part:
    tree, strict = _office_xml(data, name, path)
    root = tree.getroot()
    paragraphs = [
        (element, read_paragraph(element, styles=styles))
        for element in root.iter()
        if element.tag in _PARAGRAPHS
    ]
    alt_texts: list[tuple[Any, str | None]] = [
        (picture, attribute)
        for picture in root.iter(*layout.alt_texts)
        for attribute in ("descr", "title")
        if has_letter(picture.get(attribute) or "")
    ]

    def reread(paragraph: Any, plain_style: str) -> ParagraphText:
        return read_paragraph(paragraph, plain_style=plain_style, styles=styles)

    return Part(name, tree, paragraphs, alt_texts, reread, write_paragraph, strict)


def _core_properties(data: bytes, path: Path) -> dict[str, str]:
    return read_properties(parse_xml(data, f"{path}:{_CORE}", "document properties").getroot())


class OfficeDocument(PartsDocument):
    """An Office document to translate into the target language's (module docstring); a
    subclass names its ``layout``."""

    layout: ClassVar[Layout]
    properties_part = _CORE
    package: Package

    @classmethod
    def what(cls) -> str:
        return cls.layout.what

    @classmethod
    def read(cls, data: bytes, path: Path) -> Package:
        return read_package(data, path, cls.layout)

    def translated_entries(self) -> dict[str, bytes]:
        """The entries the translations are written into (read afresh, so that this can be
        called again as more are filled in), by name."""
        entries = self.package.entries
        written: dict[str, bytes] = {}
        for part in self.package.parts:
            styles = self.package.styles
            fresh = _part(part.name, entries[part.name], self.path, self.layout, styles)
            fresh.write(self.translations)
            relabel_languages(fresh.tree.getroot(), self.src_lang, self.tgt_lang)
            written[part.name] = _serialized(fresh.tree, fresh.strict)
        for name in self.package.defaults:
            data = written[name] if name in written else entries[name]
            tree, strict = _office_xml(data, name, self.path)
            relabel_languages(tree.getroot(), self.src_lang, self.tgt_lang)
            written[name] = _serialized(tree, strict)
        if _CORE in entries:
            data = written[_CORE] if _CORE in written else entries[_CORE]
            tree = parse_xml(data, f"{self.path}:{_CORE}", "document properties")
            self.write_properties(tree.getroot())
            written[_CORE] = _serialized(tree)
        return written

    def save(self, out_path: Path) -> None:
        save_archive(Path(out_path), self.package.entries, self.translated_entries())


def _office_xml(data: bytes, name: str, path: Path) -> tuple[Any, bool]:
    """An XML part parsed, in transitional namespaces, and whether it was strict."""
    strict = any(namespace in data for namespace in _STRICT)
    for namespace, transitional in _STRICT.items():
        data = data.replace(namespace, transitional)
    return parse_xml(data, f"{path}:{name}", "an Office XML part"), strict


def _serialized(tree: Any, strict: bool = False) -> bytes:
    from lxml import etree

    data = bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    if strict:
        for namespace, transitional in _STRICT.items():
            data = data.replace(transitional, namespace)
    return data
