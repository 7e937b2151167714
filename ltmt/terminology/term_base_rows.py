"""A term base's CSV export, one row per term: which of its rows a glossary keeps.

A term tool (Phrase, MultiTerm, memoQ) writes a concept's terms a row each, with a status
(``preferred``, ``admitted``, ``deprecated``), and a concept without a term of one language as
a row with that language's columns empty. Its TBX export is read so
(:mod:`ltmt.terminology.tbx`), and the CSV export of the same termbase is read alike:

- :func:`preferred_targets`: of a source's rows with targets to use, the one whose status is
  preferred is the glossary's target; the others (admitted synonyms) are left out with a
  warning naming them, as a glossary term has one target. Without one preferred row the file
  is refused as before (:func:`~ltmt.terminology.files.refuse_two_targets`): which one the
  file means is the user's call.
- :func:`warn_one_language`: rows with the term of one language alone (a header naming its
  columns by language, ``en,de``) are left out with a warning naming them, as a TBX entry
  without both languages is.
"""

from __future__ import annotations

import logging

from ltmt.terminology.terms import Term
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)


# the statuses of a preferred term, the whole value in any case (TBX's administrativeStatus
# and normativeAuthorization; a term tool's "Preferred")
PREFERRED = frozenset({"preferred", "preferred term", "preferredterm", "preferredterm-admn-sts"})


def is_preferred(status: str) -> bool:
    """Whether a row's ``status`` says its target is the preferred one (:data:`PREFERRED`;
    the whole value, as "not preferred" is not)."""
    return status.strip().casefold() in PREFERRED


def preferred_targets(rows: list[tuple[Term, str, bool]], name: str) -> list[tuple[Term, str]]:
    """``rows`` (a term, its place: ``line 3``, whether its status is preferred) without the
    rows of a source that has one preferred target, whose target is another (module
    docstring); those left out are named in a warning."""
    preferred: dict[str, set[str]] = {}
    for term, _, chosen in rows:
        if chosen:
            preferred.setdefault(term.key, set()).add(term.target)
    kept: list[tuple[Term, str]] = []
    left_out: list[str] = []
    for term, place, _ in rows:
        targets = preferred.get(term.key, set())
        if len(targets) == 1 and term.target not in targets:
            left_out.append(f"{place} ({term.source} → {term.target})")
        else:
            kept.append((term, place))
    if left_out:
        logger.warning(
            "%s: %s beside a preferred one left out; the preferred one is the glossary's (%s)",
            name,
            counted(len(left_out), "target term"),
            first_few(left_out),
        )
    return kept


def warn_one_language(left_out: list[str], name: str) -> None:
    """Warn of the rows ``left_out`` (each ``line 4 (bar feeder)``) for holding the term of
    one language alone."""
    if left_out:
        logger.warning(
            "%s: %s without a source or a target term left out (%s)",
            name,
            counted(len(left_out), "row"),
            first_few(left_out),
        )
