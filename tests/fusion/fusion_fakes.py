"""Fakes shared by the fusion tests: a memory with ``search_batch`` and ``get``, and a match
builder."""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.segments import Match, Segment


class FakeMemory:
    """Returns fixed matches per query text (nothing for unknown queries)."""

    def __init__(self, table: dict[str, list[tuple[str, str, float]]] | None = None) -> None:
        self.table = table or {}
        self.calls = 0
        self.returned: dict[tuple[str, int], Segment] = {}

    def search_batch(self, user: str, texts: Sequence[str], k: int = 4) -> list[list[Match]]:
        self.calls += 1
        out = []
        for text in texts:
            rows = self.table.get(text, [])[:k]
            out.append([make_match(s, t, score, i, user) for i, (s, t, score) in enumerate(rows)])
        self.returned.update(((user, m.segment.id), m.segment) for ms in out for m in ms)
        return out

    def get(self, user: str, seg_id: int) -> Segment | None:
        """The segment last returned with this id (what the state store checks)."""
        return self.returned.get((user, seg_id))


def make_match(source: str, target: str, score: float, id: int = 0, user: str = "u") -> Match:
    return Match(
        Segment(id=id, user=user, source=source, target=target, created=0.0, origin="test"), score
    )
