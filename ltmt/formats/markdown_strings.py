"""A string value of a keyed file that is Markdown (a Strapi ``description`` or rich-text
field, a Contentful "Long text" field, in JSON or YAML), translated as a Markdown page's blocks
are (:class:`~ltmt.formats.markdown.MarkdownDocument`).

Given whole, the model wrote ``## Why Berlin?`` as ``#Wasso Berlin?`` (a paragraph now) and a
link's title's ``"Press release"`` as ``»Press Veröffentlichung«``, so the link no longer
rendered. Here each paragraph and heading is a text of its own (its inline markup as tags, its
links' titles and images' alt texts texts apart), and its ``#`` marks, list and quote markers,
link destinations and titles' delimiters are written back as the value has them.

A value is read so only where it is plainly Markdown (:func:`is_markdown`): it has an inline
link or image (``[text](url)``), emphasis written with ``*``, or, over several lines, a
heading, a list or a block quote. A value of one line that starts with ``# ``, ``- `` or ``> ``
(``# of files``, ``- none -``) is no Markdown; nor is ``__init__`` (emphasis to CommonMark).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.formats.front_matter import FRONT_MATTER
from ltmt.formats.keyed_catalog import FORM, Entry
from ltmt.formats.markdown import MarkdownDocument
from ltmt.formats.markdown_inline import with_attributes

# what a value needs before it is parsed: a link's or image's "](", a "*", or a line that
# starts with a block's mark after a line break (each alternative a fixed prefix: no
# backtracking)
_MAY_BE_MARKDOWN = re.compile(r"\]\(|\*|(?:\A|\n)[ \t]{0,3}(?:#|[-+>]|\d{1,9}[.)])")
# the block tokens (markdown-it's) that make a value of several lines Markdown
_BLOCK_MARKS = frozenset(
    {"heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}
)
# a link or an image, written inline (not an autolink: <https://...>, nor a bare URL)
_INLINE = frozenset({"link_open", "image"})
_VALUE = Path("value.md")  # what a value is read as: CommonMark, not MDX


def is_markdown(value: str) -> bool:
    """Whether ``value`` is plainly Markdown (module docstring)."""
    if not _MAY_BE_MARKDOWN.search(value) or FRONT_MATTER.match(value):
        return False
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(value)
    several_lines = "\n" in value.strip()
    if several_lines and any(token.type in _BLOCK_MARKS for token in tokens):
        return True
    return any(_marks_inline(token) for token in tokens if token.type == "inline")


def _marks_inline(token: Any) -> bool:
    """Whether an inline token has an inline link or image, or emphasis written with ``*``."""
    for child in token.children or []:
        if child.type == "link_open" and child.markup != "autolink":
            return True
        if child.type == "image" or (child.type.endswith("_open") and child.markup[:1] == "*"):
            return True
    return False


@dataclass(frozen=True)
class MarkdownString:
    """A Markdown ``value``: its units' keys and texts (the tagged form, as a Markdown page's
    blocks' units are), in order."""

    value: str
    units: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, value: str) -> MarkdownString | None:
        """``value`` read as Markdown; None where it is not (:func:`is_markdown`) or has
        nothing to translate."""
        if not is_markdown(value):
            return None
        units = tuple((unit.key, unit.source) for unit in _document(value).units())
        return cls(value, units) if units else None

    def keys(self, name: str) -> list[str]:
        """The catalog keys of the units of the value ``name``: ``name#block0``,
        ``name#block0:title0`` ..."""
        return [f"{name}{FORM}{key}" for key, _ in self.units]

    def entries(self, name: str, group: str = "") -> list[Entry]:
        """The units of the value ``name`` as entries of their own, in ``group`` (default:
        ``name``'s): its Markdown is written back around their translations."""
        return [
            Entry(key, name, text, group=group)
            for key, (_, text) in zip(self.keys(name), self.units, strict=True)
        ]

    def read(self, name: str, value: str) -> dict[str, str]:
        """The texts of ``value``, a translation of the value ``name``, by key; where it
        breaks our Markdown (:meth:`problems`: another number of blocks, a heading's ``#``
        lost), ``value`` whole under ``name``, which ``ltmt qa`` checks whole and a rerun
        translates again (kept, ``#Wasso Berlin?`` was written ``## #Wasso Berlin?``)."""
        if self.problems(value):
            return {name: value}
        document = _document(self.value)
        theirs = document.translated_units(value)
        for block in document.blocks:
            titles = {place: text for _, place, text in block.attributes()}
            if titles and block.key in theirs:  # (units of their own: as the source's here)
                theirs[block.key] = with_attributes(theirs[block.key], theirs[block.key], titles)
        return {f"{name}{FORM}{key}": theirs[key] for key, _ in self.units if key in theirs}

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """The value ``name`` with its units' ``translations`` (by key) in place; ``None``
        until each has one."""
        document = _document(self.value)
        for key, (unit, _) in zip(self.keys(name), self.units, strict=True):
            if key not in translations:
                return None
            document.translations[unit] = translations[key]
        return document.translated_text()

    def problems(self, value: str) -> list[str]:
        """What ``value``, a translation, breaks of this value's Markdown that its texts do not
        show: a heading's ``#`` marks or a list's or a quote's marker lost or changed, or
        another number of blocks (which ``ltmt qa`` reports)."""
        document = _document(self.value)
        if self.units and not document.translated_units(value):
            return [
                "its Markdown blocks (paragraphs, headings, list items) do not line up with the "
                "source's: write one for each of the source's, with its marks"
            ]
        return [
            f"writes {_first_line(theirs.source)!r} without the Markdown mark {marks!r} of the "
            f"source's {_first_line(block.source)!r} ({_kind_of(marks)}): write it as the "
            "source does"
            if marks
            else f"adds a Markdown mark before {_first_line(theirs.source)!r}: write it as "
            "the source does"
            for marks, block, theirs in document.changed_marks(value)
        ]


def _document(value: str) -> MarkdownDocument:
    return MarkdownDocument(_VALUE, value.encode("utf-8"))


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def _kind_of(marks: str) -> str:
    """What a block's ``marks`` make it: a heading, a list item, a quote."""
    if "#" in marks:
        return "a heading"
    return "a list item" if any(mark in marks for mark in "-*+.)") else "a quote"


def markdown_problems(
    markdown: Mapping[str, object], values: Mapping[str, str]
) -> dict[str, list[str]]:
    """What each translation among ``values`` (a translated file's strings, by name) breaks
    of the Markdown of its source's :class:`MarkdownString` (among ``markdown``, by name), by
    name (:meth:`MarkdownString.problems`): ``ltmt qa`` checks such a translation whole, as
    its parts would not show it wrong."""
    found: dict[str, list[str]] = {}
    for name, text in values.items():
        source = markdown.get(name)
        if isinstance(source, MarkdownString) and (problems := source.problems(text)):
            found[name] = problems
    return found
