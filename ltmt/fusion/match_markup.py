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

from ltmt.segments import Match
from ltmt.untagged_matches import markup_tags, without_markup_tags


def input_markup_only(match: Match, text: str) -> Match:
    """``match`` without its tags where ``text`` (its input) has none, their words kept
    (module docstring); the same match where it has no tags, or where its input has tags of
    its own: those may stand for the match's in another form (a line's ``<kbd>`` set aside as
    ``<ph id="ltmt-v1"/>`` for the model), and taking the match's out garbled what fusion read
    (``Press <kbd>Ctrl</kbd>+<kbd>S</kbd>`` → ``Dress ...``). Its score is kept: a match found
    for such an input was scored on its words (:mod:`ltmt.untagged_matches`)."""
    if markup_tags(text):
        return match
    source = without_markup_tags(match.segment.source)
    target = without_markup_tags(match.segment.target)
    if (source, target) == (match.segment.source, match.segment.target):
        return match
    return replace(match, segment=replace(match.segment, source=source, target=target))
