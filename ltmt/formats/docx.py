"""Word documents translated into a document of the target language: ``ltmt translate
report.docx -o report.de.docx``.

A ``.docx`` (also ``.docm``, ``.dotx``, ``.dotm``) is a zip archive of XML parts, which its
``[Content_Types].xml`` names. What is translated: every paragraph with words in the body (its
tables, text boxes and content controls too), the headers and footers, the footnotes and
endnotes, each paragraph one unit with its formatting, links and what is not text as tags
(:mod:`ltmt.formats.docx_paragraphs`); the pictures' descriptions (their alternative text,
which screen readers read) and titles; and the document's title, subject and comments in its
properties. The proofing language of the translated parts and of the styles becomes the target
language, so Word checks the spelling of the translation in it. Everything else is copied as it
was: styles, numbering, pictures, fields' codes, bookmarks, tracked deletions, reviewers'
comments, the archive's order and compression. A document saved as Strict Open XML is read
and written back as strict.

An existing output is the translation so far: its paragraphs are lined up with the source's,
part by part, their formatting tags with the source's; ``--overwrite`` translates all.
``ltmt memory import report.de.docx --source-file report.docx`` stores the pairs.
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
from ltmt.formats.common import atomic_write, parse_xml, read_bytes, source_file_given
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.docx_paragraphs import ParagraphText, W, read_paragraph, write_paragraph
from ltmt.formats.html_document import lined_up_pairs
from ltmt.segments import PairRecord

WHAT = "a Word document"
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
}
# the parts translated, in this order after the main document, by the end of their content type
_NOTE_KINDS = (
    "wordprocessingml.header+xml",
    "wordprocessingml.footer+xml",
    "wordprocessingml.footnotes+xml",
    "wordprocessingml.endnotes+xml",
)
_STYLES_KIND = "wordprocessingml.styles+xml"
_CORE = "docProps/core.xml"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CORE_FIELDS = ("title", "subject", "description")
_NUMBER = re.compile(r"(\d+)")
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_LETTER = re.compile(r"[^\W\d_]")
_TAGGED = re.compile(r'<g id="(\d+)">(.*?)</g>|<x id="(\d+)"/>', re.DOTALL)


@dataclass(frozen=True)
class Part:
    """One XML part of the document with paragraphs: its name, its tree, its paragraphs (in
    the order of the part, nested ones after theirs) and how each reads, and its pictures'
    descriptions (alternative text) and titles, each as (element, attribute)."""

    name: str
    tree: Any
    paragraphs: list[tuple[Any, ParagraphText]]
    alt_texts: list[tuple[Any, str]]
    strict: bool = False  # saved as Strict Open XML

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
        for index, (element, attribute) in enumerate(self.alt_texts):
            yield Unit(self.alt_text_key(index), element.get(attribute))

    def write(self, translations: dict[str, str]) -> None:
        """Write the ``translations`` (by unit key) into the tree."""
        for index, (paragraph, read) in enumerate(self.paragraphs):
            translation = translations.get(self.paragraph_key(index))
            if translation is not None:
                write_paragraph(paragraph, read, translation)
        for index, (element, attribute) in enumerate(self.alt_texts):
            translation = translations.get(self.alt_text_key(index))
            if translation is not None:
                element.set(attribute, translation)


@dataclass(frozen=True)
class Package:
    """A Word document's archive: its entries (name: (zip info, bytes), in order), its parts
    with paragraphs, its styles part, and the properties to translate (field: text)."""

    entries: dict[str, tuple[zipfile.ZipInfo, bytes]]
    parts: list[Part]
    styles: str | None
    properties: dict[str, str]


def read_package(data: bytes, path: Path) -> Package:
    """The Word document in ``data``; an :class:`InputError` saying what it is not."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = {info.filename: (info, archive.read(info)) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path}: not a Word document (not a zip archive: {exc})") from exc
    if _CONTENT_TYPES not in entries:
        raise InputError(f"{path}: not a Word document (no {_CONTENT_TYPES} in the archive)")
    kinds = _content_types(entries[_CONTENT_TYPES][1], path)
    main = [name for name, kind in kinds.items() if _is_main(kind) and name in entries]
    if not main:
        raise InputError(
            f"{path}: not a Word document (no word processing document in the archive; "
            "a spreadsheet or a presentation is not translated)"
        )
    names = main[:1] + sorted(
        (name for name, kind in kinds.items() if kind.endswith(_NOTE_KINDS) and name in entries),
        key=lambda name: (_kind_order(kinds[name]), _natural(name)),
    )
    parts = [_part(name, entries[name][1], path) for name in names]
    styles = next((n for n, k in kinds.items() if k.endswith(_STYLES_KIND) and n in entries), None)
    properties = _core_properties(entries[_CORE][1], path) if _CORE in entries else {}
    return Package(entries, parts, styles, properties)


def _content_types(data: bytes, path: Path) -> dict[str, str]:
    """Each part named in ``[Content_Types].xml``: its content type."""
    root = parse_xml(data, f"{path}:{_CONTENT_TYPES}", "content types").getroot()
    return {
        (override.get("PartName") or "").lstrip("/"): override.get("ContentType") or ""
        for override in root.iter(f"{_TYPES_NS}Override")
    }


def _is_main(kind: str) -> bool:
    return kind.endswith(".main+xml") and ("wordprocessingml" in kind or "ms-word" in kind)


def _kind_order(kind: str) -> int:
    return next(order for order, ending in enumerate(_NOTE_KINDS) if kind.endswith(ending))


def _natural(name: str) -> list[Any]:
    return [int(piece) if piece.isdigit() else piece for piece in _NUMBER.split(name)]


def _part(name: str, data: bytes, path: Path) -> Part:
    tree, strict = _word_xml(data, name, path)
    root = tree.getroot()
    paragraphs = [(paragraph, read_paragraph(paragraph)) for paragraph in root.iter(f"{W}p")]
    alt_texts = [
        (picture, attribute)
        for picture in root.iter(f"{_DRAWING}docPr")
        for attribute in ("descr", "title")
        if _LETTER.search(picture.get(attribute) or "")
    ]
    return Part(name, tree, paragraphs, alt_texts, strict)


def _core_properties(data: bytes, path: Path) -> dict[str, str]:
    root = parse_xml(data, f"{path}:{_CORE}", "document properties").getroot()
    found = {}
    for name in _CORE_FIELDS:
        element = root.find(f"{_DC}{name}")
        if element is not None and element.text and element.text.strip():
            found[name] = element.text
    return found


def in_source_terms(theirs: ParagraphText, mine: ParagraphText) -> str:
    """``theirs`` (a translation of ``mine``, read with its plain style) as tagged text whose
    tags are ``mine``'s: each of their tags becomes one of mine with the same formatting or
    elements, or (none has) is left out, its text kept."""
    their_signatures = theirs.signatures()
    free: dict[str, list[int]] = {}
    for number, signature in mine.signatures().items():
        free.setdefault(signature, []).append(number)

    def mine_for(number: str) -> int | None:
        numbers = free.get(their_signatures.get(int(number), ""), [])
        return numbers.pop(0) if numbers else None

    def rewritten(found: re.Match[str]) -> str:
        if found.group(3):
            number = mine_for(found.group(3))
            return "" if number is None else f'<x id="{number}"/>'
        number = mine_for(found.group(1))
        inner = found.group(2)
        return inner if number is None else f'<g id="{number}">{inner}</g>'

    return _TAGGED.sub(rewritten, theirs.text)


class DocxDocument(TranslationsHeld):
    """A Word document to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "docx"
    what_is_filled = "paragraph"

    def __init__(self, path: Path, data: bytes, src_lang: str = "en", tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.package = read_package(data, self.path)

    @classmethod
    def open(cls, path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any) -> DocxDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), src_lang, tgt_lang)

    def units(self) -> list[Unit]:
        units = [unit for part in self.package.parts for unit in part.units()]
        units += [Unit(f"{_CORE}#{name}", text) for name, text in self.package.properties.items()]
        return units

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this document's translation so far) holds."""
        adopted = 0
        for key, source, translation in self.aligned(Path(target)):
            if translation != source:
                self.translations[key] = translation
                adopted += 1
        return adopted

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
                    their_read = read_paragraph(their_paragraph, plain_style=read.plain_style)
                    yield part.paragraph_key(index), read.text, in_source_terms(their_read, read)
            if len(other.alt_texts) == len(part.alt_texts):
                for index, ((mine, attribute), (their, _)) in enumerate(
                    zip(part.alt_texts, other.alt_texts)
                ):
                    yield part.alt_text_key(index), mine.get(attribute), their.get(attribute, "")
        for name, text in self.package.properties.items():
            if name in theirs.properties:
                yield f"{_CORE}#{name}", text, theirs.properties[name]

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
        written = {name: data for name, (_, data) in self.package.entries.items()}
        for part in self.package.parts:
            fresh = _part(part.name, written[part.name], self.path)
            fresh.write(self.translations)
            _relabel_languages(fresh.tree.getroot(), self.src_lang, self.tgt_lang)
            written[part.name] = _serialized(fresh.tree, fresh.strict)
        styles = self.package.styles
        if styles is not None:
            tree, strict = _word_xml(written[styles], styles, self.path)
            _relabel_languages(tree.getroot(), self.src_lang, self.tgt_lang)
            written[styles] = _serialized(tree, strict)
        if _CORE in written:
            tree = parse_xml(written[_CORE], f"{self.path}:{_CORE}", "document properties")
            root = tree.getroot()
            for name in self.package.properties:
                translation = self.translations.get(f"{_CORE}#{name}")
                element = root.find(f"{_DC}{name}")
                if translation is not None and element is not None:
                    element.text = translation
            language = root.find(f"{_DC}language")
            if language is not None:
                language.text = self.tgt_lang
            written[_CORE] = _serialized(tree)
        return written

    def save(self, out_path: Path) -> None:
        written = self.translated_entries()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, (info, _) in self.package.entries.items():
                archive.writestr(info, written[name], compress_type=info.compress_type)
        atomic_write(Path(out_path), buffer.getvalue())


def _relabel_languages(root: Any, src_lang: str, tgt_lang: str) -> None:
    """Set every proofing language of the source's language (``en-US`` for ``en``) to
    ``tgt_lang``: runs, paragraph marks, styles."""
    primary = src_lang.split("-")[0].lower()
    for element in root.iter(f"{W}lang"):
        value = element.get(f"{W}val")
        if value and value.split("-")[0].lower() == primary:
            element.set(f"{W}val", tgt_lang)


def _word_xml(data: bytes, name: str, path: Path) -> tuple[Any, bool]:
    """A Word XML part parsed, in transitional namespaces, and whether it was strict."""
    strict = any(namespace in data for namespace in _STRICT)
    for namespace, transitional in _STRICT.items():
        data = data.replace(namespace, transitional)
    return parse_xml(data, f"{path}:{name}", "Word XML part"), strict


def _serialized(tree: Any, strict: bool = False) -> bytes:
    from lxml import etree

    data = bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    if strict:
        for namespace, transitional in _STRICT.items():
            data = data.replace(transitional, namespace)
    return data
