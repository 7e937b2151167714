"""German separable verbs written apart: a glossary target ``anmelden`` in ``Melden Sie sich an``.

A German verb with a separable prefix (``an``, ``ab``, ``auf``, ...) splits in a main clause:
its stem comes early and the prefix closes the clause (``anmelden`` → ``Melden Sie sich
mit Ihrem Konto an``). :func:`~ltmt.terminology.matching.rendered_at` looks for the target as
one word, so ``ltmt qa``'s glossary check flagged correct translations of ``log in`` →
``anmelden`` (``'log in' is 'anmelden' in the glossary``). :func:`separated_at` finds such a
verb's forms apart, a form of its stem and later, at the end of the same clause, its prefix,
and its forms with ``zu`` or ``ge`` inside (``anzumelden``, ``angemeldet``). ``ltmt qa`` asks
it, and so does decoding (:func:`~ltmt.terminology.matching.term_renders`): an output that
writes the verb apart carries the target, where the target used to be forced in over the
model's ``Melden Sie sich ... an`` (``Anmelden Sie sich ...``). A finite verb the model wrote
without its prefix (``Melden Sie sich mit Ihrem Konto.``) is no form of the target.
"""

from __future__ import annotations

import re
import unicodedata

# the separable prefixes of German verbs, the longest first (``zurück`` before ``zu``)
SEPARABLE_PREFIXES = tuple(
    sorted(
        {
            *("ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "heraus", "herein", "hin"),
            *("hinzu", "los", "mit", "nach", "vor", "voran", "vorbei", "weg", "weiter", "zu"),
            *("zurück", "zusammen"),
        },
        key=len,
        reverse=True,
    )
)
# where a clause ends: punctuation, or a conjunction that starts the next main clause
_CLAUSE_END = re.compile(r"[,;:.!?()\n]|\s(?:und|oder|aber|sondern|denn)\s", re.IGNORECASE)
_INFINITIVE_ENDING = re.compile(r"(?<=[^\W\d_]{2})e?n$")  # melden -> meld, ändern -> änder
_MIN_STEM = 3  # letters: ``an|sehen`` yes (seh), ``an|tun`` no (tu: too many words start so)


def separable_parts(target: str) -> tuple[str, str] | None:
    """``(prefix, stem)`` of ``target`` when it is one lower-case German verb with a separable
    prefix in its infinitive (``anmelden`` → ``("an", "meld")``); ``None`` otherwise (a noun,
    several words, no such prefix, a stem too short to find safely)."""
    if not target.isalpha() or not target.islower():
        return None
    for prefix in SEPARABLE_PREFIXES:
        rest = target[len(prefix) :]
        if target.startswith(prefix) and _INFINITIVE_ENDING.search(rest):
            stem = _INFINITIVE_ENDING.sub("", rest)
            return (prefix, stem) if len(stem) >= _MIN_STEM else None
    return None


def separated_at(target: str, output: str) -> set[int]:
    """Where ``output`` writes the separable verb ``target`` (:func:`separable_parts`) in
    forms :func:`~ltmt.terminology.matching.rendered_at` does not find: the start of a word
    beginning with its stem that the prefix, as a word of its own, follows at the end of the
    same clause (``Melden Sie sich zuerst an``), and of its forms with ``zu`` or ``ge``
    between prefix and stem (``anzumelden``, ``angemeldet``), in ``output``'s composed form
    (NFC). Empty for any other target."""
    parts = separable_parts(target)
    if parts is None:
        return set()
    prefix, stem = parts
    output = unicodedata.normalize("NFC", output)  # places as rendered_at gives them
    joined = re.compile(rf"(?<!\w){prefix}(?:zu|ge){re.escape(stem)}", re.IGNORECASE)
    places = {found.start() for found in joined.finditer(output)}
    start = 0
    for clause_end in [*(m.start() for m in _CLAUSE_END.finditer(output)), len(output)]:
        places |= _split_in_clause(output, start, clause_end, prefix, stem)
        start = clause_end + 1
    return places


def _split_in_clause(output: str, start: int, end: int, prefix: str, stem: str) -> set[int]:
    """The start of the first word of ``output[start:end]`` (one clause) beginning with
    ``stem`` when the clause's last word is ``prefix``; else empty."""
    clause = output[start:end]
    if not re.search(rf"(?<!\w){prefix}\s*$", clause, re.IGNORECASE):
        return set()
    verb = re.search(rf"(?<!\w){re.escape(stem)}\w*(?=\s)", clause, re.IGNORECASE)
    return {start + verb.start()} if verb else set()
