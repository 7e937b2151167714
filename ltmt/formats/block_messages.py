"""A catalog message made of block elements, translated block by block as a table's HTML cell is.

KDE's rich-text messages (KUIT) write paragraphs and lists: ``<para>Supported formats:</para>
<list><item>Plain text</item><item>Markdown</item></list>``. Given whole to the model, its
tags were moved and its words merged (``<list><item>Plain Textdown</item></list>
<item>Markdown</item>``: the second item out of its list). A message whose top level is a
sequence of block elements (KUIT's ``<para>``, ``<list>``, ``<item>``, ``<title>``,
``<subtitle>``; HTML's ``<p>``, ``<ul>``, ``<li>`` ...), two or more in all, is read as
:mod:`ltmt.formats.html_cells` reads a cell: each block's text a unit of its own with its
inline markup (KUIT's ``<filename>``, ``<command>`` ... stay inside it), written back in the
message's structure. A message that is an HTML document (Qt's rich text: ``<html><head/>
<body><p>…</p></body></html>``, :mod:`ltmt.formats.rich_text`) is read as a page, one block
or more. Any other message is one unit, as before. A message with a 100 % memory
match of its whole text is written from it as stored, as before (:func:`translate_messages`):
block by block, its blocks' fuzzy matches alone were found (``Wir liefern weltweit.`` lost).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ltmt.formats.documents import Unit
from ltmt.formats.html_cells import read_page, translate_cells
from ltmt.formats.html_segments import HTML, INLINE_ELEMENTS, Segments, scan, segments
from ltmt.formats.rich_text import is_html_document
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import ExactFn, Outcome, TranslateFn, exact_outcomes

# KUIT's elements that make a block of their own
KUIT_BLOCKS = frozenset({"para", "list", "item", "title", "subtitle"})
# HTML's (as html_cells reads a cell's)
HTML_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "div"}
    | {"blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
)
# KUIT's phrase elements, which stay inside a block's text
KUIT_PHRASES = frozenset(
    {
        "application", "bcode", "command", "email", "emphasis", "envar", "filename", "icode",
        "interface", "link", "message", "nl", "numid", "placeholder", "resource", "shortcut",
        "note", "warning",
    }
)  # fmt: skip
_DIALECT = replace(HTML, inline=INLINE_ELEMENTS | KUIT_PHRASES)


def block_message(text: str) -> Segments | None:
    """``text``'s blocks as a page's runs where its top level is block elements alone (blanks
    between them), two or more in all, or where it is an HTML document (module docstring);
    None otherwise."""
    if is_html_document(text):
        return segments(text)
    depth, blocks = 0, 0
    for event in scan(text):
        if event.kind == "text" and depth == 0 and text[event.start : event.end].strip():
            return None
        if event.kind not in ("start", "end", "empty"):
            if event.kind == "other" and depth == 0:
                return None
            continue
        block = event.tag in KUIT_BLOCKS or event.tag in HTML_BLOCKS
        if depth == 0 and not block:
            return None
        if event.kind == "start":
            blocks += block
            depth += 1
        elif event.kind == "end":
            depth -= 1
    if depth != 0 or blocks < 2:
        return None
    return segments(text, dialect=_DIALECT)


def message_blocks(unit: Unit) -> Segments | None:
    """:func:`block_message` of ``unit``'s text (a PO message's)."""
    return block_message(unit.source)


def translate_messages(
    units: Sequence[Unit],
    translate: TranslateFn,
    exact: ExactFn | None,
    report: RunReport,
    *,
    place: Callable[[Unit], str],
    read: Callable[[Unit], Segments | None] = message_blocks,
) -> list[Outcome]:
    """The outcomes of a catalog's ``units``, in order: a message of block elements with a 100 %
    memory match of the whole message (``exact``) written from it as stored, the others
    translated by :func:`~ltmt.formats.html_cells.translate_cells`, block by block where
    ``read`` reads blocks (a PO message's: :func:`message_blocks`; a JSON string's:
    :func:`ltmt.formats.json_html.html_value`; another catalog's: its HTML documents alone,
    :func:`ltmt.formats.rich_text.document_page`)."""
    blocks = [unit for unit in units if read_page(unit, read, place) is not None]
    reused = {o.unit.key: o for o in exact_outcomes(blocks, exact, report)} if exact else {}
    rest = [unit for unit in units if unit.key not in reused]
    done = translate_cells(rest, translate, report, place=place, read=read)
    translated = iter(done)
    return [reused[unit.key] if unit.key in reused else next(translated) for unit in units]
