"""An HTML text written with its translations: each translated run and attribute value in its
place (:mod:`ltmt.formats.html_segments`), everything else as it was.

    text = written_html(page, segments(page), {"text0": "Erste Schritte"}, tgt_lang="de")

A run's translation is written with its tags as the text had them (with their translated
attribute values); a tag whose attribute values people read are translated (``<a title="Häufige
Fragen">``: a memory's target, stored from a translated page) stands for the run's tag that
differs from it in those values alone, and so does one that differs in other values alone from
a tag the translation lacks (a memory's link to ``/hc/de/...`` for ``/hc/en-us/...``: written as
the source's, with the memory's URL where it is the source's in the target's locale). A tag
that is none of the run's (the model's garbled markup: ``<spann Klasse=»c«>``) is left out
and a stray ``<`` (``<ph id *``) escaped, so that the text's elements stay the source's (but
text in angle brackets, ``<Eingabetaste>``, where
the source has such text); an opening or closing tag whose partner the model dropped is left
out too, so that the run's elements nest; a bare ``&`` is written ``&amp;``, ``<`` and ``>`` as
``&lt;`` and ``&gt;`` (but those of ``raw``, written as themselves: a table cell's HTML,
written by hand as ``Shipping & returns``), a no-break space as ``&nbsp;``, a character the
run's or value's source writes as a reference as the source writes it (``&copy;`` stays
``&copy;``; every other character as itself: ``Menü``); in XML (XHTML, an
EPUB's documents) every reference is one XML defines (``&#160;``, not HTML's ``&nbsp;``), or
an entity of the source's (a DITA topic's ``&product;``, declared in its DOCTYPE). An
attribute value is written double-quoted and escaped. A run or value whose translation is its
source (a name the model copied) stays as written. ``adopted`` (key: (translation, as written))
gives the translations a translator wrote, written as they wrote them (in XML, with XML's
references); ``around`` (key: markup) the markup around a run someone set in the output (a
reviewer's link to a German page: :mod:`ltmt.formats.html_kept_markup`), written in place of
the source's, with the run's translated attribute values in it.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.common import canonical_code
from ltmt.formats.html_kept_markup import Markup
from ltmt.formats.html_segments import AttributeValue, Run, Segments, tag_name
from ltmt.formats.link_locales import same_but_locale, with_urls_of
from ltmt.formats.magento_trans import trans_string
from ltmt.formats.markup_characters import is_entity, plain_text
from ltmt.formats.placeholder_syntax import (
    CHARACTER_REFERENCE,
    REFERENCE_TAIL,
    find_placeholders,
)
from ltmt.text import with_edits

_TAG = re.compile(ANY_TAG)
_VALUE = re.compile(r'="[^"]*"')  # an attribute's value in a canonical tag
# the no-break spaces, written as references: U+00A0 by its name
_NO_BREAK_REFERENCES = {"\xa0": "&nbsp;", "\u202f": "&#8239;", "\u2007": "&#8199;"}
_NAMED_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_REFERENCE = re.compile(CHARACTER_REFERENCE)
# the named references XML defines without a DTD (every other is HTML's alone)
_XML_NAMES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def no_break_references(text: str) -> str:
    """``text`` with its no-break spaces written as character references (``&nbsp;``)."""
    for character, reference in _NO_BREAK_REFERENCES.items():
        text = text.replace(character, reference)
    return text


def xml_references(text: str, entities: Collection[str] = ()) -> str:
    """Written HTML ``text`` with each named reference XML does not define (``&nbsp;``,
    ``&shy;``) as a numeric one (``&#160;``), so that an XML parser reads it (an XHTML page,
    an EPUB's documents: an undeclared entity is a fatal error there); a name HTML does not
    define either, which a browser shows as its text, is written as that text (``&amp;foo;``),
    but one of ``entities``, the source's (:func:`entity_names`: a DITA topic's ``&product;``,
    declared in its DOCTYPE), which stays a reference."""

    def numeric(found: re.Match[str]) -> str:
        if found.group(1) in _XML_NAMES or found.group(1) in entities:
            return found.group()
        characters = html.unescape(found.group())
        if is_entity(found.group()):
            return "&amp;" + found.group()[1:]
        return "".join(f"&#{ord(character)};" for character in characters)

    return _NAMED_REFERENCE.sub(numeric, text)


# a tagged text's reference kept as written (&product;, &#8203;), or the text before one
_KEPT_REFERENCE = re.compile(f"({CHARACTER_REFERENCE})|[^&]+|&")


def _escaped_but_kept(found: re.Match[str]) -> str:
    """A piece of an attribute value's tagged translation written double-quoted: a reference
    the tagged form keeps (an entity's, an invisible character's) as it is, text escaped."""
    if found.group(1) and found.group(1) not in ("&amp;", "&lt;", "&gt;"):
        return found.group()
    return html.escape(plain_text(found.group()), quote=True)


def entity_names(written: str) -> frozenset[str]:
    """The names of the entity references in HTML or XML ``written`` (a run's source as the
    text has it) that HTML does not define: the text's own entities (``product`` of
    ``&product;``), which its translation keeps as references."""
    return frozenset(
        found.group(1) for found in _NAMED_REFERENCE.finditer(written) if is_entity(found.group())
    )


def source_references(written: str) -> dict[str, str]:
    """The characters HTML ``written`` (a run's or attribute value's source, as the page has
    it) writes as character references (``&copy;``, ``&#8212;``), each with its first
    reference as written, for its translation to write them so too. Not ``&``, ``<``, ``>``
    and the no-break spaces, which the writer writes its own way."""
    found: dict[str, str] = {}
    for reference in _REFERENCE.finditer(written):
        character = html.unescape(reference.group())
        if len(character) == 1 and character not in "&<>" and character not in _NO_BREAK_REFERENCES:
            found.setdefault(character, reference.group())
    return found


def with_references(text: str, references: Mapping[str, str]) -> str:
    """Written ``text`` with each character of ``references`` (:func:`source_references`) as
    its reference (but those in the references ``text`` has: ``&#8239;``'s ``#``)."""
    if not references:
        return text
    characters = "".join(re.escape(character) for character in references)
    found = re.compile(f"{CHARACTER_REFERENCE}|[{characters}]")
    return found.sub(lambda one: references.get(one.group(), one.group()), text)


# an ampersand that starts no character reference (the model's "&"): written as &amp;
_BARE_AMPERSAND = re.compile(f"&(?!{REFERENCE_TAIL})")


def written_html(
    text: str,
    found: Segments,
    translations: Mapping[str, str],
    adopted: Mapping[str, tuple[str, str]] | None = None,
    *,
    tgt_lang: str | None = None,
    xml: bool = False,
    raw: Collection[str] = (),
    around: Mapping[str, Markup] | None = None,
) -> str:
    """``text`` (whose runs and values are ``found``) with ``translations`` (by key) in, and
    its language marks set to ``tgt_lang`` when given (module docstring); ``xml``: the text is
    XML (an EPUB's document, a ``.xhtml`` file) where ``found`` does not say so; ``raw``: the
    characters of ``&<>`` a translation's text writes as themselves, as ``text`` does;
    ``around``: the output's markup around a run, by key, written in place of the source's."""
    writer = _Writer(
        text,
        found,
        translations,
        adopted or {},
        xml=xml or found.xml,
        raw=raw,
        tgt_lang=tgt_lang,
        around=around or {},
    )
    return writer.written()


def embedded_translations(
    found: Segments, translations: Mapping[str, str], unit_key: Callable[[str], str]
) -> dict[str, str]:
    """The translations (by piece key) of an HTML text embedded in a file (an EPUB's document,
    a Markdown HTML block) out of the file's ``translations``, whose keys are ``unit_key`` of
    its pieces'."""
    return {
        piece.key: translations[unit_key(piece.key)]
        for piece in found.pieces()
        if unit_key(piece.key) in translations
    }


class _Writer:
    def __init__(
        self,
        text: str,
        found: Segments,
        translations: Mapping[str, str],
        adopted: Mapping[str, tuple[str, str]],
        *,
        xml: bool,
        raw: Collection[str],
        tgt_lang: str | None,
        around: Mapping[str, Markup],
    ) -> None:
        self.text = text
        # a language mark is a BCP 47 tag: --tgt-lang de_DE (a POSIX locale) is written de-DE
        self.tgt_lang = canonical_code(tgt_lang) if tgt_lang else tgt_lang
        self.xml = xml
        self.raw = raw
        self.found = found
        self.translations = translations
        self.adopted = adopted
        self.around = around
        self.by_start = sorted(found.attributes, key=lambda value: value.start)
        self.starts = [value.start for value in self.by_start]

    def written(self) -> str:
        tgt_lang = self.tgt_lang
        edits: list[tuple[int, int, str]] = []
        covered: list[tuple[int, int]] = []
        for run in self.found.runs:
            translation = self.translations.get(run.key, run.source)
            written = None if translation == run.source else self.run(run, translation)
            markup = self.around.get(run.key)
            if markup is not None and run.outer is not None:
                inner = self.text[run.start : run.end] if written is None else written
                edits.append((*run.outer, self.markup(run, run.outer, markup, inner)))
                covered.append(run.outer)
            elif written is not None:
                edits.append((run.start, run.end, written))
                covered.append((run.start, run.end))
        covered.sort()
        starts = [start for start, _ in covered]
        for value in self.found.attributes:
            translation = self.translations.get(value.key, value.source)
            if translation == value.source or _inside(value.start, starts, covered):
                continue  # (one in a translated run's tag is written with the run)
            edits.append((value.start, value.end, self.attribute(value, translation)))
        if tgt_lang is not None:
            for start, end in self.found.languages:
                if not _inside(start, starts, covered):  # (one in a run's tag: with the run)
                    edits.append((start, end, self.language(start, tgt_lang)))
            if self.found.lang_insert is not None:
                at = self.found.lang_insert
                edits.append((at, at, f' lang="{tgt_lang}"'))
        return with_edits(self.text, edits)

    def language(self, start: int, tgt_lang: str) -> str:
        """The language mark whose value stands at ``start`` set to ``tgt_lang``, in its
        quotes."""
        quote = self.text[start] if self.text[start] in "\"'" else '"'
        return f"{quote}{tgt_lang}{quote}"

    def attribute(self, value: AttributeValue, translation: str) -> str:
        """An attribute value's translation as written (double-quoted)."""
        source = self.text[value.start : value.end]
        entities = entity_names(source)
        adopted = self.adopted.get(value.key)
        if adopted is not None and adopted[0] == translation:
            return self.as_written(adopted[1], entities)
        if value.quote:  # a template directive's string (Magento's {{trans "..."}})
            return trans_string(translation, value.quote)
        escaped = _KEPT_REFERENCE.sub(_escaped_but_kept, translation)
        references = source_references(source)
        return '"' + self.as_written(with_references(escaped, references), entities) + '"'

    def markup(self, run: Run, outer: tuple[int, int], markup: Markup, inner: str) -> str:
        """The output's ``markup`` around ``run`` (at ``outer``, whose text is written
        ``inner``) as written, with the attribute values of the source's in it (a link's
        ``title``) written as the source's or their translations."""
        values = []
        for value in self.values_in(*outer):
            if run.start <= value.start < run.end:
                continue  # (one in the run's text: written with it)
            translation = self.translations.get(value.key, value.source)
            if translation == value.source:
                values.append(self.text[value.start : value.end])
            else:
                values.append(self.attribute(value, translation))
        return markup.filled(values, inner)

    def run(self, run: Run, translation: str) -> str:
        """A run's translation as written (module docstring)."""
        entities = entity_names(self.text[run.start : run.end])
        adopted = self.adopted.get(run.key)
        if adopted is not None and adopted[0] == translation:
            return self.as_written(adopted[1], entities)
        written: dict[str, str] = {}
        for canonical, start, end in run.tags:
            written.setdefault(canonical, self.tag(start, end))
        found = [
            tag
            for tag in _TAG.finditer(translation)
            if not _text_in_brackets(tag.group(), run.source, written)
        ]
        # (a tag that is not the run's: the model's garbage, left out)
        tags = self.run_tags(run, [tag.group() for tag in found])
        # a tag whose partner is beyond the run (a <span> a <math> block cuts) is written as
        # the source has it, unpaired; the others only where they pair up
        unpaired = Counter(_unpaired([canonical for canonical, _, _ in run.tags]))
        alone: set[int] = set()
        for index, run_tag in enumerate(tags):
            if run_tag is not None and unpaired[run_tag] > 0:
                unpaired[run_tag] -= 1
                alone.add(index)
        paired = _paired(tags, alone)
        references = source_references(self.text[run.start : run.end])
        parts: list[str] = []
        last = 0
        for index, (tag, run_tag) in enumerate(zip(found, tags, strict=True)):
            parts.append(self.as_text(translation[last : tag.start()], references, entities))
            if run_tag is not None and index in paired:
                parts.append(self.localised_link(written[run_tag], run_tag, tag.group()))
            last = tag.end()
        parts.append(self.as_text(translation[last:], references, entities))
        return "".join(parts)

    def as_text(
        self, tagged: str, references: Mapping[str, str], entities: Collection[str] = ()
    ) -> str:
        """A translation's text between its tags as the text's (:func:`_as_text`), the
        characters of ``references`` as the run's source writes them (:meth:`as_written`)."""
        written = with_references(_as_text(tagged, self.raw), references)
        return self.as_written(written, entities)

    def as_written(self, written: str, entities: Collection[str] = ()) -> str:
        """Written HTML as this text takes it: its references those XML reads where the text
        is XML (:func:`xml_references`; a translator's ``&nbsp;`` too, an earlier run's), the
        source's ``entities`` kept."""
        return xml_references(written, entities) if self.xml else written

    def localised_link(self, written: str, run_tag: str, tag: str) -> str:
        """The run's tag ``run_tag`` (``written`` as the text has it) where the translation has
        ``tag`` for it; with ``tag``'s URLs where they are the source's but for a locale
        segment of the target language (a memory's ``/hc/de/`` for ``/hc/en-us/``: the link
        to the German page, as the memory has it; trial s76)."""
        if self.tgt_lang is None or not same_but_locale(run_tag, tag, "en", self.tgt_lang):
            return written
        return with_urls_of(written, tag)

    def run_tags(self, run: Run, tags: list[str]) -> list[str | None]:
        """The canonical form of the tag of ``run`` that each of ``tags`` (those in its
        translation) stands for, or None where it stands for none. A tag whose read attribute
        values were translated (``<a title="Häufige Fragen">``: a memory's stored target, which
        a translated page gave) stands for the run's tag that differs from it in those values
        alone; it is written as the run's, its values this run's translations. Else a tag that
        differs from one the translation lacks in its other values alone (a memory's link to
        ``/hc/de/articles/...`` for the source's ``/hc/en-us/articles/...``) stands for it, in
        order: left out, the link went with its closing tag (written as the run's)."""
        canonicals = [canonical for canonical, _, _ in run.tags]
        if all(tag in canonicals for tag in tags):
            return list(tags)
        names = {value.name for _, start, end in run.tags for value in self.values_in(start, end)}
        shapes: dict[str, str] = {}  # each shape's first canonical tag
        for canonical in canonicals:
            shapes.setdefault(_without_values(canonical, names), canonical)
        lacked = Counter(canonicals) - Counter(tags)
        found: list[str | None] = []
        for tag in tags:
            run_tag = tag if tag in canonicals else shapes.get(_without_values(tag, names))
            if run_tag is None:
                like = (c for c, n in lacked.items() if n and _same_but_values(c, tag))
                run_tag = next(like, None)
                if run_tag is not None:
                    lacked[run_tag] -= 1
            found.append(run_tag)
        return found

    def values_in(self, start: int, end: int) -> list[AttributeValue]:
        """The translatable attribute values of the tag at ``start:end``, in order."""
        return self.by_start[
            bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)
        ]

    def tag(self, start: int, end: int) -> str:
        """The tag at ``start:end`` as the text has it, with its translated attribute values
        and its language marks set to the target's."""
        edits = []
        for value in self.values_in(start, end):
            translation = self.translations.get(value.key, value.source)
            if translation != value.source:
                edits.append(
                    (value.start - start, value.end - start, self.attribute(value, translation))
                )
        if self.tgt_lang is not None:
            edits += [
                (at - start, after - start, self.language(at, self.tgt_lang))
                for at, after in self.found.languages
                if start <= at < end
            ]
        return with_edits(self.text[start:end], edits)


def _without_values(tag: str, names: Collection[str]) -> str:
    """A canonical tag (its attributes double-quoted) with the values of the attributes
    ``names`` left out: what two tags that differ in those values alone share."""
    if not names:
        return tag
    pattern = "|".join(re.escape(name) for name in sorted(names))
    return re.sub(rf'(\s(?:{pattern}))="[^"]*"', r"\1", tag)


def _same_but_values(tag: str, other: str) -> bool:
    """Whether two canonical tags have the same name and attributes, whatever their values."""
    return _VALUE.sub("", tag) == _VALUE.sub("", other)


def _unpaired(tags: list[str]) -> list[str]:
    """The tags (canonical forms) of a source run that pair with none in it."""
    paired = _paired(list(tags))
    return [tag for index, tag in enumerate(tags) if index not in paired]


def _paired(tags: list[str | None], alone: Collection[int] = ()) -> set[int]:
    """The indices of the tags (canonical forms; None: none to write) that can be written: an
    empty element's, those ``alone`` (written unpaired), and an opening and closing tag that
    pair up in order. One the model dropped the partner of is left out, so that the run's
    elements nest (as XHTML must)."""
    kept = set(alone)
    opened: list[tuple[str, int]] = []
    for index, tag in enumerate(tags):
        if tag is None or index in kept:
            continue
        if tag.endswith("/>"):
            kept.add(index)
        elif tag.startswith("</"):
            name = tag_name(tag)
            if any(other == name for other, _ in opened):
                while opened:  # (those opened inside it and not closed are left out)
                    other, at = opened.pop()
                    if other == name:
                        kept.update((at, index))
                        break
        else:
            opened.append((tag_name(tag), index))
    return kept


def _text_in_brackets(piece: str, source: str, tags: Collection[str]) -> bool:
    """Whether ``piece`` (``<...>`` in a translation, not one of the run's ``tags``) is text:
    where the run's ``source`` has text in angle brackets too (``Press <Enter>``, a
    metavariable), one that does not read as markup (``<Eingabetaste>``); else it is markup the
    model garbled."""
    if any(p.kind == "tag" for p in find_placeholders(piece)):
        return False
    return any(found.group() not in tags for found in _TAG.finditer(source))


def _as_text(text: str, raw: Collection[str] = ()) -> str:
    """A translation's text between its tags (in the tagged form,
    :mod:`ltmt.formats.markup_characters`) as the text's: a bare ``&`` as ``&amp;``, ``<`` and
    ``>`` as ``&lt;`` and ``&gt;`` (those of ``raw`` as themselves), a no-break space as a
    reference (``&nbsp;``: invisible written as itself)."""
    if "&" not in raw:
        text = _BARE_AMPERSAND.sub("&amp;", text)
    for character, reference in (("<", "&lt;"), (">", "&gt;")):
        if character not in raw:
            text = text.replace(character, reference)
    return no_break_references(text)


def _inside(at: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``at`` is inside one of the sorted, disjoint ``spans`` (``starts``: theirs)."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and at < spans[index][1]
