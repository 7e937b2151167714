"""The sentences of a multi-sentence source that its translation writes again as they are.

The model may translate one sentence of a cell and copy the other (``Welcome, [b]{name}[/b]!
The village needs your help.`` → ``Welcome, [b]{name}[/b]! Der Dorf braucht deine Hilfe.``:
markup around a placeholder, ``[b]{name}[/b]``, ``<b>{name}</b>``, leaves the small model's
``Welcome`` in copy mode). A whole output equal to its source is the ``copied`` check's; this
finds such a sentence inside a translated one, for the run's summary and ``ltmt qa`` alike.
A source written again with German's capitals (``Main Navigation`` for ``Main navigation``,
the design-system trial, session 70: the model capitalised the word German shares, and
``Main`` stayed) is a copy too (:func:`written_again`).
"""

from __future__ import annotations

import re

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.sentences import split_sentences
from ltmt.units import meant_as_written

_WORD = re.compile(r"[^\W\d_]{2,}")
# code in a tagged text (a code span, an MDX comment {/* added in v3 */}): kept as written, so
# a sentence of code alone is not one the model left untranslated
_CODE = re.compile(rf"<code{TAG_BODY}>.*?</code>", re.DOTALL)


def copied_sentences(source: str, target: str) -> list[str]:
    """The sentences of ``source`` (two or more) that ``target`` has as written, each with a
    word outside its placeholders and not one name or key combination
    (:func:`ltmt.units.meant_as_written`) and outside code; none where ``target`` is
    ``source`` whole."""
    if target.strip() == source.strip():
        return []
    sentences = [sentence.strip() for sentence in split_sentences(source)]
    if len(sentences) < 2:
        return []
    return [
        sentence
        for sentence in sentences
        if sentence in target
        and _WORD.search(without_placeholders(_CODE.sub("", sentence))) is not None
        and not meant_as_written(sentence.rstrip(".!?:;"))
    ]


def written_again(source: str, target: str) -> bool:
    """Whether ``target`` is ``source`` as written, or but for capitals at a word's start
    (``Main Navigation`` for ``Main navigation``: German capitalises its nouns), each with
    two words or more; a single word is the same in both languages as often (``Navigation``)."""
    source, target = source.strip(), target.strip()
    if target == source:
        return True
    if len(_WORD.findall(source)) < 2 or target.casefold() != source.casefold():
        return False
    return all(
        a == b or (a.casefold() == b.casefold() and (n == 0 or not source[n - 1].isalpha()))
        for n, (a, b) in enumerate(zip(source, target, strict=True))
    )
