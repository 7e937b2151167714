"""Whether a memory's English uses a source phrase mostly as a verb, by the words beside it.

``glossary suggest --nouns-only`` keeps the suggestions whose German target is written as a
noun; a target seen only where sentences start passes when the German noun table knows it, and
the imperative ``Stelle`` of ``Craft a Ruby Sword`` → ``Stelle ein Rubinschwert her`` is such
a word (``craft → Stelle``). The English side tells the verb: an occurrence followed by an
article, a possessive or an object pronoun (``craft a sword``, ``open the guide``, ``craft
them``) or after a modal or ``please`` (``can open``) is a verb's; one after an article or a
possessive (``the guide``, ``your laser``) a noun's. :func:`used_mostly_as_verb` says whether
a phrase has more verb occurrences than noun ones, and verb ones in at least half of all: an
occurrence with neither sign says nothing, so ``Open Guide Book`` keeps a phrase a noun's
unless its other occurrences say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ltmt.terminology.verb_use import BEFORE_A_VERB

# what starts a verb's object (``open the guide``, ``craft them``); not "that", which follows
# nouns as often ("the file that changed")
_OBJECT_STARTS = frozenset(
    {*("a", "an", "the", "this", "these", "those"), *("your", "my", "our", "their", "its")}
    | {"them", "him", "me", "us"}
)
# what stands before a noun (``the guide``, ``each file``)
_DETERMINERS = frozenset(
    {*("a", "an", "the", "this", "these", "those", "another"), *("your", "my", "our", "their")}
    | {*("its", "his", "each", "every", "no", "any", "some")}
)


def used_mostly_as_verb(
    phrase: Sequence[str], texts: Sequence[Sequence[str]], where: Iterable[int]
) -> bool:
    """Whether ``phrase`` (case-folded words) is used as a verb more often than as a noun, and
    as a verb in at least half of its occurrences (module docstring), in the texts at ``where``
    of ``texts`` (each a text's case-folded words)."""
    verbs = nouns = occurrences = 0
    n = len(phrase)
    for index in where:
        tokens = texts[index]
        for start in range(len(tokens) - n + 1):
            if tuple(tokens[start : start + n]) != tuple(phrase):
                continue
            occurrences += 1
            before = tokens[start - 1] if start else ""
            after = tokens[start + n] if start + n < len(tokens) else ""
            if before in _DETERMINERS:
                nouns += 1
            elif after in _OBJECT_STARTS or before in BEFORE_A_VERB:
                verbs += 1
    return verbs > nouns and 2 * verbs >= occurrences
