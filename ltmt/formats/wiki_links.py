"""A wiki's link in double square brackets (MediaWiki's, DokuWiki's, Obsidian's: ``[[Main
Page]]``, ``[[Help:Contents]]``, ``[[Page|the page]]``, ``[[Page#Section]]``), told apart from
Smartling's field of the same brackets (``[[name]]``: :mod:`ltmt.formats.bracket_fields`).

A link's title is text that translators localise (``[[help]]`` → ``[[Hilfe]]``; MediaWiki
reads a title's first letter in either case). A one-word title in small letters has a field's
shape (``[[help]]`` as ``[[count]]``, ``[[team]]``), and no string says which it is (trial s74:
``ltmt qa`` said a correct wiki translation lacked ``[[help]]``). Translate keeps it as a field
all the same: a link kept so still leads to its page, where the model, given it as text, dropped
it or lost a bracket (``[[Main Page|the Hauptseite]``). What a translation writes in its place
tells a localised link (:func:`is_localised_link`: ``[[Hilfe]]``, a capitalised word's page)
from a garbled field (``[[Help]]``, ``[[Name]]``:
:func:`ltmt.formats.bracket_fields.garbled_copy`), and a text with a link that no field can be
(:func:`is_wiki_text`: ``[[Help:Contents]]`` beside it) is a wiki's text, whose localised
links ``ltmt qa`` does not warn of (:func:`ltmt.qa.bracket_checks.localised_link_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# a title in double brackets, not glued to a word or another bracket (``x[[i]]``) nor followed
# by a third bracket or a link's parenthesis; its title holds no bracket or line break, so a
# long title without its closing brackets fails in linear time (a try stops at the next "[")
_DOUBLE_BRACKETED = re.compile(r"(?<![\w\[])\[\[([^\[\]\n]+)\]\](?![\](])")
# what a wiki link's title may hold and no field's name does
_TITLE_MARKS = frozenset(" |:#")
# a one-word title in small letters: a wiki's link or a field (``[[help]]``)
_LINK_WORD = re.compile(r"\[\[[a-z]+\]\]")
# a title a translation localised: a capitalised word, its parts joined by hyphens
# (``[[Hilfe]]``, ``[[Hilfe-Seite]]``); each part of letters alone, so it fails in linear time
_LOCALISED_TITLE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def double_bracketed(text: str) -> list[str]:
    """The texts in double brackets of ``text`` (``[[help]]``, ``[[Main Page]]``), in order."""
    return [found.group() for found in _DOUBLE_BRACKETED.finditer(text)]


def wiki_link_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` has a link in double brackets that no field can be, ``(start, end)``: its
    title has a blank, ``|``, ``:`` or ``#`` inside (``[[Main Page]]``, ``[[Page|text]]``,
    ``[[Help:Contents]]``); not a blank at its edges (a shell's ``[[ -f file ]]``)."""
    for found in _DOUBLE_BRACKETED.finditer(text):
        title = found.group(1)
        if title == title.strip() and not _TITLE_MARKS.isdisjoint(title):
            yield found.span()


def is_wiki_text(text: str, taken: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether ``text`` has a link that no field can be (:func:`wiki_link_spans`) that starts
    in none of the spans ``taken`` (other markup's, left to right: an AsciiDoc anchor with its
    text, ``[[install-linux,Install on Linux]]``). Both are walked once, together."""
    spans = iter(taken)
    span = next(spans, None)
    for start, _ in wiki_link_spans(text):
        while span is not None and span[1] <= start:
            span = next(spans, None)
        if span is None or start < span[0]:
            return True
    return False


def is_link_word(field: str) -> bool:
    """Whether ``field`` (a field in double brackets) is a one-word title in small letters
    (``[[help]]``), which a wiki's text writes as a link."""
    return _LINK_WORD.fullmatch(field) is not None


def is_localised_link(text: str) -> bool:
    """Whether ``text`` is a link to a capitalised word's page (``[[Hilfe]]``,
    ``[[Hilfe-Seite]]``): what a translation writes for a one-word link it localised."""
    found = _DOUBLE_BRACKETED.fullmatch(text)
    title = found.group(1) if found else ""
    return title[:1].isupper() and _LOCALISED_TITLE.fullmatch(title) is not None
