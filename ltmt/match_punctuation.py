"""A fused output that copies a match differing from its input in final punctuation alone: the
input's final punctuation.

A match whose source says the input's words with another final mark (``Order %s has been
shipped.`` for ``Order %s has been shipped!``, ``Change your shipping address`` for ``Change
your shipping address?``) scores just below 100, so fusion reads it, and kNN follows it all the
way: the output is the match's target, its final mark included (``Bestellung %s wurde
versandt.``, ``Lieferadresse ändern``). The copy guard lets such a copy be, on purpose
(:func:`ltmt.copy_guard.copied_match`: the words are the input's); as :mod:`ltmt.match_case`
writes a 100 % match in its input's case, :func:`punctuate_copies` gives the copy the input's
final punctuation (:data:`_FINAL`: ``.``, ``!``, ``?``, ``:``, ``;``, ``…`` or ``...`` as the
input writes it, or none), where the target ends as its source does (the translator kept the
source's mark; a German heading written without the source's period stays as it is). A target
whose final period is an abbreviation's (``Äpfel, Birnen usw.``, ``z. B.``, ``Acme Inc.``:
:data:`_ABBREVIATION`) keeps it: that period is the word's, not the sentence's mark. And a
line without final punctuation (a table cell, ``100-240 V~, 50/60 Hz``) whose fused output
ends with the final mark of a match it read loses that mark (:func:`without_borrowed_final`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import MutableSequence, Sequence
from typing import TYPE_CHECKING

from ltmt.routing import read_matches
from ltmt.text import collapse_space, normalize

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion
    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# the run of sentence marks that ends a text (its trailing whitespace aside)
_FINAL = re.compile(r"[.!?:;…]+$")
# an abbreviation whose period ends a text: a German or English one written with a period, or
# one letter (an initial, the end of ``z. B.``, ``u. a.``, ``d. h.``, ``e.g.``)
_ABBREVIATIONS = (
    "usw", "bzw", "etc", "ca", "Nr", "Inc", "Ltd", "Co", "Corp", "ggf", "evtl", "inkl", "exkl",
    "zzgl", "vgl", "bspw", "sog", "Dr", "Prof", "Hr", "Fr", "Str", "Tel", "Mio", "Mrd", "Jh",
    "Abs", "Abb", "Bd", "Kap", "Ziff", "ff", "od", "resp", "vs", "al",
)  # fmt: skip
_ABBREVIATION = re.compile(rf"(?<![^\W_])(?:{'|'.join(_ABBREVIATIONS)}|[^\W\d_])\.$", re.IGNORECASE)


def final_punctuation(text: str) -> str:
    """The marks that end ``text`` (``?``, ``...``, ``?!``; ``""`` for none)."""
    found = _FINAL.search(text.rstrip())
    return found.group() if found else ""


def _without_final(text: str) -> str:
    body = text.rstrip()
    return body[: len(body) - len(final_punctuation(body))]


def _folded(text: str) -> str:
    """``text`` as the model writes it and the copy is compared (``…`` as ``...``)."""
    return unicodedata.normalize("NFKC", collapse_space(text))


def with_final_punctuation(text: str, source: str, output: str) -> str:
    """``output``, a copy of the target of a match whose source is ``source``, with the final
    punctuation of its input ``text`` where ``source`` says ``text``'s words (case and spacing
    aside) with other final punctuation and ``output`` ends as ``source`` does, but not with an
    abbreviation's period (:data:`_ABBREVIATION`); otherwise ``output`` as it is."""
    wanted, had = final_punctuation(text), final_punctuation(source)
    if wanted == had or normalize(_without_final(text)) != normalize(_without_final(source)):
        return output
    if _folded(final_punctuation(output)) != _folded(had) or _ABBREVIATION.search(output.rstrip()):
        return output
    trail = output[len(output.rstrip()) :]
    return _without_final(output) + wanted + trail


def punctuated_copy(text: str, output: str, read: Sequence[Match]) -> str:
    """``output`` (input ``text``'s) with ``text``'s final punctuation where it repeats the
    target of a match of ``read`` whose source differs from ``text`` in final punctuation alone
    (:func:`with_final_punctuation`); otherwise ``output`` as it is."""
    said = _folded(output)
    for match in read:
        if _folded(match.segment.target) == said:
            punctuated = with_final_punctuation(text, match.segment.source, output)
            if punctuated != output:
                return punctuated
    return output


# a sentence's end inside a line: a mark, then blanks and more words
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*\s+\S")


def without_borrowed_final(text: str, output: str, read: Sequence[Match]) -> str:
    """``output`` (input ``text``'s) without its final punctuation where ``text`` ends
    without any and a match of ``read`` ends its source with some and its target with
    ``output``'s: the mark is the match's, not the line's (``100-240 V~, 50/60 Hz`` fused with
    ``Power supply: 100-240 V~, 50/60 Hz.`` came out with its full stop); an abbreviation's
    period (:data:`_ABBREVIATION`) stays."""
    mark = _folded(final_punctuation(output))
    if final_punctuation(text) or not mark or _ABBREVIATION.search(output.rstrip()):
        return output
    if any(_adds_marks(match) for match in read):  # the memory's translator adds them
        return output
    for match in read:
        source, target = match.segment.source, match.segment.target
        if "\n" in source or "\n" in target:  # its final mark is another line's
            continue
        if final_punctuation(source) and _folded(final_punctuation(target)) == mark:
            return _without_final(output) + output[len(output.rstrip()) :]
    return output


def _adds_marks(match: Match) -> bool:
    """Whether ``match`` translates a line without final punctuation with a line that has some
    (coreutils' ``-n  do not output the trailing newline`` as ``… nicht ausgeben.``): that
    memory's convention, which a fused output following it keeps."""
    sources = match.segment.source.split("\n")
    targets = match.segment.target.split("\n")
    if len(sources) != len(targets):
        return False
    return any(
        source.strip() and not final_punctuation(source) and final_punctuation(target)
        for source, target in zip(sources, targets, strict=True)
    )


def punctuate_copies(
    fusion: Fusion,
    backbone: Backbone,
    fused: Sequence[int],
    units: Sequence[Unit],
    matches: Sequence[tuple[Match, ...]],
    outputs: MutableSequence[str],
) -> set[int]:
    """Give the ``fused`` lines (indices into ``units`` and ``outputs``; ``matches`` per
    segment) whose output copies a match differing from the line in final punctuation alone
    the line's own (:func:`punctuated_copy`, over the matches ``fusion`` read for the line:
    :func:`ltmt.routing.read_matches`), and take a read match's final mark off the output of a
    line without one (:func:`without_borrowed_final`); returns the indices changed."""
    changed = set()
    pieces = Counter(unit.segment for unit in units)
    for i in fused:
        text, found = units[i].text, matches[units[i].segment]
        selected = read_matches(fusion, text, found, backbone)
        read = found if selected is None else selected
        punctuated = punctuated_copy(text, outputs[i], read)
        if pieces[units[i].segment] == 1 and not _SENTENCE_END.search(text):
            # a line of wrapped text (one piece of several) or of sentences ends where its
            # sentence goes on or where the last one ends: its output's mark may be its own
            punctuated = without_borrowed_final(text, punctuated, read)
        if punctuated != outputs[i]:
            outputs[i] = punctuated
            changed.add(i)
    if changed:
        logger.info(
            "final punctuation: %d fused outputs ended as a match they read rather than as their "
            "line, and now end as their line does",
            len(changed),
        )
    return changed
