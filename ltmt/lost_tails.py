"""A fused output that follows a match's translation word for word and stops before its end.

kNN fusion copies a near match's target; where the input changes a word the memory's
neighbours are no help for (the match's ``section 6`` for the input's ``section 2``, whose
German writes ``Abschnitt 6.`` with an ordinal's full stop), the model goes on alone, and
after ``Abschnitt 2.`` it may end the sentence: ``... oder einen der in Abschnitt 2.``, the
match's ``genannten sonstigen Bestandteile dieses Arzneimittels sind.`` gone (the pharma trial,
s76). Such an output is no shorter than half its line, and says every number and negation of
it, so no other check saw it. :func:`lost_tail` does: the output repeats a match it read, in
order, for a while, and lacks the match's last words, while the input says every word of the
match's source but those the match's target copies as they are before those last words (a
number, a code, a name: ``6``, ``E692``, ``Xarelto``), which cannot be what they translate.

Any other word the input lacks may be: an input that leaves out what the match says at its end
(``Save the file.`` beside ``Save the file and exit.``) rightly stops early, and one word can
be several German ones (``untailable remote file`` is ``Datei ..., die auf einem anderen
Rechner liegt``: the dev users' ``untailable file%s`` came out whole as ``Datei%s ersetzt.``;
``remote name`` is ``Name für ein Remote-Repository``, ``attribute name`` ``Attributname``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, NamedTuple

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.text import word_counts, word_list

if TYPE_CHECKING:
    from ltmt.segments import Match

# the fewest words of a match's target after the last one the output says, and the least share
# of the target they are: a lost word or two at the end is a German verb the model placed
# elsewhere, not a tail cut off
MIN_TAIL_WORDS = 3
MIN_TAIL_SHARE = 0.2
# the least share of the output's words that are the match target's, in order: the output
# followed the match (a model's own wording shares a few words with it at most)
MIN_FOLLOWED = 2 / 3
# the most words of an output or a match's target compared (the aligner's time grows with their
# product; a model's output is shorter than its limit of 256 tokens): a longer text is not judged
MAX_WORDS = 500
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


class LostTail(NamedTuple):
    """The match an output followed and stopped short of, and the match's translation from its
    first word the output lacks (``genannten sonstigen Bestandteile ... sind.``)."""

    match: Match
    tail: str


def lost_tail(source: str, output: str, read: Sequence[Match]) -> LostTail | None:
    """The match of ``read`` (the matches fusion read for input ``source``) whose translation
    ``output`` follows and stops short of, with what it lost, else ``None`` (see the module
    doc). The output follows it: at least :data:`MIN_FOLLOWED` of its words are the target's,
    in order, and at least :data:`MIN_TAIL_WORDS`, and half as many as it lost (a short output
    that shares a word or two with a long translation followed none of it). It stops short:
    after the last of the target's words it says, the target says at least
    :data:`MIN_TAIL_WORDS` more (and :data:`MIN_TAIL_SHARE` of its words) than the output says
    of its own (``2`` for ``6``: a word changed, not lost), and the output is shorter than the
    target by half those words' length. And the input says what they translate: every word of
    the match's source it lacks (each as often) is one the target copies before the words lost
    (``Remote-Repository`` lost translates ``remote``), or one with a digit."""
    written = _words(output)
    if not written or len(written) > MAX_WORDS:
        return None
    said = word_counts(without_placeholders(source))
    for match in read:
        if match.score >= 100.0:
            # the input is the match's source: a target that goes on says more than its source
            # (an option table's line whose stored translation runs into the next line's, the
            # dev benchmark's dpkg), and an output that follows the input stops rightly
            continue
        target = _words(match.segment.target)
        if len(target) > MAX_WORDS:
            continue
        matcher = SequenceMatcher(None, written, target, autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        followed = sum(block.size for block in blocks)
        if not blocks or followed < max(MIN_FOLLOWED * len(written), MIN_TAIL_WORDS):
            continue
        own_end = len(written) - max(block.a + block.size for block in blocks)
        lost = len(target) - max(block.b + block.size for block in blocks) - own_end
        if lost < MIN_TAIL_WORDS or lost < MIN_TAIL_SHARE * len(target) or 2 * followed < lost:
            continue
        tail = _last_words(match.segment.target, lost)
        if len(output) > len(match.segment.target) - len(tail) / 2:
            continue
        lacked = word_counts(without_placeholders(match.segment.source)) - said
        copied = set(target[: len(target) - lost])  # the tail says none of them
        if any(word not in copied and not _DIGIT.search(word) for word in lacked):
            continue  # a word the input lacks may be what the tail translates
        return LostTail(match, tail)
    return None


def _last_words(text: str, count: int) -> str:
    """``text`` from the start of its ``count``-th word from the end (as :func:`_words` counts
    them, placeholders aside: a name for the message, not a measure)."""
    starts = [found.start() for found in _WORD.finditer(text)]
    return text[starts[-count] :] if 0 < count <= len(starts) else text


def _words(text: str) -> list[str]:
    """The alphanumeric runs of ``text`` outside its placeholders, case-folded, in order."""
    return word_list(without_placeholders(text))
