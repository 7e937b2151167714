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

from ltmt.errors import ConfigError
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
        if not 0 <= self.min_score <= 100:
            raise ConfigError(f"match min_score must be in [0, 100], got {self.min_score}")
        if self.max_matches < 1:
            raise ConfigError(f"match max_matches must be >= 1, got {self.max_matches}")
        if self.margin < 0:
            raise ConfigError(f"match margin must be >= 0, got {self.margin}")


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
