"""A pair's words as a memory match translates them: the words its target's pair encloses.

A segment with paired codes is translated without them, its pairs' texts each alone
(:mod:`ltmt.formats.paired_tags`). Where the memory guided the sentence, its output words a
pair's text as the match's target does (``Klicken Sie auf Weiter, um fortzufahren.``, after
``Click <b>Next</b> to continue.`` → ``Klicken Sie auf <b>Weiter</b>, um fortzufahren.``),
while the pair's text alone came out otherwise (``Next`` → ``Nächster``): that translation was
not found in the sentence, and was put in beside ``Weiter``. The match's words for the pair
(``Weiter``) are the ones the sentence holds.

A match without pairs gives a pair's words where the pair stands at an edge of the segment
(its first or last words) and the match's source has the same words at the same edge: as many
words of its target's edge (``<sc/>Your order<ec/> has been shipped.<ph/>Track it ...`` after
``Your order has been shipped.`` → ``Ihre Bestellung wurde versandt.``: ``Ihre Bestellung``).
Without them, ``Your order`` alone (``Deine Reihenfolge``) was not found in the sentence and
was put in before ``Ihre Bestellung``, which then said it twice. These edge words are only a
fallback (:func:`edge_words_in_matches`): where the pair's own translation is found in the
sentence it wins, since a target's first words need not say its source's (``New messages
arrive every day.`` → ``Jeden Tag kommen neue Nachrichten an.``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.paired_tags import Pair, PairedText, strip_pairs
from ltmt.text import collapse_space

# the names of a pair's opening tags (``<b>``, ``<g id="1" ctype="x-b">``, ``[b]``, stacked ones)
_TAG_NAME = re.compile(r"[<\[]\s*([^\s/>=\]]+)")
# a word (for comparing a pair's words with a match's), a tag, and an edge's punctuation
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_TAG = re.compile(ANY_TAG)
_EDGE_MARKS = re.compile(r"^[^\w]+|[^\w]+$")


def words_in_matches(paired: PairedText, matches: Sequence[tuple[str, str]]) -> list[str]:
    """For each pair of ``paired`` to translate (:attr:`PairedText.to_translate`), the words
    the first of ``matches`` (``(source, target)``, best first) whose source has a pair around
    the same text gives it: the text its target's pair of the same tags encloses; ``""`` where
    no match has one."""
    sides = [(strip_pairs(source), strip_pairs(target)) for source, target in matches]
    known = [(source, target) for source, target in sides if source and target]
    return [
        next(filter(None, (_words_of(pair, source, target) for source, target in known)), "")
        for pair in paired.pairs
        if not pair.token
    ]


def edge_words_in_matches(paired: PairedText, matches: Sequence[tuple[str, str]]) -> list[str]:
    """For each pair of ``paired`` to translate, the words at the edge of the first of
    ``matches`` without pairs that has the pair's words at the same edge (:func:`_edge_words`),
    ``""`` where none has: a pair's words to use only where it would be put in otherwise."""
    plain = [(source, target) for source, target in matches if strip_pairs(source) is None]
    return [
        next(filter(None, (_edge_words(pair, paired, s, t) for s, t in plain)), "")
        for pair in paired.pairs
        if not pair.token
    ]


def _edge_words(pair: Pair, paired: PairedText, source: str, target: str) -> str:
    """The words at the edge of a match's ``target`` (no pairs) that stand for ``pair``: where
    the pair's words are the first (or last) words of ``paired.text`` and of the match's
    ``source``, which has more, as many first (last) words of ``target``; else ``""``."""
    words = _words(pair.inner)
    count = len(words)
    text, matched, translated = _words(paired.text), _words(source), target.split()
    if not count or len(matched) <= count or len(translated) <= count:
        return ""
    if text[:count] == words == matched[:count]:
        return _EDGE_MARKS.sub("", " ".join(translated[:count]))
    if text[-count:] == words == matched[-count:]:
        return _EDGE_MARKS.sub("", " ".join(translated[-count:]))
    return ""


def _words(text: str) -> list[str]:
    """The words of ``text``, case-folded, without tags or punctuation."""
    return _WORD.findall(_TAG.sub(" ", text).casefold())


def _words_of(pair: Pair, source: PairedText, target: PairedText) -> str:
    """The text of ``target``'s pair that stands for ``source``'s pair around ``pair``'s text
    (the same tag names, the same count of such pairs before it), or ``""``."""
    text = _folded(pair.inner)
    for number, found in enumerate(source.pairs):
        if found.token or _folded(found.inner) != text:
            continue
        names = _names(found)
        before = sum(1 for other in source.pairs[:number] if _names(other) == names)
        alike = [other for other in target.pairs if _names(other) == names and not other.token]
        if before < len(alike):
            return alike[before].inner.strip()
    return ""


def _names(pair: Pair) -> list[str]:
    """The names of ``pair``'s opening tags, case-folded."""
    return [name.casefold() for name in _TAG_NAME.findall(pair.opening)]


def _folded(text: str) -> str:
    """``text`` for comparing: case-folded, its spaces collapsed."""
    return collapse_space(text.casefold())
