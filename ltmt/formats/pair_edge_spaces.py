"""The spaces at the inner edge of a paired code, kept inside it in the translation.

A pair goes back around words only (:func:`ltmt.formats.paired_tags.place_pairs`), so the spaces
its source text has at an edge came out outside it, as the model wrote them: a Word paragraph
whose plain run ``REF 12-345-67    `` (four layout spaces) comes before a bold ``Rx only``
(``<g id="1">REF 12-345-67    </g>Rx only``) came out ``<g id="1">REF 12-345-67</g> Rx nur``,
one space, in the bold run (the ifu2 trial, session 74). :func:`spaces_inside` puts the source's
spaces back at that edge inside the pair, in place of the spaces the translation has right
outside it there; where it has none there, the pair stands elsewhere in the translation and
nothing moves.
"""

from __future__ import annotations

# the spaces of a pair's edge that move: a line's own, not its breaks
EDGE_SPACES = " \t\u00a0\u202f"


def spaces_inside(source_inner: str, before: str, inside: str, after: str) -> tuple[str, str, str]:
    """``before``, ``inside`` and ``after`` (the translation before a pair, inside it and after
    it) with the spaces at each edge of the pair's source text, ``source_inner``, at that edge
    inside it, where the translation has spaces right outside that edge and none inside it
    (module docstring)."""
    words = source_inner.strip(EDGE_SPACES)
    if not words:
        return before, inside, after
    start = source_inner.index(words)
    lead, trail = source_inner[:start], source_inner[start + len(words) :]
    if lead and _ends_in_space(before) and not inside[:1].isspace():
        before, inside = before.rstrip(EDGE_SPACES), lead + inside
    if trail and _ends_in_space(after[:1]) and not inside[-1:].isspace():
        inside, after = inside + trail, after.lstrip(EDGE_SPACES)
    return before, inside, after


def _ends_in_space(text: str) -> bool:
    return bool(text) and text[-1] in EDGE_SPACES
