"""qa's negation and numbers checks held to the user's memory: a translation that says a near
match's ``nicht`` or ``über`` where its source differs from the match's source in it.

German says a negation where English says none often enough (``Jetzt nicht`` for ``Maybe
later``) that qa's negation check does not flag one alone (session 75). A ``nicht`` that a
memory match of the other polarity put there is another thing: with ``Xarelto must not be used
in children below 18 years of age.`` in memory, ``Xarelto darf ... nicht angewendet werden.``
for ``Xarelto must be used ...`` says the opposite, and so does ``Nicht über 25 °C lagern.``
for ``Do not store below 25 °C.`` beside the stored ``Do not store above 25 °C.`` (a pharma
trial, session 76: ``qa`` found nothing). With a user's memory, each entry's near matches are
read (:func:`ltmt.lookup.memory_matches`) and an entry whose translation says a match's
negation or comparison word that its source lacks, or lacks its source's that the match lacks
(:func:`ltmt.match_polarity.polarity_kept`), is flagged: a negation under ``negation``, a
comparison under ``numbers``, once per entry and check (where the check's own reading found
nothing there already).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ltmt.lookup import memory_matches
from ltmt.match_polarity import NEGATION, polarity_kept
from ltmt.qa.findings import Finding

if TYPE_CHECKING:
    from ltmt.memory.store import Memory
    from ltmt.segments import PairRecord

# matches read per entry: as many as the trained combiner reads at most
_MATCHES = 6


def polarity_findings(
    records: Sequence[PairRecord], memory: Memory, user: str, checks: Collection[str]
) -> list[Finding]:
    """The entries of ``records`` whose translation says a near match's polarity in
    ``user``'s ``memory`` (module docstring), under ``negation`` or ``numbers`` where that
    check is among ``checks``."""
    wanted = {"negation", "numbers"} & set(checks)
    if not wanted:
        return []
    found = memory_matches(memory, user, [record.source for record in records], _MATCHES)
    findings = []
    for n, (record, matches) in enumerate(zip(records, found, strict=True)):
        near = [m for m in matches if m.score < 100]  # polarity_kept reads the near ones
        kept = polarity_kept(record.source, record.target, near) if near else None
        if kept is None:
            continue
        check = "negation" if kept.way == NEGATION else "numbers"
        if check in wanted:
            findings.append(Finding.about(check, n, record, kept.message(record.source)))
    return findings
