"""Glossary terms that are a whole line or a clause: placed as a unit, never word by word.

A regulatory template's phrase (the QRD's "Keep this medicine out of the sight and reach of
children" → "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf") is a glossary term
of a sentence's length. Placement (:mod:`ltmt.terminology.placement`) puts a missing target
where the model wrote one word of its term, which for such a term left the model's own
rendering of the rest around it: "Behalten Sie diese aus dem Blick und dem Bewahren Sie dieses
Arzneimittel für Kinder unzugänglich auf." (pharma trial). A term that is the whole line
(:func:`whole_line_output`) is the output, with the line's punctuation; one of
:data:`CLAUSE_WORDS` words or more inside a longer line (:func:`is_clause_term`) is given to the
model in place, with the input's term replaced by its target, which the model copies.
"""

from __future__ import annotations

import re

from ltmt.terminology.matching import TermHit, plural_at, words
from ltmt.terminology.terms import Term

# the words from which a term is a clause, not a name or a noun phrase ("Keep this medicine out
# of ..."; not "Edit payment method", "Admin Center", "unerwünschtes Ereignis")
CLAUSE_WORDS = 4
# a sentence's closing signs, which may stand after a whole line's term
CLOSING_SIGNS = ".!?:;…"
# what may stand after a whole line's term: blanks and those signs
_LINE_END = re.compile(rf"[\s{CLOSING_SIGNS}]*\Z")


def is_clause_term(term: Term) -> bool:
    """Whether ``term`` is a clause (:data:`CLAUSE_WORDS` words or more in its source)."""
    return len(words(term.source)) >= CLAUSE_WORDS


def whole_line_output(text: str, hit: TermHit) -> str | None:
    """The output of the line ``text`` where its glossary term ``hit`` is all of it but for
    blanks around and its closing signs (``Keep this medicine out of the sight and reach of
    children.``): the term's target and those signs as the line writes them; ``None`` for a
    term inside a longer line, or one the line writes in its plural (the glossary's target is
    the singular's)."""
    if text[: hit.start].strip() or _LINE_END.match(text, hit.end) is None:
        return None
    if plural_at(text, hit):
        return None
    return text[: hit.start] + hit.term.target + text[hit.end :]
