"""Runs of spaces a source lays out with, kept in its translation where the text says space
matters (XLIFF ``xml:space="preserve"``).

    keep_space_runs('Lot:  <x id="4"/>  Batch:', 'Los: <x id="4"/> Charge:')
    # 'Los:  <x id="4"/>  Charge:'

The model writes one space between words whatever the source had, so a label padded to a
column (``Street:   Main Street 12``) or spaces set around an inline code lose their width.
A run is put back only where it can be placed for sure: beside an anchor the source and the
translation both hold as often (an inline code, the same tag text; a colon, the n-th of as many),
on the same side of it, where the translation has a space too (a run it left out, or the
text's edges, which the pipeline keeps already, are not touched).
"""

from __future__ import annotations

import re

from ltmt.formats.attribute_values import TAG_BODY

SPACES = re.compile(r"[ \t]+")
SPACES_ENDING = re.compile(r"[ \t]+\Z")  # searched with an end position: the run ending there
# what a run of spaces is placed by: an inline code as stored text, or a label's colon
ANCHOR = re.compile(rf"<(?!>){TAG_BODY}>|:")


def keep_space_runs(source: str, translation: str) -> str:
    """``translation`` with the runs of two or more spaces of ``source`` beside each anchor
    (see the module docstring) where the translation has a single space or another run."""
    wanted: dict[tuple[int, int], str] = {}
    for source_anchor, target_anchor in _paired_anchors(source, translation):
        for side in ("before", "after"):
            run = _run_beside(source, source_anchor, side)
            span = _run_beside(translation, target_anchor, side)
            if run is not None and run[1] - run[0] > 1 and span is not None:
                wanted[span] = source[run[0] : run[1]]
    pieces: list[str] = []
    last = 0
    for (start, end), spaces in sorted(wanted.items()):
        pieces += [translation[last:start], spaces]
        last = end
    return "".join(pieces) + translation[last:]


def _paired_anchors(source: str, translation: str) -> list[tuple[re.Match[str], re.Match[str]]]:
    """The anchors of ``source`` and of ``translation`` paired by their text and their order
    among those of that text, for each text both hold as often."""
    in_source, in_target = _anchors(source), _anchors(translation)
    return [
        pair
        for text, found in in_source.items()
        if len(found) == len(in_target.get(text, []))
        for pair in zip(found, in_target[text], strict=True)
    ]


def _anchors(text: str) -> dict[str, list[re.Match[str]]]:
    found: dict[str, list[re.Match[str]]] = {}
    for anchor in ANCHOR.finditer(text):
        found.setdefault(anchor.group(), []).append(anchor)
    return found


def _run_beside(text: str, anchor: re.Match[str], side: str) -> tuple[int, int] | None:
    """The span of the run of spaces just ``before`` or ``after`` ``anchor`` in ``text``; None
    where there is none, or where it is at an edge of the text."""
    if side == "after":
        run = SPACES.match(text, anchor.end())
    else:
        run = SPACES_ENDING.search(text, 0, anchor.start())
    if run is None or run.start() == 0 or run.end() == len(text):
        return None
    return run.span()
