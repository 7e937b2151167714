"""Suggestions of a phrase and a shorter phrase inside it with the same target: one goes.

Where a phrase and a shorter one inside it are suggested with the same target (the longer one's
target renders the shorter one's), the shorter phrase keeps the target when it brings it outside
the longer phrase too ("repository" → "Depot" everywhere, so "remote repository" → "Depot" adds
nothing); else the target is the longer phrase's translation where it carries every word of it,
a German compound most often ("pump" and "infusion" → "Infusionspumpe" only inside "infusion
pump"), and the shorter phrase goes; a target only one word comes with ("local file" → "lokale",
while "file" comes with "Datei") stays that word's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ltmt.terminology.matching import renders
from ltmt.terminology.suggestion import Suggestion


@dataclass(frozen=True)
class PhraseEvidence:
    """What :func:`without_nested_repeats` weighs: the segments (indices into ``targets``) of
    each source phrase, the target n-grams found with it and how often, and the share of its
    segments that must render a target."""

    segments: Mapping[str, frozenset[int]]
    companions: Mapping[str, Counter[tuple[str, ...]]]
    targets: list[str]
    min_consistency: float

    def holds_outside(self, shorter: Suggestion, longer: Suggestion) -> bool:
        """Whether ``shorter``'s segments without ``longer``'s source render its target as
        consistently as a suggestion must; where there are none, or too few render it, the
        target is ``longer``'s translation or a word of it (module docstring)."""
        outside = self.segments[shorter.source] - self.segments[longer.source]
        agreeing = sum(renders(shorter.target, self.targets[i]) for i in outside)
        return bool(outside) and agreeing >= self.min_consistency * len(outside)

    def translates_whole(self, longer: Suggestion) -> bool:
        """Whether ``longer``'s target is all its segments consistently hold for it: no other
        target word comes with it as often as a suggestion must agree (``open the file`` comes
        with ``öffnen`` besides ``Datei``: ``Datei`` translates one word of it, while
        ``infusion pump`` comes with ``Infusionspumpe`` alone)."""
        own = {word.casefold() for word in longer.target.split()}
        needed = self.min_consistency * len(self.segments[longer.source])
        return not any(
            count >= needed and own.isdisjoint(word.casefold() for word in gram)
            for gram, count in self.companions[longer.source].items()
        )

    def every_word_aligned(self, longer: Suggestion) -> bool:
        """Whether each word of ``longer``'s source (stop words left out: they have no
        segments) has ``longer``'s target in as many of its own segments as a suggestion must
        agree: the target carries every word's meaning, a compound ("infusion" and "pump" both
        come with "Infusionspumpe"), not one word's translation that the other word happens to
        follow ("local file" → "lokale": "file" comes with "Datei", elsewhere)."""
        for word in longer.source.split():
            segments = self.segments.get(word)
            if segments is None:
                continue
            agreeing = sum(renders(longer.target, self.targets[i]) for i in segments)
            if agreeing < self.min_consistency * len(segments):
                return False
        return True


def inner_phrases(source: str) -> list[str]:
    """The shorter phrases inside ``source`` (``infusion pump`` → ``infusion``, ``pump``)."""
    parts = source.split()
    return [
        " ".join(parts[i:j])
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
        if j - i < len(parts)
    ]


def without_nested_repeats(found: list[Suggestion], evidence: PhraseEvidence) -> list[Suggestion]:
    """Of a phrase and a shorter suggested phrase inside it with the same target, drop the
    shorter one where the target translates the phrase whole and the shorter one brings it
    nowhere else, else the longer one (module docstring); most segments first."""
    by_source = {s.source: s for s in found}
    dropped = set()
    for longer in found:
        for phrase in inner_phrases(longer.source):
            shorter = by_source.get(phrase)
            if shorter is None or not renders(shorter.target, longer.target):
                continue
            own = evidence.holds_outside(shorter, longer)
            phrase_wins = (
                not own
                and evidence.translates_whole(longer)
                and evidence.every_word_aligned(longer)
            )
            dropped.add(shorter.source if phrase_wins else longer.source)
    kept = [s for s in found if s.source not in dropped]
    return sorted(kept, key=lambda s: (-s.segments, -s.consistency, s.source))
