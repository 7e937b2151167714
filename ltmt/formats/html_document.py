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

The page's encoding is its byte order mark's, its ``<meta charset>`` (or ``http-equiv``
content type) in the first 1,024 bytes, else UTF-8 where it reads as such and Windows-1252
where it does not (as browsers read an undeclared page in Western locales; said in a warning).
The translation is written in the same one, a character it cannot hold as a numeric character
reference (``&#8594;``); an undeclared page of ASCII alone stays ASCII (``f&#252;r``), which
every browser reads alike.

An existing output is the translation so far (as for app catalogs): where it has the source's
runs and attribute values, one with other text than the source's is kept, as written;
``--overwrite`` translates all. ``ltmt memory import de/index.html --source-file index.html``
stores the pairs of two such pages' runs and attribute values.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import html
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, decode, read_bytes, source_file_given
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.html_segments import Run, Segments, segments
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

WHAT = "an HTML page"
_WINDOWS_READ = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_TAG = re.compile(r"<[^<>]*>")
# an ampersand that starts no character reference (the model's "&"): written as &amp;
_BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML page's bytes declare (a byte order mark, ``<meta charset>``, module
    docstring), as Python names it, or None."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    declared = _CHARSET.search(data[:1024])
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
    except InputError:
        logger.warning(
            "%s declares no encoding and is not UTF-8: read and written as Windows-1252, as "
            "browsers read it (declare <meta charset> if it is another)",
            path,
        )
        return decode(data, path, "cp1252"), "cp1252"
    # an undeclared page of ASCII alone is read by each browser in its own locale's encoding:
    # what the translation adds beyond ASCII is written as references
    return text, "utf-8" if not text.isascii() else "ascii"


class HtmlDocument(TranslationsHeld):
    """An HTML page to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "html"
    what_is_filled = "text"

    def __init__(self, path: Path, data: bytes, tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data
        self.text, self.encoding = decode_page(data, self.path)
        self.tgt_lang = tgt_lang
        self.found: Segments = segments(self.text)
        self._by_start = sorted(self.found.attributes, key=lambda value: value.start)
        self._starts = [value.start for value in self._by_start]
        self.adopted: dict[str, tuple[str, str]] = {}  # key: (its source there, as written)

    @classmethod
    def open(cls, path: Path, tgt_lang: str = "de", **_: Any) -> HtmlDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang)

    def units(self) -> list[Unit]:
        return [Unit(piece.key, piece.source) for piece in self.found.pieces()]

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this page's translation so far) holds: the
        runs and attribute values in the same places whose text is not the source's."""
        adopted = 0
        for key, source, theirs, written in self.aligned(Path(target)):
            if theirs != source:
                self.translations[key] = theirs
                self.adopted[key] = (theirs, written)
                adopted += 1
        return adopted

    def aligned(self, target: Path) -> Iterator[tuple[str, str, str, str]]:
        """Each unit's key and source beside the text that stands for it in ``target``, as
        the model sees it and as written there: the two pages' runs and values lined up by
        their shapes (kind, tags, attribute), so that a paragraph a translator added or
        removed, or a run whose tags the model changed, leaves the rest in line (a stretch of
        as many pieces of the same kinds on both sides lines up too)."""
        text, _ = decode_page(read_bytes(target, WHAT), target)
        mine, theirs = self.found.pieces(), segments(text).pieces()
        matcher = difflib.SequenceMatcher(
            a=[piece.shape for piece in mine], b=[piece.shape for piece in theirs], autojunk=False
        )
        for tag, first, last, their_first, their_last in matcher.get_opcodes():
            if tag == "equal" or (
                tag == "replace"
                and last - first == their_last - their_first
                and all(
                    type(a) is type(b)
                    for a, b in zip(mine[first:last], theirs[their_first:their_last], strict=True)
                )
            ):
                for piece, other in zip(
                    mine[first:last], theirs[their_first:their_last], strict=True
                ):
                    written = text[other.start : other.end]
                    yield piece.key, piece.source, other.source, written

    @classmethod
    def pairs(cls, path: Path, source_file: Path | None = None, **_: Any) -> Iterator[PairRecord]:
        """The run and attribute pairs of the translated page ``path`` and its
        ``source_file``."""
        source_file = source_file_given(path, WHAT, source_file)
        document = cls.open(Path(source_file))
        aligned = list(document.aligned(Path(path)))
        pieces = len(document.found.pieces())
        if pieces and len(aligned) < pieces / 2:
            raise InputError(
                f"{path}: its text does not line up with {source_file}'s ({len(aligned)} of "
                f"{pieces} paragraphs, headings, cells or attributes to translate do); import "
                "the pages a translator made of each other"
            )
        return iter(
            [
                PairRecord(source, theirs, f"{path}: {key}", {})
                for key, source, theirs, _ in aligned
                if theirs != source
            ]
        )

    def translated_text(self) -> str:
        """The page with its translations and the target language's marks in."""
        edits: list[tuple[int, int, str]] = []
        runs = [run for run in self.found.runs if run.key in self.translations]
        for run in runs:
            edits.append((run.start, run.end, self._run(run, self.translations[run.key])))
        covered = sorted((run.start, run.end) for run in runs)
        starts = [start for start, _ in covered]
        for value in self.found.attributes:
            translation = self.translations.get(value.key)
            if translation is None or _inside(value.start, starts, covered):
                continue  # (one in a translated run's tag is written with the run)
            edits.append((value.start, value.end, self._attribute(value.key, translation)))
        for start, end in self.found.languages:
            quote = self.text[start] if self.text[start] in "\"'" else '"'
            edits.append((start, end, f"{quote}{self.tgt_lang}{quote}"))
        if self.found.lang_insert is not None:
            at = self.found.lang_insert
            edits.append((at, at, f' lang="{self.tgt_lang}"'))
        pieces: list[str] = []
        position = 0
        for start, end, written in sorted(edits):
            pieces += [self.text[position:start], written]
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)

    def _attribute(self, key: str, translation: str) -> str:
        """An attribute value's translation as written (double-quoted)."""
        adopted = self.adopted.get(key)
        if adopted is not None and adopted[0] == translation:
            return adopted[1]
        return '"' + html.escape(translation, quote=True) + '"'

    def _run(self, run: Run, translation: str) -> str:
        """A run's translation as written: its tags as the page had them (with their
        translated attribute values); a tag that is none of the run's left out and the text
        escaped (:func:`_as_text`): the page's elements stay the source's."""
        adopted = self.adopted.get(run.key)
        if adopted is not None and adopted[0] == translation:
            return adopted[1]
        written: dict[str, str] = {}
        for canonical, start, end in run.tags:
            written.setdefault(canonical, self._tag(start, end))
        parts: list[str] = []
        last = 0
        for tag in _TAG.finditer(translation):
            parts.append(_as_text(translation[last : tag.start()]))
            parts.append(written.get(tag.group(), ""))  # (not the run's: the model's garbage)
            last = tag.end()
        parts.append(_as_text(translation[last:]))
        return "".join(parts)

    def _tag(self, start: int, end: int) -> str:
        """The tag at ``start:end`` as the page has it, with its translated attribute values."""
        tag = self.text[start:end]
        inside = self._by_start[
            bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)
        ]
        for value in reversed(inside):
            translation = self.translations.get(value.key)
            if translation is not None:
                offset = value.start - start
                written = self._attribute(value.key, translation)
                tag = tag[:offset] + written + tag[offset + value.end - value.start :]
        return tag

    def save(self, out_path: Path) -> None:
        text = self.translated_text()
        mark = codecs.BOM_UTF8 if self.data.startswith(codecs.BOM_UTF8) else b""
        atomic_write(Path(out_path), mark + text.encode(self.encoding, "xmlcharrefreplace"))


def _as_text(text: str) -> str:
    """A translation's text between its tags as the page's text: a bare ``&`` as ``&amp;``,
    a ``<`` (the rest of a tag the model garbled: ``<ph id *``) as ``&lt;``, so that it makes
    no element of its own."""
    return _BARE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;")


def _inside(at: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``at`` is inside one of the sorted, disjoint ``spans`` (``starts``: theirs)."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and at < spans[index][1]
