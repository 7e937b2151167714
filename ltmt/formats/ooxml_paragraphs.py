"""An Office paragraph's text and formatting as tagged text the pipeline translates, and back.

Office Open XML writes a paragraph three ways: Word's (``<w:p>``, WordprocessingML),
DrawingML's (``<a:p>``: PowerPoint's slides and notes, shapes, charts) and a spreadsheet's
strings (``<si>``, ``<is>``, SpreadsheetML: :data:`Vocabulary` names each). All hold runs
(``<r>``) of text that share a formatting (``<rPr>``); Word's sit inside links, content
controls, smart tags and tracked insertions, DrawingML's carry their link in their formatting,
and a spreadsheet's string in one formatting is its text alone. Between them is
what is not text: bookmarks, footnote references, pictures, fields. The model reads one string,
so :func:`read_paragraph` makes it one (:mod:`ltmt.formats.tagged_paragraphs`):

    Regular text <g id="1">italics</g> and <g id="2">bold</g>.<x id="3"/>

The formatting most of the paragraph's letters have is plain text; each stretch in another
formatting (or in a link) is a pair ``<g id="n">``, which :mod:`ltmt.formats.paired_tags` keeps
out of the model's way and puts back around the words that translate it; each stretch of things
that are not text is a placeholder ``<x id="n"/>`` that the translation keeps. Those at the
paragraph's ends (a heading's bookmark) stay out of the string altogether, but a simple field
showing its result (``<w:fldSimple>``: ``Page <x id="1"/>1<x id="2"/> of <x id="3"/>``) is a
placeholder of it, as its words read it.
Tabs and line breaks are ``\\t`` and ``\\n`` (the pipeline keeps a line's columns and lines),
Word's non-breaking hyphen (``<w:noBreakHyphen/>``) is U+2011, and each comes back an element.

:func:`write_paragraph` fills a paragraph with a translation: a run for each stretch, in the
formatting and the links its tag stands for, and every placeholder's elements moved back whole,
so nothing that was not text is lost (one the translation dropped goes to the paragraph's end).
What Word recomputes is left out: proofing marks and page-break hints.
:func:`relabel_languages` sets the proofing language of a part's text to the target language.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from ltmt.formats.common import lang_matches, primary_language
from ltmt.formats.tagged_paragraphs import (
    MONOSPACED,
    ParagraphText,
    Stretch,
    Wrappers,
    in_source_terms,
    tagged_paragraph,
    translation_items,
)
from ltmt.formats.word_styles import NO_STYLES, W_NS, W, WordStyles, latin_font

__all__ = ["ParagraphText", "in_source_terms", "read_paragraph", "write_paragraph"]

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Word's <w:noBreakHyphen/> as a character, and back
NO_BREAK_HYPHEN = "\u2011"


@dataclass(frozen=True)
class Vocabulary:
    """The names one way of writing paragraphs uses (tags are ``{namespace}name``)."""

    namespace: str
    wrappers: frozenset[str]  # elements around runs whose text is the paragraph's
    dropped: frozenset[str]  # recomputed by the application: left out of a written paragraph
    unseen: frozenset[str]  # run properties' children that do not show in the text
    unseen_attributes: frozenset[str]  # and their attributes that do not
    kept_first: frozenset[str]  # the paragraph's children kept in place at its start
    kept_last: frozenset[str]  # and at its end
    # tabs and line breaks: elements in runs (Word), line breaks beside runs (DrawingML), or
    # characters in the text (SpreadsheetML)
    breaks: Literal["in runs", "beside runs", "characters"]

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}"


def _names(namespace: str, *names: str) -> frozenset[str]:
    return frozenset(f"{{{namespace}}}{name}" for name in names)


WORD = Vocabulary(
    W_NS,
    # links, content controls, smart tags, custom XML, tracked insertions and moves, direction
    wrappers=_names(W_NS, "hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo"),
    dropped=_names(W_NS, "proofErr", "lastRenderedPageBreak", "softHyphen"),
    unseen=_names(W_NS, "lang", "noProof", "rPrChange"),  # spelling, proofing, revisions
    unseen_attributes=frozenset(),
    kept_first=_names(W_NS, "pPr"),
    kept_last=frozenset(),
    breaks="in runs",
)
DRAWING = Vocabulary(
    A_NS,
    wrappers=frozenset(),
    dropped=frozenset(),
    unseen=frozenset(),
    # spelling language, spelling and grammar marks, smart tags, bookmarks
    unseen_attributes=frozenset(
        {"lang", "altLang", "dirty", "err", "noProof", "smtClean", "smtId", "bmk"}
    ),
    kept_first=_names(A_NS, "pPr"),
    kept_last=_names(A_NS, "endParaRPr"),
    breaks="beside runs",
)
SPREADSHEET = Vocabulary(
    S_NS,
    wrappers=frozenset(),
    dropped=frozenset(),
    unseen=frozenset(),
    unseen_attributes=frozenset(),
    kept_first=frozenset(),
    kept_last=_names(S_NS, "phoneticPr"),
    breaks="characters",
)
# Word's tracked changes, whose ids a document's revisions must not share
_REVISIONS = _names(W_NS, "ins", "del", "moveTo", "moveFrom")
# and those that insert text
_INSERTIONS = _names(W_NS, "ins", "moveTo")
_VOCABULARIES = {W: WORD, f"{{{A_NS}}}": DRAWING, f"{{{S_NS}}}": SPREADSHEET}
# SpreadsheetML's escape of a character by its code (_x000D_ for a carriage return), and the
# characters a cell's text writes so: those XML cannot hold, and a carriage return
_ESCAPED_CHARACTER = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TO_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
# Word styles for code: pandoc's SourceCode and VerbatimChar, Word's HTML Code, Preformatted,
# Keyboard, Sample, Typewriter and Variable, and any named Code
_CODE_STYLE = re.compile(
    r"(?i)code|verbatim|preformatted|html(?:keyboard|sample|typewriter|variable)"
)


def read_paragraph(
    paragraph: Any, plain_style: str | None = None, styles: WordStyles = NO_STYLES
) -> ParagraphText:
    """``paragraph`` (a ``<w:p>`` or an ``<a:p>``) as :class:`ParagraphText`; ``plain_style``:
    the style to write as plain text (by default the one most of its letters have);
    ``styles``: the fonts of a Word document's styles, which make a run in a style code. A
    spreadsheet's string is read as written, its markup as markup, as a CSV cell's is
    (:func:`~ltmt.formats.tagged_paragraphs.tagged_paragraph`)."""
    vocabulary = _vocabulary_of(paragraph)
    is_code = _code_test(vocabulary, paragraph, styles)
    pieces = _pieces(vocabulary, paragraph, (), is_code)
    read = tagged_paragraph(pieces, plain_style, _is_field, as_written=vocabulary is SPREADSHEET)
    return replace(read, insertions=_insertions(read))


def _insertions(read: ParagraphText) -> tuple[int, ...]:
    """The numbers of ``read``'s pairs that stand for a tracked insertion (or a move's new
    place)."""
    return tuple(
        number
        for number, index in read.ids.items()
        if any(wrapper.tag in _INSERTIONS for wrapper in read.stretches[index].wrappers)
        and not read.stretches[index].is_code
    )


def write_paragraph(paragraph: Any, read: ParagraphText, translation: str) -> None:
    """Make ``translation`` (tagged as ``read.text`` is) the content of ``paragraph``, whose
    reading ``read`` is."""
    items = translation_items(read, translation)
    vocabulary = _vocabulary_of(paragraph)
    last = []
    for child in list(paragraph):
        if child.tag not in vocabulary.kept_first:
            paragraph.remove(child)
            if child.tag in vocabulary.kept_last:
                last.append(child)
    _Builder(paragraph, vocabulary).add_all(items)
    paragraph.extend(last)
    runs = paragraph.findall(vocabulary.tag("r"))
    if vocabulary is SPREADSHEET and len(runs) == 1 and runs[0].find(vocabulary.tag("rPr")) is None:
        paragraph.replace(runs[0], runs[0][0])  # a string in one formatting: its text alone


def relabel_languages(root: Any, src_lang: str, tgt_lang: str) -> None:
    """Set every proofing language of the source's language (``en-US`` for ``en``) under
    ``root`` to ``tgt_lang``: Word's ``<w:lang w:val>`` of runs, paragraph marks and styles,
    DrawingML's ``lang`` of runs and text styles."""
    primary = primary_language(src_lang)
    drawing = f"{{{A_NS}}}"
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        name = f"{W}val" if tag == f"{W}lang" else "lang" if tag.startswith(drawing) else None
        if name and element.get(name) and lang_matches(element.get(name), primary):
            element.set(name, tgt_lang)


def _escaped_character(found: re.Match[str]) -> str:
    return f"_x{ord(found.group()):04X}_"


def _vocabulary_of(paragraph: Any) -> Vocabulary:
    return _VOCABULARIES[paragraph.tag[: paragraph.tag.index("}") + 1]]


def _pieces(
    vocabulary: Vocabulary,
    container: Any,
    wrappers: tuple[Any, ...],
    is_code: Callable[[Any], bool],
) -> Iterator[Stretch]:
    """The stretches of ``container``'s content, one per run child, wrapper or other element
    (a run ``is_code`` says is code is kept whole)."""
    tag_of = vocabulary.tag
    for child in container:
        tag = child.tag
        if (
            not isinstance(tag, str)
            or tag in vocabulary.kept_first
            or tag in vocabulary.kept_last
            or tag in vocabulary.dropped
        ):
            continue
        if tag == tag_of("r") and is_code(child):
            yield Stretch(wrappers, codes=[(None, child)])  # kept whole, as it is
        elif tag == tag_of("r"):
            yield from _run_pieces(vocabulary, child, wrappers)
        elif tag in vocabulary.wrappers:
            yield from _pieces(vocabulary, child, (*wrappers, child), is_code)
        elif tag == f"{W}sdt" and child.find(f"{W}sdtContent") is not None:
            content = child.find(f"{W}sdtContent")
            yield from _pieces(vocabulary, content, (*wrappers, child, content), is_code)
        elif tag == tag_of("t") and vocabulary is SPREADSHEET:  # a string without runs
            yield Stretch(wrappers, text=_run_text(vocabulary, child) or "")
        elif tag == tag_of("br") and vocabulary.breaks == "beside runs":
            properties = child.find(tag_of("rPr"))
            yield Stretch(wrappers, properties, _style(vocabulary, wrappers, properties), "\n")
        else:
            yield Stretch(wrappers, codes=[(None, child)])


def _is_field(stretch: Stretch) -> bool:
    """Whether a code stretch is read as words of its paragraph: a simple field that shows its
    result (``Page <x/>1<x/> of <x/>``, a ``NUMPAGES`` at the end: kept out, the model dropped
    the ``of``)."""
    return stretch.is_code and any(
        element.tag == f"{W}fldSimple" and "".join(element.itertext()).strip()
        for _, element in stretch.codes
    )


def _code_test(vocabulary: Vocabulary, paragraph: Any, styles: WordStyles) -> Callable[[Any], bool]:
    """What tells whether a run of ``paragraph`` is code: every run of a Word paragraph in a
    style for code (pandoc's ``SourceCode``) is; else a run in a monospaced font."""
    if vocabulary is not WORD:
        return lambda run: _is_code(vocabulary, run)
    if _in_code_style(paragraph.find(f"{W}pPr/{W}pStyle")):
        return lambda run: True
    return lambda run: _is_word_code(run, styles)


def _is_word_code(run: Any, styles: WordStyles) -> bool:
    """Whether the Word ``run`` is code: in a character style for code (pandoc's
    ``VerbatimChar``, Word's ``HTMLCode``) or in a monospaced font (``Consolas``, ``Courier
    New``), its own, else its character style's. A paragraph style's font does not count: a
    heading or a body text set in Consolas is prose (its text went untranslated)."""
    properties = run.find(f"{W}rPr")
    character_style = None if properties is None else properties.find(f"{W}rStyle")
    if _in_code_style(character_style):
        return True
    font = latin_font(properties) or styles.font(
        None if character_style is None else character_style.get(f"{W}val")
    )
    return bool(font and MONOSPACED.search(font))


def _is_code(vocabulary: Vocabulary, run: Any) -> bool:
    """Whether the DrawingML or spreadsheet ``run`` is code: in a monospaced font
    (``Consolas``, ``Courier New``)."""
    properties = run.find(vocabulary.tag("rPr"))
    if properties is None:
        return False
    if vocabulary is SPREADSHEET:
        font = properties.find(f"{{{S_NS}}}rFont")
        return font is not None and bool(MONOSPACED.search(font.get("val") or ""))
    latin = properties.find(f"{{{A_NS}}}latin")
    return latin is not None and bool(MONOSPACED.search(latin.get("typeface") or ""))


def _in_code_style(style: Any) -> bool:
    """Whether a Word style reference (``<w:pStyle>``, ``<w:rStyle>``) names a style for code."""
    return style is not None and bool(_CODE_STYLE.search(style.get(f"{W}val") or ""))


def _run_pieces(vocabulary: Vocabulary, run: Any, wrappers: tuple[Any, ...]) -> Iterator[Stretch]:
    properties = run.find(vocabulary.tag("rPr"))
    style = _style(vocabulary, wrappers, properties)
    for child in run:
        tag = child.tag
        if not isinstance(tag, str) or child is properties or tag in vocabulary.dropped:
            continue
        text = _run_text(vocabulary, child)
        if text is None:
            yield Stretch(wrappers, properties, style, codes=[(run, child)])
        elif text:
            yield Stretch(wrappers, properties, style, text)


def _run_text(vocabulary: Vocabulary, child: Any) -> str | None:
    """The text a run's child stands for, or None if it is not text."""
    tag = child.tag
    if tag == vocabulary.tag("t") and vocabulary is SPREADSHEET:
        return _ESCAPED_CHARACTER.sub(lambda found: chr(int(found.group(1), 16)), child.text or "")
    if tag == vocabulary.tag("t"):
        return child.text or ""
    if vocabulary is not WORD:
        return None
    if tag == f"{W}tab":
        return "\t"
    if tag == f"{W}cr" or (
        tag == f"{W}br" and child.get(f"{W}type", "textWrapping") == "textWrapping"
    ):
        return "\n"
    if tag == f"{W}noBreakHyphen":
        return NO_BREAK_HYPHEN
    return None


def _style(vocabulary: Vocabulary, wrappers: tuple[Any, ...], properties: Any) -> str:
    """A run's formatting as a string: its properties but those not seen, and its wrappers."""
    from lxml import etree

    shown = ""
    if properties is not None:
        kept = copy.deepcopy(properties)
        for name in vocabulary.unseen_attributes:
            kept.attrib.pop(name, None)
        for child in list(kept):
            if child.tag in vocabulary.unseen:
                kept.remove(child)
            elif child.tag == f"{W}rFonts":
                child.attrib.pop(f"{W}hint", None)
                if not child.attrib:
                    kept.remove(child)
        if len(kept) or kept.attrib:
            shown = etree.tostring(kept, encoding="unicode")
    return shown + "".join(_wrapper_tag(wrapper) for wrapper in wrappers)


def _wrapper_tag(wrapper: Any) -> str:
    attributes = sorted(
        (name, value) for name, value in wrapper.attrib.items() if "rsid" not in name
    )
    return f"<{wrapper.tag} {attributes}>"


class _Builder:
    """Appends runs and moved elements to a paragraph, inside copies of their wrappers."""

    def __init__(self, paragraph: Any, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.paragraph = paragraph
        self.copied: list[Any] = []  # the tracked changes copied so far
        self.wrappers = Wrappers(paragraph, self._wrapper_copy)

    def _wrapper_copy(self, wrapper: Any) -> Any:
        """A bare copy of ``wrapper``; a tracked change copied again (its words split by others
        in the translation) gets an id no other element of the part has: Word refuses a
        document whose revisions share one."""
        made = _bare_copy(wrapper)
        if wrapper.tag in _REVISIONS and wrapper.get(f"{W}id") is not None:
            if any(copied is wrapper for copied in self.copied):
                made.set(f"{W}id", str(_largest_id(self.paragraph.getroottree().getroot()) + 1))
            self.copied.append(wrapper)
        return made

    def add_all(self, items: list[tuple[Stretch, str]]) -> None:
        for stretch, text in items:
            if stretch.is_code:
                for run, element in stretch.codes:
                    self.wrappers.container(stretch.wrappers).append(self._code(run, element))
            elif text:
                for element in self._runs(stretch, text):
                    self.wrappers.container(stretch.wrappers).append(element)

    def _code(self, run: Any, element: Any) -> Any:
        element.tail = None
        if run is None:
            return element
        made = _bare_copy(run)  # with its properties
        made.append(element)
        return made

    def _runs(self, stretch: Stretch, text: str) -> Iterator[Any]:
        """The runs (and, in DrawingML, the line breaks between them) of ``text``."""
        from lxml import etree

        tag = self.vocabulary.tag
        breaks = self.vocabulary.breaks
        run = None
        pattern = {
            "in runs": rf"(\t|\n|{NO_BREAK_HYPHEN})",
            "beside runs": r"(\n)",
            "characters": r"(?!)",
        }[breaks]
        for part in re.split(pattern, text):
            if not part:
                continue
            if part == "\n" and breaks == "beside runs":
                run = None
                yield self._with_properties(etree.Element(tag("br")), stretch)
                continue
            if run is None:
                run = self._with_properties(etree.Element(tag("r")), stretch)
                yield run
            if part == "\t":
                etree.SubElement(run, tag("tab"))
            elif part == "\n":
                etree.SubElement(run, tag("br"))
            elif part == NO_BREAK_HYPHEN:
                etree.SubElement(run, tag("noBreakHyphen"))
            else:
                written = etree.SubElement(run, tag("t"))
                written.text = part
                if breaks == "characters":
                    written.text = _TO_ESCAPE.sub(_escaped_character, part)
                if part != part.strip() and breaks != "beside runs":
                    written.set(XML_SPACE, "preserve")

    def _with_properties(self, element: Any, stretch: Stretch) -> Any:
        if stretch.properties is not None:
            properties = copy.deepcopy(stretch.properties)
            properties.tag = self.vocabulary.tag("rPr")
            element.append(properties)
        return element


def _largest_id(root: Any) -> int:
    """The largest number a ``w:id`` under ``root`` has (0 if none)."""
    numbers = (element.get(f"{W}id") for element in root.iter())
    return max((int(number) for number in numbers if number and number.isdigit()), default=0)


def _bare_copy(element: Any) -> Any:
    """``element`` with its attributes and its property children (``*Pr``), no content."""
    from lxml import etree

    made = etree.Element(element.tag, attrib=dict(element.attrib), nsmap=element.nsmap)
    for child in element:
        if isinstance(child.tag, str) and child.tag.endswith(("Pr", "EndPr")):
            made.append(copy.deepcopy(child))
    return made
