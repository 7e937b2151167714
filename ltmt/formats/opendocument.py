"""OpenDocument files (LibreOffice's: texts, spreadsheets, presentations, drawings) translated
into a file of the target language: ``ltmt translate report.odt -o report.de.odt``.

An OpenDocument file is a zip archive whose ``mimetype`` entry (first, stored) says what it is;
its text is in ``content.xml`` (the body), ``styles.xml`` (the master pages: headers, footers,
a presentation's master slides) and the ``content.xml`` of each embedded object (a chart's
titles, legend and data labels). What is translated: every paragraph and heading with words
(:mod:`ltmt.formats.odf_paragraphs`: with its spans, links and what is not text as tags) in
those parts: a text's body, lists, tables, text boxes, notes, a table of contents; a
spreadsheet's cells that hold text (not numbers, dates or formulas' results); a presentation's
slides and speaker notes. Also the pictures' and shapes' titles and descriptions (``svg:title``,
``svg:desc``: their alternative text), and the document's title, subject and description
(``meta.xml``). The language of the styles' text in the source's language becomes the target
language (``fo:language``, ``fo:country``), and so does the document's (``dc:language``), so
LibreOffice checks the translation's spelling in it. Not translated: comments
(``office:annotation``), tracked deletions, sheet names (formulas name them), and what is not
text. Everything else is copied as it was, the archive's order and compression too.

A flat OpenDocument file (``.fodt``, ``.fods``, ``.fodp``, ``.fodg``: the archive's parts in
one XML document, which LibreOffice saves for version control) is translated the same way and
written back as one.

An existing output is the translation so far: its paragraphs are lined up with the source's,
part by part, their tags with the source's; ``--overwrite`` translates all. ``ltmt memory
import OUTPUT --source-file SOURCE`` stores the pairs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, lang_matches, parse_xml, primary_language
from ltmt.formats.compared_text import formula_literals, key
from ltmt.formats.odf_paragraphs import (
    FO_NS,
    OFFICE_NS,
    PARAGRAPHS,
    STYLE,
    SVG_NS,
    TEXT,
    ParagraphText,
    Styles,
    read_paragraph,
    write_paragraph,
)
from ltmt.formats.paragraph_parts import Part, PartsDocument, natural_order, read_properties
from ltmt.formats.zip_entries import ArchiveEntries, save_archive
from ltmt.text import has_letter

WHAT = "an OpenDocument file"
_MIMETYPE = "mimetype"
_OPENDOCUMENT = "application/vnd.oasis.opendocument."
# the media type of each extension: a document (.odt), a template (.ott) and a flat file (.fodt)
# of each kind (the server answers with them)
MEDIA_TYPES = {
    f".{prefix}{letter}": f"{_OPENDOCUMENT}{kind}{suffix}"
    for letter, kind in (("t", "text"), ("s", "spreadsheet"), ("p", "presentation"),
                         ("g", "graphics"))
    for prefix, suffix in (("od", ""), ("ot", "-template"), ("fod", "-flat-xml"))
}  # fmt: skip
# what a file's mimetype (entry, or a flat file's attribute) says: a document's or a template's
_MIMETYPES = frozenset(kind for kind in MEDIA_TYPES.values() if not kind.endswith("-flat-xml"))
# a flat file's one XML document, as its units' keys name it
FLAT = "document"
_MANIFEST = "META-INF/manifest.xml"
_MANIFEST_NS = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_META = "meta.xml"
OFFICE = f"{{{OFFICE_NS}}}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ALT_TEXTS = (f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc")
# elements whose paragraphs are not the document's text: comments, tracked deletions
_NOT_TRANSLATED = frozenset({f"{OFFICE}annotation", f"{TEXT}tracked-changes"})


@dataclass(frozen=True)
class Package:
    """An OpenDocument archive: its entries (name: bytes, in order; a flat file's one XML
    document, :data:`FLAT`), its parts with text, and the properties to translate (field:
    text)."""

    entries: Mapping[str, bytes]
    parts: list[Part]
    properties: dict[str, str]
    kept: frozenset[str] = frozenset()  # (none: every unit is translated)
    flat: bool = False  # a flat file: its one entry, FLAT, is the whole document
    # spreadsheet cells left as written: formulas or lists compare against their text
    compared: tuple[str, ...] = ()


def read_package(data: bytes, path: Path) -> Package:
    """The OpenDocument file in ``data`` (an archive, or a flat file: one XML document); an
    :class:`InputError` saying what it is not."""
    if data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<":  # (a byte order mark first)
        return _flat_package(data, path)
    return package_of(ArchiveEntries(data, path, WHAT), path)


def _flat_package(data: bytes, path: Path) -> Package:
    """A flat OpenDocument file (``.fodt``: the archive's parts in one XML document): one
    part, :data:`FLAT`, its properties in its ``office:meta``."""
    tree = _parsed(data, FLAT, path)
    root = tree.getroot()
    if root.tag != f"{OFFICE}document":
        raise InputError(
            f"{path}: not {WHAT} (an XML document whose root is <{_local(root.tag)}>, not a "
            "flat OpenDocument file's <office:document>)"
        )
    _check_mimetype(root.get(f"{OFFICE}mimetype") or "", path)
    meta = root.find(f"{OFFICE}meta")
    part, compared = _part(FLAT, tree, Styles.of(root))
    return Package(
        {FLAT: data},
        [part],
        read_properties(meta) if meta is not None else {},
        flat=True,
        compared=tuple(compared),
    )


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2]


def _check_mimetype(mimetype: str, path: Path) -> None:
    if mimetype not in _MIMETYPES:
        said = f"its mimetype is {mimetype!r}" if mimetype else "no mimetype entry"
        raise InputError(
            f"{path}: not {WHAT} that ltmt translates (a text, spreadsheet, presentation or "
            f"drawing): {said}"
        )


def package_of(entries: Mapping[str, bytes], path: Path) -> Package:
    """The OpenDocument file whose archive holds ``entries``; parsed afresh."""
    from ltmt.formats.office_documents import refuse_office_document

    mimetype = entries.get(_MIMETYPE, b"").decode("ascii", "replace").strip()
    if not mimetype:
        refuse_office_document(entries, path, WHAT)
    _check_mimetype(mimetype, path)
    if _encrypted(entries, path):
        raise InputError(
            f"{path}: encrypted with a password; save a copy without one (File > Save As, "
            "with 'Save with password' unchecked) and translate that"
        )
    objects = sorted((name for name in entries if name.endswith("/content.xml")), key=natural_order)
    trees = {
        name: _parsed(entries[name], name, path)
        for name in ["content.xml", "styles.xml", *objects]
        if name in entries
    }
    read = [
        _part(name, tree, _styles_for(name, trees, entries, path)) for name, tree in trees.items()
    ]
    properties = _meta_properties(entries[_META], path) if _META in entries else {}
    compared = tuple(text for _, texts in read for text in texts)
    return Package(entries, [part for part, _ in read], properties, compared=compared)


def _styles_for(
    name: str, trees: dict[str, Any], entries: Mapping[str, bytes], path: Path
) -> Styles:
    """The styles the part ``name`` reads: the document's content and styles for its own
    parts, an embedded object's own for the object's."""
    folder = name.rpartition("/")[0]
    if not folder:
        return Styles.of(*(trees[n].getroot() for n in ("content.xml", "styles.xml") if n in trees))
    styles = f"{folder}/styles.xml"
    roots = [trees[name].getroot()]
    if styles in entries:
        roots.append(_parsed(entries[styles], styles, path).getroot())
    return Styles.of(*roots)


def _encrypted(entries: Mapping[str, bytes], path: Path) -> bool:
    if _MANIFEST not in entries:
        return False
    root = parse_xml(entries[_MANIFEST], f"{path}:{_MANIFEST}", "a manifest").getroot()
    return root.find(f".//{_MANIFEST_NS}encryption-data") is not None


def _parsed(data: bytes, name: str, path: Path) -> Any:
    return parse_xml(data, f"{path}:{name}", "an OpenDocument XML part")


def _part(name: str, tree: Any, styles: Styles) -> tuple[Part, list[str]]:
    """The part ``name`` of ``tree``, and the texts of its spreadsheet cells left as written
    (:func:`_compared_cells`)."""
    root = tree.getroot()
    compared = _compared_cells(root)
    paragraphs = [
        (element, read_paragraph(element, styles))
        for element in root.iter(*PARAGRAPHS)
        if _translated(element) and element not in compared
    ]
    alt_texts: list[tuple[Any, str | None]] = [
        (element, None)
        for element in root.iter(*_ALT_TEXTS)
        if has_letter(element.text or "") and not len(element) and _translated(element)
    ]

    def reread(paragraph: Any, plain_style: str) -> ParagraphText:
        return read_paragraph(paragraph, styles, plain_style)

    part = Part(name, tree, paragraphs, alt_texts, reread, _rewrite)
    return part, ["".join(paragraph.itertext()) for paragraph in compared]


def _rewrite(paragraph: Any, read: ParagraphText, translation: str) -> None:
    """:func:`write_paragraph`, and a spreadsheet cell's copy of its text (``office:string-value``,
    which LibreOffice shows instead of the paragraph) left out: the paragraph says it."""
    write_paragraph(paragraph, read, translation)
    cell = paragraph.getparent()
    if cell is not None and cell.tag == f"{TABLE}table-cell":
        cell.attrib.pop(f"{OFFICE}string-value", None)


def _compared_cells(root: Any) -> set[Any]:
    """The paragraphs of spreadsheet cells whose text a formula or a drop-down list compares
    against (:mod:`ltmt.formats.compared_text`)."""
    sources = [
        value
        for element in root.iter(f"{TABLE}table-cell", f"{TABLE}content-validation")
        for value in (element.get(f"{TABLE}formula"), element.get(f"{TABLE}condition"))
        if value
    ]
    literals = formula_literals(sources)
    if not literals:
        return set()
    return {
        paragraph
        for cell in root.iter(f"{TABLE}table-cell")
        if cell.get(f"{TABLE}formula") is None
        for paragraph in cell.iterchildren(f"{TEXT}p")
        if key("".join(paragraph.itertext())) in literals
    }


def _translated(element: Any) -> bool:
    """Whether ``element`` is the document's text: not in a comment or a tracked deletion,
    nor in a spreadsheet cell whose text shows a number, a date or a formula's result, nor in
    a style's definition (``styles.xml``: only its master pages)."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if tag in _NOT_TRANSLATED or tag == f"{OFFICE}styles":
            return False
        if tag == f"{TABLE}table-cell" or tag == f"{TABLE}covered-table-cell":
            kind = ancestor.get(f"{OFFICE}value-type")
            return ancestor.get(f"{TABLE}formula") is None and kind in (None, "string")
    return True


def _meta_properties(data: bytes, path: Path) -> dict[str, str]:
    meta = parse_xml(data, f"{path}:{_META}", "document properties").getroot().find(f"{OFFICE}meta")
    return {} if meta is None else read_properties(meta)


def relabel_languages(root: Any, src_lang: str, tgt_lang: str) -> None:
    """Set the language of every style's text in the source's language (``en`` of ``en-US``)
    under ``root`` to ``tgt_lang``: ``fo:language``, and ``fo:country`` its region (``de-AT``)
    or none."""
    primary = primary_language(src_lang)
    language, _, region = tgt_lang.replace("_", "-").partition("-")
    for properties in root.iter(f"{STYLE}text-properties"):
        said = properties.get(f"{{{FO_NS}}}language")
        if said and lang_matches(said, primary):
            properties.set(f"{{{FO_NS}}}language", language.lower())
            if region:
                properties.set(f"{{{FO_NS}}}country", region.upper())
            else:
                properties.attrib.pop(f"{{{FO_NS}}}country", None)


class OpenDocument(PartsDocument):
    """An OpenDocument file to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "odf"
    properties_part = _META
    package: Package

    @classmethod
    def what(cls) -> str:
        return WHAT

    @classmethod
    def read(cls, data: bytes, path: Path) -> Package:
        return read_package(data, path)

    def translated_entries(self) -> dict[str, bytes]:
        """The entries the translations are written into (read afresh, so that this can be
        called again as more are filled in), by name."""
        entries = self.package.entries
        fresh = (
            _flat_package(entries[FLAT], self.path)
            if self.package.flat
            else package_of(entries, self.path)
        )
        written: dict[str, bytes] = {}
        for part in fresh.parts:
            part.write(self.translations)
            root = part.tree.getroot()
            relabel_languages(root, self.src_lang, self.tgt_lang)
            if fresh.flat and root.find(f"{OFFICE}meta") is not None:
                self.write_properties(root.find(f"{OFFICE}meta"))
            written[part.name] = _serialized(part.tree)
        if _META in entries:
            written[_META] = self._translated_meta(entries[_META])
        return written

    def save(self, out_path: Path) -> None:
        entries = self.package.entries
        if isinstance(entries, ArchiveEntries):
            save_archive(Path(out_path), entries, self.translated_entries())
        else:  # a flat file: its one XML document
            atomic_write(Path(out_path), self.translated_entries()[FLAT])

    def _translated_meta(self, data: bytes) -> bytes:
        tree = parse_xml(data, f"{self.path}:{_META}", "document properties")
        meta = tree.getroot().find(f"{OFFICE}meta")
        if meta is None:
            return data
        self.write_properties(meta)
        return _serialized(tree)


def _serialized(tree: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
