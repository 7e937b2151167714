"""Whether translations given line for line with their sources (``translate --learn``'s
reviewer file, :meth:`ltmt.Translator.learn`'s two lists) are shifted against them: a line
deleted or added in one file puts each translation after it beside the next source, or the one
before (trial s76: a reviewer deleted a duplicate line and added one at the end, and the
QRD sentence ``Keep this medicine out of the sight and reach of children.`` was stored as
``Welche Nebenwirkungen sind möglich?``, a 100 % match from then on).

Numbers tell it: a translation with digits whose numbers (and placeholders) disagree with its
own source's, as :mod:`ltmt.memory.import_checks` checks them, and agree with the source one
line on or one line back is read as shifted that way; one that agrees with its own source,
as aligned; the others (no digits, ``eine Tablette`` for ``1 tablet``) say nothing. The lines
are shifted where two translations that say something, next to each other among those that
do, are shifted the same way, or where most of those that say something are shifted (two
lines swapped). A single translation whose numbers are its neighbour's is no shift: a
reviewer's slip, which the import's warning names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ltmt.memory.import_checks import pair_problems
from ltmt.segments import PairRecord
from ltmt.wording import first_few

_DIGIT = re.compile(r"\d")
# what says a target is not its source's translation (a misread encoding does not)
_DISAGREEING = frozenset({"placeholders", "numbers"})


@dataclass(frozen=True)
class Shift:
    """How translations are shifted against their sources: ``lines`` (1-based, in order) are
    those whose translation has the numbers of another line's source, not its own's, and
    ``offsets`` where that source is from each (``1``: the next line's, ``-1``: the one
    before's)."""

    lines: tuple[int, ...]
    offsets: tuple[int, ...]

    def first(self, unit: str = "line") -> str:
        """``line 1's translation has the numbers of line 2's source``: the first line shifted,
        as a message says it; ``unit``: what a line is called (``pair``: ``pair #1's ...``)."""
        line, offset = self.lines[0], self.offsets[0]
        if unit == "line":
            return f"line {line}'s translation has the numbers of line {line + offset}'s source"
        return f"{unit} #{line}'s target has the numbers of {unit} #{line + offset}'s source"

    def of_pairs(self) -> str:
        """``the targets read shifted against their sources: pair #1's target has the numbers
        of pair #2's source (pairs #1, #2)``: the shift of a list of pairs, as
        :meth:`ltmt.Translator.learn` and the server's ``learn`` and ``pairs`` refuse it."""
        return (
            f"the targets read shifted against their sources: {self.first('pair')} "
            f"(pairs {first_few(f'#{number}' for number in self.lines)})"
        )


def find_shift(sources: Sequence[str], targets: Sequence[str]) -> Shift | None:
    """How ``targets`` (the translations of ``sources``, line for line: as many) are shifted
    against them (see the module docstring); None where they do not read shifted."""
    verdicts: list[tuple[int, int]] = []  # (index, 0 aligned or the offset of its source)
    for index, target in enumerate(targets):
        if not _DIGIT.search(target):
            continue  # nothing to tell its source by
        if _agrees(sources[index], target):
            verdicts.append((index, 0))
            continue
        for offset in (1, -1):
            other = index + offset
            if 0 <= other < len(sources) and _agrees(sources[other], target):
                verdicts.append((index, offset))
                break
    shifted = [(index, offset) for index, offset in verdicts if offset]
    if len(shifted) < 2:  # one translation with its neighbour's numbers: a slip, warned of
        return None
    # two next to each other (among those that say something) shifted the same way
    in_a_row = any(
        offset and offset == after for (_, offset), (_, after) in itertools.pairwise(verdicts)
    )
    if not in_a_row and 2 * len(shifted) <= len(verdicts):
        return None
    return Shift(tuple(index + 1 for index, _ in shifted), tuple(offset for _, offset in shifted))


def _agrees(source: str, target: str) -> bool:
    """Whether ``target`` has the numbers and placeholders of ``source``, as an import checks
    them."""
    return not _DISAGREEING.intersection(pair_problems(PairRecord(source, target)))
