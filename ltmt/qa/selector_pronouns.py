"""A selector's form that says "she" or "they": ``Sie`` there is no formal address.

A SmartFormat choice (``{0:choose(1|2):He|She} will forge your sword.`` →
``{0:choose(1|2):Er|Sie} schmiedet dein Schwert.``) or an ICU branch (``{gender, select,
female {She found your key.} ...}`` → ``female {Sie hat deinen Schlüssel gefunden.}``) starts
a form with ``Sie``, ``Ihr`` or ``Ihnen`` for the source form's "She", "Her", "They" or
"Them". qa's formality check read that ``Sie`` as the formal "you" (it starts no sentence
there), beside the line's ``dein`` (session 73, trial s74). :func:`third_person_written_small`
writes such a word small (``sie``), as German writes "she" inside a sentence, so that the check
reads it as no address; only where the source's form at the same place (the same expression's
form, the same argument's branch) starts with one of those English words.
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.formats.icu_messages import branch_starts
from ltmt.formats.smart_format import expressions

# a form's first word that reads as formal address (after spaces or an opening quote) ...
_FORMAL_FIRST = re.compile(
    r"[\s\"'\u201e\u201c\u201a\u2018\u00bb\u00ab]*(Sie|Ihnen|Ihr(?:e[mnrs]?)?)(?!\w)"
)
# ... and the source form's first word that says it is "she" or "they", not "you"
_THIRD_PERSON_FIRST = re.compile(r"\W*(?:she|her|hers|they|them|their|theirs)(?!\w)", re.IGNORECASE)

# a form's place in its text: ("smart", expression's number, its head, form's number) or
# ("icu", argument, key, how many branches of that argument and key came before)
FormPlace = tuple[str, int | str, str, int]


def third_person_written_small(target: str, source: str) -> str:
    """``target`` (a translation of ``source``) with the ``Sie``, ``Ihnen`` or ``Ihr``
    (``Ihre`` ...) that starts a SmartFormat form or an ICU branch written small where the
    source's form at the same place starts with "she", "her", "they" or "them" (module
    docstring); as long as ``target``, each other character as it was."""
    of_source = _form_starts(source)
    if not of_source:
        return target
    for place, start in _form_starts(target).items():
        source_start = of_source.get(place)
        if source_start is None or not _THIRD_PERSON_FIRST.match(source, source_start):
            continue
        if word := _FORMAL_FIRST.match(target, start):
            target = target[: word.start(1)] + word.group(1).lower() + target[word.end(1) :]
    return target


def _form_starts(text: str) -> dict[FormPlace, int]:
    """Where each form of ``text``'s SmartFormat expressions (after a condition) and each
    branch of its ICU arguments starts, by its place (:data:`FormPlace`)."""
    starts: dict[FormPlace, int] = {}
    for number, expression in enumerate(expressions(text)):
        at = expression.start + len(expression.head)
        conditions = expression.conditions
        for index, (form, condition) in enumerate(zip(expression.forms, conditions, strict=True)):
            starts["smart", number, expression.head, index] = at + len(condition)
            at += len(form) + 1
    seen: Counter[tuple[str, str]] = Counter()
    for argument, key, at in branch_starts(text):
        starts["icu", argument, key, seen[argument, key]] = at
        seen[argument, key] += 1
    return starts
