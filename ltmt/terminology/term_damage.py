"""Outputs that a glossary step damaged to carry a target: glued in front, or all that is left.

Placing a missing target (:mod:`ltmt.terminology.placement`), copying it from the input or
decoding under the constraint may "follow" the glossary by damaging the line: ``Beleg
{0}-Receipt(s) anhängend`` for ``{0} receipt(s) attached`` (the target put in front of the
model's output, the English word left where the term is), or ``Beleg`` for ``Scan receipt``
(the one word of the output, which said "scan" too, replaced by the target). Such an output is
not taken: the output without the term stays, and the run counts its term as one that could
not be placed (:func:`~ltmt.terminology.decoding.terms_missed`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.terminology.function_words import (
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_OFTEN_UNSAID,
    FUNCTION_WORDS,
)
from ltmt.terminology.matching import (
    TermHit,
    optional_plural_end,
    rendering_spans,
    singulars,
    words,
)
from ltmt.text import LETTERS

# English words besides its function words whose loss is none: adverbs and particles that a
# German line often leaves unsaid ("No receipts yet." is "Keine Belege."), and negations
# that its "kein" says
_LEFT_UNSAID = ENGLISH_OFTEN_UNSAID | frozenset(
    {
        *("yet", "already", "still", "again", "too", "only", "ever", "anymore"),
        *("no", "not", "none", "never", "nothing"),
    }
)
_NOT_LOST = ENGLISH_FUNCTION_WORDS | _LEFT_UNSAID


def damaged(source: str, hits: Sequence[TermHit], before: str, after: str) -> bool:
    """Whether ``after``, a glossary step's output for ``source`` (whose terms are ``hits``),
    is the output ``before`` (the model's, without the term) with targets glued in front
    (:func:`glued_in_front`), or says nothing but its targets (:func:`only_targets`)."""
    return glued_in_front(source, hits, before, after) or only_targets(source, hits, after)


def glued_in_front(source: str, hits: Sequence[TermHit], before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with targets of ``hits`` written in front of it, where
    ``source`` has a word or placeholder before its first term: the target does not open the
    line, it was put there for want of a place (``Beleg {0}-Receipt(s) anhängend``)."""
    if not hits or not before.strip():
        return False
    first = min(hit.start for hit in hits)
    if not any(c.isalnum() for c in source[:first]):
        return False  # the term opens the source: in front is its place
    kept = " ".join(before.split())
    written = " ".join(after.split())
    if not written.endswith(kept) or written == kept:
        return False
    front = written[: len(written) - len(kept)]
    targets = {hit.term.target for hit in hits}
    return not _left_over(front, targets)


def only_targets(source: str, hits: Sequence[TermHit], after: str) -> bool:
    """Whether ``after`` writes nothing but targets of ``hits`` (German function words,
    placeholders and punctuation aside) where ``source`` says a word besides its terms that is
    no English function word, nor one German leaves unsaid (:data:`_LEFT_UNSAID`): the output
    lost that word (``Beleg`` for ``Scan receipt``; not ``Keine Belege.`` for ``No receipts
    yet.``)."""
    if not hits or not all(_written_at(source, hit) for hit in hits):
        return False  # hits of another text (a retry's, with its targets in place)
    rest = list(source)
    for hit in hits:
        end = optional_plural_end(source, hit.end)  # receipt(s): its (s) is the term's
        rest[hit.start : end] = " " * (end - hit.start)
    said = LETTERS.findall(without_placeholders("".join(rest)))
    if not any(word.casefold() not in _NOT_LOST for word in said):
        return False
    targets = {hit.term.target for hit in hits}
    left = _left_over(without_placeholders(after), targets)
    return all(word.casefold() in FUNCTION_WORDS for word in left)


def _left_over(text: str, targets: set[str]) -> list[str]:
    """The words of ``text`` outside the words that render ``targets`` (their forms too: the
    whole word ``Belege`` of a rendering ``Beleg``)."""
    text = unicodedata.normalize("NFC", text)  # rendering_spans' places are in this form
    kept = list(text)
    for target in targets:
        for start, end in rendering_spans(target, text):
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            kept[start:end] = " " * (end - start)
    return LETTERS.findall("".join(kept))


def _written_at(source: str, hit: TermHit) -> bool:
    """Whether ``source`` writes the term of ``hit`` at its place (its last word, or a
    plural of it, ends the span)."""
    found, own = words(source[hit.start : hit.end]), words(hit.term.source)
    if not found or not own:
        return False
    return own[-1].casefold() in {word.casefold() for word in singulars(found[-1])}
