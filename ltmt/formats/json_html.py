"""A JSON string that holds block HTML (a Help Center article's ``body``) translated block by
block, as a table's HTML cell is.

Zendesk's Help Center API writes an article as ``{"article": {"title": "...", "body":
"<h2>Before you start</h2><p>...</p><ol><li>...</li></ol><table>...</table>"}}``. Given whole
to the model as one string, its markup was scrambled (text outside its elements, an empty
``<li>``, two cells merged, a ``<td>`` after ``</table>``) and its paragraphs' 100 % memory
matches went unused; the same HTML in a CSV cell came back right (trial s76). A string is read
as a page (:mod:`ltmt.formats.html_cells`: each run between block boundaries a unit of its own,
its inline markup kept, written back in the string's structure) where

- it starts with a block element's start tag (``<p>``, ``<h2>``, ``<ul>``, ``<table>``,
  ``<div>`` ...: :func:`ltmt.formats.html_cells.has_blocks`), or
- it consists of elements alone (no text outside them: ``<img src="a.png"><p>...</p>``), one
  of which is or holds a block element, or
- its key is named ``body``, ``html`` or ``content`` (in any case) and it holds a block element
  anywhere (``Intro text<p>...</p>``).

Any other string is one unit, as before: a message with inline markup alone (``Click <b>Save
</b>``, i18next's ``<1>…</1>``), one with text before its first block under another key, and a
line break (``<br>``) is no block.
"""

from __future__ import annotations

from ltmt.formats.documents import Unit
from ltmt.formats.html_cells import has_blocks
from ltmt.formats.html_segments import Segments, scan, segments

# the names of the keys whose strings are a page's HTML where they hold a block element
HTML_KEYS = frozenset({"body", "html", "content"})


def html_value(unit: Unit) -> Segments | None:
    """The JSON string ``unit`` (keyed by its JSON Pointer) read as a page where it holds block
    HTML (module docstring); None where it is one unit."""
    text = unit.source
    if not has_blocks(text):  # no block element's start tag: not scanned at all
        return None
    return segments(text) if _names_html(unit.key) or is_block_html(text) else None


def is_block_html(text: str) -> bool:
    """Whether ``text`` starts with a block element's start tag, or consists of elements alone
    one of which is or holds a block element (module docstring)."""
    depth, blocks, first = 0, False, True
    for event in scan(text):
        if event.kind == "text" and not text[event.start : event.end].strip():
            continue
        if event.kind == "text" and depth == 0:
            return False  # text at the top, before a block or between the elements
        block = event.kind == "start" and has_blocks(text[event.start : event.end])
        if first and block:
            return True
        first = False
        if event.kind == "other" and depth == 0:
            return False  # a comment or a doctype at the top: not a string of elements
        blocks = blocks or block
        if event.kind == "start":
            depth += 1
        elif event.kind == "end":
            depth = max(depth - 1, 0)
    return blocks


def _names_html(key: str) -> bool:
    """Whether the JSON Pointer ``key``'s last part names a page's HTML (:data:`HTML_KEYS`)."""
    if not key.startswith("/"):
        return False
    last = key.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    return last.lower() in HTML_KEYS
