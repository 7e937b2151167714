"""A memory match of a segment without tags, read as the segment reads: the stored pair's tags
are neither scored nor reused.

A CAT tool's memory keeps its inline codes: a TMX from SDL Trados Studio holds ``See section
4.4<ph x="2"/>.``, read as ``See section 4.4<x id="2"/>.`` (:mod:`ltmt.formats.tmx_codes`), and
memoQ's ``<bpt>&lt;b&gt;</bpt>`` is ``<b>``. The same sentence as plain text (a ``.txt`` line, a
document's paragraph given to the model without its tags) scored 74 against it, as the tags'
characters counted against it, and its approved ``Siehe Abschnitt 4.4.`` was not reused. For a
segment with no tag at all, a match's tags come out of its source and target, their words kept
(:func:`without_markup_tags`), and it is scored on those words: an exact match where they are
the segment's. A segment with tags of its own keeps its matches' as stored (its tags may stand
for theirs in another form), as fusion reads them (:mod:`ltmt.fusion.match_markup`).

The search scores stored sources with their tags, so such a match may rank below near
sentences of the user's own (``See section 4.3.``): a segment without tags is searched for
:data:`SEARCHED_WITHOUT_TAGS` matches at least, rescored, and the best kept. Nothing stored
changes, so a memory imported before this reads so too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ltmt.formats.html_segments import INLINE_ELEMENTS
from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders
from ltmt.segments import Match
from ltmt.text import fuzzy_score, normalize

# how many matches a segment without tags is searched for at least: a tagged pair of its words
# ranks below the near sentences that differ from it in fewer characters than its tags hold
SEARCHED_WITHOUT_TAGS = 16

# the inline codes a CAT tool's memory keeps (XLIFF 1.2 and 2.0, TMX) and HTML's inline elements:
# the tags a match may hold where the same sentence as plain text has none; another bracketed
# name is the text's own (vim's ``<buffer=%d>``, a command's ``<file>``) and stays scored
_CODE_NAMES = frozenset({"g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "mrk", "pc", "sc", "ec"})
_ELEMENT_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])")


def markup_tags(text: str) -> list[Placeholder]:
    """The tags of ``text`` (markup: :mod:`ltmt.formats.placeholder_syntax`)."""
    if "<" not in text:  # (the common case: none)
        return []
    return [p for p in find_placeholders(text) if p.kind == "tag"]


def code_tags(text: str) -> list[Placeholder]:
    """The tags of ``text`` that are inline codes or HTML inline elements (:data:`_CODE_NAMES`,
    :data:`~ltmt.formats.html_segments.INLINE_ELEMENTS`): what :func:`untagged` takes out."""
    return [tag for tag in markup_tags(text) if _is_code(tag.text)]


def _is_code(tag: str) -> bool:
    found = _ELEMENT_NAME.match(tag)
    if found is None:
        return False
    name = found.group(1).lower()
    return name in _CODE_NAMES or name in INLINE_ELEMENTS


def without_markup_tags(text: str, *, one_space: bool = False, codes_only: bool = False) -> str:
    """``text`` without its tags; a tag between two letters or digits leaves a space, so that
    their words stay apart (``line<br/>break``: ``line break``). With ``one_space``, tags
    between two spaces leave one of them (``take <x id="1"/> daily``: ``take daily``), as a
    reused target is written; with ``codes_only``, only inline codes and HTML inline elements
    (:func:`code_tags`) are taken out."""
    kept, end = "", 0
    for tag in code_tags(text) if codes_only else markup_tags(text):
        between = text[end : tag.start]
        if one_space and end and kept.endswith(" ") and between.startswith(" "):
            between = between[1:]  # (end > 0: a tag was taken out before it)
        glued = text[tag.start - 1 : tag.start].isalnum() and text[tag.end : tag.end + 1].isalnum()
        kept += between + (" " if glued else "")
        end = tag.end
    rest = text[end:]
    if one_space and end and kept.endswith(" ") and rest.startswith(" "):
        rest = rest[1:]
    return kept + rest


def searched_count(texts: Sequence[str], k: int) -> int:
    """How many matches a search for ``texts`` asks for, ``k`` wanted for each: at least
    :data:`SEARCHED_WITHOUT_TAGS` where one of them has no tag (module docstring)."""
    if any(not markup_tags(text) for text in texts):
        return max(k, SEARCHED_WITHOUT_TAGS)
    return k


def best_as_read(
    text: str, query: str, found: Sequence[Match], k: int, case_sensitive: bool
) -> list[Match]:
    """The ``k`` best of ``found`` (matches of ``query``, a form of segment ``text``, best
    first), each without its tags where ``text`` has none and scored so against ``query``
    (:func:`untagged`); the others in the order found."""
    if markup_tags(text):
        return list(found[:k])
    words = normalize(query, case_sensitive=case_sensitive)
    read = [untagged(match, words, case_sensitive) for match in found]
    return sorted(read, key=lambda match: -match.score)[:k]


def untagged(match: Match, words: str, case_sensitive: bool) -> Match:
    """``match`` without the inline codes and HTML inline elements of its source and target
    (:func:`code_tags`), scored against ``words`` (a normalised query without tags) on its
    source's words; itself where its source has none (vim's ``autocommand: %s <buffer=%d>``
    is no tagged ``autocommand %s``: read so, its ``Entferne Autokommando`` was fused into
    the dev benchmark's ``autocommand %s``)."""
    segment = match.segment
    source = without_markup_tags(segment.source, codes_only=True)
    if source == segment.source:
        return match
    target = without_markup_tags(segment.target, one_space=True, codes_only=True)
    score = fuzzy_score(words, normalize(source, case_sensitive=case_sensitive))
    return Match(replace(segment, source=source, target=target), score)
