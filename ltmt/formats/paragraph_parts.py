"""The XML parts of an office document whose paragraphs are translated as tagged text: what
Office Open XML documents (:mod:`ltmt.formats.office_documents`) and OpenDocument files
(:mod:`ltmt.formats.opendocument`) share: :class:`PartsDocument`, their document class, which a
format gives how to read its archive, how to write its translations in and how to save it
(:mod:`ltmt.formats.zip_entries` writes an archive back).

A :class:`Part` holds its paragraphs, each read (:mod:`ltmt.formats.tagged_paragraphs`), and the
places where its pictures' descriptions are; a unit's key names the part and the paragraph's
(description's) place in it. :func:`lined_up` reads a translation made before (a document's
translation so far, or the target file of a pair to import) part by part against the source's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

from ltmt.errors import InputError
from ltmt.formats.common import read_bytes, source_file_given
from ltmt.formats.compared_text import warn_kept
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.html_document import lined_up_pairs
from ltmt.formats.tagged_paragraphs import ParagraphText, in_source_terms
from ltmt.segments import PairRecord

DC = "{http://purl.org/dc/elements/1.1/}"

# a paragraph read again with the given plain style (a translation's, in its source's terms)
Reader = Callable[[Any, str], ParagraphText]
# a translation written into a paragraph, as read
Writer = Callable[[Any, ParagraphText, str], None]


class OtherKindError(InputError):
    """A document of another kind than its reader's (a presentation read as a Word document);
    ``kind`` names it (``a PowerPoint presentation``)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Part:
    """One XML part of a document with paragraphs: its name, its tree, its paragraphs (in the
    order of the part, nested ones after theirs) and how each reads, and its pictures'
    descriptions, each as (element, attribute; None: the element's text). ``reread`` and
    ``rewrite`` read and write a paragraph of the part's kind."""

    name: str
    tree: Any
    paragraphs: list[tuple[Any, ParagraphText]]
    alt_texts: list[tuple[Any, str | None]]
    reread: Reader
    rewrite: Writer
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
            yield Unit(self.paragraph_key(index), read.text, kept_apart=read.kept_apart)
        for index, (element, attribute) in enumerate(self.alt_texts):
            yield Unit(self.alt_text_key(index), alt_text(element, attribute))

    def write(self, translations: Mapping[str, str]) -> None:
        """Write the ``translations`` (by unit key) into the tree."""
        for index, (paragraph, read) in enumerate(self.paragraphs):
            translation = translations.get(self.paragraph_key(index))
            if translation is not None:
                self.rewrite(paragraph, read, translation)
        for index, (element, attribute) in enumerate(self.alt_texts):
            translation = translations.get(self.alt_text_key(index))
            if translation is None:
                continue
            if attribute is None:
                element.text = translation
            else:
                element.set(attribute, translation)


def alt_text(element: Any, attribute: str | None) -> str:
    """The description at (``element``, ``attribute``): the attribute's value, or (None) the
    element's text."""
    return (element.text if attribute is None else element.get(attribute)) or ""


def lined_up(
    parts: Sequence[Part], theirs: Sequence[Part], kept: Collection[str] = ()
) -> Iterator[tuple[str, str, str]]:
    """Each unit's key and source beside the text that stands for it in ``theirs`` (the parts
    of a translation): their parts by name, their paragraphs in order, read in the source's
    tags (a part whose paragraphs are not as many as the source's is left out); not the units
    ``kept`` as they are."""
    their_parts = {part.name: part for part in theirs}
    for part in parts:
        other = their_parts.get(part.name)
        if other is None:
            continue
        if len(other.paragraphs) == len(part.paragraphs):
            for index, read in part.paragraph_units():
                if part.paragraph_key(index) in kept:
                    continue
                their_read = other.reread(other.paragraphs[index][0], read.plain_style)
                yield part.paragraph_key(index), read.text, in_source_terms(their_read, read)
        if len(other.alt_texts) == len(part.alt_texts):
            for index, (mine, their) in enumerate(zip(part.alt_texts, other.alt_texts)):
                yield part.alt_text_key(index), alt_text(*mine), alt_text(*their)


_NUMBER = re.compile(r"(\d+)")


def natural_order(name: str) -> list[Any]:
    """A sort key for part names that puts ``slide2.xml`` before ``slide10.xml``."""
    return [int(piece) if piece.isdigit() else piece for piece in _NUMBER.split(name)]


# the properties translated: the document's title, subject and description
PROPERTIES = ("title", "subject", "description")


def read_properties(container: Any) -> dict[str, str]:
    """The :data:`PROPERTIES` with words among the ``dc:`` elements under ``container``."""
    found = {}
    for name in PROPERTIES:
        element = container.find(f"{DC}{name}")
        if element is not None and element.text and element.text.strip():
            found[name] = element.text
    return found


class Package(Protocol):
    """A document's archive as read: its entries (name: bytes, in order), its parts
    with text, the properties to translate (field: text), the keys of units kept as they
    are, and the texts of the spreadsheet cells among them that formulas compare against."""

    @property
    def entries(self) -> Mapping[str, bytes]: ...
    @property
    def parts(self) -> list[Part]: ...
    @property
    def properties(self) -> dict[str, str]: ...
    @property
    def kept(self) -> frozenset[str]: ...
    @property
    def compared(self) -> tuple[str, ...]: ...


_Document = TypeVar("_Document", bound="PartsDocument")


class PartsDocument(TranslationsHeld):
    """A document whose parts' paragraphs are translated into a file of the target language's
    (an Office Open XML document, an OpenDocument file). A subclass says what it is
    (:meth:`what`), reads its archive (:meth:`read`) and writes the translations into its
    entries (:meth:`translated_entries`); ``properties_part`` names the part its title and
    description are in (``dc:`` elements)."""

    what_is_filled = "paragraph"
    properties_part: ClassVar[str]

    def __init__(self, path: Path, data: bytes, src_lang: str = "en", tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.package = self.read(data, self.path)
        # said here, once per document opened: not where a translation of it is read beside it
        # (an import's or a check's target, an existing output), nor where it is read again
        warn_kept(sorted(self.package.compared))

    @classmethod
    def what(cls) -> str:
        """The document, as errors name it (``a Word document``)."""
        raise NotImplementedError

    @classmethod
    def read(cls, data: bytes, path: Path) -> Package:
        """The document in ``data``; an :class:`InputError` saying what it is not."""
        raise NotImplementedError

    def translated_entries(self) -> dict[str, bytes]:
        """The entries the translations are written into, by name."""
        raise NotImplementedError

    @classmethod
    def open(
        cls: type[_Document], path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any
    ) -> _Document:
        return cls(Path(path), read_bytes(Path(path), cls.what()), src_lang, tgt_lang)

    def units(self) -> list[Unit]:
        kept = self.package.kept
        units = [u for part in self.package.parts for u in part.units() if u.key not in kept]
        units += [
            Unit(f"{self.properties_part}#{name}", text)
            for name, text in self.package.properties.items()
        ]
        return units

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this document's translation so far) holds."""
        return self.adopt_aligned(self.aligned(Path(target)))

    def aligned(self, target: Path) -> Iterator[tuple[str, str, str]]:
        """Each unit's key and source beside the text that stands for it in ``target``
        (:func:`lined_up`), and the properties by name."""
        theirs = self.read(read_bytes(target, self.what()), target)
        yield from lined_up(self.package.parts, theirs.parts, self.package.kept)
        for name, text in self.package.properties.items():
            if name in theirs.properties:
                yield f"{self.properties_part}#{name}", text, theirs.properties[name]

    @classmethod
    def pairs(cls, path: Path, source_file: Path | None = None, **_: Any) -> Iterator[PairRecord]:
        """The pairs of the translated document ``path`` and its ``source_file``."""
        source_file = source_file_given(path, cls.what(), source_file)
        document = cls._source_document(Path(path), Path(source_file))
        aligned = [
            (document.place(key), source, translation)
            for key, source, translation in document.aligned(Path(path))
        ]
        return lined_up_pairs(path, source_file, aligned, len(document.units()), "document")

    def place(self, key: str) -> str:
        """Where the unit of ``key`` is, in words its document's user finds it by (a
        spreadsheet's cell: ``Prices!B7``), as ``qa`` and ``memory import`` name it; by
        default its key (the part and the paragraph's number in it)."""
        return key

    @classmethod
    def _source_document(cls: type[_Document], path: Path, source_file: Path) -> _Document:
        """The ``source_file`` of the translated document ``path``; a source of another kind
        (a presentation beside a Word document) is an error that names both kinds."""
        try:
            return cls.open(source_file)
        except OtherKindError as exc:
            cls.open(path)  # a translation of another kind too says so itself
            raise InputError(
                f"{path}: the translation is {cls.what()}, but the source file {source_file} "
                f"is {exc.kind}; give the source file of the same kind"
            ) from exc

    def write_properties(self, container: Any) -> None:
        """Write the properties' translations into their ``dc:`` elements under ``container``,
        and the target language into ``dc:language``."""
        for name in self.package.properties:
            translation = self.translations.get(f"{self.properties_part}#{name}")
            element = container.find(f"{DC}{name}")
            if translation is not None and element is not None:
                element.text = translation
        language = container.find(f"{DC}language")
        if language is not None:
            language.text = self.tgt_lang
