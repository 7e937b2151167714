"""Text of an HTML page that ltmt does not translate (a ``<script>``'s, a ``<pre>``'s, an
element marked ``translate="no"``) but that someone edited in its translation so far: the page
is written from its source, so such an edit goes back to the source's text, and is named in a
warning rather than lost without a word."""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from pathlib import Path

from ltmt.formats.html_segments import Segments, scan
from ltmt.text import has_letter
from ltmt.wording import first_few

logger = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")


def untranslated_texts(text: str, found: Segments) -> list[str]:
    """The texts (with a letter, white space collapsed) of a page's ``text`` that stand outside
    every run it ``found``, in order."""
    places = sorted((piece.start, piece.end) for piece in found.runs)
    texts = []
    for event in scan(text):
        if event.kind != "text" or any(event.start < e and s < event.end for s, e in places):
            continue
        said = _SPACE.sub(" ", html.unescape(text[event.start : event.end])).strip()
        if has_letter(said):
            texts.append(said)
    return texts


def warn_of_reverted(
    target: Path, source: tuple[str, Segments], output: tuple[str, Segments]
) -> int:
    """Name the texts of ``output`` (the page's translation so far, and what it found there)
    outside its runs that the ``source`` page's text lacks: written as the source's again.
    Returns how many."""
    edited = Counter(untranslated_texts(*output)) - Counter(untranslated_texts(*source))
    reverted = list(edited.elements())
    if reverted:
        logger.warning(
            "%s: text ltmt does not translate was edited there and is written as the source's "
            "again (%s: %s): copy the edits into the source page, or keep a copy of the file to "
            "restore them",
            target,
            len(reverted),
            first_few(repr(text) for text in reverted),
        )
    return len(reverted)
