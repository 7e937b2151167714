"""What in an HTML page is translated, and where it stands in the file's text.

An HTML page is read with the standard library's tolerant parser (:mod:`html.parser`, which
takes the unclosed ``<p>`` and ``<li>`` of real pages) for the place of each tag, text and
comment; nothing is rewritten but what is translated. :func:`segments` finds:

- **Runs**: the text between two block boundaries with the inline elements inside it
  (``<a>``, ``<b>``, ``<code>``, ``<img>``, ``<br>`` ...): a paragraph, a heading, a list item,
  a table cell, a button's label, the page's title. Every other tag and a comment is a
  boundary. A run goes to the model as one string in the tagged form every format's pipeline
  handles (:mod:`ltmt.formats.paired_tags`): its tags written canonically (lower case,
  attributes double-quoted, empty elements self-closing: ``<br/>``, ``<img src="..."/>``),
  white space collapsed, character references decoded to their characters (``&rsquo;`` as
  U+2019, ``&nbsp;`` as U+00A0, which the model reads as a space and the translation keeps
  where the source has it: ``Open&nbsp;the file`` was one word to it; ``&amp;`` as ``&``,
  ``&lt;Enter&gt;`` as ``<Enter>``), escaped only where text would read as markup
  (:mod:`ltmt.formats.markup_characters`: the form of every format's segments).
  Elements that wrap a whole run (``<li><a href="...">Home</a></li>``) stay outside it (the
  model sees ``Home``), and so do, at its edges, elements without words (a heading's ``¶``
  link, an empty anchor, an image) and tags whose partner is beyond the run (a ``<span>`` a
  ``<math>`` block cuts).
- **Text in an** ``<svg>`` that people read as its accessible name: its ``<title>`` and
  ``<desc>``, but not one that is an identifier (``icon-close``); its ``<text>`` is drawn (a
  logo's wordmark, a chart's labels, words split over ``<tspan>`` elements) and not
  translated, nor is its other text.
- **A Liquid include's parameters** people read, where includes stand alone in a run's place
  (``{% include note.html content="Back up first." %}`` in a Jekyll include or layout:
  :mod:`ltmt.formats.template_parameters`), as attribute values; the tags otherwise as written.
- **A Magento email template's** ``{{trans "..."}}`` **strings**, where directives alone stand in
  a run's place, and in its ``<!--@subject ... @-->`` comment (:mod:`ltmt.formats.magento_trans`),
  as values written back in the string's quotes; the directives otherwise as written.
- **Attribute values** people read: ``alt``, ``title``, ``placeholder``, ``aria-label``,
  ``aria-description``, ``aria-placeholder``, ``aria-roledescription``, ``aria-valuetext``,
  ``label``
  (``<track>``, ``<option>``), ``abbr`` (``<th>``), a button's ``value`` (``<input
  type="submit">``), and the ``content`` of ``<meta>`` descriptions and titles (``description``,
  ``og:title``, ``twitter:description`` ...).
- **Language marks**: ``<html lang>`` (``xml:lang``) and ``<meta http-equiv="content-language">``,
  set to the target language when the page is written; given the source's language, so is the
  ``lang`` of any other element that names it and whose text is translated (``<main
  lang="en-GB">``); not code's (``<code lang="en">``) nor a link's to a page in that language
  (``<a hreflang="en" lang="en">English</a>``, a language switcher's).
- Given the source's language, a block marked as **another language** (``<blockquote
  lang="de">``, ``<p lang="fr">``) is not translated, as one marked ``translate="no"`` is; the
  model mangled such words (``<html lang>`` alone is not read so: a page mislabelled as a whole
  is still translated). An inline one (``<q lang="fr">c'est la vie</q>``) is translated with
  its sentence, as a pair: as a protected code it garbled the words around it (``In French,
  <span lang="fr">chat</span> means cat.`` came back ``Im Französischen bedeutet die »ph ...``).
- Whether the text is **XML** (XHTML): it opens with an XML declaration, or its ``<html>`` is
  in XHTML's namespace; its translation is then written with the references XML reads
  (:mod:`ltmt.formats.html_writing`).

Not translated: ``<script>``, ``<style>``, ``<pre>``, ``<textarea>``, ``<math>``,
an element marked ``translate="no"`` or with the class ``notranslate`` (inside a run: kept as
written by the pipeline, as are code elements), and a run without a letter outside code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal

from ltmt.currency_amounts import amount_spans
from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.common import same_language
from ltmt.formats.kept_element_text import without_kept_elements
from ltmt.formats.magento_trans import SUBJECT, directives_alone, trans_directives, unescaped
from ltmt.formats.markup_characters import decoded_references
from ltmt.formats.paired_tags import VERBATIM_NAMES, kept_as_written
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE, find_placeholders
from ltmt.formats.recorded_places import (
    lined_up_by_texts,
    lined_up_places,
    places_recorded,
    recorded_sources,
)
from ltmt.formats.tag_partners import tag_partners
from ltmt.formats.template_parameters import included_text
from ltmt.formats.unclosed_markup import refuse_unclosed_markup
from ltmt.text import has_letter

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

EventKind = Literal["start", "end", "empty", "text", "other"]

# phrasing elements that stay inside a run (a boundary is any other tag)
INLINE_ELEMENTS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)  # fmt: skip
# elements without content (no end tag)
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)  # fmt: skip
# elements whose content is not text to translate
_SKIPPED = frozenset(
    {"script", "style", "pre", "textarea", "math", "xmp", "iframe", "object", "noembed"}
)
# an <svg>'s elements whose text people read (its accessible name and description); its
# <text> is drawn (a logo's wordmark, a chart's labels, words split over <tspan>s: "Total"
# "cost" came back "Gesamtkosten" "Kosten"), and its other text (a <style>'s) is no text
SVG_TEXT_ELEMENTS = frozenset({"title", "desc"})
# an icon's id as an <svg>'s title (icon-close, arrow_left): no words to translate
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
# attributes people read, on any element
READ_ATTRIBUTES = frozenset(
    {
        "alt", "title", "placeholder", "aria-label", "aria-description", "aria-placeholder",
        "aria-roledescription", "aria-valuetext",
    }
)  # fmt: skip
# the <meta> names (name= or property=) whose content is read
_META_NAMES = frozenset(
    {
        "description", "og:title", "og:description", "og:site_name", "og:image:alt",
        "twitter:title", "twitter:description", "twitter:image:alt",
    }
)  # fmt: skip
_BUTTON_TYPES = frozenset({"submit", "reset", "button"})
# an attribute in a start tag's text (after its name), as browsers read it
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s/>"'=][^\s/>"'=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]+))?"""
)
_REFERENCE = re.compile(CHARACTER_REFERENCE)
_SPACE = re.compile(r"[ \t\n\r\f]+")
# white space a run's edges leave in the page: HTML's, and no-break spaces
_EDGE_SPACE = " \t\n\r\f\xa0"
# the same as written in the page: a no-break space also as a reference (``help.&nbsp;``, which
# the translation lost when the run's place held it)
_RAW_EDGE = r"(?:[ \t\n\r\f\xa0]|&nbsp;|&#0*160;|&#[xX]0*[aA]0;)*"
_LEADING_SPACE = re.compile(_RAW_EDGE)
_TRAILING_SPACE = re.compile(_RAW_EDGE + r"\Z")
_TAG_NAME = re.compile(r"</?([^\s/>]*)")
# a tag of the tagged form: a name after its "<" (a bare "<" before a space or a digit is the
# text's own, ``5 < 10 and 7 > 3``, whose words are no tag's)
_TAG = re.compile(rf"</?[A-Za-z]{TAG_BODY}>")
# the key of a page's run or attribute value (text0, attr1): what the record of an output
# ltmt wrote keeps of each of its places (:mod:`ltmt.formats.output_sources`)
_PIECE_KEY = re.compile(r"(?:text|attr)\d+")
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Dialect:
    """The markup vocabulary a scan reads a text with: HTML's (:data:`HTML`), or an XML
    vocabulary read by the same machinery (DITA's: :mod:`ltmt.formats.dita`). ``inline``: the
    elements that stay inside a run; ``skipped``: those whose content is not translated;
    ``read``: the attributes people read, on any element; ``xml``: the text is XML whatever it
    opens with; ``root_language``: the root element's ``xml:lang`` (``lang``) is the text's
    language mark, as ``<html lang>`` is a page's; ``code``: inline elements whose text is kept
    as written in this vocabulary alone (DITA's ``<codeph>``, ``<option>``), marked
    ``translate="no"`` in the run's tagged form (written as the text had them)."""

    inline: frozenset[str] = INLINE_ELEMENTS
    skipped: frozenset[str] = _SKIPPED
    read: frozenset[str] = READ_ATTRIBUTES
    xml: bool = False
    root_language: bool = False
    code: frozenset[str] = frozenset()


HTML = Dialect()


@dataclass(frozen=True)
class Event:
    """One piece of the page: a tag (``start``, ``end``, ``empty``: ``<br/>``), ``text``, or
    ``other`` (a comment, the doctype, CDATA); ``start``/``end``: its place in the text."""

    kind: EventKind
    tag: str
    attrs: tuple[tuple[str, str | None], ...]
    start: int
    end: int


@dataclass(frozen=True)
class AttributeValue:
    """A translatable attribute value: ``source`` (unescaped, in the tagged form), and the
    place of the value as written (``start``/``end``, its quotes included) in the page's text,
    and the attribute's ``name``."""

    key: str
    source: str
    start: int
    end: int
    name: str  # the attribute's
    # the quote of a template directive's string that the value is (Magento's ``{{trans}}``:
    # :mod:`ltmt.formats.magento_trans`), written in it with backslash escapes; "": an attribute
    quote: str = ""

    @property
    def shape(self) -> str:
        """What stands here, not what it says: two pages' values line up where theirs match."""
        return f"@{self.name}"


@dataclass(frozen=True)
class Run:
    """A run of text (module docstring): ``source`` in the tagged form, ``start``/``end`` its
    place in the page (without the white space and wrapping elements around it), and its tags
    as ``(canonical form, start, end)`` so that a translation's tags are written as the page had
    them."""

    key: str
    source: str
    start: int
    end: int
    tags: tuple[tuple[str, int, int], ...]
    # the tagged forms of the elements around the whole run, left out of it (opening tags,
    # closing tags): what a translation that moved a source's inline element around all its
    # words holds, as qa reads it
    around: tuple[str, str] = ("", "")
    # the block element it stands in (its name, and its id where it has one: ``h2#h_01GC1``)
    block: str = ""
    # the place of the run with the elements around it (:attr:`around`), from the first's
    # opening tag to its closing tag; None where there are none
    outer: tuple[int, int] | None = None

    @property
    def with_around(self) -> str:
        """:attr:`source` inside the elements around it."""
        return self.around[0] + self.source + self.around[1]

    @property
    def shape(self) -> str:
        """What stands here, not what it says (its block element, the names of its tags, in
        any order: a translation may move them): two pages' runs line up where theirs match.
        Without the block, a paragraph a translator added lined up with the heading after it
        (and was imported as its translation); so did the first of two paragraphs with the
        second, without its placeholders (``{{dc.product_name}}``, which a translation keeps).
        Neither an amount (``$5``, which German writes ``5 $``) nor a character reference
        (``&amp;``, written ``und``) is one: with them a correct pair lined up with nothing."""
        tags = ",".join(sorted(tag_name(tag) for tag, _, _ in self.tags))
        money = amount_spans(self.source)
        kept = sorted(
            p.text
            for p in find_placeholders(self.source)
            if p.kind not in ("tag", "name", "entity")
            and not any(start <= p.start < end for start, end, _ in money)
        )
        return f"text:{self.block}:{tags}:{' '.join(kept)}"


@dataclass
class Segments:
    """A page's runs and attribute values (in order, keys ``text0``, ``attr1`` ... numbered
    together), the places of its language marks (``(start, end)`` of the value as written;
    ``lang_insert``: where ``<html>`` without one takes ``lang``), and whether it is XML
    (XHTML: module docstring)."""

    runs: list[Run] = field(default_factory=list)
    attributes: list[AttributeValue] = field(default_factory=list)
    languages: list[tuple[int, int]] = field(default_factory=list)
    lang_insert: int | None = None
    numbered: int = 0
    xml: bool = False

    def pieces(self) -> list[Run | AttributeValue]:
        """The runs and attribute values in the order they stand in the page."""
        return sorted([*self.runs, *self.attributes], key=lambda piece: piece.start)

    def key(self, kind: str) -> str:
        """The next unit's key (``text`` or ``attr`` and its number)."""
        self.numbered += 1
        return f"{kind}{self.numbered - 1}"


def line_up(
    mine: Segments, theirs: Segments
) -> Iterator[tuple[Run | AttributeValue, Run | AttributeValue]]:
    """The runs and values of two texts (a page and its translation) that stand for each other:
    lined up by their shapes (kind, tags, attribute), so that a paragraph a translator added
    or removed, or a run whose tags the model changed, leaves the rest in line (a stretch of as
    many pieces of the same kinds on both sides lines up too); not pieces whose place depends
    on a guess (three ``<li>`` beside four: which one is new cannot be told,
    :func:`~ltmt.formats.recorded_places.surely_lined_up`)."""
    yield from line_up_output(mine, theirs, None)[0]


def line_up_output(
    mine: Segments, theirs: Segments, record: Record | None
) -> tuple[list[tuple[Run | AttributeValue, Run | AttributeValue]], bool]:
    """:func:`line_up` of a page and its output so far, given the ``record`` of what ltmt wrote
    into that output (None: there is none), and whether that record's places lined them up.
    Where the output's pieces are those the record keeps (:func:`~ltmt.formats.recorded_places.
    places_recorded`), by the sources it wrote them for, so that a paragraph inserted into the
    page or removed from it since leaves the rest in line; else (a reviewed copy of an earlier
    output put in its place) a piece by the source the record says its text was written for,
    and the others by their shapes where that is no guess
    (:func:`~ltmt.formats.recorded_places.lined_up_by_texts`)."""
    ours, others = mine.pieces(), theirs.pieces()

    def alike(i: int, j: int) -> bool:
        return _alike(ours[i], others[j])

    sources = [piece.source for piece in ours]
    their_keys = [piece.key for piece in others]
    placed = record is not None and places_recorded(
        record, [(piece.key, piece.source) for piece in others], len(ours), _PIECE_KEY
    )
    if record is not None and placed:
        places = lined_up_places(*recorded_sources(record, sources, their_keys), alike)
    else:
        shapes = [piece.shape for piece in ours], [piece.shape for piece in others]
        their_texts = [piece.source for piece in others]
        places = lined_up_by_texts(record, sources, their_texts, shapes, alike)
    return [(ours[i], others[j]) for i, j in places], placed


def _alike(piece: Run | AttributeValue, other: Run | AttributeValue) -> bool:
    """Whether two pieces in a stretch each side replaced may stand for each other: of one
    kind, runs in blocks of one element (a ``<p>`` for no ``<h2>``)."""
    if isinstance(piece, Run) and isinstance(other, Run):
        return piece.block.partition("#")[0] == other.block.partition("#")[0]
    return type(piece) is type(other)


def lined_up_sources(
    mine: Segments, theirs: Segments, unit_key: Callable[[str], str]
) -> Iterator[tuple[str, str, str]]:
    """:func:`line_up` of an HTML text embedded in a file (an EPUB's document, a Markdown HTML
    block) and its translation: each unit's key (``unit_key`` of its piece's), its source and
    the text that stands for it."""
    for piece, other in line_up(mine, theirs):
        yield unit_key(piece.key), piece.source, other.source


def tag_name(tag: str) -> str:
    """The element name of a tag (``<a href="...">``, ``</a>``, ``<br/>``: ``a``, ``a``, ``br``)."""
    found = _TAG_NAME.match(tag)
    return found[1] if found else ""


class _Scanner(HTMLParser):
    """The parser's calls as :class:`Event` s with their places."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.found: list[tuple[EventKind, str, tuple[tuple[str, str | None], ...], int]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind: EventKind = "empty" if tag in _VOID else "start"
        self.found.append((kind, tag, tuple(attrs), self._at()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(("empty", tag, tuple(attrs), self._at()))

    def handle_endtag(self, tag: str) -> None:
        self.found.append(("end", tag, (), self._at()))

    def handle_data(self, data: str) -> None:
        self.found.append(("text", "", (), self._at()))

    def _other(self) -> None:
        self.found.append(("other", "", (), self._at()))

    def handle_comment(self, data: str) -> None:
        self._other()

    def handle_decl(self, decl: str) -> None:
        self._other()

    def handle_pi(self, data: str) -> None:
        self._other()

    def unknown_decl(self, data: str) -> None:
        self._other()

    def events(self) -> list[Event]:
        self.feed(self.text)
        self.close()
        starts = [at for *_, at in self.found] + [len(self.text)]
        return [
            Event(kind, tag, attrs, at, starts[index + 1])
            for index, (kind, tag, attrs, at) in enumerate(self.found)
        ]


def scan(text: str) -> list[Event]:
    """The events of an HTML page's ``text``, in order, covering it whole; an
    :class:`~ltmt.formats.unclosed_markup.UnclosedMarkupError` for a text with too many tags and
    comments never closed to be read in time."""
    refuse_unclosed_markup(text)
    return _Scanner(text).events()


def segments(text: str, src_lang: str | None = None, dialect: Dialect = HTML) -> Segments:
    """The runs, attribute values and language marks of an HTML page's ``text`` (a text of
    another ``dialect``: :class:`Dialect`); ``src_lang``: the source's language, which tells the
    elements of another (module docstring)."""
    events = scan(text)
    found = Segments(xml=dialect.xml or text.lstrip("\ufeff").startswith("<?xml"))
    root_seen = not dialect.root_language
    run: list[Event] = []
    block = ""  # the block element the run stands in: the last boundary opened
    skipping: tuple[str, int] | None = None  # (element, its depth) while inside one skipped
    svg = _SvgDepth()
    for event in events:
        if skipping is not None:
            name, depth = skipping
            if event.tag == name and event.kind in ("start", "end"):
                depth += 1 if event.kind == "start" else -1
                skipping = None if depth == 0 else (name, depth)
            continue
        if svg.passes(event):
            continue
        inline = event.kind == "text" or (event.kind != "other" and event.tag in dialect.inline)
        if svg.depth:
            inline = event.kind == "text" or event.tag == "tspan"
        if not inline:
            _close_run(text, run, found, in_svg=svg.depth > 0, block=block)
            run = []
            if event.kind == "other" and SUBJECT.match(text, event.start):
                _add_trans_strings(trans_directives(text, event.start, event.end), found)
            if event.kind == "start":
                block = event.tag + "".join(f"#{v}" for k, v in event.attrs if k == "id" and v)
        if event.kind in ("start", "empty"):
            root = not root_seen  # a DITA topic's <task xml:lang="en-US">, as <html lang>
            root_seen = True
            # an element of another language, and one of the dialect's code: not translated
            another = not inline and not root and _of_another_language(event, src_lang)
            code = inline and event.tag in dialect.code and not _marked_not_to_translate(event)
            if another or code:
                event = replace(event, attrs=(*event.attrs, ("translate", "no")))
            marked = _marked_not_to_translate(event)
            if event.kind == "start" and not inline and (event.tag in dialect.skipped or marked):
                skipping = (event.tag, 1)
            if not marked:
                _read_attributes(text, event, found, src_lang, dialect.read, root)
        if inline:
            run.append(event)
    _close_run(text, run, found, block=block)
    return found


class _SvgDepth:
    """Where a scan stands in an ``<svg>`` (its ``depth``, counted by its own tags alone, as
    an unclosed ``<path>`` of a real page must not swallow the rest), and the text element
    (:data:`SVG_TEXT_ELEMENTS`) it reads there."""

    def __init__(self) -> None:
        self.depth = 0
        self.reading: tuple[str, int] | None = None  # (element, its depth) while in one

    def passes(self, event: Event) -> bool:
        """Count ``event``; whether it is in an ``<svg>`` and outside the text read there (not
        translated: a boundary)."""
        if event.tag == "svg" and event.kind in ("start", "end"):
            self.depth = max(0, self.depth + (1 if event.kind == "start" else -1))
            self.reading = None
            return event.kind == "end"  # a start tag's attributes are read
        if not self.depth:
            return False
        if self.reading is None:
            if event.kind == "start" and event.tag in SVG_TEXT_ELEMENTS:
                self.reading = (event.tag, 1)
                return False
            return True
        name, depth = self.reading
        if event.tag == name and event.kind in ("start", "end"):
            depth += 1 if event.kind == "start" else -1
            self.reading = None if depth == 0 else (name, depth)
        return False


def _marked_not_to_translate(event: Event) -> bool:
    attrs = dict(event.attrs)
    classes = (attrs.get("class") or "").split()
    return (attrs.get("translate") or "").strip().lower() == "no" or "notranslate" in classes


def _declared_language(event: Event) -> str:
    """The language a start tag's ``lang`` (else ``xml:lang``) names, or ``""``."""
    attrs = dict(event.attrs)
    return (attrs.get("lang") or attrs.get("xml:lang") or "").strip()


def _of_another_language(event: Event, src_lang: str | None) -> bool:
    """Whether a start tag marks its element as another language than ``src_lang`` (not
    ``<html>``'s mark: module docstring)."""
    if src_lang is None or event.tag == "html":
        return False
    declared = _declared_language(event)
    return bool(declared) and not same_language(declared, src_lang)


def _read_attributes(
    text: str,
    event: Event,
    found: Segments,
    src_lang: str | None = None,
    read_anywhere: frozenset[str] = READ_ATTRIBUTES,
    root: bool = False,
) -> None:
    """The translatable attribute values of a start tag ``event`` (``read_anywhere``: the
    attributes read on any element) and its language marks (``src_lang``, the source's
    language, where an element other than ``<html>`` names it; ``root``: the element is the
    text's root whose mark is the text's, :class:`Dialect`)."""
    attrs = {name: value for name, value in reversed(event.attrs)}  # the first one counts
    read = set(read_anywhere)
    if event.tag in ("track", "option", "optgroup"):
        read.add("label")
    if event.tag == "th":
        read.add("abbr")
    if event.tag == "input" and (attrs.get("type") or "").lower() in _BUTTON_TYPES:
        read.add("value")
    if event.tag == "meta":
        meta = (attrs.get("name") or attrs.get("property") or "").lower()
        if meta in _META_NAMES:
            read.add("content")
        if (attrs.get("http-equiv") or "").lower() == "content-language":
            place = _value_place(text, event, "content")
            if place is not None:
                found.languages.append(place)
    if event.tag == "html":
        for name in ("lang", "xml:lang"):
            place = _value_place(text, event, name)
            if place is not None:
                found.languages.append(place)
        if "lang" not in attrs:
            found.lang_insert = event.start + len("<html")
        found.xml = found.xml or attrs.get("xmlns") == XHTML_NAMESPACE
    elif root or (
        src_lang is not None
        and _declared_language(event)
        and same_language(_declared_language(event), src_lang)
        and event.tag not in VERBATIM_NAMES
        and not same_language(attrs.get("hreflang") or "", _declared_language(event))
    ):
        for name in ("lang", "xml:lang"):
            place = _value_place(text, event, name)
            if place is not None:
                found.languages.append(place)
    for name, value in event.attrs:
        if name not in read or value is None or not has_letter(value):
            continue
        place = _value_place(text, event, name)
        if place is None:
            continue
        start, end = place
        quoted = text[start] in "\"'"
        # read as written, not as the parser's value: an entity reference (&product;) kept
        written = text[start + quoted : end - quoted]
        source = decoded_references(_SPACE.sub(" ", written).strip())
        found.attributes.append(AttributeValue(found.key("attr"), source, *place, name))
        read.discard(name)  # a repeated attribute: browsers read the first


def _value_place(text: str, event: Event, name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` of a start tag stands (quotes included)."""
    tag_text = text[event.start : event.end]
    opening = re.match(r"<[^\s/>]+", tag_text)
    if opening is None:
        return None
    for found in _ATTRIBUTE.finditer(tag_text, opening.end()):
        if found.group("name").lower() == name and found.group("value") is not None:
            return event.start + found.start("value"), event.start + found.end("value")
        if found.group("name").lower() == name:
            return None
    return None


def _close_run(
    text: str, run: list[Event], found: Segments, in_svg: bool = False, block: str = ""
) -> None:
    """Add ``run`` (inline events between two boundaries, in the ``block`` element) if it has
    words to translate (``in_svg``: not an identifier, :data:`_IDENTIFIER`)."""
    body = _trimmed(text, run)
    if not body or not _has_words("".join(_tagged(text, event) for event in body)):
        return
    if in_svg and _IDENTIFIER.fullmatch("".join(_tagged(text, event) for event in body).strip()):
        return
    # elements around the whole run (unless their words are kept as written) and, at its edges,
    # tags whose partners are beyond it and elements without words (a heading's "#" or "¶"
    # link, an empty anchor, an icon) stay outside it
    edges = _RunEdges(text, body)
    edges.peel()
    body = body[edges.first : edges.last]
    source = "".join(_tagged(text, event) for event in body).strip(_EDGE_SPACE)
    if not body or not _has_words(source):
        return
    opening, closing = "".join(edges.opening), "".join(reversed(edges.closing))
    outer = edges.outer
    start = _text_start(text, body[0])
    end = _text_end(text, body[-1])
    directives = directives_alone(text, start, end)
    if directives is not None:  # Magento's {{trans "..."}} alone: their strings, in place
        _add_trans_strings(directives, found)
        return
    included = included_text(text, start, end)
    if included is not None:  # Liquid includes alone: their text parameters, in place
        for found_value in included:
            at, after = found_value.start("quote"), found_value.end()
            source = decoded_references(found_value.group("value"))
            key = found.key("attr")
            found.attributes.append(AttributeValue(key, source, at, after, found_value["name"]))
        return
    tags = tuple(
        (_tagged(text, event), event.start, event.end) for event in body if event.kind != "text"
    )
    key = found.key("text")
    found.runs.append(Run(key, source, start, end, tags, (opening, closing), block, outer))


def _add_trans_strings(directives: list[re.Match[str]], found: Segments) -> None:
    """Add the strings of Magento ``{{trans}}`` ``directives`` as units (their places: the
    quoted strings, quotes included)."""
    for directive in directives:
        at, after = directive.start("quote"), directive.end("value") + 1
        source = unescaped(directive.group("value"))
        quote = directive.group("quote")
        found.attributes.append(
            AttributeValue(found.key("attr"), source, at, after, "trans", quote)
        )


class _RunEdges:
    """The events of a run's ``body`` (its blank edges trimmed) from which the elements around
    it all, and at its edges tags whose partners are beyond it and elements without words, are
    peeled (:meth:`peel`): what stays is ``body[first:last]``; ``opening``/``closing``: the
    tagged forms of the elements around it, outermost first; ``outer``: their place.

    Each step of the peeling looks at the two edges only, with the tags' partners found once
    (:func:`~ltmt.formats.tag_partners.tag_partners`) and the texts with a letter counted once,
    so that a run of thousands of tags is peeled in linear time."""

    def __init__(self, text: str, body: list[Event]) -> None:
        self.text = text
        self.body = body
        self.first, self.last = 0, len(body)
        self.opening: list[str] = []
        self.closing: list[str] = []  # innermost first
        self.outer: tuple[int, int] | None = None
        self.partner = tag_partners((event.kind, event.tag) for event in body)
        # lettered[i]: how many of body[:i] are texts with a letter
        self.lettered = [0]
        for event in body:
            self.lettered.append(self.lettered[-1] + _has_letter(text, [event]))

    def peel(self) -> None:
        """Peel the run's edges (class docstring) as far as they go."""
        while self.first < self.last:
            if self.last - self.first >= 2 and self._wraps():
                opening, closing = self.body[self.first], self.body[self.last - 1]
                self.outer = self.outer or (opening.start, closing.end)
                self.opening.append(_tagged(self.text, opening))
                self.closing.append(_tagged(self.text, closing))
                self.first, self.last = self.first + 1, self.last - 1
            elif not self._cut_edge():
                break
            self._trim()

    def _trim(self) -> None:
        """Leave out the blank text at the edges."""
        while self.first < self.last and _blank(self.text, self.body[self.first]):
            self.first += 1
        while self.last > self.first and _blank(self.text, self.body[self.last - 1]):
            self.last -= 1

    def _partner(self, index: int) -> int | None:
        """The partner of ``body[index]`` within the part not peeled, or None."""
        other = self.partner[index]
        return other if other is not None and self.first <= other < self.last else None

    def _wraps(self) -> bool:
        """Whether the first event opens an element the last event closes (one whose text is
        not kept as written)."""
        opening = self.body[self.first]
        return (
            opening.kind == "start"
            and opening.tag not in VERBATIM_NAMES
            and self._partner(self.first) == self.last - 1
            and not _marked_not_to_translate(opening)
        )

    def _cut_edge(self) -> bool:
        """Cut off, at the start or else at the end, a tag whose partner is beyond the run or
        an element without words (an empty one, one without letters, a line break, an image,
        whose ``alt`` is a unit of its own); whether one was."""
        for at_start in (True, False):
            index = self.first if at_start else self.last - 1
            edge = self.body[index]
            inward = "start" if at_start else "end"  # a tag that opens an element into the run
            if edge.kind == "empty" or edge.kind == ("end" if at_start else "start"):
                self._cut(at_start, index + 1 if at_start else index)
                return True
            if edge.kind != inward:
                continue
            other = self._partner(index)
            if other is None:
                self._cut(at_start, index + 1 if at_start else index)
                return True
            inner_first, inner_last = (index + 1, other) if at_start else (other + 1, index)
            letters = self.lettered[inner_last] - self.lettered[inner_first]
            if other not in (self.first, self.last - 1) and not letters:
                self._cut(at_start, other + 1 if at_start else other)
                return True
        return False

    def _cut(self, at_start: bool, to: int) -> None:
        if at_start:
            self.first = to
        else:
            self.last = to


def _trimmed(text: str, body: list[Event]) -> list[Event]:
    """``body`` without the blank text at its edges."""
    first, last = 0, len(body)
    while first < last and _blank(text, body[first]):
        first += 1
    while last > first and _blank(text, body[last - 1]):
        last -= 1
    return body[first:last]


def _has_letter(text: str, events: list[Event]) -> bool:
    return any(
        has_letter(_REFERENCE.sub(" ", text[e.start : e.end])) for e in events if e.kind == "text"
    )


def _blank(text: str, event: Event) -> bool:
    raw = text[event.start : event.end]
    return event.kind == "text" and not html.unescape(raw).strip(_EDGE_SPACE)


def _text_start(text: str, event: Event) -> int:
    found = _LEADING_SPACE.match(text, event.start, event.end)
    return found.end() if found else event.start


def _text_end(text: str, event: Event) -> int:
    found = _TRAILING_SPACE.search(text[event.start : event.end])
    return event.start + found.start() if found else event.end


def _tagged(text: str, event: Event) -> str:
    """An inline event in the tagged form (module docstring)."""
    if event.kind == "text":
        return decoded_references(_SPACE.sub(" ", text[event.start : event.end]))
    if event.kind == "end":
        return f"</{event.tag}>"
    attributes = "".join(
        f' {name}="{html.escape(value or "", quote=True)}"' for name, value in event.attrs
    )
    return f"<{event.tag}{attributes}{'/' if event.kind == 'empty' else ''}>"


def _has_words(source: str) -> bool:
    """Whether a run's tagged text has a letter outside code, elements marked not to translate,
    tags and references."""
    kept = without_kept_elements(source, kept_as_written)
    plain = _REFERENCE.sub(" ", _TAG.sub(" ", kept))
    return has_letter(plain)
