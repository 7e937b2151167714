"""Suggestions whose target belongs to another source phrase that stands beside them.

A word that stands beside a term in most of its segments co-occurs with the term's translation
as often as the term does, and was suggested for it: a Minecraft mod's memory gave
``fire → Laser`` ("Right-click to fire a laser") beside ``laser → Laser``, ``open → Handbuch``
("to open the guide") beside ``guide → Handbuch``, ``enough → Energie`` ("Not enough energy")
beside ``energy → Energie``, and ``ore → Rubinerz`` ("Ruby Ore"), a compound that holds
``ruby``'s ``Rubin``. :func:`without_borrowed_targets` drops a suggestion where another one
(of no word in common: ``source package → Quellpaket`` holds ``package``'s ``Paket`` as its
own translation does)

- stands in as many of its segments as a suggestion must agree,
- has a target that its target is or holds (:func:`holds_target`), and
- has at least as much evidence: more segments that render the target (it brings the target
  outside them too). Where both render it as often, a noun-like suggestion goes before one
  whose source the memory uses as a verb (``file`` of "Save the file" → ``Datei``, not
  ``save``), then a source that starts as the target does (``energy`` of "Not enough energy"
  → ``Energie``, ``arg1`` of "ARG1 | ARG2" → ``ARG1``), then the one seen fewer times
  without the target (``revoker`` of "designated revoker" → ``Widerrufer``: ``designated``
  once stood alone), then the head of an English phrase of the two, its last word
  (``premature EOF`` → ``vorzeitiges Dateiende``: ``eof``; ``shallow clone`` → ``flacher
  Klon``: ``clone``). Where nothing tells them apart, both go: the memory does not say which
  word the target is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ltmt.terminology.matching import renders, words
from ltmt.terminology.suggestion import Suggestion


def holds_target(whole: str, part: str) -> bool:
    """Whether the target ``whole`` is ``part`` or holds it as a compound's first or last part
    (``Laser`` and ``Laserkanone`` hold ``Laser``, ``Paketdatei`` holds ``Datei``; a German
    plural and stem as :func:`~ltmt.terminology.matching.renders` accepts them)."""
    if renders(part, whole):
        return True
    tail = part.casefold()
    return len(words(part)) == 1 and any(w.casefold().endswith(tail) for w in words(whole))


def without_borrowed_targets(
    found: list[Suggestion], segments: Mapping[str, frozenset[int]], min_consistency: float
) -> list[Suggestion]:
    """``found`` without the suggestions whose target another suggestion's source brings
    (module docstring); ``segments``: the segments of each source phrase. Order is kept."""
    # only suggestions that share a segment can borrow: compared pairwise, a memory of many
    # suggestions took quadratic time
    by_segment: dict[int, list[Suggestion]] = defaultdict(list)
    for suggestion in found:
        for index in segments[suggestion.source]:
            by_segment[index].append(suggestion)
    kept = []
    for suggestion in found:
        beside = {id(o): o for i in segments[suggestion.source] for o in by_segment[i]}
        if not any(_borrows(suggestion, o, segments, min_consistency) for o in beside.values()):
            kept.append(suggestion)
    return kept


def _borrows(
    suggestion: Suggestion,
    other: Suggestion,
    segments: Mapping[str, frozenset[int]],
    min_consistency: float,
) -> bool:
    """Whether ``suggestion``'s target is ``other``'s, which stands beside it (module
    docstring)."""
    if other is suggestion or not set(suggestion.source.split()).isdisjoint(other.source.split()):
        return False
    own = segments[suggestion.source]
    if len(own & segments[other.source]) < min_consistency * len(own):
        return False
    if not holds_target(suggestion.target, other.target):
        return False
    return _outranks(other, suggestion, segments, min_consistency)


def _outranks(
    other: Suggestion,
    suggestion: Suggestion,
    segments: Mapping[str, frozenset[int]],
    min_consistency: float,
) -> bool:
    """Whether ``other`` has at least as much evidence for the target as ``suggestion``
    (module docstring): more agreeing segments, then ``noun_like``, then the letters each
    source starts with as the target does, then fewer segments without the target, then the
    place in an English phrase of the two (its head, the last word, wins)."""
    if other.agreeing != suggestion.agreeing:
        return other.agreeing > suggestion.agreeing
    if other.noun_like != suggestion.noun_like:
        return other.noun_like
    if _common_start(other) != _common_start(suggestion):
        return _common_start(other) > _common_start(suggestion)
    if other.segments != suggestion.segments:
        return other.segments < suggestion.segments
    own = segments[suggestion.source]
    for first, last in ((other, suggestion), (suggestion, other)):
        phrase = segments.get(f"{first.source} {last.source}", frozenset())
        if len(phrase & own) >= min_consistency * len(own):
            return last is other
    return True  # nothing tells them apart: both go


def _common_start(suggestion: Suggestion) -> int:
    """How many letters the source and the target start with in common (``energy`` and
    ``Energie``: 5)."""
    source, target = suggestion.source.casefold(), suggestion.target.casefold()
    pairs = zip(source, target)
    return next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(source), len(target)))
