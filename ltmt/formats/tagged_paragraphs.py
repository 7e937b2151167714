"""A document's paragraph as tagged text the pipeline translates, and a translation as the
stretches of that paragraph it puts back: what Office Open XML's paragraphs
(:mod:`ltmt.formats.ooxml_paragraphs`) and OpenDocument's (:mod:`ltmt.formats.odf_paragraphs`)
share.

A reader cuts a paragraph into :class:`Stretch` es: text in one formatting (its style, and the
elements around it: links, spans), or elements that are not text (a bookmark, a footnote, a
picture). :func:`tagged_paragraph` makes them one string:

    Regular text <g id="1">italics</g> and <g id="2">bold</g>.<x id="3"/>

The formatting most of the paragraph's letters have is plain text; each stretch in another is
a pair ``<g id="n">``, each stretch that is not text a placeholder ``<x id="n"/>``; those at
the paragraph's ends stay out of the string. Its text is in the form of every format's
segments (:mod:`ltmt.formats.markup_characters`): ``&`` and ``<Enter>`` as themselves, escaped
only where they would read as a reference or a tag; a spreadsheet's cell, whose text is the
string a program wrote (often HTML: ``<p>Soft <b>cotton</b></p>``), is read ``as_written``, its
markup markup, as a CSV table's cell is (escaped, the model mangled the references ``&lt;p&gt;``
and the repair wrote stray ``/p`` into the cell). :func:`translation_items` reads a
translation back into the stretches each piece of its text goes in, and every placeholder's
stretch once (one the translation dropped at the end), for the format's writer to build the
paragraph from.
:func:`in_source_terms` reads a translation made before (a document's translation so far) in
the source paragraph's tags. :class:`Wrappers` rebuilds the elements around the stretches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.markup_characters import plain_text, tagged_text
from ltmt.text import LETTER, has_letter

# monospaced fonts, in which text is code: Courier (New), Consolas, Menlo, Monaco, Lucida
# Console, Andale Mono, DejaVu Sans Mono, Liberation Mono, Source Code Pro, Fira Code ...
MONOSPACED = re.compile(r"(?i)mono|courier|consol|menlo|monaco|\bcode\b|typewriter|inconsolata")
# text whose formatting the translation need not carry: spaces and sentence punctuation
_BARE = re.compile(r"[\s.,;:!?]*")
_TAG = re.compile(r'<g id="(\d+)">|</g>|<x id="(\d+)"/>')
# a tag of the tagged text with what it holds (this text's pairs are never nested)
_TAGGED = re.compile(r'<g id="(\d+)">(.*?)</g>|<x id="(\d+)"/>', re.DOTALL)


@dataclass
class Stretch:
    """Text in one formatting (``style``: its properties and the elements around it), or
    (``codes`` not empty) the elements of a stretch that is not text."""

    wrappers: tuple[Any, ...]
    properties: Any = None  # the run properties (Office Open XML's <rPr>) of its first run
    style: str = ""
    text: str = ""
    codes: list[tuple[Any, Any]] = field(default_factory=list)  # (run or None, element)
    # what stands for the codes across documents (None: the elements as written)
    signature: str | None = None

    @property
    def is_code(self) -> bool:
        return bool(self.codes)


@dataclass
class ParagraphText:
    """A paragraph read: its stretches, the style written as plain text, and the tagged text
    (``text``) of the stretches between its first and last text."""

    stretches: list[Stretch]
    plain_style: str
    first: int  # the index of the first stretch in ``text``
    last: int  # one past the last
    text: str
    ids: dict[int, int]  # a tag's number: the index of its stretch
    as_written: bool = False  # the stretches' text is in the tagged form as it is (no escaping)
    # the numbers of the pairs that stand for a tracked insertion (Word's <w:ins>, <w:moveTo>)
    insertions: tuple[int, ...] = ()

    @property
    def kept_apart(self) -> tuple[str, ...]:
        """The opening tags of the pairs that stand for a tracked insertion
        (:attr:`ltmt.formats.documents.Unit.kept_apart`)."""
        return tuple(f'<g id="{number}">' for number in self.insertions)

    @property
    def has_words(self) -> bool:
        return any(has_letter(stretch.text) for stretch in self.stretches if not stretch.is_code)

    def signatures(self) -> dict[int, str]:
        """Each tag number's formatting or elements, as text comparable across documents."""
        return {number: _signature(self.stretches[index]) for number, index in self.ids.items()}


def tagged_paragraph(
    pieces: Iterable[Stretch],
    plain_style: str | None = None,
    inline: Callable[[Stretch], bool] | None = None,
    as_written: bool = False,
) -> ParagraphText:
    """The paragraph whose stretches, in order, are ``pieces`` (neighbours in one formatting
    joined, neighbouring codes too); ``plain_style``: the style to write as plain text (by
    default the one most of its letters have). Codes before the first text and after the last
    stay out of the tagged text, but those ``inline`` says the text reads as words (a field:
    ``Page <x id="1"/> of <x id="2"/>``, where the model given ``Page <x id="1"/> of`` dropped
    the ``of``). ``as_written``: the stretches' text is taken as tagged text as it is, its
    markup read as markup (a spreadsheet's cell: module docstring)."""
    as_tagged = _as_is if as_written else tagged_text
    stretches: list[Stretch] = []
    for stretch in pieces:
        last = stretches[-1] if stretches else None
        if last is not None and last.is_code and stretch.is_code:
            last.codes.extend(stretch.codes)
            if last.signature is not None and stretch.signature is not None:
                last.signature += stretch.signature
        elif (
            last is not None
            and not last.is_code
            and not stretch.is_code
            and (last.style, last.wrappers) == (stretch.style, stretch.wrappers)
        ):
            last.text += stretch.text
        else:
            stretches.append(stretch)
    if plain_style is None:
        plain_style = _most_common_style(stretches)
    texts = [index for index, stretch in enumerate(stretches) if not stretch.is_code]
    first, last_index = (texts[0], texts[-1] + 1) if texts else (0, 0)
    if texts and inline is not None:
        while first > 0 and inline(stretches[first - 1]):
            first -= 1
        while last_index < len(stretches) and inline(stretches[last_index]):
            last_index += 1
    parts: list[str] = []
    ids: dict[int, int] = {}
    for index in range(first, last_index):
        stretch = stretches[index]
        if stretch.is_code:
            ids[len(ids) + 1] = index
            parts.append(f'<x id="{len(ids)}"/>')
        elif stretch.style == plain_style or _BARE.fullmatch(stretch.text):
            parts.append(as_tagged(stretch.text))
        else:
            ids[len(ids) + 1] = index
            parts.append(f'<g id="{len(ids)}">{as_tagged(stretch.text)}</g>')
    text = "".join(parts)
    return ParagraphText(stretches, plain_style, first, last_index, text, ids, as_written)


def translation_items(read: ParagraphText, translation: str) -> list[tuple[Stretch, str]]:
    """``translation`` (tagged as ``read.text`` is) as the paragraph's content: each piece of
    text with the stretch whose formatting it takes (the plain one outside pairs), each
    placeholder's stretch once with no text, the stretches outside ``read.text`` at its ends,
    and a placeholder the translation dropped at the end."""
    plain = _plain_stretch(read)
    as_plain = _as_is if read.as_written else plain_text
    items: list[tuple[Stretch, str]] = [(stretch, "") for stretch in read.stretches[: read.first]]
    open_pairs: list[Stretch | None] = []  # None: a pair of a tag that is not the paragraph's
    used: set[int] = set()
    for piece in _pieces_of(translation):
        if isinstance(piece, str):
            stretch = next((s for s in reversed(open_pairs) if s is not None), plain)
            if items and items[-1][0] is stretch and items[-1][1]:
                items[-1] = (stretch, items[-1][1] + as_plain(piece))
            else:
                items.append((stretch, as_plain(piece)))
            continue
        kind, number = piece
        index = read.ids.get(number)
        if kind == "close":
            if open_pairs:
                open_pairs.pop()
        elif kind == "open":
            pair = None if index is None else read.stretches[index]
            open_pairs.append(pair if pair is not None and not pair.is_code else None)
        elif index is not None and read.stretches[index].is_code and index not in used:
            used.add(index)
            items.append((read.stretches[index], ""))
    items += [
        (read.stretches[index], "")
        for index in read.ids.values()
        if read.stretches[index].is_code and index not in used
    ]  # a placeholder the translation dropped: at the end
    items += [(stretch, "") for stretch in read.stretches[read.last :]]
    return items


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


class Wrappers:
    """The copies of the elements around the stretches written into a paragraph: the
    :meth:`container` of a stretch, made (by ``bare_copy``) inside the copies the previous
    stretch shares with it."""

    def __init__(self, paragraph: Any, bare_copy: Callable[[Any], Any]) -> None:
        self.paragraph = paragraph
        self.bare_copy = bare_copy
        self.open: list[tuple[Any, Any]] = []  # (original wrapper, its copy in the paragraph)

    def container(self, wrappers: tuple[Any, ...]) -> Any:
        shared = 0
        while (
            shared < min(len(self.open), len(wrappers)) and self.open[shared][0] is wrappers[shared]
        ):
            shared += 1
        del self.open[shared:]
        for wrapper in wrappers[shared:]:
            parent = self.open[-1][1] if self.open else self.paragraph
            made = self.bare_copy(wrapper)
            parent.append(made)
            self.open.append((wrapper, made))
        return self.open[-1][1] if self.open else self.paragraph


def _as_is(text: str) -> str:
    """``text`` unchanged: a cell's text is its tagged form (:func:`tagged_paragraph`)."""
    return text


def _most_common_style(stretches: list[Stretch]) -> str:
    letters: Counter[str] = Counter()
    for stretch in stretches:
        if not stretch.is_code:
            letters[stretch.style] += len(LETTER.findall(stretch.text))
    return max(letters, key=letters.__getitem__) if letters else ""


def _signature(stretch: Stretch) -> str:
    from lxml import etree

    if not stretch.is_code:
        return stretch.style
    if stretch.signature is not None:
        return stretch.signature
    return "".join(
        etree.tostring(element, encoding="unicode", with_tail=False) for _, element in stretch.codes
    )


def _plain_stretch(read: ParagraphText) -> Stretch:
    """A stretch in the plain style: the first of the paragraph's, or plain properties."""
    for stretch in read.stretches:
        if not stretch.is_code and stretch.style == read.plain_style:
            return stretch
    return Stretch(())


def _pieces_of(translation: str) -> Iterator[str | tuple[str, int]]:
    """The text and tags of a translation: strings, and ("open" | "close" | "code", number)."""
    position = 0
    for found in _TAG.finditer(translation):
        if found.start() > position:
            yield translation[position : found.start()]
        if found.group(1):
            yield ("open", int(found.group(1)))
        elif found.group(2):
            yield ("code", int(found.group(2)))
        else:
            yield ("close", 0)
        position = found.end()
    if position < len(translation):
        yield translation[position:]
