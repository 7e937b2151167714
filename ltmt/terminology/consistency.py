"""How consistently a system renders terms: glossary term accuracy and memory-term consistency.

Both count term occurrences: every hit of a term in a source (:class:`TermMatcher`) is one
occurrence, rendered when the hypothesis carries the term's target
(:func:`~ltmt.terminology.matching.renders`). *Term accuracy* uses the glossary the system was
asked to follow; *memory-term consistency* uses the terms the user's memory translates
consistently (:func:`~ltmt.terminology.suggest.suggest_terms`), whether or not a glossary holds
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ltmt.errors import InputError
from ltmt.terminology.matching import TermMatcher, renders
from ltmt.terminology.terms import Term


@dataclass(frozen=True)
class TermScore:
    """``rendered`` of ``total`` term occurrences carried their target."""

    rendered: int
    total: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.rendered / self.total if self.total else None

    def to_dict(self) -> dict[str, object]:
        return {"percent": self.percent, "rendered": self.rendered, "total": self.total}


def pooled(scores: Iterable[TermScore]) -> TermScore:
    """The term occurrences of several scores (users, test sets) counted together."""
    found = list(scores)
    return TermScore(sum(s.rendered for s in found), sum(s.total for s in found))


def term_score(
    sources: Sequence[str], hypotheses: Sequence[str], terms: Iterable[Term]
) -> TermScore:
    """How many occurrences of ``terms`` in ``sources`` the aligned ``hypotheses`` render."""
    if len(sources) != len(hypotheses):
        raise InputError(f"{len(sources)} sources but {len(hypotheses)} hypotheses")
    matcher = TermMatcher(terms)
    rendered = total = 0
    for source, hypothesis in zip(sources, hypotheses):
        targets = {hit.term.target for hit in matcher.find(source)}
        total += len(targets)
        rendered += sum(renders(target, hypothesis) for target in targets)
    return TermScore(rendered, total)
