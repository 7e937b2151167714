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

The other way round, a form (or a whole text) that starts with ``Du``, ``Dich``, ``Dir`` or
``Dein...`` for a source form that starts with "She" or "They" (``She replied to your
comment.`` → ``Du antwortetest auf deinen Kommentar.``) turned the third person into the
reader: :func:`reader_for_third_person` says which word (trial s75, under ``--formality du``).
A German sentence that addresses the reader no more often than the source's sentence says
"you" or "your" is not that: ``They invited you to {listName}`` → ``Du wurdest zu {listName}
eingeladen`` is German's passive for the reader (trial s77), where ``She replied to your
comment.`` → ``Du antwortetest auf deinen Kommentar.`` addresses the reader twice.
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

# a form's first word that addresses the reader informally ...
_INFORMAL_FIRST = re.compile(
    r"[\s\"'\u201e\u201c\u201a\u2018\u00bb\u00ab]*(Du|Dich|Dir|Dein(?:e[mnrs]?)?)(?!\w)"
)
# ... for a source form that starts with "she" or "they", its subject
_SUBJECT_FIRST = re.compile(r"\W*(she|they)(?!\w)", re.IGNORECASE)
# where a form's first sentence ends (in an ICU branch or a SmartFormat form, its end too)
_SENTENCE_END = re.compile(r"[.!?}|\n]")
# the words that address the reader, in English and informally in German
_READER_EN = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_READER_DE = re.compile(r"\b(?:du|dich|dir|dein(?:e[mnrs]?)?)\b", re.IGNORECASE)

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


def starts_with_subject(source: str) -> bool:
    """Whether ``source`` (English) starts with "she" or "they": its translation's first
    ``Sie`` is that subject, not the formal "you" (:mod:`ltmt.address_steering` leaves it)."""
    return _SUBJECT_FIRST.match(source) is not None


def reader_for_third_person(target: str, source: str) -> tuple[str, str] | None:
    """The informal pronoun that starts ``target`` or one of its forms (ICU branches,
    SmartFormat forms) where ``source``'s at the same place starts with "she" or "they", and
    that English word, as written (``("Du", "She")``); None where there is none."""
    whole: dict[FormPlace | None, int] = {None: 0}  # the text's own start
    of_source = whole | _form_starts(source)
    for place, start in (whole | _form_starts(target)).items():
        source_start = of_source.get(place)
        subject = None if source_start is None else _SUBJECT_FIRST.match(source, source_start)
        word = _INFORMAL_FIRST.match(target, start) if subject else None
        if subject and word and source_start is not None:
            said = len(_READER_EN.findall(_first_sentence(source, source_start)))
            if len(_READER_DE.findall(_first_sentence(target, start))) > said:
                return word.group(1), subject.group(1)
    return None


def _first_sentence(text: str, start: int) -> str:
    """``text``'s first sentence from ``start`` (to a full stop, a question or exclamation
    mark, a form's or branch's end, a line's end)."""
    end = _SENTENCE_END.search(text, start)
    return text[start : len(text) if end is None else end.start()]
