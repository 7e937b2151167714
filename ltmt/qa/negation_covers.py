"""German that says two of the source's negations with one word, for qa's negation counts.

Correct German often says fewer negating words than its English source (a regression trial of
the counts, session 75: a 2,000-entry contract PO went from 13 negation warnings to 607, and a
user's reviewed memory match stopped being used):

- ``weder ... noch`` says the negation of each of its parts (``shall not, and shall not
  permit ... to`` as ``weder selbst ... noch durch Dritte``), but only ``weder`` is a
  negating word;
- one ``nicht`` or ``kein`` before a coordinated list covers the source's repeated negation
  (``Do not freeze and do not shake.`` as ``Nicht einfrieren oder schütteln.``, ``damaged or
  not sealed`` as ``beschädigt oder geöffnet`` after a ``Nicht verwenden``);
- an ``unless`` is said without a negating word (``Unless otherwise agreed`` as
  ``Vorbehaltlich anderweitiger Vereinbarung``, ``renews unless cancelled`` as ``verlängert
  sich bis zur Kündigung``), and ``unless ... not`` as one conditional's ``nicht``
  (``unless the Customer does not object`` as ``sofern der Kunde nicht ... widerspricht``).

:func:`covered_in_german` says how many of the source's negations these forms say beyond
their negating words; each form covers only what its source says (a repeated negation in a
list, an ``unless``), so a translation that loses a negation elsewhere is still short.
"""

from __future__ import annotations

import re

# ``unless``: a negated condition, German's ``wenn ... nicht``, ``sofern ... nicht``, ``es sei
# denn``, ``außer wenn`` (``wenn`` alone turns the condition round); the counts read it too
UNLESS = re.compile(r"\bunless\b", re.IGNORECASE)
# ``weder`` and the ``noch`` of each further part (``noch`` alone is "still")
_NEITHER = re.compile(r"\bweder\b", re.IGNORECASE)
_NOR_PART = re.compile(r"\bnoch\b", re.IGNORECASE)
# an English negation repeated after a list's conjunction or comma: ``and do not``, ``or
# not``, ``, and shall not``, ``, do not``, ``or don't`` (two words at most between them)
_REPEATED = re.compile(
    r"(?:\b(?:and|or)|,)\s+(?:\w+\s+){0,2}?(?:not|never|no|cannot|\w+n['\u2019]t)\b",
    re.IGNORECASE,
)
# a German sentence (what a list after a negation stays within)
_SENTENCE_END = re.compile(r"[.;!?\n](?!\d)")
# the negating words a list follows (``Nicht einfrieren oder``, ``keine Dateien, Ordner``)
_LIST_NEGATION = re.compile(r"\b(?:nicht|kein\w*|nie|niemals)\b", re.IGNORECASE)
# what joins a list's items: a conjunction or a comma
_LIST_JOIN = re.compile(r"\b(?:und|oder|sowie)\b|,(?!\d)", re.IGNORECASE)
# German's unless without a negating word: ``vorbehaltlich`` (subject to: unless otherwise
# agreed), ``bis zur``/``bis zum`` (renews until cancellation: unless cancelled)
_UNLESS_WITHOUT_NEGATION = re.compile(r"\bvorbehaltlich\b|\bbis\s+zu[rm]\b", re.IGNORECASE)
# a clause (what ``unless`` or a conditional and the negation it holds stay within): English
# ends one at a comma or a sentence's end, German at a comma or a full stop before a capital
# (``Abschnitt 4.2``, ``Abs. 1 lit. b`` stay one clause)
_ENGLISH_CLAUSE_END = re.compile(r"[,;.!?\n]")
_GERMAN_CLAUSE_END = re.compile(r"[,;!?\n]|\.(?=\s+[A-ZÄÖÜ])")
_ENGLISH_NEGATION = re.compile(r"\b(?:not|never|no|\w+n['\u2019]t)\b", re.IGNORECASE)
# German's conditional (``sofern der Kunde nicht ... widerspricht``) and its negation
_CONDITION = re.compile(r"\b(?:sofern|soweit|wenn|falls)\b", re.IGNORECASE)
_GERMAN_NEGATION = re.compile(r"\b(?:nicht|kein\w*)\b", re.IGNORECASE)


def covered_in_german(target: str, source: str) -> int:
    """How many negations of ``source`` the forms of ``target`` say beyond their negating
    words (module docstring): each ``noch`` of a ``weder ... noch``, a list after one negation
    (each join, as many as ``source`` repeats a negation in a list), an unless without a
    negating word or with a conditional's (as many as ``source`` says ``unless``)."""
    return _neither_parts(target) + _list_parts(target, source) + _unless_parts(target, source)


def unless_in_german(target: str) -> bool:
    """Whether ``target`` says an unless without ``es sei denn`` or ``ausgenommen``:
    ``vorbehaltlich``, ``bis zur``/``bis zum``, a conditional with a negation in its clause
    (``sofern ... nicht``)."""
    if _UNLESS_WITHOUT_NEGATION.search(target):
        return True
    return _negated_clauses(target, _GERMAN_CLAUSE_END, _CONDITION, _GERMAN_NEGATION) > 0


def _neither_parts(target: str) -> int:
    """The ``noch`` after the first ``weder`` of ``target`` (0 without one)."""
    neither = _NEITHER.search(target)
    return 0 if neither is None else len(_NOR_PART.findall(target, neither.end()))


def _list_parts(target: str, source: str) -> int:
    """The joins of the lists that follow a negation in a sentence of ``target``, at most as
    many as ``source`` repeats a negation in a list (:data:`_REPEATED`)."""
    repeated = len(_REPEATED.findall(source))
    if not repeated:
        return 0
    joins = 0
    for sentence in _SENTENCE_END.split(target):
        negation = _LIST_NEGATION.search(sentence)
        if negation is not None:
            joins += len(_LIST_JOIN.findall(sentence, negation.end()))
    return min(joins, repeated)


def _unless_parts(target: str, source: str) -> int:
    """The unless ``target`` says without a negating word, and the one a conditional's
    negation says beside its own (``sofern ... nicht`` for ``unless ... not``), at most as
    many as ``source`` says ``unless``."""
    unless = len(UNLESS.findall(source))
    if not unless:
        return 0
    said = len(_UNLESS_WITHOUT_NEGATION.findall(target))
    unless_not = _negated_clauses(source, _ENGLISH_CLAUSE_END, UNLESS, _ENGLISH_NEGATION)
    if unless_not:
        conditions = _negated_clauses(target, _GERMAN_CLAUSE_END, _CONDITION, _GERMAN_NEGATION)
        said += min(unless_not, conditions)
    return min(said, unless)


def _negated_clauses(
    text: str, clause_end: re.Pattern[str], opening: re.Pattern[str], negation: re.Pattern[str]
) -> int:
    """How many clauses of ``text`` (split at ``clause_end``) hold ``opening`` with
    ``negation`` after it (``unless ... not``, ``sofern ... nicht``): each clause read once."""
    said = 0
    for clause in clause_end.split(text):
        opened = opening.search(clause)
        said += opened is not None and negation.search(clause, opened.end()) is not None
    return said
