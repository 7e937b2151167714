"""The exhaustive scan of small memories and its per-thread source tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.memory.scratch import STALE_SLACK
from ltmt.memory.sources import SourceTable, scan
from ltmt.retrieval import rerank
from ltmt.text import normalize


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="abc d", min_size=1, max_size=8), min_size=1, max_size=30),
    query=st.text(alphabet="abc d", min_size=1, max_size=8),
    k=st.integers(1, 5),
    dead=st.sets(st.integers(0, 29)),
)
def test_scan_is_the_rerank_of_every_live_segment(
    texts: list[str], query: str, k: int, dead: set[int]
) -> None:
    """The k best of the live segments, ties to the newest id: what reranking them all gives,
    less the matches that share no character with the query."""
    ids = np.arange(1, len(texts) + 1, dtype=np.int64)
    lens = np.array([0] + [max(1, len(t)) for t in texts], dtype=np.uint16)
    lens[[i + 1 for i in dead if i < len(texts)]] = 0
    table = SourceTable(1, True, ids, list(texts), len(texts) + 1)
    live = [i for i in range(len(texts)) if lens[i + 1]]
    ranked = rerank(query, [int(ids[i]) for i in live], [texts[i] for i in live], k)
    assert scan(query, table, lens, k) == [(i, score) for i, score in ranked if score > 0]


def test_tables_follow_adds_deletes_and_re_adds_from_another_handle(tmp_path: Path) -> None:
    with Memory(tmp_path) as searcher, Memory(tmp_path) as writer:
        writer.import_pairs("u", [("Open the file", "Datei öffnen"), ("Close it", "Zu")])
        assert searcher.search("u", "Open the file", k=1)[0].score == 100.0
        added = writer.add("u", "Rename the remote", "Remote umbenennen")
        [match] = searcher.search("u", "Rename the remote", k=1)
        assert (match.segment, match.score) == (added, 100.0)
        writer.delete("u", added.id)
        assert all(m.segment.id != added.id for m in searcher.search("u", "Rename", k=5))
        again = writer.add("u", "Rename the remote", "Remote umbenennen")
        found = searcher.search("u", "Rename the remote", k=5)
        assert [m.segment.id for m in found if m.score == 100.0] == [again.id]
        table = searcher._scratch.sources["u"]
        assert table.ids.tolist() == [1, 2, added.id, again.id]  # read once each, in id order
        assert table.texts[-1] == normalize("Rename the remote").casefold()


def test_a_table_of_mostly_deleted_segments_is_read_again(tmp_path: Path) -> None:
    """Adds and deletes between searches must not grow a table (and the scan) without end."""
    with Memory(tmp_path) as searcher, Memory(tmp_path) as writer:
        writer.add("u", "Open the file", "Datei öffnen")
        for number in range(STALE_SLACK + 10):
            added = writer.add("u", f"Temporary segment {number}", "Vorläufig")
            assert searcher.search("u", f"Temporary segment {number}", k=1)[0].score == 100.0
            writer.delete("u", added.id)
            assert len(searcher._scratch.sources["u"].texts) <= 2 * 2 + STALE_SLACK + 1
        assert [m.segment.source for m in searcher.search("u", "Temporary segment", k=5)] == [
            "Open the file"
        ]


def test_a_re_created_user_gets_a_new_table(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.add("u", "Open the file", "Datei öffnen")
        assert memory.search("u", "Open the file", k=1)[0].score == 100.0
        memory.delete_user("u")
        memory.add("u", "Show all commits", "Alle Commits anzeigen")
        assert [m.segment.source for m in memory.search("u", "Open the file", k=5)] == [
            "Show all commits"
        ]


def test_a_user_re_created_by_another_handle_gets_a_new_table(tmp_path: Path) -> None:
    """The other handle's delete cannot reach this one's tables; the new user's uid can: its
    ids start again at 1 and soon pass what the old table read."""
    with Memory(tmp_path) as searcher, Memory(tmp_path) as writer:
        writer.add("u", "Open the file", "Datei öffnen")
        assert searcher.search("u", "Open the file", k=1)[0].score == 100.0
        writer.delete_user("u")
        again = [("Show all commits", "A"), ("Push the branch", "B"), ("Open a terminal", "C")]
        writer.import_pairs("u", again)
        found = searcher.search("u", "Open the file", k=5)
        assert found and all(m.segment.source != "Open the file" for m in found)
        table = searcher._scratch.sources["u"]
        assert table.texts == [normalize(source).casefold() for source, _ in again]


def test_case_sensitive_memories_scan_with_case(tmp_path: Path) -> None:
    with Memory(tmp_path, case_sensitive=True) as memory:
        memory.import_pairs("u", [("Open The File", "A"), ("open the file", "B")])
        [match] = memory.search("u", "open the file", k=1)
        assert (match.segment.target, match.score) == ("B", 100.0)
        assert memory.search("u", "OPEN THE FILE", k=2)[0].score < 100.0


def test_large_memories_use_the_index(tmp_path: Path) -> None:
    with Memory(tmp_path, scan_max=1) as memory:
        memory.import_pairs("u", [("Open the file", "A"), ("Close the file", "B")])
        assert memory.search("u", "Open the file", k=1)[0].score == 100.0
        assert "u" not in memory._scratch.sources


def test_scan_max_must_not_be_negative(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"scan_max must be >= 0, got -1"):
        Memory(tmp_path, scan_max=-1)


def test_a_table_read_beyond_the_users_next_id_is_read_again(tmp_path: Path) -> None:
    """As if the store had been replaced by an older copy while this process kept its table."""
    with Memory(tmp_path) as memory:
        memory.add("u", "Open the file", "Datei öffnen")
        memory.search("u", "Open the file", k=1)
        table = memory._scratch.sources["u"]
        table.ids = np.append(table.ids, 7)
        table.texts.append("a segment of the newer store")
        table.end = 8
        found = memory.search("u", "a segment of the newer store", k=5)
        assert [m.segment.source for m in found] == ["Open the file"]
        assert memory._scratch.sources["u"].ids.tolist() == [1]
