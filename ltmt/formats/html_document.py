"""HTML pages translated into a page of the target language: ``ltmt translate index.html -o
de/index.html``.

What is translated, and how a run's markup reaches the model: :mod:`ltmt.formats.html_segments`
(paragraphs, headings, list items, cells, titles, with their inline markup; the attribute values
people read: ``alt``, ``title``, ``placeholder``, ``aria-label``, meta descriptions). The page
is written as it was read, byte for byte, but for the translated text, the translated attribute
values and its language marks (``<html lang="de">``): scripts, styles, comments, indentation and
the markup's own spelling stay. A run's translation is written on one line where the source's
text broke over several (white space is the same to HTML). Its tags are written as the page had
them, with their translated attribute values.

The page's encoding is its byte order mark's, its XML declaration's (XHTML), its ``<meta
charset>`` (or ``http-equiv`` content type) in the first 1,024 bytes, else UTF-8 where it reads
as such and Windows-1252 where it does not (as browsers read an undeclared page in Western
locales; said in a warning). The translation is written in the same one, a character it cannot
hold as a numeric character reference (``&#8594;``); an undeclared whole page (a doctype,
``<html>``, ``<head>``, ``<title>``, ``<body>`` or ``<meta>``) of ASCII alone stays ASCII
(``f&#252;r``), which every browser reads alike, but where the output so far is UTF-8 (a
reviewer's edit: its kept text stays as written). A fragment of ASCII alone (a Jekyll or Hugo
include, ``_includes/nav.html``), which
the page that includes it declares the encoding of, is written in UTF-8 (``Menü``). A reference
the source writes stays as written (``&copy;``: :mod:`ltmt.formats.html_writing`). An XHTML
page (``.xhtml``, an XML declaration, ``<html xmlns="http://www.w3.org/1999/xhtml">``) gets the
references XML reads (``&#160;``, not ``&nbsp;``).

An existing output is the translation so far (as for app catalogs): where it has the source's
runs and attribute values, one with other text than the source's is kept, as written, and so
is the markup around a whole kept run that someone set there (a link to a German page:
:mod:`ltmt.formats.html_kept_markup`); ``--overwrite`` translates all. Text that is not
translated (a ``<pre>``'s) is written as the source's; an edit of it there is named in a
warning. ``ltmt memory import de/index.html --source-file index.html`` stores the pairs of
two such pages' runs and attribute values.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, decode, read_bytes, source_file_given
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.html_blocks_kept import EmbeddedHtml, refuse_added_pieces, source_markups
from ltmt.formats.html_kept_markup import (
    AROUND,
    KeptMarkups,
    Markup,
    kept_markups,
    markup_around,
)
from ltmt.formats.html_kept_text import warn_of_reverted
from ltmt.formats.html_segments import (
    HTML,
    AttributeValue,
    Dialect,
    Run,
    Segments,
    line_up,
    line_up_output,
    segments,
)
from ltmt.formats.html_writing import written_html
from ltmt.formats.not_read import NO_WORDS, NotRead
from ltmt.formats.output_sources import Record
from ltmt.formats.placeholder_syntax import has_words
from ltmt.formats.recorded_places import (
    UNPLACED,
    warn_of_replaced,
    warn_of_unplaced,
)
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few, shortened

logger = logging.getLogger(__name__)

WHAT = "an HTML page"
_XHTML_SUFFIXES = frozenset({".xhtml", ".xht"})
_WINDOWS_READ = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
# an XHTML page's XML declaration (<?xml version="1.0" encoding="UTF-8"?>)
_XML_DECLARATION = re.compile(rb"""<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# what makes a text a page of its own, which a browser reads by itself, not a fragment of one
_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|head|title|body|meta)\b", re.IGNORECASE)
_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML page's bytes declare (a byte order mark, an XML declaration,
    ``<meta charset>``: module docstring), as Python names it, or None."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    declared = _XML_DECLARATION.match(data) or _CHARSET.search(data[:1024])
    if declared is None:
        return None
    try:
        return codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_page(data: bytes, path: Path) -> tuple[str, str]:
    """An HTML page's text, and the encoding its translation is written in (module
    docstring)."""
    declared = declared_encoding(data)
    if declared in _WINDOWS_READ:
        # browsers read a page labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding
        # standard); written in the label's own encoding, what Windows-1252 adds (“—”) is a
        # reference, which every reader takes
        return decode(data, path, "cp1252"), declared
    if declared is not None:
        return decode(data, path, declared), declared
    try:
        text = decode(data, path)
    except InputError as not_utf8:
        try:
            fallback = decode(data, path, "cp1252")
        except InputError:
            # path:line:column: byte 0x.. is not valid UTF-8
            where = str(not_utf8).split(" is not valid")[0] + " is not valid UTF-8"
            raise InputError(
                f"{where}, and the page declares no encoding (nor is it Windows-1252): declare "
                'it (<meta charset="...">) or convert the page to UTF-8'
            ) from None
        logger.warning(
            "%s declares no encoding and is not UTF-8: read and written as Windows-1252, as "
            "browsers read it (declare <meta charset> if it is another)",
            path,
        )
        return fallback, "cp1252"
    # an undeclared page of ASCII alone is read by each browser in its own locale's encoding:
    # what the translation adds beyond ASCII is written as references; a fragment is read in
    # the encoding of the page that includes it (a site's, UTF-8)
    whole = _WHOLE_PAGE.search(text) is not None
    return text, "ascii" if text.isascii() and whole else "utf-8"


def _undeclared_utf8(path: Path) -> bool:
    """Whether the file at ``path`` is an HTML page that declares no encoding and is UTF-8
    beyond ASCII: the output so far of an ASCII page, which a reviewer edited in UTF-8."""
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return not data.isascii() and declared_encoding(data) is None


def lined_up_pairs(
    path: Path,
    source_file: Path,
    aligned: list[tuple[str, str, str]],
    units: int,
    what: str,
    not_read: NotRead | None = None,
) -> Iterator[PairRecord]:
    """The pairs of a translated file ``path`` (``what`` it is: a page, a book) whose units
    (``units`` in its ``source_file``) were ``aligned`` (key, source, translation) with the
    source's; an :class:`InputError` when fewer than half of them line up (not a translation of
    it), in words that fit each command that reads such pairs (``memory import``, ``qa``). A
    unit translated as its source (``Option``, a product's name) is a pair, as it is in a PO
    catalog or a TMX: an import counts every unit it reads. Given ``not_read`` (an import), a
    pair of codes alone, a side without a word outside its placeholders and tags (a Handlebars
    page's ``{{#if trial}}``, ``{{else}}``, ``{{/each}}``: nothing worth storing), is left out
    and counted there as ``no words``, as the TMX reader does (``qa`` still reads it)."""
    if units and len(aligned) < units / 2:
        raise InputError(
            f"{path}: its text does not line up with {source_file}'s ({len(aligned)} of "
            f"{units} paragraphs, headings, cells or attributes to translate do); give as "
            f"--source-file the {what} it was translated from"
        )
    pairs = [
        PairRecord(source, translation, f"{path}: {key}", {})
        for key, source, translation in aligned
    ]
    if not_read is not None:
        worded = [pair for pair in pairs if has_words(pair.source) and has_words(pair.target)]
        not_read.add(NO_WORDS, len(pairs) - len(worded))
        pairs = worded
    return iter(pairs)


class HtmlDocument(TranslationsHeld):
    """An HTML page to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "html"
    what_is_filled = "text"
    # what the file is, in messages (one of them; a translation given as another's); its
    # markup's vocabulary (an XML one read alike: :mod:`ltmt.formats.dita`)
    what: ClassVar[str] = WHAT
    one: ClassVar[str] = "page"
    dialect: ClassVar[Dialect] = HTML

    def __init__(
        self, path: Path, data: bytes, tgt_lang: str = "de", src_lang: str | None = None
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data
        self.text, self.encoding = decode_page(data, self.path)
        self.tgt_lang = tgt_lang
        # (the source's language tells the elements of another, kept as written, and the
        # marks of its own, set to the target's; a translation is read without it)
        try:
            self.found: Segments = segments(self.text, src_lang, self.dialect)
        except UnclosedMarkupError as unreadable:
            raise unreadable.at(str(self.path)) from None
        self.adopted: dict[str, tuple[str, str]] = {}  # key: (its source there, as written)
        # the key in the output of the piece each was taken from, under which the record of
        # what ltmt wrote there holds it (:class:`~ltmt.formats.output_sources.Moved`)
        self.output_keys: dict[str, str] = {}
        # the output's markups around runs written in place of the source's where their kept
        # translations are (:mod:`ltmt.formats.html_kept_markup`: a reviewer's link to a
        # German page)
        self.kept_around = KeptMarkups()
        self.adopted_from: Path | None = None

    @classmethod
    def open(
        cls, path: Path, tgt_lang: str = "de", src_lang: str | None = None, **_: Any
    ) -> HtmlDocument:
        return cls(Path(path), read_bytes(Path(path), cls.what), tgt_lang, src_lang)

    def units(self) -> list[Unit]:
        return [Unit(piece.key, piece.source) for piece in self.found.pieces()]

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this page's translation so far) holds, lined
        up by their shapes (:meth:`adopt_recorded` without a record)."""
        return self.adopt_recorded(target, None)

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over the translations ``target`` (this page's translation so far) holds: the
        runs and attribute values that stand for ours (``record``: what ltmt last wrote there,
        :mod:`ltmt.formats.output_sources`) whose text is not the source's. A reviewer's edit
        that no run stands for any more is named in a warning, as is an edit of text the page's
        translation does not hold (:mod:`ltmt.formats.html_kept_text`)."""
        adopted = 0
        text, _ = decode_page(read_bytes(Path(target), self.what), Path(target))
        theirs = segments(text, dialect=self.dialect)
        if record is not None:
            self._refuse_added_pieces(Path(target), EmbeddedHtml(text, theirs, str), record)
        pairs, placed = line_up_output(self.found, theirs, record)
        for piece, other in pairs:
            # a piece lined up by its text, not its place: what the record holds at that
            # place is another piece's (:class:`~ltmt.formats.output_sources.Moved`)
            self.output_keys[piece.key] = other.key if placed else UNPLACED + other.key
            if other.source != piece.source:
                self.translations[piece.key] = other.source
                self.adopted[piece.key] = (other.source, text[other.start : other.end])
                adopted += 1
        self.kept_around = kept_markups(self._markups(text, theirs, pairs), record)
        self.adopted_from = Path(target)
        warn_of_reverted(Path(target), (self.text, self.found), (text, theirs))
        taken = {other.key for _, other in pairs}
        dropped = [(p.key, p.source) for p in theirs.pieces() if p.key not in taken]
        if record is not None and placed:
            warn_of_replaced(Path(target), record, dropped)
        else:
            unplaced = [key for key, source in dropped if has_words(source)]
            warn_of_unplaced(Path(target), self.path, unplaced, record is not None)
        return adopted

    def _refuse_added_pieces(self, target: Path, theirs: EmbeddedHtml, record: Record) -> None:
        """Refuse ``target`` (this page's translation so far, whose runs and values are
        ``theirs``) where it has more of them with words than this page and than ``record``
        (what ltmt wrote there) holds: a reviewer added a paragraph, and beside it which of the
        paragraphs stands for which English cannot be told (trial s75: the rerun dropped the
        added note and translated the paragraph edited before it again, with a warning alone;
        :func:`~ltmt.formats.html_blocks_kept.refuse_added_pieces`)."""
        # read as the output is, the source's language aside: a block of another language
        # (``<p lang="fr">``), not translated, is in both files and no block added
        mine = EmbeddedHtml(self.text, segments(self.text, dialect=self.dialect), str)
        refuse_added_pieces(str(target), self.path, mine, theirs, record)

    def _markups(
        self,
        text: str,
        theirs: Segments,
        pairs: list[tuple[Run | AttributeValue, Run | AttributeValue]],
    ) -> list[tuple[str, str, Markup, Markup]]:
        """The markups around the runs of ``pairs`` (this page's pieces lined up with those of
        the output ``text``, which holds ``theirs``) on both sides, each with the run's key and
        the name the record of the output keeps its markup under
        (:func:`~ltmt.formats.html_kept_markup.kept_markups`)."""
        found = []
        for piece, other in pairs:
            if not isinstance(piece, Run) or not isinstance(other, Run):
                continue
            mine = markup_around(self.text, piece, self.found)
            their_markup = markup_around(text, other, theirs)
            if mine is not None and their_markup is not None:
                name = AROUND + self.output_keys[piece.key]
                found.append((piece.key, name, mine, their_markup))
        return found

    def source_values_written(self) -> dict[str, str]:
        """The source's markup around each run that has some, as the record of the output
        keeps it, so that a later run tells ltmt's copy of it in the output from markup
        someone set there (:mod:`ltmt.formats.html_kept_markup`)."""
        return source_markups([EmbeddedHtml(self.text, self.found, str)])

    def aligned(self, target: Path) -> Iterator[tuple[str, str, str, str]]:
        """Each unit's key and source beside the text that stands for it in ``target`` (this
        page's translation), as the model sees it and as written there
        (:func:`~ltmt.formats.html_segments.line_up`). Where the translation put an inline
        element of the source's run around all its words (``<span class="sr-only">Close</span>
        &#215;`` → ``<span class="sr-only">Schließen &#215;</span>``), that element is part of
        its text (qa said it lacked the ``<span>``)."""
        text, _ = decode_page(read_bytes(target, self.what), target)
        for piece, other in line_up(self.found, segments(text, dialect=self.dialect)):
            theirs = other.source
            if isinstance(other, Run) and other.around[0] and other.around[0] in piece.source:
                theirs = other.with_around
            yield piece.key, piece.source, theirs, text[other.start : other.end]

    @classmethod
    def pairs(
        cls,
        path: Path,
        source_file: Path | None = None,
        not_read: NotRead | None = None,
        **_: Any,
    ) -> Iterator[PairRecord]:
        """The run and attribute pairs of the translated page ``path`` and its
        ``source_file``; given ``not_read``, pairs of codes alone are left out and counted
        there (:func:`lined_up_pairs`)."""
        source_file = source_file_given(path, cls.what, source_file)
        document = cls.open(Path(source_file))
        aligned = [(key, source, theirs) for key, source, theirs, _ in document.aligned(path)]
        units = len(document.units())
        paired = lined_up_pairs(path, source_file, aligned, units, cls.one, not_read)
        keys = {key for key, _, _ in aligned}
        left = [unit.source for unit in document.units() if unit.key not in keys]
        if left:  # a paragraph the translator added, two list items they merged
            logger.warning(
                "%s: %s of %s line up with none of its own and %s left out (%s); "
                "check that the %ss have the same blocks",
                path,
                counted(len(left), "block"),
                source_file,
                "is" if len(left) == 1 else "are",
                first_few(repr(shortened(source, 40)) for source in left),
                cls.one,
            )
        return paired

    def kept_written(self) -> set[str]:
        """The keys of the runs and values written as the output so far has them: their kept
        translations."""
        return {
            key for key, (text, _) in self.adopted.items() if self.translations.get(key) == text
        }

    def translated_text(self) -> str:
        """The page with its translations and the target language's marks in."""
        return written_html(
            self.text,
            self.found,
            self.translations,
            self.adopted,
            tgt_lang=self.tgt_lang,
            around=self.kept_around.written(self.kept_written()),
            xml=self.path.suffix.lower() in _XHTML_SUFFIXES,
        )

    def save(self, out_path: Path) -> None:
        if self.adopted_from is not None:
            self.kept_around.warn(self.adopted_from, self.kept_written())
        text = self.translated_text()
        mark = codecs.BOM_UTF8 if self.data.startswith(codecs.BOM_UTF8) else b""
        encoding = self.encoding
        if encoding == "ascii" and _undeclared_utf8(Path(out_path)):
            encoding = "utf-8"  # a reviewer's zurücksetzen stays as written, not zur&#252;...
        atomic_write(Path(out_path), mark + text.encode(encoding, "xmlcharrefreplace"))
