"""The exhaustive scan of small memories and the source tables its threads share."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import lmdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.memory import env, postings, rows, scratch, sources
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import user_key
from ltmt.memory.scratch import CACHED_TABLES, STALE_SLACK
from ltmt.memory.source_codes import SourceCodes
from ltmt.memory.sources import SCAN_MAX, SourceTable, scan
from ltmt.retrieval import exact_best
from ltmt.text import normalize


def _table(memory: Memory) -> SourceTable:
    table = memory._scratch.tables.cached("u")
    assert table is not None
    return table


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
    """The k best of the live segments, ties to the newest id: what the exact rerank of them
    all gives (:func:`ltmt.retrieval.exact_best`), less the matches that share no character
    with the query."""
    ids = np.arange(1, len(texts) + 1, dtype=np.int64)
    lens = np.array([0] + [max(1, len(t)) for t in texts], dtype=np.uint16)
    lens[[i + 1 for i in dead if i < len(texts)]] = 0
    table = SourceTable(1, True, ids, tuple(texts), len(texts) + 1)
    live = [i for i in range(len(texts)) if lens[i + 1]]
    ranked = exact_best(query, ids[live], None, SourceCodes.of_texts(1, True, texts), k)
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
        table = _table(searcher)
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
            assert len(_table(searcher).texts) <= 2 * 2 + STALE_SLACK + 1
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
        table = _table(searcher)
        assert table.texts == tuple(normalize(source).casefold() for source, _ in again)


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
        assert "u" not in memory._scratch.tables


def test_scan_max_must_not_be_negative(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"scan_max must be >= 0, got -1"):
        Memory(tmp_path, scan_max=-1)


def test_a_table_read_beyond_the_users_next_id_is_read_again(tmp_path: Path) -> None:
    """As if the store had been replaced by an older copy while this process kept its table."""
    with Memory(tmp_path) as memory:
        memory.add("u", "Open the file", "Datei öffnen")
        memory.search("u", "Open the file", k=1)
        slot = memory._scratch.tables._slots["u"]
        assert slot.table is not None
        slot.table = replace(
            slot.table,
            ids=np.append(slot.table.ids, 7),
            texts=(*slot.table.texts, "a segment of the newer store"),
            end=8,
        )
        found = memory.search("u", "a segment of the newer store", k=5)
        assert [m.segment.source for m in found] == ["Open the file"]
        assert _table(memory).ids.tolist() == [1]
        assert _table(memory).end == 2  # what the older copy adds as 2... is read again


def test_threads_share_one_table_per_user(tmp_path: Path) -> None:
    """A server's worker threads keep one copy of a user's sources, not one each."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [("Open the file", "A"), ("Close the file", "B")])
        seen: list[SourceTable] = []

        def search() -> None:
            assert memory.search("u", "Open the file", k=1)[0].score == 100.0
            seen.append(_table(memory))

        workers = [threading.Thread(target=search) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len(seen) == 4 and all(table is seen[0] for table in seen)
        assert list(memory._scratch.tables._slots) == ["u"]


def test_a_memory_keeps_a_bounded_number_of_tables(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        for number in range(CACHED_TABLES + 2):
            memory.add(f"u{number}", "Open the file", "Datei öffnen")
            memory.search(f"u{number}", "Open the file", k=1)
        memory.search("u2", "Open the file", k=1)  # recently searched: kept
        kept = list(memory._scratch.tables._slots)
        assert len(kept) == CACHED_TABLES and "u0" not in kept and kept[-1] == "u2"


def test_a_memorys_large_tables_are_kept_within_a_byte_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = [(f"Open the file number {i}", f"Datei Nummer {i} öffnen") for i in range(40)]
    with Memory(tmp_path, scan_max=0) as memory:  # every memory searched as a large one
        for user in ("a", "b", "c"):
            memory.import_pairs(user, pairs)
            memory.preload(user)
        sizes = {user: memory._scratch.codes.cached(user).nbytes for user in ("a", "b", "c")}  # type: ignore[union-attr]
    assert len(set(sizes.values())) == 1  # the same sources: the same size
    size = sizes["a"]
    monkeypatch.setattr(scratch, "CACHED_BYTES", 2 * size)
    with Memory(tmp_path, scan_max=0) as memory:
        for user in ("a", "b", "c", "a"):
            memory.preload(user)
        assert list(memory._scratch.codes._slots) == ["c", "a"]  # b, least recent, went
        held = [slot.table.nbytes for slot in memory._scratch.signatures._slots.values()]  # type: ignore[union-attr]
        assert sum(held) <= 2 * size or len(held) == 1  # signatures: the same budget
    monkeypatch.setattr(scratch, "CACHED_BYTES", size // 2)
    with Memory(tmp_path, scan_max=0) as memory:
        for user in ("a", "b"):
            memory.preload(user)
        assert list(memory._scratch.codes._slots) == ["b"]  # the newest stays, however large


def _scan_both_ways(memory: Memory, user: str, query: str, k: int) -> tuple[object, object]:
    """In one read transaction: the scan of the shared table, and of a table read afresh."""

    def run(txn: lmdb.Transaction) -> tuple[object, object]:
        raw = txn.get(user_key(user))
        if raw is None:
            return [], []
        info, cipher = rows.decode_user(bytes(raw), memory.store.vault, user)
        lens = postings.load_lens(txn, info.uid, cipher)
        shared = memory._scratch.tables.get(
            txn, user, cipher, uid=info.uid, next_id=info.next_id, count=info.count, casefold=True
        )
        fresh = SourceTable.empty(info.uid, True).refreshed(txn, cipher)
        return scan(query, shared, lens, k), scan(query, fresh, lens, k)

    return env.read(memory.store, run, buffers=True)


@pytest.mark.parametrize("scan_max", [SCAN_MAX, 0], ids=["scan", "index"])
def test_threads_searching_while_another_adds_and_deletes(tmp_path: Path, scan_max: int) -> None:
    """Searching threads and a writing thread on one Memory, for real: the segments never
    deleted are always found with their score; a scan of the shared table equals the scan of
    the same snapshot's sources read afresh; the index's shared packed sources end up as a
    fresh read of the store (:mod:`ltmt.memory.source_codes`)."""
    stable = [(f"Keep the file number {n}", f"Datei {n}") for n in range(40)]
    done = threading.Event()
    errors: list[BaseException] = []
    with Memory(tmp_path, scan_max=scan_max) as memory:
        memory.import_pairs("u", stable)

        def write() -> None:
            try:
                added = []
                for n in range(STALE_SLACK * 2):
                    added.append(memory.add("u", f"Temporary file number {n}", "Vorläufig").id)
                    if n % 3:
                        memory.delete("u", added.pop(0))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                done.set()

        def search(seed: int) -> None:
            try:
                rounds = 0
                while not done.is_set() or rounds < 5:
                    rounds += 1
                    query = normalize(f"Temporary file number {(seed * 7 + rounds) % 50}")
                    if scan_max:
                        shared, fresh = _scan_both_ways(memory, "u", query.casefold(), 5)
                        assert shared == fresh
                    else:
                        memory.search("u", query, k=3)
                    source, _ = stable[(seed + rounds) % len(stable)]
                    [match] = memory.search("u", source, k=1)
                    assert (match.segment.source, match.score) == (source, 100.0)
            except BaseException as exc:
                errors.append(exc)

        searchers = [threading.Thread(target=search, args=(n,)) for n in range(3)]
        writer = threading.Thread(target=write)
        for thread in [*searchers, writer]:
            thread.start()
        for thread in [writer, *searchers]:
            thread.join(timeout=120)
        assert not errors, errors
        query = normalize("Temporary file number 7").casefold()
        if scan_max:
            shared, fresh = _scan_both_ways(memory, "u", query, 50)
            assert shared == fresh and len(shared) > 0
        else:
            memory.search("u", query, k=1)
            codes = memory._scratch.codes.cached("u")
            assert codes is not None and codes.starts.size == codes.end + 1
            live = {segment.id: normalize(segment.source) for segment in memory.segments("u")}
            assert {i: codes.text(i) for i in live} == live


def test_a_search_in_an_older_snapshot_cuts_the_shared_table_back_and_the_next_reads_on(
    tmp_path: Path,
) -> None:
    """A thread still reading an older snapshot gets the table cut back to what it stores
    (never a segment added after it began); the next newer search reads the rest again."""
    began, searched = threading.Event(), threading.Event()
    seen: list[tuple[object, object]] = []
    with Memory(tmp_path) as memory:
        memory.add("u", "Open the file", "Datei öffnen")

        def old_snapshot(txn: lmdb.Transaction) -> None:
            began.set()
            assert searched.wait(30)
            raw = txn.get(user_key("u"))
            assert raw is not None
            info, cipher = rows.decode_user(bytes(raw), memory.store.vault, "u")
            table = memory._scratch.tables.get(
                txn,
                "u",
                cipher,
                uid=info.uid,
                next_id=info.next_id,
                count=info.count,
                casefold=True,
            )
            seen.append((table.ids.tolist(), table.end))

        reader = threading.Thread(target=lambda: env.read(memory.store, old_snapshot))
        reader.start()
        assert began.wait(30)
        added = memory.add("u", "Rename the remote", "Remote umbenennen")
        assert memory.search("u", "Rename the remote", k=1)[0].segment == added
        assert _table(memory).ids.tolist() == [1, added.id]
        searched.set()
        reader.join(30)
        assert seen == [([1], added.id)]
        assert memory.search("u", "Rename the remote", k=1)[0].segment == added
        assert _table(memory).ids.tolist() == [1, added.id]


@pytest.mark.parametrize("encrypted", [False, True])
@pytest.mark.parametrize(("size", "check_every"), [(3, 2), (4, 4), (100, 2), (100, 4096)])
def test_stored_sources_are_read_in_chunks_of_the_users_rows_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool, size: int, check_every: int
) -> None:
    monkeypatch.setattr(sources, "_CHECK_EVERY", check_every)
    key = generate_key_file(tmp_path / "store.key") if encrypted else None
    with Memory(tmp_path / "store", key_file=key) as memory:
        memory.import_pairs("a", [(f"A {i}", "x") for i in range(5)])
        added = [memory.add("b", f"B {i}", "y").id for i in range(7)]
        memory.import_pairs("c", [(f"C {i}", "z") for i in range(9)])  # rows after b's
        memory.delete("b", added[2])

        def read(txn: lmdb.Transaction, first: int) -> list[tuple[list[int], list[bytes]]]:
            info, cipher = rows.decode_user(bytes(txn.get(user_key("b"))), memory.store.vault, "b")
            chunks = sources.stored_source_chunks(txn, info.uid, first, cipher, size)
            return [(ids.tolist(), values) for ids, values in chunks]

        whole = env.read(memory.store, lambda txn: read(txn, 1), buffers=True)
        later = env.read(memory.store, lambda txn: read(txn, added[4]), buffers=True)
    expected = [(i, f"B {n}".encode()) for n, i in enumerate(added) if n != 2]
    assert [len(ids) for ids, _ in whole][:-1] == [size] * (len(whole) - 1)
    assert [pair for ids, values in whole for pair in zip(ids, values)] == expected
    assert [pair for ids, values in later for pair in zip(ids, values)] == expected[3:]


class _CountingTxn:
    """A read transaction whose cursors count the rows iterated."""

    def __init__(self, txn: lmdb.Transaction) -> None:
        self.txn, self.rows = txn, 0

    def cursor(self) -> _CountingTxn:
        self._cursor = self.txn.cursor()
        return self

    def set_range(self, key: bytes) -> bool:
        return bool(self._cursor.set_range(key))

    def __iter__(self):  # type: ignore[no-untyped-def]
        for row in self._cursor:
            self.rows += 1
            yield row


@pytest.mark.parametrize(("known", "most_rows"), [(0, 3 + 3), (2, 1 + 1), (3, 0 + 1), (99, 0 + 1)])
def test_a_read_of_few_new_rows_reads_few_rows_past_them(
    tmp_path: Path, known: int, most_rows: int
) -> None:
    """A refresh (the ids from ``first`` on) reads at most as many of the next user's rows as
    it found of its own, and one when there are none: it runs at every search."""
    with Memory(tmp_path) as memory:
        ids = [memory.add("a", f"A {i}", "x").id for i in range(3)]
        memory.import_pairs("b", [(f"B {i}", "y") for i in range(5000)])
        first = ids[0] + known

        def read(txn: lmdb.Transaction) -> tuple[list[int], int]:
            info, cipher = rows.decode_user(bytes(txn.get(user_key("a"))), memory.store.vault, "a")
            counting = _CountingTxn(txn)
            chunks = sources.stored_source_chunks(counting, info.uid, first, cipher, 65_536)  # type: ignore[arg-type]
            return [i for chunk, _ in chunks for i in chunk.tolist()], counting.rows

        found, read_rows = env.read(memory.store, read, buffers=True)
    assert found == ids[known:]
    assert read_rows <= most_rows
