"""Packing a large memory's sources on a thread of their own (:mod:`ltmt.memory.packing`): no
search waits for it, the matches stay the same, and a closed Memory or a failed pack loses
nothing."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from ltmt import Memory
from ltmt.memory import env, scratch
from ltmt.memory.packing import BackgroundPacker
from ltmt.memory.source_codes import SourceCodes

MANY = [(f"Open the file number {i} now", f"Datei Nummer {i} jetzt öffnen") for i in range(60)]
QUERIES = ["open the file number 7", "OPEN FILE NUMBER 42 NOW", "close the file", "number 5"]


def _matches(memory: Memory) -> list[list[tuple[int, float]]]:
    return [[(m.segment.id, m.score) for m in found] for found in memory.search_batch("u", QUERIES)]


def _search_until_a_pack_starts(memory: Memory) -> int:
    """Search until the searches have read as many sources as the memory holds (at most 8
    candidates a search, 60 segments) and a pack starts; the searches made."""
    packer = memory._packer
    started = threading.Event()
    start = packer.start

    def spy(*args: Any) -> bool:
        started.set()
        return start(*args)

    packer.start = spy  # type: ignore[method-assign]
    try:
        searches = 0
        while not started.is_set():
            memory.search("u", QUERIES[searches % len(QUERIES)])
            searches += 1
            assert searches <= 60
    finally:
        del packer.start
    return searches


def _packs_wait_for(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Packs (their read of the sources) wait for the first event once the second is set."""
    go_on, reading = threading.Event(), threading.Event()
    refreshed = SourceCodes.refreshed

    def slow_refresh(self: SourceCodes, *args: object) -> SourceCodes:
        reading.set()
        assert go_on.wait(timeout=30)
        return refreshed(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SourceCodes, "refreshed", slow_refresh)
    return go_on, reading


def test_the_sources_are_packed_on_a_thread_once_the_searches_read_as_many(
    tmp_path: Path,
) -> None:
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory)
        assert len(QUERIES) + _search_until_a_pack_starts(memory) >= 60 / 8
        assert memory._packer.wait(timeout=30)
        assert memory._scratch.codes.cached("u") is not None
        assert memory._scratch.pack_now("u", 60)
        assert _matches(memory) == one_by_one  # the same matches, the same scores


def test_searches_go_on_reading_one_by_one_while_the_sources_are_packed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on, reading = _packs_wait_for(monkeypatch)
    monkeypatch.setattr(scratch, "PACK_PATIENCE", 1000.0)  # the searches never wait for it
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory)
        _search_until_a_pack_starts(memory)
        assert reading.wait(timeout=30)
        assert _matches(memory) == one_by_one  # answered while the pack waits
        assert memory._scratch.codes.cached("u") is None and memory._packer.packing("u")
        go_on.set()
        assert memory._packer.wait(timeout=30)
        assert memory._scratch.codes.cached("u") is not None
        assert _matches(memory) == one_by_one


def test_searches_wait_for_a_pack_that_outlasts_its_patience(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on, reading = _packs_wait_for(monkeypatch)
    monkeypatch.setattr(scratch, "PACK_PATIENCE", 0.0)  # starved at once
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory)
        _search_until_a_pack_starts(memory)
        assert reading.wait(timeout=30)
        overdue, shared_at_wait = memory._scratch.overdue_pack, []

        def spied(user: str) -> threading.Event | None:
            event = overdue(user)
            shared_at_wait.append(memory.store.lock._shared)
            return event

        monkeypatch.setattr(memory._scratch, "overdue_pack", spied)
        found: list[list[list[tuple[int, float]]]] = []
        searching = threading.Thread(target=lambda: found.append(_matches(memory)))
        searching.start()
        searching.join(timeout=0.3)
        assert searching.is_alive() and not found  # waiting for the pack
        go_on.set()
        searching.join(timeout=30)
        assert found == [one_by_one]
        assert memory._scratch.codes.cached("u") is not None  # it scored from them
        # it waited in no read transaction: the pack's was the only one (a map resize waiting
        # for the search's would keep a pack that had not begun from beginning)
        assert shared_at_wait == [1]


def test_a_pack_under_way_holds_the_store_open_after_the_memory_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on, _ = _packs_wait_for(monkeypatch)
    memory = Memory(tmp_path / "m", scan_max=0, candidates=8)
    memory.import_pairs("u", MANY)
    store = memory.store
    _search_until_a_pack_starts(memory)
    memory.close()
    assert store.refs == 1  # the pack's
    go_on.set()
    assert memory._packer.wait(timeout=30)
    assert store.refs == 0  # closed by the pack's release
    with Memory(tmp_path / "m", scan_max=0) as again:  # opens the store anew, as it was
        assert len(again.search("u", "open the file number 7")) == 5


def test_a_failed_pack_is_logged_and_the_searches_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: SourceCodes, *args: object) -> SourceCodes:
        raise OSError("no room")

    monkeypatch.setattr(SourceCodes, "refreshed", broken)
    with caplog.at_level("WARNING"), Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory)
        _search_until_a_pack_starts(memory)
        assert memory._packer.wait(timeout=30)
        assert memory._scratch.codes.cached("u") is None
        assert _matches(memory) == one_by_one
        monkeypatch.undo()
        _search_until_a_pack_starts(memory)  # the searches try again once they read as many
        assert memory._packer.wait(timeout=30)
        assert memory._scratch.codes.cached("u") is not None
    assert "packing the sources of 'u' failed (no room); its searches read them one by one" in (
        caplog.text
    )


def test_one_pack_at_a_time_and_one_per_user() -> None:
    packer, order, released = BackgroundPacker(), [], []
    first_runs, go_on = threading.Event(), threading.Event()

    def first() -> None:
        first_runs.set()
        assert go_on.wait(timeout=30)
        order.append("a")

    a_ended = packer.start("a", first, lambda: released.append("a"))
    assert a_ended is not None and first_runs.wait(timeout=30)
    again = packer.start("a", lambda: order.append("again"), lambda: released.append("a2"))
    assert again is a_ended and released == ["a2"]  # the pack under way's; given back at once
    b_ended = packer.start("b", lambda: order.append("b"), lambda: released.append("b"))
    assert b_ended is not None and packer.packing("b") and order == []  # b waits for a
    assert not a_ended.is_set()
    go_on.set()
    assert packer.wait(timeout=30) and a_ended.is_set() and b_ended.is_set()
    assert order == ["a", "b"] and sorted(released) == ["a", "a2", "b"]


def test_a_closed_packer_skips_the_packs_not_begun_and_gives_their_store_back() -> None:
    packer, ran, released = BackgroundPacker(), [], []
    go_on = threading.Event()
    assert packer.start("a", lambda: (go_on.wait(timeout=30), ran.append("a")), lambda: None)
    b_ended = packer.start("b", lambda: ran.append("b"), lambda: released.append("b"))
    packer.close()
    assert packer.start("c", lambda: ran.append("c"), lambda: released.append("c")) is None
    go_on.set()
    assert packer.wait(timeout=30)
    assert ran == ["a"] and sorted(released) == ["b", "c"]
    assert b_ended is not None and b_ended.is_set()  # skipped, and said so


def test_retain_and_release_count_the_stores_users(tmp_path: Path) -> None:
    with Memory(tmp_path / "m") as memory:
        store = env.retain(memory.store)
        assert store is memory.store and store.refs == 2
        env.release(store)
        assert store.refs == 1


def test_a_batch_whose_rest_would_read_as_many_packs_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory)  # 4 searches: fewer reads than the memory holds
        started: list[str] = []
        monkeypatch.setattr(memory._packer, "start", lambda user, *_: started.append(user))
        batch = memory.search_batch("u", QUERIES * 30)  # 120 texts, up to 8 reads each
        assert started == [] and memory._scratch.codes.cached("u") is not None
        found = [[(m.segment.id, m.score) for m in matches] for matches in batch]
        assert found == one_by_one * 30


def test_deleting_a_user_forgets_the_sources_a_pack_under_way_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.memory import search

    go_on, snapshot_read = threading.Event(), threading.Event()
    kept = search._kept

    def pack_waits(*args: Any) -> Any:  # the pack has read the user's row, not yet its sources
        if threading.current_thread().name == "ltmt-pack":
            snapshot_read.set()
            assert go_on.wait(timeout=30)
        return kept(*args)

    monkeypatch.setattr(search, "_kept", pack_waits)
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        _search_until_a_pack_starts(memory)
        assert snapshot_read.wait(timeout=30)
        assert memory.delete_user("u")
        go_on.set()  # the pack goes on in its older snapshot, where the user's sources are
        assert memory._packer.wait(timeout=30)
        assert memory._scratch.codes.cached("u") is None  # read, and not kept
        assert memory.search("u", "open the file number 7") == []


def test_a_pack_whose_release_fails_still_ends(caplog: pytest.LogCaptureFixture) -> None:
    packer = BackgroundPacker()

    def release() -> None:
        raise OSError("bad descriptor")

    with caplog.at_level("WARNING"):
        ended = packer.start("a", lambda: None, release)
        assert ended is not None and ended.wait(timeout=30)
    assert not packer.packing("a")
    assert "giving back the store after packing 'a' failed (bad descriptor)" in caplog.text
