"""Text a translation put outside the block elements that hold all of its source's text.

Qt Designer's rich text (``<html><head/><body><p>…</p><p>…</p></body></html>``) given whole
to the model came back with words between and after its paragraphs (``…Welcome</span></p>!
Ein <p>…``): the same tags, well nested, each element inside the one that holds it in the
source, so neither the tag count nor :func:`ltmt.qa.tag_nesting.moved_out` saw it, and ``ltmt
qa`` said ``nothing found`` (trial s76). Qt shows such text as lines of its own. Where every
word of the source stands inside a block element (HTML's ``<p>``, ``<li>``, ``<td>`` ...,
KUIT's ``<para>``, ``<item>`` ...), text of the translation that stands in none is named. Text
in a document's ``<head>`` (its style sheet) and in a ``<script>`` is no text people read, and
blank text between blocks is layout; a source with text of its own outside its blocks
(``Note: <p>…</p>``) is not judged.
"""

from __future__ import annotations

import re

from ltmt.formats.block_messages import HTML_BLOCKS, KUIT_BLOCKS
from ltmt.formats.html_segments import Event, scan
from ltmt.wording import shortened

# the start tag of a block element, which a text must have for the check to read it
_BLOCK_TAG = re.compile(
    r"<(?:" + "|".join(sorted(HTML_BLOCKS | KUIT_BLOCKS, key=len, reverse=True)) + r")[\s/>]",
    re.IGNORECASE,
)
# the block elements that hold text (not a list or a table itself, whose text is its items')
_CONTAINERS = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "list"})
_TEXT_BLOCKS = (HTML_BLOCKS | KUIT_BLOCKS) - _CONTAINERS
# elements whose text is not read: a document's head (its style sheet, its meta data), a script
_NOT_READ = frozenset({"head", "style", "script"})


def text_outside_blocks(source: str, target: str) -> str | None:
    """A problem's words where ``target`` has text outside every block element and ``source``
    has all its text inside one (module docstring), or None."""
    if not _BLOCK_TAG.search(source) or "<" not in target:
        return None
    if _loose_text(source) is not None:
        return None
    loose = _loose_text(target)
    if loose is None:
        return None
    return (
        f"has {shortened(loose, 30)!r} outside its paragraphs (and other block elements), where "
        "the source's text is all inside them: move it back inside"
    )


def _loose_text(text: str) -> str | None:
    """The first text of ``text`` (an HTML or KUIT message) that is not blank and stands
    outside every block element and every element whose text is not read, or None."""
    events = scan(text)
    open_names: list[str] = []
    for event in events:
        if event.kind == "start":
            open_names.append(event.tag)
        elif event.kind == "end" and event.tag in open_names:
            del open_names[len(open_names) - 1 - open_names[::-1].index(event.tag) :]
        elif event.kind == "text" and _loose(text, event, open_names):
            return text[event.start : event.end].strip()
    return None


def _loose(text: str, event: Event, open_names: list[str]) -> bool:
    """Whether the text ``event`` is read (not blank, not in a head) outside every block."""
    if not text[event.start : event.end].strip():
        return False
    return not any(name in _TEXT_BLOCKS or name in _NOT_READ for name in open_names)
