"""A sentence's translation laid out over the subtitle cues its source filled: split where the
source's cues split (by their share of its characters, at a word, a punctuation mark preferred),
each cue's text in at most two balanced lines (two where its source cue had two), and italics,
bold or a WebVTT class span that a split cuts in two closed in one cue and opened again in the
next.

    parts = split_over(translation, [len(cue) for cue in source_cues])
    lines = wrap(parts[0])
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ltmt.formats.attribute_values import ANY_TAG, TAG_BODY
from ltmt.formats.common import primary_language

LINE_LENGTH = 42  # characters a subtitle line holds (Netflix's style guides, and most broadcasters)
_BREAK = re.compile(r" +")
_PUNCTUATION = tuple(",.;:!?…")
_SENTENCE_ENDS = tuple(".!?…")
# the formatting tags a split closes and opens again: SubRip's, and WebVTT's class, voice and
# language spans (as HTML's with their classes, :mod:`ltmt.formats.subtitle_markup`)
_TAG = re.compile(rf"<(/?)(i|b|u|font|c|v|lang)(?:\s{TAG_BODY})?>", re.IGNORECASE)
# any markup a line may hold: a tag of any kind, a SubRip position ({\an8}); never cut inside
_MARKUP = re.compile(rf"{ANY_TAG}|\{{\\[^{{}}]*\}}")


def split_over(text: str, shares: list[int], language: str = "") -> list[str]:
    """``text`` in ``len(shares)`` parts whose lengths follow ``shares`` (the source cues'
    lengths), cut between words: after a punctuation mark or before a conjunction where one is
    within a few characters, never right after an article (``language``'s words, as
    :func:`wrap`). A part may be empty only where ``text`` has fewer words than ``shares``."""
    if len(shares) <= 1:
        return [text.strip()]
    text = text.strip()
    spaces = _spaces(text)
    total = max(sum(shares), 1)
    words = _words(language)
    cuts: list[int] = []
    done = 0
    for share in shares[:-1]:
        done += share
        ideal = len(text) * done / total
        after = cuts[-1] if cuts else -1
        candidates = [s for s in spaces if s > after]
        if not candidates:
            break
        slack = max(4.0, len(text) / len(shares) / 6)

        def cost(space: int, ideal: float = ideal, slack: float = slack) -> float:
            return abs(space - ideal) - _break_bonus(text, space, words, slack)

        cuts.append(min(candidates, key=cost))
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    parts += [""] * (len(shares) - len(parts))
    return balance_tags(parts)


def balance_tags(parts: list[str]) -> list[str]:
    """Close in each part the formatting tags still open at its end, and open them again at
    the start of the next (``<i>a b</i>`` cut after ``a``: ``<i>a</i>``, ``<i>b</i>``)."""
    balanced: list[str] = []
    carried: list[tuple[str, str]] = []  # (name, opening tag) still open, in order
    for part in parts:
        opened = list(carried)
        for found in _TAG.finditer(part):
            name = found.group(2).lower()
            if not found.group(1):
                opened.append((name, found.group(0)))
                continue
            for index in range(len(opened) - 1, -1, -1):
                if opened[index][0] == name:
                    del opened[index]
                    break
        closing = "".join(f"</{name}>" for name, _ in reversed(opened)) if part else ""
        balanced.append("".join(tag for _, tag in carried) + part + closing)
        carried = opened
    return balanced


def wrap(
    text: str,
    limit: int = LINE_LENGTH,
    language: str = "",
    lines: int = 1,
    *,
    at_sentence_end: bool = False,
) -> list[str]:
    """``text`` as one line, or two of near equal length where it is longer than ``limit`` or
    its source cue had two ``lines`` (a subtitler's layout, kept where the text has a space),
    broken at a space as subtitle guides ask: after a punctuation mark or before a conjunction
    or preposition where one is close, and never between an article and its noun (the words of
    ``language``, German's and English's known here). Where a break leaves both lines within
    ``limit`` (markup not counted), one such is taken; a text too long for two lines of
    ``limit`` gets two longer ones (:func:`too_long` finds them, for a review note). Where
    ``at_sentence_end`` (the source cue's lines break after a sentence), a break after a
    sentence's end that leaves both lines within ``limit`` is taken before any other."""
    text = text.strip()
    spaces = _spaces(text)
    if not spaces or (shown_length(text) <= limit and lines < 2):
        return [text]
    middle = len(text) / 2
    words = _words(language)

    def cost(space: int) -> float:
        return abs(space - middle) - _break_bonus(text, space, words, 4.0)

    fitting = [s for s in spaces if not too_long([text[:s], text[s:]], limit)]
    ending = [s for s in fitting if at_sentence_end and ends_sentence(text[:s])]
    cut = min(ending or fitting or spaces, key=cost)
    return [text[:cut].strip(), text[cut:].strip()]


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence: its last mark, past closing quotes, brackets and tags,
    is a full stop, a question or exclamation mark or an ellipsis."""
    shown = _MARKUP.sub("", line).rstrip().rstrip("\"'»«“”\u2019)]")
    return shown.endswith(_SENTENCE_ENDS)


def shown_length(line: str) -> int:
    """The characters of ``line`` a viewer sees (its markup left out)."""
    return len(_MARKUP.sub("", line.strip()))


def too_long(lines: list[str], limit: int = LINE_LENGTH) -> bool:
    """Whether a line of ``lines`` shows more than ``limit`` characters."""
    return any(shown_length(line) > limit for line in lines)


def _spaces(text: str) -> list[int]:
    """Where ``text`` may break: its spaces, those inside a tag left out (``<font color=...>``
    cut in two)."""
    inside = [(m.start(), m.end()) for m in _MARKUP.finditer(text)]
    return [
        m.start()
        for m in _BREAK.finditer(text)
        if not any(start < m.start() < end for start, end in inside)
    ]


def _break_bonus(text: str, space: int, words: _Words | None, punctuation: float) -> float:
    """How much better a break at ``space`` is than its distance says: after a punctuation mark
    (``punctuation``), before a conjunction or preposition; far worse right after an article."""
    bonus = punctuation if text[space - 1 : space] in _PUNCTUATION else 0.0
    if words is None:
        return bonus
    before = _TAG.sub("", text[:space].rsplit(" ", 1)[-1]).lower()
    after = _TAG.sub("", text[space:].split(None, 1)[0]).lower() if text[space:].strip() else ""
    if after in words.joins:
        bonus += punctuation * 0.75
    if before in words.articles:
        bonus -= punctuation * 3
    return bonus


def _words(language: str) -> _Words | None:
    return _BREAK_WORDS.get(primary_language(language))


@dataclass(frozen=True)
class _Words:
    """A language's words that a line break goes before (``joins``: conjunctions and
    prepositions) or never after (``articles``)."""

    joins: frozenset[str]
    articles: frozenset[str]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BREAK_WORDS = {
    "de": _Words(
        joins=_set(
            "und oder aber denn sondern dass weil wenn als ob obwohl damit während bis mit von "
            "zu in an auf für über unter vor nach bei aus durch gegen ohne um"
        ),
        articles=_set(
            "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem "
            "keiner mein meine dein deine sein seine ihr ihre unser unsere"
        ),
    ),
    "en": _Words(
        joins=_set(
            "and or but because that if when while although so until with from to in on at for "
            "of about into over under after before by through without"
        ),
        articles=_set("the a an my your his her its our their this these those"),
    ),
}
