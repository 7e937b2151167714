"""Fakes shared by the fusion tests: a memory with ``search_batch`` and a match builder."""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.segments import Match, Segment


class FakeMemory:
    """Returns fixed matches per query text (nothing for unknown queries)."""

    def __init__(self, table: dict[str, list[tuple[str, str, float]]] | None = None) -> None:
        self.table = table or {}
        self.calls = 0

    def search_batch(self, user: str, texts: Sequence[str], k: int = 4) -> list[list[Match]]:
        self.calls += 1
        out = []
        for text in texts:
            rows = self.table.get(text, [])[:k]
            out.append([make_match(s, t, score, i, user) for i, (s, t, score) in enumerate(rows)])
        return out


def make_match(source: str, target: str, score: float, id: int = 0, user: str = "u") -> Match:
    return Match(
        Segment(id=id, user=user, source=source, target=target, created=0.0, origin="test"), score
    )
