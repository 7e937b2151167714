"""The one match selection: which retrieved matches a fusion method reads, and in what form.

Every reader of memory goes through :func:`select_matches` with a :class:`MatchSelection`:
kNN fusion and the trained combiner at decoding, the attention adapter at decoding, and the
training data of both trained layers (:mod:`ltmt.train.fusion_data`). So a trained layer is
trained on exactly the matches it will see: narrowed to the line being translated, repaired,
rescored, thresholded and cut the same way.

Steps, in order:

1. ``narrow_lines``: a multi-line match is narrowed to the line pair that best matches the line
   being translated (:func:`ltmt.fusion.datastore.align_lines`);
2. ``repair``: the input's verbatim words are carried into the match, which is rescored
   (:func:`ltmt.fusion.repair.repair_match`);
3. matches scoring below ``min_score`` or with a blank target are dropped;
4. the best ``max_matches`` are kept, none more than ``margin`` points below the best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ltmt.config import check_range
from ltmt.segments import Match


@dataclass(frozen=True)
class MatchSelection:
    """How matches are selected (see the module docstring for the order of the steps)."""

    min_score: float = 50.0
    max_matches: int = 2
    margin: float = 100.0
    narrow_lines: bool = True
    repair: bool = True

    def __post_init__(self) -> None:
        check_range("match min_score", self.min_score, at_least=0, at_most=100)
        check_range("match max_matches", self.max_matches, at_least=1)
        check_range("match margin", self.margin, at_least=0)


def select_matches(
    matches: Sequence[Match], text: str | None, selection: MatchSelection
) -> list[Match]:
    """The matches worth reading for input ``text`` (``None``: no narrowing, no repair)."""
    found = list(matches)
    if text is not None:
        if selection.narrow_lines:
            from ltmt.fusion.datastore import align_lines

            found = [align_lines(m, text) for m in found]
        if selection.repair:
            from ltmt.fusion.repair import repair_match

            found = [repair_match(m, text) for m in found]
    kept = [m for m in found if m.score >= selection.min_score and m.segment.target.strip()]
    kept.sort(key=lambda m: -m.score)
    return [m for m in kept[: selection.max_matches] if m.score >= kept[0].score - selection.margin]
