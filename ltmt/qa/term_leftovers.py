"""qa's glossary check of English left beside a target: the term's own words kept in English.

A translation may carry a term's target and still keep the source's word for it: ``Beleg
{0}-Receipt(s) anhängend`` for ``{0} receipt(s) attached``, glossary ``receipt`` → ``Beleg``
(a target put in front of the model's output, which copied the English). The missed-term
check passes it, as the target is there; :func:`english_left` names the English word. A term
whose target writes words of its source (a name kept: ``Old Tom`` → ``Old Tom``) is not read,
nor are places of the English words the source has outside its terms (in a name the matcher
does not find the term in), placeholders, or quoted items (a label as the app shows it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.findings import Finding

if TYPE_CHECKING:
    from ltmt.segments import PairRecord
    from ltmt.terminology.terms import Term


def english_left(n: int, record: PairRecord, terms: Sequence[tuple[str, Term]]) -> list[Finding]:
    """A finding for each term of ``terms`` (the ``n``-th entry's prose terms, as the source
    writes each: :func:`~ltmt.qa.glossary_checks.prose_terms`) whose target the translation
    carries but whose English words it keeps too, more times than the source has them outside
    its terms (module docstring)."""
    from ltmt.spelling import words_of
    from ltmt.terminology.matching import renders

    places = Counter(term.key for _, term in terms)
    first: dict[str, tuple[str, Term]] = {}  # each term once, as the source first writes it
    for written, term in terms:
        first.setdefault(term.key, (written, term))
    translation, source = _readable(record.target), _readable(record.source)
    found: dict[str, str] = {}
    for written, term in first.values():
        if words_of([term.source]) & words_of([term.target]):
            continue  # the target keeps words of the source: a name
        if not renders(term.target, record.target, written):
            continue  # the missed-term check names it
        pattern = _english_pattern(term.source)
        kept = pattern.findall(translation)
        outside = len(pattern.findall(source)) - places[term.key]
        if kept and len(kept) > max(outside, 0):
            found.setdefault(
                kept[0],
                f"keeps the English {kept[0]!r} beside {term.target!r} ({written!r} is "
                f"{term.target!r} in the glossary): translate it as {term.target!r} once",
            )
    return [Finding.about("glossary", n, record, message) for message in found.values()]


def _english_pattern(source: str) -> re.Pattern[str]:
    """The words of the term ``source`` as a text writes them, in any case, apart by spaces or
    hyphens, the last with an English plural ending or an optional one (``Receipt(s)``)."""
    words = [re.escape(word) for word in source.split()]
    ending = r"(?:e?s|\(e?s\))?"
    return re.compile(rf"(?<!\w){'[ -]+'.join(words)}{ending}(?![\w(])", re.IGNORECASE)


def _readable(text: str) -> str:
    """``text`` without its placeholders and its quoted items (a label as the app shows it)."""
    from ltmt.quote_style import quoted_spans

    text = without_placeholders(text)
    for start, end, _, _ in reversed(quoted_spans(text)):
        text = f"{text[:start]} {text[end:]}"
    return text
