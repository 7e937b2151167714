"""A match's markup as its input has it: the tags of a match whose input has none are taken out
of the match's source and target before fusion reads it, their words kept.

Fusion steers the model towards a match's target token by token, so a tag of the target is a
tag the model is pushed to write. A document's paragraph goes to the model without its paired
tags (:mod:`ltmt.formats.paired_tags`: ``Our award-winning platform ...``) while a TMX match
keeps its own (``Unsere <b>preisgekrönte</b> Plattform ...``): kNN fusion wrote ``Unsere
<Produngsplattform``, a ``<`` no tag repair knows, and it stayed in the document. A match of
an input that has tags of its own keeps all of its own (an HTML string matched by an HTML
string; a line whose tags the model gets as placeholders).
"""

from __future__ import annotations

from dataclasses import replace

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders
from ltmt.segments import Match


def input_markup_only(match: Match, text: str) -> Match:
    """``match`` without its tags where ``text`` (its input) has none, their words kept
    (module docstring); the same match where it has no tags, or where its input has tags of
    its own: those may stand for the match's in another form (a line's ``<kbd>`` set aside as
    ``<ph id="ltmt-v1"/>`` for the model), and taking the match's out garbled what fusion read
    (``Press <kbd>Ctrl</kbd>+<kbd>S</kbd>`` → ``Dress ...``). Its score is kept: it measured the
    words."""
    if _tags(text):
        return match
    source = without_markup_tags(match.segment.source)
    target = without_markup_tags(match.segment.target)
    if (source, target) == (match.segment.source, match.segment.target):
        return match
    return replace(match, segment=replace(match.segment, source=source, target=target))


def without_markup_tags(text: str) -> str:
    """``text`` without its tags; a tag between two letters or digits leaves a space, so that
    their words stay apart (``line<br/>break``: ``line break``)."""
    pieces, end = [], 0
    for tag in _tags(text):
        glued = text[tag.start - 1 : tag.start].isalnum() and text[tag.end : tag.end + 1].isalnum()
        pieces += [text[end : tag.start], " " if glued else ""]
        end = tag.end
    return "".join(pieces) + text[end:]


def _tags(text: str) -> list[Placeholder]:
    """The tags of ``text`` (markup: :mod:`ltmt.formats.placeholder_syntax`)."""
    return [p for p in find_placeholders(text) if p.kind == "tag"]
