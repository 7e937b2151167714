"""Markdown documents (a project's README, docs pages) translated into a Markdown file of the
target language: ``ltmt translate README.md -o README.de.md``.

Parsed with markdown-it-py (CommonMark, with GitHub's tables and strikethrough). What is
translated, each a unit: a paragraph (in a list item or a block quote too), a heading (ATX and
setext), a table cell, an image's alt text and a link's title (in a cell of an image alone
too), the values people read of inline HTML (``<button aria-label="...">``), and in an HTML
block (``<p align="center">`` atop a README) its text and the attribute values people read, as
in an HTML page (:mod:`ltmt.formats.html_segments`). Inline syntax goes to the model as markup
(:mod:`ltmt.formats.markdown_inline`: emphasis, links, code spans, images). Everything else is
copied as written: code blocks, HTML blocks' markup, thematic breaks, link reference
definitions but their titles, YAML's and TOML's front matter but the values pages show
(``title``, ``description`` ...: :mod:`ltmt.formats.front_matter`), blank lines, and each
block's container markers (``> ``, ``- ``, ``1. ``, indentation) and a heading's ``#`` marks.
A paragraph is written as one line (Markdown renders the same; a hard break stays a hard
break). What documentation sites write beyond CommonMark (attribute lists, admonitions, HTML
blocks marked ``markdown="1"``, template tags) is read as
:mod:`ltmt.formats.markdown_extensions` says.

An existing output is the translation so far (as for app catalogs): where it has the source's
blocks (lined up by the sources the record of what ltmt wrote there says they were translated
from, so that an insertion or removal leaves the others in line:
:mod:`ltmt.formats.recorded_places`), a block with other text than the source's is kept,
unless the user's memory holds that text for another source
(:mod:`ltmt.formats.changed_sources`): a block kept by its place whose source was edited, or
which an insertion or removal before it moved, is translated again
(:attr:`~ltmt.formats.documents.TranslationsHeld.keeps_changed_sources`: a catalog's string is
kept and named in a warning), and so is one that ltmt wrote for another source
(:mod:`ltmt.formats.output_sources`); its front matter is the source's, with the keys a person
edited or added in the output kept (``lang: de``, a German permalink:
:mod:`ltmt.formats.front_matter_rerun`); an output with more blocks
than its source and than ltmt wrote there (a notice added by hand) is refused, since its
blocks' places no longer say what each stands for; ``--overwrite`` translates all.
``ltmt memory import README.de.md --source-file README.md`` stores the pairs of two such files'
blocks.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats.common import atomic_write, decode, read_bytes, source_file_given, written_like
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.front_matter import (
    FRONT_MATTER,
    front_matter_values,
    front_matter_warnings,
    key_blocks,
)
from ltmt.formats.front_matter_rerun import merged_front, written_keys
from ltmt.formats.glued_attributes import with_attributes_glued
from ltmt.formats.html_blocks_kept import (
    EmbeddedHtml,
    KeptHtml,
    refuse_added_pieces,
    source_markups,
)
from ltmt.formats.html_segments import Segments, lined_up_sources, segments
from ltmt.formats.html_writing import embedded_translations
from ltmt.formats.markdown_extensions import (
    SHORTCODE,
    ParserView,
    lines_between,
    marker_lines,
    parser_view,
    with_templates,
    without_ending_attributes,
    without_span_attributes,
)
from ltmt.formats.markdown_inline import (
    markdown,
    read_attributes,
    tagged,
    with_attributes,
    with_link_sources,
    writes_no_break_references,
)
from ltmt.formats.markdown_link_marks import task_box
from ltmt.formats.markdown_values import (
    Value,
    abbreviation_value,
    definition_title,
    shortcode_values,
    shortcodes_as_written,
)
from ltmt.formats.markup_characters import plain_text, tagged_text
from ltmt.formats.mdx import component_props, component_shape, html_attributes, indented_prose
from ltmt.formats.output_sources import Record
from ltmt.formats.recorded_places import (
    UNPLACED,
    lined_up_by_texts,
    lined_up_places,
    places_recorded,
    recorded_sources,
    refuse_added_blocks,
    warn_of_replaced,
    warn_of_unplaced,
)
from ltmt.formats.template_parameters import raw_lines
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.segments import PairRecord
from ltmt.text import has_letter, with_edits
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a Markdown file"
# a pipe that ends a table cell (not escaped); one a translated cell holds is escaped
_CELL_PIPE = re.compile(r"(?<!\\)\|")
_TAG = re.compile(r"<[^<>]+>")  # a tag of a block's tagged form
# a definition's line of a definition list (Pandoc's, PHP Markdown Extra's): ": Definition"
_DEFINITION = re.compile(r"[ \t]{0,3}:[ \t]+(?=\S)")


@dataclass(frozen=True)
class Block:
    """One translatable piece of the file: its ``source`` (the tagged form), the lines it takes
    (``first`` to before ``last``), what stands before and after its text on its first line
    (``prefix``: container markers, ``# ``; ``suffix``: a heading's closing ``#``), how a line
    it breaks onto starts (``continuation``) and the hard break it writes. A table cell is the
    text between ``prefix`` and ``suffix`` of its row's line."""

    key: str
    source: str
    first: int
    last: int
    prefix: str
    suffix: str
    continuation: str = ""
    hard_break: str = "\\"
    # words outside code and tags: a block without (an image alone) is translated in its
    # attributes only (its alt text), its own text written as it is
    words: bool = True
    # how a value of its own syntax (a front matter's, a link title's) is written: None for
    # Markdown text (:mod:`ltmt.formats.markdown_values`)
    written: Callable[[str], str] | None = None

    @property
    def is_cell(self) -> bool:
        return self.key.startswith("cell")

    @property
    def shares_line(self) -> bool:
        """Whether its text is one of several on its line (a table cell, a shortcode's
        attribute value): an adopted translation is its text alone, written in its place,
        never its whole line (a shortcode's two values wrote the line twice on each rerun)."""
        return self.is_cell or self.key.startswith("shortcode")

    def attributes(self) -> list[tuple[str, tuple[int, str], str]]:
        """Its images' alt texts and links' titles: their unit keys, where they stand (tag
        number, attribute name) and their text."""
        return [
            (f"{self.key}:{name}{number}", (number, name), value)
            for number, name, value in read_attributes(self.source)
        ]

    def text(self, translation: str, references: bool = True) -> str:
        """``translation`` (of :attr:`source`) as the block's Markdown text: a paragraph's or a
        heading's line without its prefix and suffix, a cell's text (its pipes escaped); its
        no-break spaces as references with ``references`` (where the source writes them so:
        :func:`writes_no_break_references`)."""
        if self.written is not None:
            return self.written(plain_text(translation))
        translation = with_attributes_glued(self.source, translation)
        if self.is_cell:  # (a cell is one line: a break in it is written <br>)
            return _CELL_PIPE.sub(r"\\|", markdown(translation, None, references=references))
        return markdown(translation, self.hard_break, self.continuation, references)


@dataclass(frozen=True)
class HtmlBlock:
    """An HTML block (``<p align="center">...</p>`` atop a README): its lines (``first`` to
    before ``last``), each line's container prefix (``> ``; the first line's, then the
    others'), its text without them, and the runs and attribute values in it
    (:mod:`ltmt.formats.html_segments`), whose keys are the block's ``key`` and theirs."""

    key: str
    first: int
    last: int
    prefix: str
    continuation: str
    text: str
    found: Segments

    def unit_key(self, piece_key: str) -> str:
        return f"{self.key}:{piece_key}"

    @property
    def embedded(self) -> EmbeddedHtml:
        """The block's HTML, as a file with HTML in it keeps it (:mod:`ltmt.formats.
        html_blocks_kept`)."""
        return EmbeddedHtml(self.text, self.found, self.unit_key)


def _parser(mdx: bool = False) -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    return with_templates(with_link_sources(parser), mdx)


def _is_mdx(path: Path) -> bool:
    """Whether ``path`` is an MDX page, which has no indented code blocks (:func:`_blocks`)."""
    return path.suffix.lower() == ".mdx"


def _tags_read(parser: Any, view: ParserView, mdx: bool) -> list[tuple[int, int]]:
    """The lines of template tags alone of ``view`` (first, last) whose parameters are read,
    but Liquid's in an indented code block (``    {% include note.html content="..." %}``,
    an example: it was translated), kept as written as in a fenced code block (MDX has no
    indented code; a Hugo shortcode there is read: Hugo expands it), and those in ``{% raw
    %}``, Liquid's text."""
    probe = list(view.lines)
    for number, text in view.tag_texts.items():
        probe[number] = text
    kept = raw_lines("\n".join(probe))
    if not mdx:
        kept |= {
            line
            for token in parser.parse("\n".join(probe))
            if token.type == "code_block" and token.map is not None
            for line in range(*token.map)
            if line in view.tag_texts and not SHORTCODE.search(view.tag_texts[line])
        }
    return [(first, last) for first, last in view.tags if first not in kept]


def _blocks(text: str, mdx: bool = False) -> tuple[list[Block], list[HtmlBlock]]:
    """The translatable blocks of a Markdown ``text`` and its HTML blocks with text, in
    order. In an MDX page (``mdx``) what CommonMark reads as indented code is text (MDX has no
    indented code: a ``<TabItem>``'s indented paragraph was left in English), its paragraphs
    keyed apart (``indented0``) so that the other blocks keep the keys they had."""
    lines = text.splitlines()
    skipped = 0
    front = FRONT_MATTER.match(text)
    blocks: list[Block] = []
    if front is not None:
        skipped = front.group().count("\n")
        blocks = _value_blocks("meta", front_matter_values(lines[:skipped]))
    parser = _parser(mdx)
    view = parser_view(lines[skipped:], mdx)
    blocks += _title_blocks(parser, view, lines, skipped)
    blocks += _value_blocks(
        "shortcode",
        [
            value
            for first, last in _tags_read(parser, view, mdx)
            for value in shortcode_values(first + skipped, lines[first + skipped : last + skipped])
        ],
    )
    blocks += _value_blocks(
        "abbr",
        [
            value
            for n in view.abbreviations
            if (value := abbreviation_value(n + skipped, lines[n + skipped])) is not None
        ],
    )
    tokens = parser.parse("\n".join(view.lines))
    html_blocks: list[HtmlBlock] = []
    indented: list[Block] = []  # an MDX page's indented paragraphs
    row: int | None = None
    cells: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if mdx and token.type == "code_block" and token.map is not None:
            indented += _indented_blocks(parser, token, lines, skipped, len(indented))
            continue
        if token.type == "html_block" and token.map is not None:
            first, last = token.map[0] + skipped, token.map[1] + skipped
            key = f"html{len(html_blocks)}"
            found = _html_block(key, lines, first, last, token.content, props=not mdx)
            if found is not None:
                html_blocks.append(found)
            continue
        if token.type == "tr_open" and token.map is not None:
            row = token.map[0] + skipped
            cells = _cell_spans(lines[row])
            continue
        if token.type != "inline" or token.map is None or not token.children:
            continue
        opening = tokens[index - 1]
        source = tagged(token.children)
        if opening.type in ("th_open", "td_open"):
            if row is None or not cells or not token.content.strip():
                continue
            start, end = cells.pop(0)  # (an empty cell has no span)
            words = _has_words_outside_code(source)
            if not words and not any(has_letter(value) for _, _, value in read_attributes(source)):
                continue  # (an image alone is translated in its alt text)
            line = lines[row]
            blocks.append(
                Block(
                    f"cell{len(blocks)}",
                    source,
                    row,
                    row + 1,
                    line[:start],
                    line[end:],
                    words=words,
                )
            )
            continue
        if opening.type not in ("paragraph_open", "heading_open"):
            continue
        if opening.type == "paragraph_open" and _definition_list(token.content):
            first = token.map[0] + skipped
            blocks += _definition_blocks(parser, token.content, lines, first, blocks)
            continue
        block = _text_block(f"block{len(blocks)}", opening, token, lines, skipped)
        if block is not None:
            blocks.append(block)
    blocks += _definition_titles(tokens, lines, skipped) + indented
    blocks.sort(key=lambda block: block.first)  # (admonitions' and definitions' titles too)
    html_blocks += _component_blocks(lines, view.components, skipped)
    html_blocks.sort(key=lambda block: block.first)
    return blocks, html_blocks


def _component_blocks(
    lines: list[str], components: list[tuple[int, int]], skipped: int
) -> list[HtmlBlock]:
    """The JSX component tags of an MDX page kept as written (``components``: their lines
    after the ``skipped`` ones of the front matter) that have text props, as HTML blocks of
    those props alone (:func:`~ltmt.formats.mdx.component_props`: ``<Card title="Install
    the CLI" href={...} />``'s title was left in English), keyed apart (``component0``) so
    that the other HTML blocks keep their keys."""
    found: list[HtmlBlock] = []
    for first, last in components:
        text = "\n".join(lines[first + skipped : last + skipped])
        props = component_props(text)
        if props.pieces():
            key = f"component{len(found)}"
            found.append(HtmlBlock(key, first + skipped, last + skipped, "", "", text, props))
    return found


def _indented_blocks(
    parser: Any, code: Any, lines: list[str], skipped: int, before: int
) -> list[Block]:
    """The paragraphs of an MDX page's indented text (``code``: the token CommonMark reads it
    as; ``before``: such paragraphs before it) that are prose in a JSX element
    (:func:`~ltmt.formats.mdx.indented_prose`), each its block, its indentation kept: the rest
    (a JSX expression, a command in a list item, an admonition's ``:::``) is kept as written."""
    first = code.map[0] + skipped
    tokens = parser.parse(code.content)
    found: list[Block] = []
    for opening, token in itertools.pairwise(tokens):
        if opening.type != "paragraph_open" or token.type != "inline" or token.map is None:
            continue
        block = _text_block(f"indented{before + len(found)}", opening, token, lines, first)
        if block is not None and indented_prose(lines, block.first, block.last, token.content):
            found.append(block)
    return found


def _text_block(key: str, opening: Any, token: Any, lines: list[str], skipped: int) -> Block | None:
    """The block of a paragraph's or a heading's inline ``token`` (``opening``: the token that
    opens it; ``skipped``: the lines of front matter before the parsed text), or None where it
    has nothing to translate or is not where the parser says. Markup on lines of its own at
    its start or end (a GitHub alert's ``[!NOTE]``, an attribute list) and an attribute list
    at a heading's end stay outside it, as written (:mod:`ltmt.formats.markdown_extensions`:
    ``> [!NOTE]`` was translated ``> [!WARNUNG]``, ``{#known-issues}`` ``{#kannteriss}``)."""
    first, last = token.map[0] + skipped, token.map[1] + skipped
    content = token.content.split("\n")  # (a setext heading's underline is not in it)
    children = list(token.children)
    ending = False  # whether a paragraph's text is followed by an attribute list on its line
    if opening.type == "paragraph_open":
        leading, trailing = marker_lines(content, children)
        children = lines_between(children, leading, trailing)
        first, last = first + leading, last - trailing
        content = content[leading : len(content) - trailing]
        if len(content) == 1:
            text, children = without_span_attributes(content[0], children)
            ending = text != content[0]
            content = [text]
    elif len(content) == 1:
        text, children = without_ending_attributes(content[0], children)
        content = [text]
    if not children or not content:
        return None
    where = lines[first].find(content[0])
    if where < 0:
        return None  # not where the parser says: left as written
    box = ""
    if opening.type == "paragraph_open" and children[0].type == "text":
        box = task_box(lines[first][:where], content[0])
    if box and str(children[0].content).startswith(box):  # kept, as its list marker is
        rest = str(children[0].content)[len(box) :]
        children = ([children[0].copy(content=rest)] if rest else []) + children[1:]
        content = [content[0][len(box) :], *content[1:]]
        where += len(box)
    if not children:
        return None
    source = tagged(children)
    words = _has_words_outside_code(source)
    if not words and not any(has_letter(value) for _, _, value in read_attributes(source)):
        return None
    suffix = ""
    if ending or (
        opening.type == "heading_open" and (opening.markup.startswith("#") or len(content) == 1)
    ):
        suffix = lines[first][where + len(content[0]) :]
    continuation = ""
    if len(content) > 1 and first + 1 < len(lines):
        found = lines[first + 1].find(content[1])
        continuation = lines[first + 1][: max(found, 0)]
    hard_break = "  " if any(line.endswith("  ") for line in lines[first:last]) else "\\"
    return Block(
        key, source, first, last, lines[first][:where], suffix, continuation, hard_break, words
    )


def _title_blocks(parser: Any, view: ParserView, lines: list[str], skipped: int) -> list[Block]:
    """The admonitions' titles (``!!! tip "Faster setup"``), each a block of its marker's line
    (``skipped``: the lines before the parsed text; ``parser``: the file's, :func:`_parser`)."""
    found: list[Block] = []
    for number, start, end in view.titles:
        line = lines[number + skipped]
        source = tagged(parser.parseInline(line[start:end])[0].children or [])
        if not _has_words_outside_code(source):
            continue
        key = f"title{len(found)}"
        found.append(
            Block(key, source, number + skipped, number + skipped + 1, line[:start], line[end:])
        )
    return found


def _value_blocks(kind: str, values: list[Value]) -> list[Block]:
    """Blocks of values written in their own syntax (:mod:`ltmt.formats.markdown_values`),
    their keys ``kind`` and a number."""
    return [
        Block(f"{kind}{n}", v.source, v.first, v.last, v.prefix, v.suffix, written=v.written)
        for n, v in enumerate(values)
    ]


def _definition_titles(tokens: list[Any], lines: list[str], skipped: int) -> list[Block]:
    """The titles of the link reference definitions among ``lines`` (``tokens``: the parsed
    text's after ``skipped`` lines), on the top level's lines that no block holds: a
    definition is none."""
    held = {
        number + skipped
        for token in tokens
        if token.level == 0 and token.map is not None
        for number in range(*token.map)
    }
    found = [
        definition_title(number, line)
        for number, line in enumerate(lines)
        if number >= skipped and number not in held
    ]
    return _value_blocks("reference", [value for value in found if value is not None])


def _definition_list(content: str) -> bool:
    """Whether a paragraph's ``content`` is a term and its definitions, as Pandoc and PHP
    Markdown Extra write them (``Term`` / ``: Definition``), which CommonMark reads as one
    paragraph."""
    rows = content.split("\n")
    return (
        len(rows) > 1 and not _DEFINITION.match(rows[0]) and all(map(_DEFINITION.match, rows[1:]))
    )


def _definition_blocks(
    parser: Any, content: str, lines: list[str], first: int, before: list[Block]
) -> list[Block]:
    """A definition list's term and each definition as blocks of one line, the ``: `` of a
    definition kept before its text (they were translated as one sentence: ``Term`` / ``:
    Definition`` came back ``Hier : Definition ...``); ``parser``: the file's, :func:`_parser`."""
    found: list[Block] = []
    for offset, row in enumerate(content.split("\n")):
        marker = _DEFINITION.match(row)
        text = row[marker.end() :] if marker else row
        source = tagged(parser.parseInline(text)[0].children or [])
        line = lines[first + offset]
        where = line.find(text)
        if where < 0 or not _has_words_outside_code(source):
            continue
        key = f"block{len(before) + len(found)}"
        found.append(Block(key, source, first + offset, first + offset + 1, line[:where], ""))
    return found


def _html_block(
    key: str, lines: list[str], first: int, last: int, content: str, props: bool = True
) -> HtmlBlock | None:
    """The HTML block of ``lines[first:last]`` (``content``: its text, as the parser read it
    without container prefixes), or None when it has nothing to translate or its lines are
    not its text behind one prefix and one continuation prefix each. Without ``props`` (an MDX
    page's, whose tags are JSX) a JSX component's props are kept as written, being code
    (``<Card title="Get started" description="..." />`` came back with its title alone
    translated), while HTML's tags' attributes are read
    (:func:`~ltmt.formats.mdx.html_attributes`)."""
    texts = content.rstrip("\n").split("\n")
    written = lines[first:last]
    if len(texts) != len(written) or not all(
        line.endswith(text) for line, text in zip(written, texts, strict=True)
    ):
        return None
    prefixes = [line[: len(line) - len(text)] for line, text in zip(written, texts, strict=True)]
    if len(set(prefixes[1:])) > 1:
        return None
    try:
        found = segments("\n".join(texts))
    except UnclosedMarkupError as unreadable:
        raise unreadable.at(f"the HTML block at line {first + 1}") from None
    if not props:
        found.attributes[:] = html_attributes(found.attributes, "\n".join(texts))
    if not found.pieces():
        return None
    continuation = prefixes[1] if len(prefixes) > 1 else " " * len(prefixes[0])
    return HtmlBlock(key, first, last, prefixes[0], continuation, "\n".join(texts), found)


def _attribute_pairs(block: Block, theirs: Block) -> list[tuple[str, tuple[int, str], str, str]]:
    """The alt texts and titles of ``block`` beside those of ``theirs`` (the block that stands
    for it in a translation), where the two have the same ones: key, place, source, theirs."""
    mine, other = block.attributes(), theirs.attributes()
    if [place for _, place, _ in mine] != [place for _, place, _ in other]:
        return []
    return [
        (key, place, source, translation)
        for (key, place, source), (_, _, translation) in zip(mine, other, strict=True)
    ]


def _tags_as_written(source: str) -> dict[str, Any]:
    """The metadata that names ``source``'s tags whose attributes hold escaped characters
    as written (``ltmt qa``'s ``lacks <a href="{{< ref "overview.md" >}}">``: they were
    printed ``{{&lt; ref &quot;...``)."""
    escaped = {tag for tag in _TAG.findall(source) if "&" in tag}
    return {"placeholders": {tag: unescape(tag) for tag in escaped}} if escaped else {}


def _shortcodes_alone(text: str) -> str:
    """The Hugo shortcodes on the lines of template tags alone of the Markdown ``text``, as
    :func:`~ltmt.formats.markdown_values.shortcodes_as_written` gives them."""
    lines = text.splitlines()
    front = FRONT_MATTER.match(text)
    skipped = front.group().count("\n") if front is not None else 0
    view = parser_view(lines[skipped:])
    return shortcodes_as_written(
        [line for first, last in view.tags for line in lines[first + skipped : last + skipped]]
    )


def _components_alone(text: str, mdx: bool) -> str:
    """The JSX component tags an MDX page's ``text`` keeps as written on lines of their own
    (:func:`~ltmt.formats.mdx.component_tag_end`), their string props' values set aside
    (:func:`~ltmt.formats.mdx.component_shape`: a translated ``title="CLI installieren"``,
    a tag reflowed onto one line, was an error), in the tagged form of code kept as written:
    what a translation's must match (``<Meta ... Parameter={{ ... }} />`` for
    ``parameters=`` passed ``ltmt qa``)."""
    if not mdx:
        return ""
    lines = text.splitlines()
    front = FRONT_MATTER.match(text)
    skipped = front.group().count("\n") if front is not None else 0
    view = parser_view(lines[skipped:], mdx)
    tags = ("\n".join(lines[first + skipped : last + skipped]) for first, last in view.components)
    shapes = (component_shape(tag) for tag in tags)
    return "".join(f'<code data-md="raw">{tagged_text(shape)}</code>' for shape in shapes)


def _recorded(record: Record | None, key: str, source: str) -> bool:
    """Whether ``record`` (what ltmt last wrote into the output) says the copy of ``source`` at
    the output's block ``key`` is a reviewer's translation: ltmt wrote that block for
    ``source``, and something else than the copy there (a reviewer's ``macOS`` was replaced
    by ``MacOS`` again on each rerun). A copy ltmt wrote itself (the model left ``Option`` as
    it is), at a block new since, or with no record, is untranslated: a memory pair or
    glossary added since translates it."""
    return (
        record is not None
        and record.written_for(Unit(key, source))
        and not record.wrote_at(key, source)
    )


def _has_words_outside_code(source: str) -> bool:
    """Whether a block's tagged text has a letter outside code spans and tags."""
    return has_letter(re.sub(r"<code[^<>]*>.*?</code>|<[^<>]*>", "", source))


def _first_unlined(theirs: list[Block], ours: list[Block]) -> str:
    """Where the blocks of a translation (``theirs``) stop lining up with its source's
    (``ours``) by place and kind (a paragraph, a cell, an admonition's title ...): from the
    line of its first block that does not, or at its end (the source has more)."""
    kinds = zip([_kind(b) for b in theirs], [_kind(b) for b in ours], strict=False)
    place = next((n for n, (mine, other) in enumerate(kinds) if mine != other), len(ours))
    return f"from its line {theirs[place].first + 1} on" if place < len(theirs) else "at its end"


# the key of a block (block3, cell7, title0): what the record of an output ltmt wrote keeps of each
# of its places, beside its attributes' (block3:alt0) and HTML blocks' (html0:text1)
_BLOCK_KEY = re.compile(r"[a-z]+\d+")


def _kind(block: Block) -> str:
    """A block's kind: its key without its number (``block``, ``cell``, ``title``)."""
    return block.key.rstrip("0123456789")


def _marks(prefix: str) -> str:
    """A paragraph's or heading's marks as its ``prefix`` writes them, blanks left out: ``##``,
    ``>-``, ``1.``."""
    return "".join(prefix.split())


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """Where each non-empty cell's text stands in a table row's ``line`` (without its spaces):
    between pipes that are not escaped (in a code span too, as GitHub's tables have it)."""
    pipes = [found.start() for found in _CELL_PIPE.finditer(line)]
    spans = []
    for left, right in itertools.pairwise([-1, *pipes, len(line)]):
        cell = line[left + 1 : right]
        if cell.strip():
            start = left + 1 + len(cell) - len(cell.lstrip())
            spans.append((start, start + len(cell.strip())))
    return spans


class MarkdownDocument(TranslationsHeld):
    """A Markdown file to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "md"
    what_is_filled = "block"

    def __init__(self, path: Path, data: bytes) -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data  # as read: its line ends and byte order mark are the output's
        self.text = decode(data, self.path)
        self.blocks, self.html_blocks = _blocks(self.text, _is_mdx(self.path))
        self.adopted: dict[str, tuple[str, str]] = {}  # key: (tagged text, line as written)
        # the key in the output of the block each block was taken from, under which the record
        # of what ltmt wrote there holds it (:class:`~ltmt.formats.output_sources.Moved`)
        self.output_keys: dict[str, str] = {}
        # the HTML blocks' runs and values kept as the output had them, and the markup around
        # their runs someone set there (:mod:`ltmt.formats.html_blocks_kept`)
        self.kept_html = KeptHtml()
        self._front_matter_said = False  # (its warnings, said once: _say_front_matter_kept)
        # a rerun's front matter (:meth:`_front_matter_of`): its lines, our front matter's
        # blocks placed in them by key, and how many lines ours takes
        self.output_front: tuple[list[str], dict[str, Block], int] | None = None
        # with --overwrite, the record of what ltmt wrote into the output: its front matter
        # is the source's, but for the keys a person added there (:meth:`overwrite_front_matter`)
        self._overwriting: tuple[Record | None] | None = None

    @classmethod
    def open(cls, path: Path, **_: Any) -> MarkdownDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def units(self) -> list[Unit]:
        """The units to translate, in the file's order; what of its front matter is left as
        written is named in a warning."""
        self._say_front_matter_kept()
        placed = [
            (block.first, 0, Unit(block.key, block.source)) for block in self.blocks if block.words
        ]
        placed += [
            (block.first, order, Unit(key, value))
            for block in self.blocks
            for order, (key, _, value) in enumerate(block.attributes(), 1)
        ]
        placed += [
            (html.first, order, Unit(html.unit_key(piece.key), piece.source))
            for html in self.html_blocks
            for order, piece in enumerate(html.found.pieces())
        ]
        placed.sort(key=lambda item: (item[0], item[1]))
        return [unit for _, _, unit in placed]

    def _say_front_matter_kept(self) -> None:
        """Warn, once, of what the front matter leaves as written (a value of several
        paragraphs, invalid YAML). Said when the file is translated (its units asked for), not
        when it is read for its memory pairs (an import) or as an output."""
        if self._front_matter_said:
            return
        self._front_matter_said = True
        for warning in front_matter_warnings(self.text):
            logger.warning("%s: %s", self.path, warning)

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds, its
        blocks lined up by place (:meth:`adopt_recorded` without a record)."""
        return self.adopt_recorded(target, None)

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds: the
        blocks of the same kind that stand for ours (:meth:`_aligned`; ``record``: what ltmt
        last wrote there, :mod:`ltmt.formats.output_sources`) whose text is not the source's.
        A copy of the source is kept only where the record says ltmt wrote something else
        in that block for its source: the copy is a reviewer's (``macOS`` put back for ltmt's
        ``MacOS``); ltmt's own copy, a block new or changed since, or no record, is
        untranslated.
        A reviewer's edit that no block stands for any more is named in a warning."""
        adopted = 0
        text = decode(read_bytes(Path(target), WHAT), Path(target))
        their_blocks, their_html = _blocks(text, _is_mdx(Path(target)))
        front_record = self._overwriting[0] if self._overwriting is not None else record
        self.output_front = self._front_matter_of(Path(target), text, their_blocks, front_record)
        if record is not None:
            self._refuse_added_blocks(Path(target), their_blocks, their_html, record)
        # the record's places are the file's blocks: else (a reviewed copy of an earlier output
        # put in its place) a block is lined up by its text (:mod:`ltmt.formats.recorded_places`)
        placed = record is not None and places_recorded(
            record,
            [(block.key, block.source) for block in their_blocks if block.words],
            sum(block.words for block in self.blocks),
            _BLOCK_KEY,
        )
        at_place = record if placed else None
        taken: set[str] = set()
        for block, theirs, lines in self._aligned(their_blocks, text, record, placed=placed):
            taken.add(theirs.key)
            self.output_keys[block.key] = theirs.key if placed else UNPLACED + theirs.key
            if theirs.source != block.source or _recorded(at_place, theirs.key, block.source):
                self.translations[block.key] = theirs.source
                self.adopted[block.key] = (theirs.source, lines)
                adopted += 1
            for key, _, source, translation in _attribute_pairs(block, theirs):
                self.output_keys[key] = self.output_keys[block.key] + key[len(block.key) :]
                if translation != source or _recorded(at_place, self.output_keys[key], source):
                    self.translations[key] = translation
                    adopted += 1
        if len(their_html) == len(self.html_blocks):  # (else none lines up: _html_aligned)
            lined_up = [
                (mine.embedded, theirs.embedded)
                for mine, theirs in zip(self.html_blocks, their_html, strict=True)
            ]
            kept_html = self.kept_html.adopt(Path(target), lined_up, record)
            self.translations.update(kept_html)
            adopted += len(kept_html)
        dropped = [(b.key, b.source) for b in their_blocks if b.key not in taken and b.words]
        if record is not None and placed:
            warn_of_replaced(Path(target), record, dropped)
        elif record is not None:
            warn_of_unplaced(Path(target), self.path, [key for key, _ in dropped], True)
        elif not taken and self.blocks and sum(bool(block.words) for block in their_blocks) > 1:
            # a page of one paragraph ("Not translated yet.") is a stub, no translation to keep
            raise UnalignedTranslationError(
                f"{target}: its {len(their_blocks)} blocks do not line up with the source's "
                f"{len(self.blocks)} (paragraphs joined or split by hand?), so none of its "
                "translations could be kept and this run would replace them all; translate into "
                "a new file and copy what you keep, or give --overwrite to replace it"
            )
        return adopted

    def overwrite_front_matter(self, record: Record | None) -> None:
        """With --overwrite, before :meth:`adopt_recorded`: the output's front matter is the
        source's, but for the keys that a person added there and ``record`` (what ltmt wrote
        there) lacks (:mod:`ltmt.formats.front_matter_rerun`)."""
        self._overwriting = (record,)

    def _front_matter_of(
        self, target: Path, text: str, theirs: list[Block], record: Record | None
    ) -> tuple[list[str], dict[str, Block], int] | None:
        """The front matter of a rerun (:mod:`ltmt.formats.front_matter_rerun`) from ours and
        that of ``text`` (this file's translation ``target``, its blocks ``theirs``; ``record``:
        what ltmt wrote there), its lines and our value blocks placed in them, where both files
        have front matter. Where theirs cannot be split into keys, theirs is written into
        where its values people read stand on the same keys' lines."""
        ours, front = FRONT_MATTER.match(self.text), FRONT_MATTER.match(text)
        if ours is None or front is None:
            return None
        mine = [block for block in self.blocks if _kind(block) == "meta"]
        other = [block for block in theirs if _kind(block) == "meta"]
        aligned = [b.prefix.strip() for b in mine] == [b.prefix.strip() for b in other]
        by_key = dict(zip([b.key for b in mine], other, strict=True)) if aligned else {}
        their_lines = text[: front.end()].splitlines(keepends=True)
        our_lines = self.text[: ours.end()].splitlines(keepends=True)
        merged = merged_front(our_lines, their_lines, record, self._overwriting is not None)
        if merged is None:
            if not aligned:
                return None
            placed = {
                b.key: replace(b, first=t.first, last=t.last, prefix=t.prefix, suffix=t.suffix)
                for b, t in zip(mine, other, strict=True)
            }
            return their_lines, placed, len(our_lines)
        pieces, unrecorded = merged
        lines, placed = their_lines[:1], {}
        for piece in pieces:
            at = len(lines) - piece.first
            lines += (our_lines if piece.ours else their_lines)[piece.first : piece.end]
            for block in mine:
                # ours in a key of ours, or written where theirs stands in a key of theirs
                t = block if piece.ours else by_key.get(block.key)
                if t is not None and piece.first <= t.first < piece.end:
                    first, last = t.first + at, t.last + at
                    placed[block.key] = replace(
                        block, first=first, last=last, prefix=t.prefix, suffix=t.suffix
                    )
        lines.append(their_lines[-1])
        self._warn_of_unrecorded_front(target, unrecorded, our_lines, mine)
        return lines, placed, len(our_lines)

    def _warn_of_unrecorded_front(
        self, target: Path, keys: list[str], our_lines: list[str], mine: list[Block]
    ) -> None:
        """Warn that the front matter keys ``keys`` of ``target`` were kept as they are for
        want of a record of what ltmt wrote there (those whose values it translates aside)."""
        spans = key_blocks(our_lines) or {}
        translated = {k for k, (a, b) in spans.items() if any(a <= m.first < b for m in mine)}
        kept = [key for key in keys if key not in translated]
        if kept:
            logger.warning(
                "%s: no record of what ltmt wrote into its front matter, so %s, which %s from "
                "%s's, %s kept as %s (edited by hand?); check %s, or give --overwrite to take "
                "the source's",
                target,
                ", ".join(f"'{key}'" for key in kept),
                "differs" if len(kept) == 1 else "differ",
                self.path,
                "was" if len(kept) == 1 else "were",
                "it is" if len(kept) == 1 else "they are",
                "it" if len(kept) == 1 else "them",
            )

    def front_matter_written(self) -> dict[str, str] | None:
        """The lines of each top-level key of the front matter written (the record keeps
        their digests: :data:`~ltmt.formats.output_sources.FRONT`); None without one."""
        front = FRONT_MATTER.match(self.translated_text())
        return None if front is None else written_keys(front.group().splitlines(keepends=True))

    def _refuse_added_blocks(
        self, target: Path, theirs: list[Block], their_html: list[HtmlBlock], record: Record
    ) -> None:
        """Raise :class:`UnalignedTranslationError` where ``target`` (this file's translation,
        its blocks ``theirs``) has more blocks than this file and than ``record`` says ltmt
        wrote there: someone added one (a notice atop the page), and its blocks' keys, their
        places, no longer say which source each was written for (a rerun wrote the notice where
        a heading stood and dropped the heading). One pasted into both files is no such block.
        So too a paragraph added inside an HTML block (``their_html``: the file's, where they
        line up with ours; :func:`~ltmt.formats.html_blocks_kept.refuse_added_pieces`)."""
        words = sum(block.words for block in theirs)
        written = sum(block.words and block.key in record.units for block in theirs)
        ours = sum(block.words for block in self.blocks)
        refuse_added_blocks(str(target), self.path, words, written, ours)
        if len(their_html) == len(self.html_blocks):  # (else none lines up: _html_aligned)
            for mine, other in zip(self.html_blocks, their_html, strict=True):
                where = f"{target}, the HTML block at line {other.first + 1}"
                refuse_added_pieces(where, self.path, mine.embedded, other.embedded, record)

    def _aligned(
        self, theirs: list[Block], text: str, record: Record | None = None, *, placed: bool = True
    ) -> Iterator[tuple[Block, Block, str]]:
        """Each block beside the block of ``theirs`` (the blocks of ``text``, this file's
        translation) that stands for it, with that block's text as written (a paragraph's or
        heading's lines, a cell's text). With the ``record`` of what ltmt wrote there, by the
        sources it wrote them for (:mod:`ltmt.formats.recorded_places`: blocks inserted or
        removed since leave the others in line): by its places where they are the file's
        blocks (``placed``), else by the sources it says the blocks' texts were written for and
        their kinds; without, by place, none when the two files' blocks differ in number or
        kind."""
        lines = text.splitlines()
        for mine, other in self._lined_up_places(theirs, record, placed):
            block, their_block = self.blocks[mine], theirs[other]
            if their_block.shares_line:
                line = lines[their_block.first]
                written = line[len(their_block.prefix) : len(line) - len(their_block.suffix)]
            else:
                written = "\n".join(lines[their_block.first : their_block.last])
            yield block, their_block, written

    def _lined_up_places(
        self, theirs: list[Block], record: Record | None, placed: bool
    ) -> list[tuple[int, int]]:
        """The places of our blocks and of ``theirs`` that stand for each other
        (:meth:`_aligned`)."""
        if record is None:
            if [block.is_cell for block in theirs] != [block.is_cell for block in self.blocks]:
                return []
            return [(place, place) for place in range(len(self.blocks))]

        def alike(i: int, j: int) -> bool:
            return self.blocks[i].is_cell == theirs[j].is_cell

        sources = [block.source for block in self.blocks]
        if placed:
            ours, recorded = recorded_sources(record, sources, [block.key for block in theirs])
            return lined_up_places(ours, recorded, alike)
        kinds = [_kind(block) for block in self.blocks], [_kind(block) for block in theirs]
        their_texts = [block.source for block in theirs]
        return lined_up_by_texts(record, sources, their_texts, kinds, alike)

    def _html_aligned(self, theirs: list[HtmlBlock]) -> Iterator[tuple[str, str, str]]:
        """Each run or value of the HTML blocks with its source and the text that stands for it
        in ``theirs`` (the HTML blocks of this file's translation): the blocks in order, where
        the two files have as many, their pieces lined up
        (:func:`~ltmt.formats.html_segments.line_up`)."""
        if len(theirs) != len(self.html_blocks):
            return
        for mine, other in zip(self.html_blocks, theirs, strict=True):
            yield from lined_up_sources(mine.found, other.found, mine.unit_key)

    @classmethod
    def pairs(
        cls, path: Path, source_file: Path | None = None, purpose: str = "imported", **_: Any
    ) -> Iterator[PairRecord]:
        """The block pairs of the translated Markdown ``path`` and its ``source_file``; for
        ``ltmt qa`` (``purpose`` ``checked``), also the pair of their Hugo shortcodes on lines
        of their own (:func:`~ltmt.formats.markdown_values.shortcodes_as_written`), which no
        block holds and memory import leaves out."""
        source_file = source_file_given(path, WHAT, source_file)
        document = cls.open(Path(source_file))
        text = decode(read_bytes(Path(path), WHAT), Path(path))
        their_blocks, their_html = _blocks(text, _is_mdx(Path(path)))
        aligned: list[tuple[str, str, str]] = []
        for block, theirs, _written in document._aligned(their_blocks, text):
            if block.key.startswith("indented") and theirs.source == block.source:
                continue  # an MDX page's indented text left as written (as before 6e4ffa33)
            aligned.append((block.key, block.source, theirs.source))
            aligned += [
                (key, source, translation)
                for key, _place, source, translation in _attribute_pairs(block, theirs)
            ]
        if not aligned and document.blocks:
            raise InputError(
                f"{path}: its blocks do not line up with {source_file}'s "
                f"{_first_unlined(their_blocks, document.blocks)} "
                f"({counted(len(their_blocks), 'block')}, {len(document.blocks)} in the source: "
                "another number of paragraphs, "
                "headings or table cells, or a marker line changed: a snippet's --8<--, a "
                "content tab's === \"Title\", an admonition's !!! or :::note); give as "
                "--source-file the file it was translated from, and write its marker lines as "
                "that file does"
            )
        aligned += document._html_aligned(their_html)
        shortcodes = (_shortcodes_alone(document.text), _shortcodes_alone(text))
        if purpose == "checked" and any(shortcodes):
            aligned.append(("shortcodes", *shortcodes))
        mdx = _is_mdx(Path(source_file)), _is_mdx(Path(path))
        components = (_components_alone(document.text, mdx[0]), _components_alone(text, mdx[1]))
        if purpose == "checked" and any(components):
            aligned.append(("components", *components))
        return iter(  # a block translated as its source too: lined_up_pairs
            [
                PairRecord(
                    source,
                    translation,
                    f"{path}: {key}",
                    _tags_as_written(source) if purpose == "checked" else {},
                )
                for key, source, translation in aligned
            ]
        )

    def translated_units(self, text: str) -> dict[str, str]:
        """The texts of ``text``, a translation of this file's text (a keyed file's Markdown
        value's: :mod:`ltmt.formats.markdown_strings`), by the keys of the units they stand
        for: its blocks lined up by place, their alt texts and titles, its HTML blocks' runs;
        none of its blocks where they differ from ours in number or kind."""
        their_blocks, their_html = _blocks(text, _is_mdx(self.path))
        found: dict[str, str] = {}
        for block, theirs, _written in self._aligned(their_blocks, text):
            if block.words:
                found[block.key] = theirs.source
            found.update((key, text) for key, _, _, text in _attribute_pairs(block, theirs))
        found.update((key, text) for key, _, text in self._html_aligned(their_html))
        return found

    def changed_marks(self, text: str) -> list[tuple[str, Block, Block]]:
        """The paragraphs and headings of ``text`` (a translation of this file's text, its
        blocks lined up by place) whose marks, a heading's ``#`` and the list and quote
        markers before it, are not the source's block's (``#Wasso Berlin?`` for ``## Why
        Berlin?``: a paragraph now): the source's marks, its block and theirs."""
        their_blocks, _ = _blocks(text, _is_mdx(self.path))
        return [
            (_marks(block.prefix), block, theirs)
            for block, theirs, _written in self._aligned(their_blocks, text)
            if block.key.startswith("block") and _marks(block.prefix) != _marks(theirs.prefix)
        ]

    def translated_text(self) -> str:
        """The file with each translated block's text in; on a rerun, the front matter merged
        with the output's (:meth:`_front_matter_of`)."""
        lines = self.text.splitlines(keepends=True)
        blocks, html_blocks = self.blocks, self.html_blocks
        if self.output_front is not None:
            front, placed, skipped = self.output_front
            lines, shift = front + lines[skipped:], len(front) - skipped
            # a front matter block whose key was dropped (or edited by hand) is not written
            blocks = [
                placed.get(b.key, replace(b, first=b.first + shift, last=b.last + shift))
                for b in self.blocks
                if b.first >= skipped or b.key in placed
            ]
            html_blocks = [
                replace(h, first=h.first + shift, last=h.last + shift) for h in self.html_blocks
            ]
        # by first line: the line after the block, and the (start, end, text) edits of that
        # line (a paragraph's or heading's: its whole text; a row's: each cell's)
        edits: dict[int, tuple[int, list[tuple[int, int, str]]]] = {}
        for block in blocks:
            translation = self.translations.get(block.key, None if block.words else block.source)
            if translation is None:
                continue
            adopted = self.adopted.get(block.key)
            as_adopted = adopted is not None and adopted[0] == translation
            values = {
                place: self.translations[key]
                for key, place, _ in block.attributes()
                if key in self.translations
            }
            if not block.words and not values:  # nothing of it translated (yet)
                continue
            written = (
                adopted[1]
                if adopted is not None and as_adopted
                else block.text(
                    with_attributes(block.source, translation, values),
                    writes_no_break_references("".join(lines[block.first : block.last])),
                )
            )
            body = lines[block.first].rstrip("\r\n")
            start, end = len(block.prefix), len(body) - len(block.suffix)
            if as_adopted and not block.shares_line:
                start, end = 0, len(body)  # the translator's lines as they wrote them
            edits.setdefault(block.first, (block.last, []))[1].append((start, end, written))
        for html in html_blocks:
            if embedded_translations(html.found, self.translations, html.unit_key):
                written_block = self.kept_html.written(html.embedded, self.translations)
                html_lines = written_block.split("\n")
                body = lines[html.first].rstrip("\r\n")
                joined = "\n".join(
                    [html.prefix + html_lines[0]]
                    + [html.continuation + line for line in html_lines[1:]]
                )
                edits[html.first] = (html.last, [(0, len(body), joined)])
        out: list[str] = []
        index = 0
        while index < len(lines):
            if index not in edits:
                out.append(lines[index])
                index += 1
                continue
            last, changes = edits[index]
            text = with_edits(lines[index].rstrip("\r\n"), changes)
            final = lines[last - 1]
            out.append(text + final[len(final.rstrip("\r\n")) :])
            index = max(last, index + 1)
        return "".join(out)

    def source_values_written(self) -> dict[str, str]:
        """The source's markup around each run of its HTML blocks that has some, as the record
        of the output keeps it (:mod:`ltmt.formats.html_blocks_kept`)."""
        return source_markups([html.embedded for html in self.html_blocks])

    def save(self, out_path: Path) -> None:
        self.kept_html.warn(self.translations)
        atomic_write(Path(out_path), written_like(self.data, self.translated_text()))
