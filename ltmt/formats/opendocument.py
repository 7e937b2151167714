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

An existing output is the translation so far: its paragraphs are lined up with the source's,
part by part, their tags with the source's; ``--overwrite`` translates all. ``ltmt memory
import OUTPUT --source-file SOURCE`` stores the pairs.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, lang_matches, parse_xml, read_bytes, source_file_given
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.html_document import lined_up_pairs
from ltmt.formats.odf_paragraphs import (
    FO_NS,
    OFFICE_NS,
    PARAGRAPHS,
    STYLE,
    SVG_NS,
    ParagraphText,
    Styles,
    read_paragraph,
    write_paragraph,
)
from ltmt.formats.tagged_paragraphs import in_source_terms
from ltmt.segments import PairRecord
from ltmt.text import has_letter

WHAT = "an OpenDocument file"
_MIMETYPE = "mimetype"
_KINDS = {
    "application/vnd.oasis.opendocument.text": "text",
    "application/vnd.oasis.opendocument.text-template": "text",
    "application/vnd.oasis.opendocument.spreadsheet": "spreadsheet",
    "application/vnd.oasis.opendocument.spreadsheet-template": "spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "presentation",
    "application/vnd.oasis.opendocument.presentation-template": "presentation",
    "application/vnd.oasis.opendocument.graphics": "drawing",
    "application/vnd.oasis.opendocument.graphics-template": "drawing",
}
_MANIFEST = "META-INF/manifest.xml"
_MANIFEST_NS = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_META = "meta.xml"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META_FIELDS = ("title", "subject", "description")
OFFICE = f"{{{OFFICE_NS}}}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ALT_TEXTS = (f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc")
# elements whose paragraphs are not the document's text: comments, tracked deletions
_NOT_TRANSLATED = frozenset({f"{OFFICE}annotation", f"{TEXT}tracked-changes"})
_NUMBER = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Part:
    """One XML part of the file with text: its name, its tree, its paragraphs (in the order of
    the part, nested ones after theirs) and how each reads, and its pictures' titles and
    descriptions."""

    name: str
    tree: Any
    paragraphs: list[tuple[Any, ParagraphText]]
    alt_texts: list[Any]
    styles: Styles  # what its paragraphs' styles are

    def paragraph_key(self, index: int) -> str:
        return f"{self.name}#p{index}"

    def alt_text_key(self, index: int) -> str:
        return f"{self.name}#alt{index}"

    def paragraph_units(self) -> Iterator[tuple[int, ParagraphText]]:
        for index, (_, read) in enumerate(self.paragraphs):
            if read.has_words:
                yield index, read

    def units(self) -> Iterator[Unit]:
        for index, read in self.paragraph_units():
            yield Unit(self.paragraph_key(index), read.text)
        for index, element in enumerate(self.alt_texts):
            yield Unit(self.alt_text_key(index), element.text)

    def write(self, translations: dict[str, str]) -> None:
        """Write the ``translations`` (by unit key) into the tree."""
        for index, (paragraph, read) in enumerate(self.paragraphs):
            translation = translations.get(self.paragraph_key(index))
            if translation is not None:
                write_paragraph(paragraph, read, translation)
        for index, element in enumerate(self.alt_texts):
            translation = translations.get(self.alt_text_key(index))
            if translation is not None:
                element.text = translation


@dataclass(frozen=True)
class Package:
    """An OpenDocument archive: its entries (name: (zip info, bytes), in order), what kind of
    document it is, its parts with text, and the properties to translate (field: text)."""

    entries: dict[str, tuple[zipfile.ZipInfo, bytes]]
    kind: str
    parts: list[Part]
    properties: dict[str, str]


def read_package(data: bytes, path: Path) -> Package:
    """The OpenDocument file in ``data``; an :class:`InputError` saying what it is not."""
    return package_of(_entries(data, path), path)


def _entries(data: bytes, path: Path) -> dict[str, tuple[zipfile.ZipInfo, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = {info.filename: (info, archive.read(info)) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if data.lstrip()[:5] == b"<?xml":
            raise InputError(
                f"{path}: a flat OpenDocument file (one XML file), which ltmt does not "
                "translate; save it as .odt, .ods or .odp "
                f"(soffice --headless --convert-to odt {path} makes an .odt)"
            ) from exc
        raise InputError(f"{path}: not {WHAT} (not a zip archive: {exc})") from exc
    return entries


def package_of(entries: dict[str, tuple[zipfile.ZipInfo, bytes]], path: Path) -> Package:
    """The OpenDocument file whose archive holds ``entries``; parsed afresh."""
    mimetype = entries.get(_MIMETYPE, (None, b""))[1].decode("ascii", "replace").strip()
    kind = _KINDS.get(mimetype)
    if kind is None:
        said = f"its mimetype is {mimetype!r}" if mimetype else "no mimetype entry"
        raise InputError(
            f"{path}: not {WHAT} that ltmt translates (a text, spreadsheet, presentation or "
            f"drawing): {said}"
        )
    if _encrypted(entries, path):
        raise InputError(
            f"{path}: encrypted with a password; save a copy without one (File > Save As, "
            "with 'Save with password' unchecked) and translate that"
        )
    objects = sorted((name for name in entries if name.endswith("/content.xml")), key=_natural)
    trees = {
        name: _parsed(entries[name][1], name, path)
        for name in ["content.xml", "styles.xml", *objects]
        if name in entries
    }
    parts = [
        _part(name, tree, _styles_for(name, trees, entries, path)) for name, tree in trees.items()
    ]
    properties = _meta_properties(entries[_META][1], path) if _META in entries else {}
    return Package(entries, kind, parts, properties)


def _styles_for(
    name: str, trees: dict[str, Any], entries: dict[str, tuple[zipfile.ZipInfo, bytes]], path: Path
) -> Styles:
    """The styles the part ``name`` reads: the document's content and styles for its own
    parts, an embedded object's own for the object's."""
    folder = name.rpartition("/")[0]
    if not folder:
        return Styles.of(*(trees[n].getroot() for n in ("content.xml", "styles.xml") if n in trees))
    styles = f"{folder}/styles.xml"
    roots = [trees[name].getroot()]
    if styles in entries:
        roots.append(_parsed(entries[styles][1], styles, path).getroot())
    return Styles.of(*roots)


def _encrypted(entries: dict[str, tuple[zipfile.ZipInfo, bytes]], path: Path) -> bool:
    if _MANIFEST not in entries:
        return False
    root = parse_xml(entries[_MANIFEST][1], f"{path}:{_MANIFEST}", "manifest").getroot()
    return root.find(f".//{_MANIFEST_NS}encryption-data") is not None


def _natural(name: str) -> list[Any]:
    return [int(piece) if piece.isdigit() else piece for piece in _NUMBER.split(name)]


def _parsed(data: bytes, name: str, path: Path) -> Any:
    return parse_xml(data, f"{path}:{name}", "OpenDocument XML part")


def _part(name: str, tree: Any, styles: Styles) -> Part:
    root = tree.getroot()
    paragraphs = [
        (element, read_paragraph(element, styles))
        for element in root.iter(*PARAGRAPHS)
        if _translated(element)
    ]
    alt_texts = [
        element
        for element in root.iter(*_ALT_TEXTS)
        if has_letter(element.text or "") and not len(element) and _translated(element)
    ]
    return Part(name, tree, paragraphs, alt_texts, styles)


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
    root = parse_xml(data, f"{path}:{_META}", "document properties").getroot()
    found = {}
    for name in _META_FIELDS:
        element = root.find(f"{OFFICE}meta/{_DC}{name}")
        if element is not None and element.text and element.text.strip():
            found[name] = element.text
    return found


def relabel_languages(root: Any, src_lang: str, tgt_lang: str) -> None:
    """Set the language of every style's text in the source's language (``en`` of ``en-US``)
    under ``root`` to ``tgt_lang``: ``fo:language``, and ``fo:country`` its region (``de-AT``)
    or none."""
    primary = src_lang.split("-")[0]
    language, _, region = tgt_lang.replace("_", "-").partition("-")
    for properties in root.iter(f"{STYLE}text-properties"):
        said = properties.get(f"{{{FO_NS}}}language")
        if said and lang_matches(said, primary):
            properties.set(f"{{{FO_NS}}}language", language.lower())
            if region:
                properties.set(f"{{{FO_NS}}}country", region.upper())
            else:
                properties.attrib.pop(f"{{{FO_NS}}}country", None)


class OpenDocument(TranslationsHeld):
    """An OpenDocument file to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "odf"
    what_is_filled = "paragraph"

    def __init__(self, path: Path, data: bytes, src_lang: str = "en", tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.package = read_package(data, self.path)

    @classmethod
    def open(cls, path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any) -> OpenDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), src_lang, tgt_lang)

    def units(self) -> list[Unit]:
        units = [u for part in self.package.parts for u in part.units()]
        units += [Unit(f"{_META}#{name}", text) for name, text in self.package.properties.items()]
        return units

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this document's translation so far) holds."""
        return self.adopt_aligned(self.aligned(Path(target)))

    def aligned(self, target: Path) -> Iterator[tuple[str, str, str]]:
        """Each unit's key and source beside the text that stands for it in ``target``: its
        parts by name, their paragraphs in order (a part whose paragraphs are not as many as
        the source's is left out)."""
        theirs = read_package(read_bytes(target, WHAT), target)
        their_parts = {part.name: part for part in theirs.parts}
        for part in self.package.parts:
            other = their_parts.get(part.name)
            if other is None:
                continue
            if len(other.paragraphs) == len(part.paragraphs):
                for index, read in part.paragraph_units():
                    their_paragraph = other.paragraphs[index][0]
                    their_read = read_paragraph(their_paragraph, other.styles, read.plain_style)
                    yield part.paragraph_key(index), read.text, in_source_terms(their_read, read)
            if len(other.alt_texts) == len(part.alt_texts):
                for index, (mine, their) in enumerate(zip(part.alt_texts, other.alt_texts)):
                    yield part.alt_text_key(index), mine.text, their.text or ""
        for name, text in self.package.properties.items():
            if name in theirs.properties:
                yield f"{_META}#{name}", text, theirs.properties[name]

    @classmethod
    def pairs(cls, path: Path, source_file: Path | None = None, **_: Any) -> Iterator[PairRecord]:
        """The pairs of the translated document ``path`` and its ``source_file``."""
        source_file = source_file_given(path, WHAT, source_file)
        document = cls.open(Path(source_file))
        aligned = list(document.aligned(Path(path)))
        return lined_up_pairs(path, source_file, aligned, len(document.units()), "documents")

    def translated_entries(self) -> dict[str, bytes]:
        """The archive's entries with the translations written in (read afresh, so that this
        can be called again as more are filled in)."""
        fresh = package_of(self.package.entries, self.path)
        written = {name: data for name, (_, data) in self.package.entries.items()}
        for part in fresh.parts:
            part.write(self.translations)
            relabel_languages(part.tree.getroot(), self.src_lang, self.tgt_lang)
            written[part.name] = _serialized(part.tree)
        if _META in written:
            written[_META] = self._translated_meta(written[_META])
        return written

    def _translated_meta(self, data: bytes) -> bytes:
        tree = parse_xml(data, f"{self.path}:{_META}", "document properties")
        meta = tree.getroot().find(f"{OFFICE}meta")
        if meta is None:
            return data
        for name in self.package.properties:
            translation = self.translations.get(f"{_META}#{name}")
            element = meta.find(f"{_DC}{name}")
            if translation is not None and element is not None:
                element.text = translation
        language = meta.find(f"{_DC}language")
        if language is not None:
            language.text = self.tgt_lang
        return _serialized(tree)

    def save(self, out_path: Path) -> None:
        written = self.translated_entries()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, (info, _) in self.package.entries.items():
                archive.writestr(info, written[name], compress_type=info.compress_type)
        atomic_write(Path(out_path), buffer.getvalue())


def _serialized(tree: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
