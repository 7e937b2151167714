"""EPUB books translated into a book of the target language: ``ltmt translate book.epub -o
book.de.epub``.

An EPUB is a zip archive: its ``META-INF/container.xml`` names the package document (OPF),
whose manifest lists the book's files and whose spine gives the reading order. What is
translated: every XHTML document of the manifest (the spine's in reading order, then the rest,
such as the navigation document), each as an HTML page (:mod:`ltmt.formats.html_segments`:
paragraphs, headings, list items, cells with their inline markup, alt texts, titles), and
written as :mod:`ltmt.formats.html_writing` writes one (as XML: ``&#160;``, never HTML's
``&nbsp;``), its language marks (``xml:lang``, ``lang``) set to the target language; the
package's titles and descriptions (``dc:title``, ``dc:description``) are translated and its
``dc:language`` and the ``xml:lang`` of the package and its ``<metadata>`` become the target
language too; an EPUB 2 table of contents (``toc.ncx``) gets its labels translated (the title,
the headings, each entry's; not an author's name), so that readers that show it agree with the
navigation document. Everything else is copied as it was:
images, styles, fonts, the package's other metadata (creators, identifiers, dates). The archive
is written as the format requires, its ``mimetype`` entry first and stored.

An existing output is the translation so far (as for app catalogs): its documents' runs and
values are lined up with the source's, document by document, and those kept are written as
the output has them, with the markup around them that someone set there
(:mod:`ltmt.formats.html_blocks_kept`: a link to a German page); ``--overwrite`` translates
all.
``ltmt memory import book.de.epub --source-file book.epub`` stores the pairs.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote

from ltmt.errors import InputError
from ltmt.formats.common import read_bytes, source_file_given
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.html_blocks_kept import (
    EmbeddedHtml,
    KeptHtml,
    refuse_added_pieces,
    source_markups,
)
from ltmt.formats.html_document import decode_page, lined_up_pairs
from ltmt.formats.html_segments import Segments, lined_up_sources, segments
from ltmt.formats.markup_characters import plain_text, tagged_text
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.formats.zip_entries import ArchiveEntries, save_archive
from ltmt.segments import PairRecord
from ltmt.text import with_edits

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

WHAT = "an EPUB book"
_MIMETYPE = b"application/epub+zip"
# the font obfuscation of IDPF and of Adobe: a font's first bytes scrambled, no DRM
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_XHTML = "application/xhtml+xml"
_NCX = "application/x-dtbncx+xml"
_READ = frozenset({_XHTML, _NCX})  # the media types of the files ltmt reads besides the package
# a label of a table of contents: the text of a title, a heading or an entry (not an author)
_LABEL = re.compile(r"<(docTitle|navInfo|navLabel|pageTarget)\b[^>]*>\s*<text>([^<]*)</text>")
_NCX_LANG = re.compile(r"""(<ncx\b[^>]*\bxml:lang=["'])([^"']*)(["'])""")
# the package document's titles and descriptions (not its creators, publisher or subjects)
_METADATA = re.compile(r"<(dc:title|dc:description)\b[^>]*>([^<]*)</\1>")
_SPACE = re.compile(r"\s+")
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_LANGUAGE = re.compile(r"(<dc:language\b[^>]*>)([^<]*)(</dc:language>)")
# the package's own language, and its metadata's: that of the titles (a German title under
# xml:lang="en" is read as English)
_PACKAGE_LANG = re.compile(r"""(<package\b[^>]*\bxml:lang=["'])([^"']*)(["'])""")
_METADATA_LANG = re.compile(r"""(<(?:\w+:)?metadata\b[^>]*\bxml:lang=["'])([^"']*)(["'])""")


@dataclass(frozen=True)
class Chapter:
    """One XHTML document of the book: its name in the archive, its text and encoding, and
    the runs and values in it; its units' keys are ``name`` and theirs."""

    name: str
    text: str
    encoding: str
    found: Segments

    def unit_key(self, piece_key: str) -> str:
        return f"{self.name}#{piece_key}"

    @property
    def embedded(self) -> EmbeddedHtml:
        """The document's HTML, as a book keeps it (:mod:`ltmt.formats.html_blocks_kept`)."""
        return EmbeddedHtml(self.text, self.found, self.unit_key)


@dataclass(frozen=True)
class Labels:
    """A file of the book whose labels are translated where they stand: the package document
    (its titles and descriptions) or an EPUB 2 table of contents (``toc.ncx``: the book's title,
    the map's heading, each entry's label; not its author). Its name, its text, the place and
    text of each label, and where the file names its language (patterns of three groups:
    before, the language, after)."""

    name: str
    text: str
    labels: list[tuple[int, int, str]]
    languages: tuple[re.Pattern[str], ...]

    def unit_key(self, number: int) -> str:
        return f"{self.name}#label{number}"

    def written(self, translations: Mapping[str, str], tgt_lang: str) -> str:
        """The file with the labels' ``translations`` (by unit key) in, in ``tgt_lang``."""
        text = with_edits(
            self.text,
            (
                (start, end, html.escape(plain_text(translations[self.unit_key(number)]), False))
                for number, (start, end, _) in enumerate(self.labels)
                if self.unit_key(number) in translations
            ),
        )
        for language in self.languages:
            text = language.sub(rf"\g<1>{tgt_lang}\g<3>", text)
        return text


@dataclass(frozen=True)
class Book:
    """An EPUB's archive entries (name: bytes, in order, read when asked for), its XHTML
    documents in reading order, and the files whose labels are translated: its package
    document and its EPUB 2 table of contents, if any."""

    entries: ArchiveEntries
    chapters: list[Chapter]
    labelled: list[Labels]


def read_book(data: bytes, path: Path) -> Book:
    """The book in an EPUB's bytes; an :class:`InputError` naming what is missing."""
    entries = ArchiveEntries(data, path, WHAT)
    if entries.get("mimetype", b"").strip() != _MIMETYPE:
        raise InputError(
            f"{path}: not an EPUB book (no 'mimetype' entry saying {_MIMETYPE.decode()})"
        )
    encrypted = _encrypted(entries, path)
    package = _package_name(entries, path)
    _refuse_encrypted(encrypted, [package], path)
    manifest, spine = _manifest(entries, package, path)
    kinds = dict(manifest.values())
    _refuse_encrypted(encrypted, [name for name, kind in kinds.items() if kind in _READ], path)
    names = [manifest[item][0] for item in spine if item in manifest]
    in_spine = set(names)
    names += [name for name, kind in kinds.items() if kind == _XHTML and name not in in_spine]
    chapters = []
    for name in names:
        if name not in entries or kinds.get(name) != _XHTML:
            continue
        text, encoding = decode_page(entries[name], Path(f"{path}:{name}"))
        try:
            found = segments(text)
        except UnclosedMarkupError as unreadable:
            raise unreadable.at(f"{path}:{name}") from None
        chapters.append(Chapter(name, text, encoding, found))
    languages = (_LANGUAGE, _PACKAGE_LANG, _METADATA_LANG)
    labelled = [_labels(package, entries[package], path, _METADATA, *languages)]
    tables = [name for name, kind in kinds.items() if kind == _NCX and name in entries]
    if tables:
        labelled.append(_labels(tables[0], entries[tables[0]], path, _LABEL, _NCX_LANG))
    return Book(entries, chapters, labelled)


def _labels(
    name: str, data: bytes, path: Path, label: re.Pattern[str], *languages: re.Pattern[str]
) -> Labels:
    """The labels (``label``'s second group) of a file of the book (:class:`Labels`)."""
    text, _ = decode_page(data, Path(f"{path}:{name}"))
    labels = [
        (
            found.start(2),
            found.end(2),
            tagged_text(_SPACE.sub(" ", html.unescape(found.group(2))).strip()),
        )
        for found in label.finditer(text)
        if found.group(2).strip()
    ]
    return Labels(name, text, labels, languages)


def _encrypted(entries: Mapping[str, bytes], path: Path) -> list[str | None]:
    """The files of the book that ``META-INF/encryption.xml`` encrypts other than by font
    obfuscation (DRM), by archive name (``None`` for one it does not name)."""
    from lxml import etree

    listed = entries.get("META-INF/encryption.xml")
    if listed is None:
        return []
    try:
        root = etree.fromstring(listed)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: META-INF/encryption.xml is not XML: {exc}") from exc
    encrypted: list[str | None] = []
    for data in root.iter("{*}EncryptedData"):
        method = data.find("{*}EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        reference = data.find(".//{*}CipherReference")
        uri = reference.get("URI") if reference is not None else None
        encrypted.append(posixpath.normpath(unquote(uri)) if uri else None)
    return encrypted


def _refuse_encrypted(encrypted: list[str | None], read: list[str], path: Path) -> None:
    """Raise an :class:`InputError` where a file ltmt reads (``read``: the package document,
    its XHTML pages, NCX) is ``encrypted`` (DRM): its text is no text to translate (it was read
    as a chapter of another charset). Another encrypted file (a font) is copied as it is, as
    is one obfuscated."""
    for name in encrypted:
        if name is None or name in read:
            raise InputError(
                f"{path}: {name or 'a file'} is encrypted (DRM), and an encrypted book cannot "
                "be translated; give a copy without DRM"
            )


def _package_name(entries: Mapping[str, bytes], path: Path) -> str:
    from lxml import etree

    container = entries.get("META-INF/container.xml")
    if container is None:
        raise InputError(f"{path}: not an EPUB book (no META-INF/container.xml)")
    try:
        root = etree.fromstring(container)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: META-INF/container.xml is not XML: {exc}") from exc
    found = root.find(f".//{_CONTAINER}rootfile")
    name = found.get("full-path") if found is not None else None
    if not name or name not in entries:
        raise InputError(f"{path}: META-INF/container.xml names no package document there")
    return name


def _manifest(
    entries: Mapping[str, bytes], package: str, path: Path
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """The package's manifest (id: (archive name, media type)) and its spine's ids."""
    from lxml import etree

    try:
        root = etree.fromstring(entries[package])
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: its package document {package} is not XML: {exc}") from exc
    folder = posixpath.dirname(package)
    manifest = {
        item.get("id", ""): (
            posixpath.normpath(posixpath.join(folder, unquote(item.get("href", "")))),
            item.get("media-type", ""),
        )
        for item in root.iter(f"{_OPF}item")
    }
    spine = [ref.get("idref", "") for ref in root.iter(f"{_OPF}itemref")]
    return manifest, spine


class EpubDocument(TranslationsHeld):
    """An EPUB book to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "epub"
    what_is_filled = "text"

    def __init__(self, path: Path, data: bytes, tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.tgt_lang = tgt_lang
        self.book = read_book(data, self.path)
        # the documents' runs and values kept as the output had them, and the markup around
        # their runs someone set there (:mod:`ltmt.formats.html_blocks_kept`)
        self.kept_html = KeptHtml()

    @classmethod
    def open(cls, path: Path, tgt_lang: str = "de", **_: Any) -> EpubDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang)

    def units(self) -> list[Unit]:
        units = [
            Unit(chapter.unit_key(piece.key), piece.source)
            for chapter in self.book.chapters
            for piece in chapter.found.pieces()
        ]
        units += [
            Unit(labelled.unit_key(number), label)
            for labelled in self.book.labelled
            for number, (_, _, label) in enumerate(labelled.labels)
        ]
        return units

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this book's translation so far) holds
        (:meth:`adopt_recorded` without a record)."""
        return self.adopt_recorded(target, None)

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over the translations ``target`` (this book's translation so far) holds: its
        labels', and its documents' as written there (:mod:`ltmt.formats.html_blocks_kept`;
        ``record``: what ltmt last wrote there, None: there is none). A document with a
        paragraph added by hand is refused (:func:`~ltmt.formats.html_blocks_kept.
        refuse_added_pieces`)."""
        book = read_book(read_bytes(Path(target), WHAT), Path(target))
        adopted = self.adopt_aligned(self._labels_aligned(book))
        theirs = {chapter.name: chapter for chapter in book.chapters}
        pairs = [(mine, theirs[mine.name]) for mine in self.book.chapters if mine.name in theirs]
        for mine, other in pairs:
            if record is not None:
                where = f"{target}, {mine.name}"
                refuse_added_pieces(where, self.path, mine.embedded, other.embedded, record)
        lined_up = [(mine.embedded, other.embedded) for mine, other in pairs]
        kept = self.kept_html.adopt(Path(target), lined_up, record)
        self.translations.update(kept)
        return adopted + len(kept)

    def aligned(self, target: Path) -> Iterator[tuple[str, str, str]]:
        """Each unit's key and source beside the text that stands for it in ``target``: its
        documents by name, their runs and values lined up
        (:func:`~ltmt.formats.html_segments.line_up`)."""
        book = read_book(read_bytes(target, WHAT), target)
        theirs = {chapter.name: chapter for chapter in book.chapters}
        yield from self._labels_aligned(book)
        for chapter in self.book.chapters:
            their_chapter = theirs.get(chapter.name)
            if their_chapter is not None:
                yield from lined_up_sources(chapter.found, their_chapter.found, chapter.unit_key)

    def _labels_aligned(self, book: Book) -> Iterator[tuple[str, str, str]]:
        """Each label's key and source beside the text that stands for it in ``book`` (this
        book's translation)."""
        their_labelled = {labelled.name: labelled for labelled in book.labelled}
        for mine in self.book.labelled:
            other = their_labelled.get(mine.name)
            if other is None or len(other.labels) != len(mine.labels):
                continue
            for number, (label, their_label) in enumerate(
                zip(mine.labels, other.labels, strict=True)
            ):
                yield mine.unit_key(number), label[2], their_label[2]

    @classmethod
    def pairs(cls, path: Path, source_file: Path | None = None, **_: Any) -> Iterator[PairRecord]:
        """The pairs of the translated book ``path`` and its ``source_file``."""
        source_file = source_file_given(path, WHAT, source_file)
        document = cls.open(Path(source_file))
        aligned = list(document.aligned(Path(path)))
        return lined_up_pairs(path, source_file, aligned, len(document.units()), "book")

    def translated_entries(self) -> dict[str, bytes]:
        """The entries written anew, by name: each translated document and label, and the
        package's and table of contents' language the target language."""
        entries: dict[str, bytes] = {}
        for chapter in self.book.chapters:
            text = self.kept_html.written(
                chapter.embedded, self.translations, tgt_lang=self.tgt_lang, xml=True
            )
            entries[chapter.name] = text.encode(chapter.encoding, "xmlcharrefreplace")
        for labelled in self.book.labelled:
            written = labelled.written(self.translations, self.tgt_lang)
            entries[labelled.name] = written.encode("utf-8", "xmlcharrefreplace")
        return entries

    def source_values_written(self) -> dict[str, str]:
        """The source's markup around each run of its documents that has some, as the record
        of the output keeps it (:mod:`ltmt.formats.html_blocks_kept`)."""
        return source_markups([chapter.embedded for chapter in self.book.chapters])

    def save(self, out_path: Path) -> None:
        self.kept_html.warn(self.translations)
        # the mimetype entry first and stored, as readers find an EPUB by it; the rest deflated
        mimetype = zipfile.ZipInfo("mimetype")
        save_archive(
            Path(out_path),
            self.book.entries,
            self.translated_entries(),
            first=(mimetype, _MIMETYPE),
            compress_type=zipfile.ZIP_DEFLATED,
        )
