"""Which pairs of a write are older than the stored translation of their source.

A search reuses the newest (highest id) of a source's translations, and a write approves its
pairs (:mod:`ltmt.memory.approvals`). A pair that carries its own date (a TMX unit's
``changedate``, else ``creationdate``: :func:`~ltmt.formats.tmx_metadata.unit_date`) does not
displace a stored translation of its source (the newest, in the same context) dated later (its
own date, else the time the memory stored it, or where later the time a write without dates
approved it again: :func:`~ltmt.formats.tmx_metadata.newest_date`):
importing last year's export after this year's keeps this year's translation. The older pair is
stored (or, stored already, keeps its id) as an alternative; since ids only go up, the newer
stored translation moves to a new id after it, as :meth:`Approvals.left` moves pairs: just
before the write's next translation of that source that is not older (which then is the
newest), else once the write's pairs are stored (:meth:`StoredDates.left`).

Each source's stored translation is compared once per write, with the write's first dated
pairs of it; once the write made another translation the newest, the write's order decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Newer(Generic[RowT]):
    """A source's newest stored translation, as a write compares its pairs with it: its id,
    ``date`` (TMX form), ``context`` and the row that moves it (:class:`StoredDates`)."""

    seg_id: int
    date: str
    context: str
    row: RowT


@dataclass
class StoredDates(Generic[RowT]):
    """The comparisons of one write, by index text (module docstring); ``older``: how many of
    the write's pairs it added older than the stored translation of their source, ``kept``: how
    many stored translations moved after them."""

    older: int = 0
    kept: int = 0
    # per index text looked up: its stored translation still to compare with (None: none)
    _newer: dict[str, Newer[RowT] | None] = field(default_factory=dict)
    # per index text: the stored translation an older pair of the write was stored below
    _held: dict[str, RowT] = field(default_factory=dict)

    def unknown(self, texts: Iterable[str]) -> set[str]:
        """Those of ``texts`` not looked up yet in this write."""
        return {text for text in texts if text not in self._newer}

    def note(self, text: str, newer: Newer[RowT] | None) -> None:
        """``text``'s stored translation, as looked up before the write gave it a new one."""
        self._newer[text] = newer

    def outdated(self, text: str, date: str, context: str, stored: int | None) -> bool:
        """Whether a pair of the write (index ``text``, its own ``date``, ``""`` for none, its
        ``context``, and its id where stored: ``stored``) is older than ``text``'s stored
        translation: it then does not displace it (counted in :attr:`older` where the write
        adds it: one stored already stays where it is, an alternative already)."""
        newer = self._newer.get(text)
        if newer is None or not date or stored == newer.seg_id:
            return False
        if context != newer.context or date >= newer.date:
            return False
        self.older += stored is None
        return True

    def hold(self, text: str) -> None:
        """The write stored an older pair of ``text`` under a new id: its stored translation
        is to move after it (:meth:`before`, :meth:`left`)."""
        newer = self._newer.get(text)
        if newer is not None:
            self._held.setdefault(text, newer.row)

    def before(self, text: str) -> RowT | None:
        """A pair of ``text`` that is not older is about to be approved: the stored translation
        to move first (None: none), and ``text`` is compared no more."""
        if text in self._newer:
            self._newer[text] = None
        row = self._held.pop(text, None)
        self.kept += row is not None
        return row

    def left(self) -> list[RowT]:
        """The stored translations still to move after the write's older pairs."""
        rows = list(self._held.values())
        self._held.clear()
        self.kept += len(rows)
        return rows
