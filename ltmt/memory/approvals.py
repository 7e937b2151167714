"""Which pairs of a write that the store holds already keep their ids, and which it moves.

A search reuses the newest (highest id) of a source's translations, so a write approves the
pairs it holds: after it, the write's translations of each source are that source's newest, in
the write's order, the last the one reused. A stored pair keeps its id where that holds already:
the stored ids of the write's translations of a source increase in the write's order, and the
last of them is the newest of all that source's translations. So re-importing a file renumbers
nothing, a file that holds two translations of one source too. Where the write's order is not
the store's, its translations of the source from the first out of order on move to new ids (in
the write's order); where only the last is not the newest (a translation added since), it alone
moves.

Whether a pair is the write's last translation of its source is told by a digest of every
pair's source taken before the write (:func:`later_of_source`); a kept pair that is not the
newest of its source and that nothing after it in the write outdated (the write repeats it, or
two sources share a digest) is moved once the write's pairs are stored (:meth:`Approvals.left`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from ltmt.text import index_text

RowT = TypeVar("RowT")


def later_of_source(sources: Iterable[str], count: int) -> np.ndarray:
    """Per source of ``sources`` (``count`` of them, in order): whether a later one has the same
    index text (folded spaces, case-folded), told by its digest; ``(count,)`` bool."""
    digests = np.fromiter(
        (hash(index_text(source)) for source in sources), dtype=np.int64, count=count
    )
    order = np.argsort(digests, kind="stable")  # equal digests stay in the write's order
    ordered = digests[order]
    later = np.zeros(count, dtype=bool)
    later[order[:-1]] = ordered[:-1] == ordered[1:]
    return later


@dataclass
class Approvals(Generic[RowT]):
    """The decisions of one write, pair by pair in the write's order (module docstring).

    ``first_new_id``: the id the write gives first (an id from it on is the write's);
    ``later``: :func:`later_of_source` of the write's pairs.
    """

    first_new_id: int
    later: np.ndarray
    # per index text the write kept a translation of and has more of: the last kept id
    _last_kept: dict[str, int] = field(default_factory=dict)
    # per index text: the write's last kept translation where it is not the newest
    _outdated: dict[str, tuple[int, RowT]] = field(default_factory=dict)

    def keeps(self, row: RowT, text: str, stored: int, newest: int, position: int) -> bool:
        """Whether the pair ``row`` at ``position`` in the write, stored under id ``stored``,
        keeps it; ``text``: its index text, ``newest``: the highest id of that text now."""
        in_order = newest < self.first_new_id and self._last_kept.get(text, 0) < stored
        more = bool(self.later[position])
        if not in_order or (newest > stored and not more):
            return False
        if more:
            self._last_kept[text] = stored
        if newest > stored:
            self._outdated[text] = (position, row)
        else:
            self._outdated.pop(text, None)
        return True

    def renumbered(self, text: str) -> None:
        """The write gave a translation of ``text`` a new id: the newest, in the write's order."""
        self._outdated.pop(text, None)

    def left(self) -> list[RowT]:
        """The kept pairs still not the newest of their source, in the write's order: to move."""
        return [row for _, row in sorted(self._outdated.values(), key=lambda kept: kept[0])]
