"""The one match selection: which retrieved matches a fusion method reads, and in what form.

Every reader of memory goes through :func:`select_matches` with a :class:`MatchSelection`:
kNN fusion and the trained combiner at decoding, the attention adapter at decoding, and the
training data of both trained layers (:mod:`ltmt.train.fusion_data`). So a trained layer is
trained on exactly the matches it will see: narrowed to the line being translated, repaired,
rescored, thresholded and cut the same way.

Steps, in order:

1. ``narrow_lines``: a multi-line match is narrowed to the line pair that best matches the line
   being translated (:func:`align_lines`);
2. the match's tags that the input lacks are taken out of both sides, their words kept
   (:func:`ltmt.fusion.match_markup.input_markup_only`: a TMX match's ``<b>`` steered the model
   into a stray ``<`` where a document's paragraph went to it without its tags);
3. ``repair``: the input's verbatim words are carried into the match, which is rescored
   (:func:`ltmt.fusion.repair.repair_match`);
4. matches scoring below ``min_score`` or with a blank target are dropped;
5. the best ``max_matches`` are kept, none more than ``margin`` points below the best; none at
   all when the best scores below ``min_best`` (a method may read weaker matches beside a good
   one without reading weak matches alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ltmt.config import check_range
from ltmt.fusion.match_markup import input_markup_only
from ltmt.segments import Match


@dataclass(frozen=True)
class MatchSelection:
    """How matches are selected (see the module docstring for the order of the steps)."""

    min_score: float = 50.0
    max_matches: int = 2
    margin: float = 100.0
    narrow_lines: bool = True
    repair: bool = True
    min_best: float = 0.0

    def __post_init__(self) -> None:
        check_range("match min_score", self.min_score, at_least=0, at_most=100)
        check_range("match min_best", self.min_best, at_least=0, at_most=100)
        check_range("match max_matches", self.max_matches, at_least=1)
        check_range("match margin", self.margin, at_least=0)


def select_matches(
    matches: Sequence[Match], text: str | None, selection: MatchSelection
) -> list[Match]:
    """The matches worth reading for input ``text`` (``None``: no narrowing, no repair)."""
    found = list(matches)
    if text is not None:
        if selection.narrow_lines:
            found = [align_lines(m, text) for m in found]
        found = [input_markup_only(m, text) for m in found]
        if selection.repair:
            from ltmt.fusion.repair import repair_match

            found = [repair_match(m, text) for m in found]
    kept = [m for m in found if m.score >= selection.min_score and m.segment.target.strip()]
    kept.sort(key=lambda m: -m.score)
    if not kept or kept[0].score < selection.min_best:
        return []
    return [m for m in kept[: selection.max_matches] if m.score >= kept[0].score - selection.margin]


def usable_matches(
    matches: Sequence[Match],
    min_score: float,
    limit: int,
    text: str | None = None,
    repair: bool = True,
    margin: float = 100.0,
) -> list[Match]:
    """The matches worth reading (:func:`select_matches`): score ≥ ``min_score``, a non-blank
    target, best ``limit``, none more than ``margin`` below the best; with ``text``, multi-line
    matches narrowed to their best line first, then repaired.
    """
    return select_matches(matches, text, MatchSelection(min_score, limit, margin, True, repair))


def align_lines(match: Match, text: str) -> Match:
    """Narrow a multi-line match to the part that translates ``text`` (one line), rescored.

    The translator decodes one line (or one tab-separated column) at a time but retrieves whole
    segments; a match is cut the same way (:func:`ltmt.units.cells`). The source line most
    similar to ``text`` is kept if it matches better than the whole segment does, with its
    translation: the target line of the same rank when source and target have as many lines,
    else the words at the same relative position in the (re-wrapped) target, one word of slack
    on each side. A match of one line is returned unchanged.
    """
    from ltmt.text import fuzzy_score, normalize
    from ltmt.units import cells

    source = match.segment.source
    source_lines = cells(source)
    if len(source_lines) < 2:  # one line, one column
        return match
    query = normalize(text)
    whole = fuzzy_score(query, normalize(source))
    target_lines = cells(match.segment.target)
    scores = [fuzzy_score(query, normalize(line)) for line in source_lines]
    best = max(range(len(scores)), key=scores.__getitem__)
    if scores[best] < whole:
        return Match(match.segment, whole)
    if len(source_lines) == len(target_lines):
        target = target_lines[best]
    else:
        target = _same_position(source_lines, best, " ".join(target_lines).split())
    segment = replace(match.segment, source=source_lines[best], target=target)
    return Match(segment, scores[best])


def _same_position(source_lines: list[str], index: int, words: list[str]) -> str:
    """The ``words`` at the relative position of ``source_lines[index]``, +-1 word of slack."""
    sizes = [len(line) + 1 for line in source_lines]
    total = sum(sizes)
    start = sum(sizes[:index]) / total
    end = start + sizes[index] / total
    first = max(0, round(start * len(words)) - 1)
    last = min(len(words), round(end * len(words)) + 1)
    return " ".join(words[first:last])
